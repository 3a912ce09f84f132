import { CosBucketInventory } from './.gen/providers/tencentcloud/cos-bucket-inventory';
import { Construct, TerraformResource, TerraformStack } from './core';
import { handlerFilter, InventorySourceProps, reportSourceProblems, tagProblems, tagsOf } from './inventory-source';
import { ManagedInventoryConfig } from './managed-inventory-config';
import { defaultInventoryId, InventoryFrequency, InventoryObjectVersions, InventoryOptions } from './inventory-options';
import { claimInventoryId } from './validation/duplicate-inventory-id';
import { checkInventoryId } from './validation/inventory-id';
import { known } from './validation/known';
import { throwIfProblems } from './validation/problem';

/** Props of {@link BucketInventory}. */
export interface BucketInventoryProps extends InventorySourceProps, InventoryOptions {}

/**
 * A periodic inventory config (PUT Bucket inventory) on a source bucket, delivering into an
 * {@link InventoryDestination}. Creating it grants the destination's policy statement for this source, and the
 * config is applied only after that policy.
 *
 * It is a `tencentcloud_cos_bucket_inventory`, except with a tag filter, which that resource cannot express: then
 * the bundled handler puts, reads back and deletes the config itself (see `ManagedInventoryConfig`), with the
 * credentials the tencentcloud provider reads from the environment.
 */
export class BucketInventory extends Construct {
  /** The inventory id on the source bucket. */
  public readonly inventoryId: string;
  /** Full name of the source bucket. */
  public readonly bucketName: string;
  /** Where in the destination bucket this source's reports land: `<prefix>/<appid>/<name>/<inventory id>`. */
  public readonly reportPath: string;
  /** The `tencentcloud_cos_bucket_inventory`, or with a tag filter the `terraform_data` that puts the config. */
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
      ...tagProblems(props),
      ...claimInventoryId(TerraformStack.of(this), 'inventoryId', props.bucketName, this.inventoryId, this.node.path),
    ]);

    const sourcePath = destination.grantInventoryReports({ bucketName: props.bucketName, appId: props.appId, reportPrefix });
    this.reportPath = `${sourcePath}/${this.inventoryId}`;
    // COS writes the first report soon after the config is put; the policy that lets it must exist by then.
    const dependsOn = destination.policy ? [destination.policy] : undefined;
    const encryption = props.encryptReports ?? true;
    if (tagsOf(props).length > 0) {
      this.resource = new ManagedInventoryConfig(this, 'Managed', {
        dependsOn,
        spec: {
          version: 1,
          service: 'cos',
          bucket: props.bucketName,
          region: props.region ?? destination.region,
          id: this.inventoryId,
          enabled: props.enabled ?? true,
          frequency,
          includedObjectVersions: props.includedObjectVersions ?? InventoryObjectVersions.CURRENT,
          optionalFields: props.optionalFields ?? [],
          filter: handlerFilter(props),
          destination: { bucket: destination.bucketName, prefix: reportPrefix, accountId: destination.ownerUin, encryption },
        },
      }).resource;
      return;
    }
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
        encryption: encryption ? { sseCos: '' } : undefined,
      },
      dependsOn,
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
