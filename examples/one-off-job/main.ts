// A one-off, tag-filtered inventory job submitted when the stack is applied (POST Bucket inventory), into an
// existing destination whose policy is managed elsewhere. The stack holds only a built-in `terraform_data`
// resource, so `terraform init` and `apply` need no provider download.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { InventoryDestination, InventoryField, InventoryJob, InventoryObjectVersions } from '../../src';

/** What the example lets a caller vary (the end-to-end test changes the prefix to re-run the job). */
export interface OneOffJobOptions {
  readonly prefix?: string;
  readonly runOnEveryDeploy?: boolean;
}

export class OneOffJobStack extends TerraformStack {
  constructor(scope: Construct, id: string, options: OneOffJobOptions = {}) {
    super(scope, id);
    const destination = new InventoryDestination(this, 'Destination', {
      bucketName: 'inventorybucket-1250000000',
      region: 'ap-guangzhou',
      existingBucket: true,
      managePolicy: false,
      ownerUin: '100000000001',
    });

    const job = new InventoryJob(this, 'Audit', {
      destination,
      bucketName: 'examplebucket-1250000000',
      jobIdPrefix: 'pre-migration-audit',
      prefix: options.prefix ?? 'myPrefix',
      tags: { age: '18' },
      includedObjectVersions: InventoryObjectVersions.ALL,
      optionalFields: [InventoryField.SIZE, InventoryField.LAST_MODIFIED_DATE, InventoryField.STORAGE_CLASS, InventoryField.ETAG, InventoryField.TAG],
      runOnEveryDeploy: options.runOnEveryDeploy,
    });

    new TerraformOutput(this, 'job_id', { value: job.jobId });
    new TerraformOutput(this, 'report_location', { value: job.reportLocation });
    new TerraformOutput(this, 'destination_policy', { value: destination.policyJson });
  }
}

export function synthesize(app: App, options: OneOffJobOptions = {}): App {
  new OneOffJobStack(app, 'cos-inventory-one-off-job', options);
  return app;
}

if (require.main === module) synthesize(new App()).synth();
