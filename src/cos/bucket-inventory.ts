import * as v from 'valibot';
import { CosBucketInventory } from '../.gen/providers/tencentcloud/cos-bucket-inventory';
import { Construct, TerraformResource, TerraformStack } from '../core';
import { inventoryBucketReference } from '../contract/names';
import { checkBoolean } from '../contract/rules/choices';
import { ManagedInventorySpec } from '../contract/spec';
import { InventoryManagement, PeriodicInventoryOptions } from '../common/inventory-options';
import { declarePeriodicInventory, periodicSourceProps, PeriodicService } from '../common/periodic-inventory';
import { literalTemplates } from '../common/terraform-literal';
import { known } from '../common/validation/known';
import { entriesOf, flag, PERIODIC_OPTIONS, propsSchema, text } from '../common/validation/props';
import { cosEndpointSettings, cosHandlerProblems, HANDLER_OPTIONS_SCHEMA, HandlerOptions } from './handler-options';
import { IInventoryDestination } from './inventory-destination';
import { FIELD_OPTIONS, InventoryFieldOptions } from './inventory-field';
import { cosReportProblems } from './source';

/** What a COS periodic inventory says, whichever source it is for. */
export interface InventoryOptions extends PeriodicInventoryOptions, InventoryFieldOptions {
  /**
   * Encrypt the report files with SSE-COS.
   * @default true
   */
  readonly encryptReports?: boolean;
}

/** The shape of `InventoryOptions` (for callers without the types). */
export const INVENTORY_OPTIONS = entriesOf<InventoryOptions>({ ...PERIODIC_OPTIONS, ...FIELD_OPTIONS, encryptReports: v.optional(flag) });

/** What the shared periodic-inventory skeleton needs of COS. */
const COS_PERIODIC: PeriodicService = {
  service: 'cos',
  propsSchema: propsSchema(entriesOf<BucketInventoryProps>({ ...INVENTORY_OPTIONS, ...periodicSourceProps(HANDLER_OPTIONS_SCHEMA), appId: v.optional(text) })),
  destinationExtras: (props: BucketInventoryProps) => ({ accountId: props.destination.ownerUin, encryption: props.encryptReports }),
  problems: (props: BucketInventoryProps, _region: string, reportPrefix: string) => [
    ...cosReportProblems(props, props, reportPrefix, props.destination.region),
    ...cosHandlerProblems(props.handler),
    ...checkBoolean('encryptReports', known(props.encryptReports)),
  ],
  reportSource: (props: BucketInventoryProps, reportPrefix: string) => ({ bucketName: props.bucketName, appId: props.appId, reportPrefix }),
};

/** Props of {@link BucketInventory}. */
export interface BucketInventoryProps extends InventoryOptions {
  /** Where reports go; the matching bucket policy statement is added to it. */
  readonly destination: IInventoryDestination;
  /**
   * Full name of the source bucket, with its `-APPID` suffix. A bucket created in the same stack may be passed
   * as a reference (`myBucket.bucket`); give `appId` then.
   */
  readonly bucketName: string;
  /**
   * APPID of the source bucket's account.
   * @default - the `-APPID` suffix of `bucketName`
   */
  readonly appId?: string;
  /**
   * Region of the source bucket; COS requires the destination in the same region.
   * @default - the destination's region
   */
  readonly region?: string;
  /**
   * How the bundled handler runs, when it puts this config (see `management`).
   * @default - `node` from the PATH, the public COS endpoint
   */
  readonly handler?: HandlerOptions;
}

/**
 * A periodic COS inventory config (PUT Bucket inventory) on a source bucket, delivering into an
 * {@link IInventoryDestination}. Creating it grants the destination's policy statement for this source, and the
 * config is applied only after that policy.
 *
 * Who puts it depends on what it says (see `management`): the provider's `tencentcloud_cos_bucket_inventory` only
 * when that resource sends exactly this config and reads it back unchanged, which is when reports are not encrypted,
 * there is no tag filter, and both a prefix and optional fields are set. Every other config (encrypted reports, the
 * default, included) is put, read back and deleted by the bundled handler with the credentials the tencentcloud
 * provider reads from the environment, because the provider drops the encryption element and re-plans unset
 * filters and fields after every apply.
 *
 * @example
 * const destination = cos.InventoryDestination.fromBucketName(this, 'Destination', 'inventory-reports-1250000000', 'ap-guangzhou');
 * new cos.BucketInventory(this, 'Logs', {
 *   destination,
 *   bucketName: 'app-logs-1250000000',
 *   frequency: InventoryFrequency.WEEKLY,
 *   optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.STORAGE_CLASS],
 *   filter: { prefix: 'logs/', objectTags: { team: 'payments' } },
 * });
 */
