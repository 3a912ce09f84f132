// A new destination bucket fed by two source buckets: the bucket, its merged policy and one daily inventory each.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { cos, TencentcloudProvider } from 'cdktf-cos-inventory';

export class NewDestinationStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new TencentcloudProvider(this, 'tencentcloud', { region: 'ap-guangzhou' });

    // This stack owns the account-wide COS_QcsRole; other stacks use cos.ServiceRole.fromAccount (the default).
    const serviceRole = cos.ServiceRole.create(this, 'CosServiceRole');
    const destination = new cos.InventoryDestination(this, 'Destination', {
      bucketName: 'inventory-reports-1250000000',
      region: 'ap-guangzhou',
      reportExpirationDays: 90,
      serviceRole,
    });

    new cos.CentralInventory(this, 'Inventory', {
      destination,
      sources: ['app-logs-1250000000', 'user-media-1250000000'],
      inventory: { optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.LAST_MODIFIED_DATE, cos.InventoryField.STORAGE_CLASS, cos.InventoryField.ETAG] },
    });
  }
}

export function synthesize(app: App): App {
  new NewDestinationStack(app, 'cos-inventory-new-destination');
  return app;
}

if (require.main === module) synthesize(new App()).synth();
