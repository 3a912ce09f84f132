// A one-off, tag-filtered inventory job submitted when the stack is applied (POST Bucket inventory), into an
// existing destination whose policy is managed elsewhere. The stack holds only a built-in `terraform_data`
// resource, so `terraform init` and `apply` need no provider download.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { BucketPolicyOwner, cos, InventoryObjectVersions } from 'cdktf-cos-inventory';

/** What the example lets a caller vary (the end-to-end tests change the prefix, the wait and the rerun key). */
export interface OneOffJobOptions {
  readonly prefix?: string;
  readonly runOnEveryDeploy?: boolean;
  readonly waitTimeoutSeconds?: number;
  readonly rerunKey?: string;
}

export class OneOffJobStack extends TerraformStack {
  constructor(scope: Construct, id: string, options: OneOffJobOptions = {}) {
    super(scope, id);
    const destination = cos.InventoryDestination.fromBucketAttributes(this, 'Destination', {
      bucketName: 'inventorybucket-1250000000',
      region: 'ap-guangzhou',
      ownerUin: '100000000001',
      policyOwner: BucketPolicyOwner.ELSEWHERE,
    });

    const job = new cos.InventoryJob(this, 'Audit', {
      destination,
      bucketName: 'examplebucket-1250000000',
      jobIdPrefix: 'pre-migration-audit',
      filter: { prefix: options.prefix ?? 'myPrefix', objectTags: { age: '18' } },
      includedObjectVersions: InventoryObjectVersions.ALL,
      optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.LAST_MODIFIED_DATE, cos.InventoryField.STORAGE_CLASS, cos.InventoryField.ETAG, cos.InventoryField.TAG],
      runOnEveryDeploy: options.runOnEveryDeploy,
      rerunKey: options.rerunKey,
      // Only with a timeout given: waiting for the report is a second resource, which never submits the job again.
      ...(options.waitTimeoutSeconds !== undefined ? { waitForReport: true, waitTimeoutSeconds: options.waitTimeoutSeconds, pollIntervalSeconds: 1 } : {}),
    });

    new TerraformOutput(this, 'job_id', { value: job.inventoryId });
    new TerraformOutput(this, 'report_path', { value: job.reportPath });
    new TerraformOutput(this, 'destination_policy', { value: destination.policyJson });
  }
}

export function synthesize(app: App, options: OneOffJobOptions = {}): App {
  new OneOffJobStack(app, 'cos-inventory-one-off-job', options);
  return app;
}

if (require.main === module) synthesize(new App()).synth();