export class BucketInventory extends Construct {
  /** Full name of the source bucket. */
  public readonly bucketName: string;
  /** The inventory id on the source bucket. */
  public readonly inventoryId: string;
  /** Where in the destination bucket this config's reports land: `<prefix>/<appid>/<name>/<inventory id>`. */
  public readonly reportPath: string;
  /** Who puts the config: the provider resource or the bundled handler. */
  public readonly management: InventoryManagement;
  /**
   * The resource that puts the config: the `tencentcloud_cos_bucket_inventory`, or the destination's reconciling
   * `terraform_data`, which puts every handler-managed config of that destination.
   */
  public readonly resource: TerraformResource;

  constructor(scope: Construct, id: string, props: BucketInventoryProps) {
    super(scope, id);
    const { spec, reportPath, dependsOn, configs, declared } = declarePeriodicInventory(this, props, COS_PERIODIC);
    this.bucketName = props.bucketName;
    this.inventoryId = spec.id;
    this.reportPath = reportPath;
    this.management = providerExpressesExactly(spec) ? InventoryManagement.PROVIDER : InventoryManagement.HANDLER;
    if (this.management === InventoryManagement.PROVIDER) {
      configs.addProvided(declared);
      // After the reconciler, which refuses a config this stack did not put before the provider overwrites it.
      this.resource = new CosBucketInventory(this, RESOURCE_ID, { ...providerConfig(spec), dependsOn: [...dependsOn, configs.resource] });
    } else {
      // A config the provider put before (encryption turned on, a tag added) is left to the handler, not deleted: the
      // address its resource had (a plain construct at its path names it, at a fraction of a resource's cost).
      const providerAddress = `tencentcloud_cos_bucket_inventory.${TerraformStack.of(this).getLogicalId(new Construct(this, RESOURCE_ID).node)}`;
      this.resource = configs.addHandled({ ...declared, providerAddress }, { nodeExecutable: props.handler?.nodeExecutable, environment: cosEndpointSettings(props.handler?.endpoint) }, dependsOn);
    }
  }
}

/** The provider resource's construct id; a handler-managed config writes a `removed` block for the same address. */
const RESOURCE_ID = 'Resource';

/**
 * Whether `tencentcloud_cos_bucket_inventory` (1.82) puts exactly this config and plans no change after apply.
 * It cannot send an empty `<SSE-COS>` (it drops `sse_cos = ""`), has no tag filter, and reads an unset filter or
 * unset optional fields back as empty blocks, a diff on every plan (while declaring empty blocks crashes it).
 */
export function providerExpressesExactly(spec: ManagedInventorySpec): boolean {
  return !spec.destination.encryption
    && (spec.filter?.tags ?? []).length === 0
    && spec.filter?.prefix !== undefined
    && spec.optionalFields.length > 0;
}

/** The provider resource's config, rendered from the same normalized document the handler would take. */
function providerConfig(spec: ManagedInventorySpec) {
  const period = spec.filter?.period;
  return literalTemplates({
    name: spec.id,
    bucket: spec.bucket,
    isEnabled: String(spec.enabled),
    includedObjectVersions: spec.includedObjectVersions,
    schedule: { frequency: spec.frequency },
    filter: {
      prefix: spec.filter?.prefix,
      period: period ? { startTime: optionalString(period.startTime), endTime: optionalString(period.endTime) } : undefined,
    },
    optionalFields: { fields: spec.optionalFields },
    destination: {
      bucket: inventoryBucketReference(spec.region, spec.destination.bucket),
      accountId: spec.destination.accountId,
      format: 'CSV',
      prefix: spec.destination.prefix,
    },
  });
}

function optionalString(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
