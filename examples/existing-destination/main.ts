// An existing destination bucket whose policy another team manages: this stack only adds the inventory configs
// and prints the policy document that team has to merge.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { BucketPolicyOwner, cos, InventoryFrequency, InventoryObjectVersions, TencentcloudProvider } from 'cdktf-cos-inventory';

export class ExistingDestinationStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new TencentcloudProvider(this, 'tencentcloud', { region: 'ap-shanghai' });

    const destination = cos.InventoryDestination.fromBucketAttributes(this, 'Destination', {
      bucketName: 'central-inventory-1250000000',
      region: 'ap-shanghai',
      ownerUin: '100000000001',
      reportPrefix: 'reports',
      policyOwner: BucketPolicyOwner.ELSEWHERE,
    });

    new cos.BucketInventory(this, 'Warehouse', {
      destination,
      bucketName: 'warehouse-1250000000',
      inventoryId: 'warehouse-weekly',
      frequency: InventoryFrequency.WEEKLY,
      includedObjectVersions: InventoryObjectVersions.ALL,
      filter: { prefix: 'exports/', createdAfter: 1704067200 },
      optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.TAG, cos.InventoryField.CRC64, cos.InventoryField.USER_METADATA],
    });

    new TerraformOutput(this, 'destination_policy', {
      description: 'Merge this document into the policy of central-inventory-1250000000',
      value: destination.policyJson,
    });
  }
}

export function synthesize(app: App): App {
  new ExistingDestinationStack(app, 'cos-inventory-existing-destination');
  return app;
}

if (require.main === module) synthesize(new App()).synth();
