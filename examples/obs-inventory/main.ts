// A Huawei Cloud OBS inventory, managed by the bundled handler (no provider has an OBS inventory resource), into an
// existing destination whose policy is managed elsewhere: the stack holds only built-in `terraform_data`
// resources, and prints the policy statement the destination needs.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { InventoryFrequency, InventoryObjectVersions, ObsBucketInventory, ObsInventoryDestination, ObsInventoryField } from '../../src';

/** What the example lets a caller vary (the end-to-end test changes the prefix). */
export interface ObsInventoryOptions {
  readonly prefix?: string;
}

export class ObsInventoryStack extends TerraformStack {
  constructor(scope: Construct, id: string, options: ObsInventoryOptions = {}) {
    super(scope, id);
    const destination = new ObsInventoryDestination(this, 'Destination', {
      bucketName: 'destbucket',
      region: 'cn-north-4',
      existingBucket: true,
      managePolicy: false,
      reportPrefix: 'dest-prefix',
    });

    new ObsBucketInventory(this, 'Inventory', {
      destination,
      bucketName: 'examplebucket',
      inventoryId: 'test_id',
      prefix: options.prefix ?? 'inventoryTestPrefix',
      frequency: InventoryFrequency.DAILY,
      includedObjectVersions: InventoryObjectVersions.ALL,
      optionalFields: [ObsInventoryField.SIZE, ObsInventoryField.LAST_MODIFIED_DATE, ObsInventoryField.ETAG,
        ObsInventoryField.IS_MULTIPART_UPLOADED, ObsInventoryField.REPLICATION_STATUS],
    });

    new TerraformOutput(this, 'destination_policy', { value: destination.policyJson });
  }
}

export function synthesize(app: App, options: ObsInventoryOptions = {}): App {
  new ObsInventoryStack(app, 'obs-inventory', options);
  return app;
}

if (require.main === module) synthesize(new App()).synth();
