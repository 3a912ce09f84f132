// A new destination bucket fed by two source buckets: the bucket, its merged policy and one daily inventory each.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CentralInventory, CosServiceRole, InventoryField, TencentcloudProvider } from '../../src';

export class NewDestinationStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new TencentcloudProvider(this, 'tencentcloud', { region: 'ap-guangzhou' });

    // This stack owns the account-wide COS_QcsRole; other stacks reference it (the default).
    const serviceRole = new CosServiceRole(this, 'CosServiceRole', { create: true });

    new CentralInventory(this, 'Inventory', {
      destination: { serviceRole, bucketName: 'inventory-reports-1250000000', region: 'ap-guangzhou', reportExpirationDays: 90 },
      sourceBuckets: ['app-logs-1250000000', 'user-media-1250000000'],
      inventory: { optionalFields: [InventoryField.SIZE, InventoryField.LAST_MODIFIED_DATE, InventoryField.STORAGE_CLASS, InventoryField.ETAG] },
    });
  }
}

export function synthesize(app: App): App {
  new NewDestinationStack(app, 'cos-inventory-new-destination');
  return app;
}

if (require.main === module) synthesize(new App()).synth();
