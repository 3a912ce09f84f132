import { CosBucketInventory } from './.gen/providers/tencentcloud/cos-bucket-inventory';
import { Construct, TerraformResource, TerraformStack } from './core';
import { InventorySourceProps, reportSourceProblems } from './inventory-source';
import { defaultInventoryId, InventoryFrequency, InventoryObjectVersions, InventoryOptions } from './inventory-options';
import { claimInventoryId } from './validation/duplicate-inventory-id';
import { checkInventoryId } from './validation/inventory-id';
import { known } from './validation/known';
import { checkTagFilterExpressible } from './validation/tag-filter';
import { throwIfProblems } from './validation/problem';

/** Props of {@link BucketInventory}. */
export interface BucketInventoryProps extends InventorySourceProps, InventoryOptions {}

/**
 * A periodic inventory config (PUT Bucket inventory, as `tencentcloud_cos_bucket_inventory`) on a source bucket,
 * delivering into an {@link InventoryDestination}. Creating it grants the destination's policy statement for this
 * source, and the config is applied only after that policy.
 */
export class BucketInventory extends Construct {
  /** The inventory id on the source bucket. */
  public readonly inventoryId: string;
  /** Full name of the source bucket. */
  public readonly bucketName: string;
  /** Where in the destination bucket this source's reports land: `<prefix>/<appid>/<name>/<inventory id>`. */
  public readonly reportPath: string;
  /** The `tencentcloud_cos_bucket_inventory` resource. */
  public readonly resource: TerraformResource;

  constructor(scope: Construct, id: string, props: BucketInventoryProps) {
    super(scope, id);
    const frequency = props.frequency ?? InventoryFrequency.DAILY;
    this.inventoryId = props.inventoryId ?? defaultInventoryId(frequency);
    this.bucketName = props.bucketName;
    const destination = props.destination;
    const reportPrefix = props.reportPrefix ?? destination.reportPrefix;

    throwIfProblems(this.node.path, [
      ...reportSourceProblems(props, reportPrefix),
      ...checkInventoryId('inventoryId', known(this.inventoryId)),
      ...checkTagFilterExpressible('tags', props.tags),
      ...claimInventoryId(TerraformStack.of(this), 'inventoryId', props.bucketName, this.inventoryId, this.node.path),
    ]);

    const sourcePath = destination.grantInventoryReports({ bucketName: props.bucketName, appId: props.appId, reportPrefix });
    this.reportPath = `${sourcePath}/${this.inventoryId}`;
    this.resource = new CosBucketInventory(this, 'Resource', {
      name: this.inventoryId,
      bucket: props.bucketName,
      isEnabled: String(props.enabled ?? true),
      includedObjectVersions: props.includedObjectVersions ?? InventoryObjectVersions.CURRENT,
      schedule: { frequency },
      filter: renderFilter(props),
      optionalFields: props.optionalFields && props.optionalFields.length > 0 ? { fields: props.optionalFields } : undefined,
      destination: {
        bucket: destination.bucketReference,
        accountId: destination.ownerUin,
        format: 'CSV',
        prefix: reportPrefix,
        encryption: (props.encryptReports ?? true) ? { sseCos: '' } : undefined,
      },
      // COS writes the first report soon after the config is put; the policy that lets it must exist by then.
      dependsOn: destination.policy ? [destination.policy] : undefined,
    });
  }
}

function renderFilter(props: InventoryOptions) {
  const hasPeriod = props.createdAfter !== undefined || props.createdBefore !== undefined;
  if (props.prefix === undefined && !hasPeriod) return undefined;
  return {
    prefix: props.prefix,
    period: hasPeriod
      ? { startTime: optionalString(props.createdAfter), endTime: optionalString(props.createdBefore) }
      : undefined,
  };
}

function optionalString(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
