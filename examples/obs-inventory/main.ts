// A Huawei Cloud OBS inventory, managed by the bundled handler (no provider has an OBS inventory resource), into an
// existing destination whose policy is managed elsewhere: the stack holds only built-in `terraform_data`
// resources, and prints the policy statement the destination needs.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { BucketPolicyOwner, InventoryFrequency, InventoryObjectVersions, obs } from 'cdktf-cos-inventory';

/** What the example lets a caller vary (the end-to-end test changes the prefix). */
export interface ObsInventoryOptions {
  readonly prefix?: string;
}

export class ObsInventoryStack extends TerraformStack {
  constructor(scope: Construct, id: string, options: ObsInventoryOptions = {}) {
    super(scope, id);
    const destination = obs.InventoryDestination.fromBucketAttributes(this, 'Destination', {
      bucketName: 'destbucket',
      region: 'cn-north-4',
      reportPrefix: 'dest-prefix',
      policyOwner: BucketPolicyOwner.ELSEWHERE,
    });

    new obs.BucketInventory(this, 'Inventory', {
      destination,
      bucketName: 'examplebucket',
      inventoryId: 'test_id',
      filter: { prefix: options.prefix ?? 'inventoryTestPrefix' },
      frequency: InventoryFrequency.DAILY,
      includedObjectVersions: InventoryObjectVersions.ALL,
      optionalFields: [obs.InventoryField.SIZE, obs.InventoryField.LAST_MODIFIED_DATE, obs.InventoryField.ETAG,
        obs.InventoryField.IS_MULTIPART_UPLOADED, obs.InventoryField.REPLICATION_STATUS],
    });

    new TerraformOutput(this, 'destination_policy', { value: destination.policyJson });
  }
}

export function synthesize(app: App, options: ObsInventoryOptions = {}): App {
  new ObsInventoryStack(app, 'obs-inventory', options);
  return app;
}

if (require.main === module) synthesize(new App()).synth();
