import { CosBucketInventory } from './.gen/providers/tencentcloud/cos-bucket-inventory';
import { Construct, TerraformResource, TerraformStack } from './core';
import { schemaProblems } from './contract/document';
import { CONFIG_SCHEMA, ManagedInventorySpec } from './contract/spec';
import { handlerFilter, InventorySourceProps, reportSourceProblems, tagProblems } from './inventory-source';
import { CosHandlerOptions, cosEndpointSettings, cosHandlerProblems } from './handler-options';
import { ManagedInventoryConfig } from './managed-inventory-config';
import { defaultInventoryId, InventoryFrequency, InventoryObjectVersions, InventoryOptions } from './inventory-options';
import { inventoryBucketReference } from './contract/names';
import { literalTemplates } from './terraform-literal';
import { checkBoolean, checkOneOf, FREQUENCIES } from './contract/rules/choices';
import { claimInventoryId } from './validation/duplicate-inventory-id';
import { checkInventoryId } from './contract/rules/inventory-id';
import { known } from './validation/known';
import { throwIfProblems } from './contract/rules/problem';

/** Props of {@link BucketInventory}. */
export interface BucketInventoryProps extends InventorySourceProps, InventoryOptions, CosHandlerOptions {}

/** Who puts a periodic COS config. */
export enum InventoryManagement {
  /** The provider's `tencentcloud_cos_bucket_inventory`. */
  PROVIDER = 'provider',
  /** The bundled handler, through two `terraform_data` resources (see `ManagedInventoryConfig`). */
  HANDLER = 'handler',
}

/**
 * A periodic inventory config (PUT Bucket inventory) on a source bucket, delivering into an
 * {@link InventoryDestination}. Creating it grants the destination's policy statement for this source, and the
 * config is applied only after that policy.
 *
 * Who puts it depends on what it says (see `management`): the provider's `tencentcloud_cos_bucket_inventory` only
 * when that resource sends exactly this config and reads it back unchanged, which is when reports are not encrypted,
 * there is no tag filter, and both a prefix and optional fields are set. Every other config (encrypted reports, the
 * default, included) is put, read back and deleted by the bundled handler with the credentials the tencentcloud
 * provider reads from the environment, because the provider drops the encryption element and re-plans unset
 * filters and fields after every apply.
 */
export class BucketInventory extends Construct {
  /** The inventory id on the source bucket. */
  public readonly inventoryId: string;
  /** Full name of the source bucket. */
  public readonly bucketName: string;
  /** Where in the destination bucket this source's reports land: `<prefix>/<appid>/<name>/<inventory id>`. */
  public readonly reportPath: string;
  /** Who puts the config: the provider resource or the bundled handler. */
  public readonly management: InventoryManagement;
  /** The `tencentcloud_cos_bucket_inventory`, or the `terraform_data` that puts the config through the handler. */
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
      ...cosHandlerProblems(props),
      ...checkOneOf('frequency', known(frequency), FREQUENCIES),
      ...checkBoolean('enabled', known(props.enabled)),
      ...claimInventoryId(TerraformStack.of(this), 'inventoryId', props.bucketName, this.inventoryId, this.node.path),
    ]);

    const sourcePath = destination.grantInventoryReports({ bucketName: props.bucketName, appId: props.appId, reportPrefix });
    this.reportPath = `${sourcePath}/${this.inventoryId}`;
    const spec: ManagedInventorySpec = {
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
      destination: { bucket: destination.bucketName, prefix: reportPrefix, accountId: destination.ownerUin, encryption: props.encryptReports ?? true },
    };
    // COS writes the first report soon after the config is put; the policy that lets it must exist by then.
    const dependsOn = destination.policy ? [destination.policy] : undefined;
    // The handler's own schema, on what is known at synth time (tokens pass as the strings and numbers they stand for).
    throwIfProblems(this.node.path, schemaProblems(CONFIG_SCHEMA, spec));
    this.management = providerExpressesExactly(spec) ? InventoryManagement.PROVIDER : InventoryManagement.HANDLER;
    this.resource = this.management === InventoryManagement.PROVIDER
      ? new CosBucketInventory(this, 'Resource', { ...providerConfig(spec), dependsOn })
      : new ManagedInventoryConfig(this, 'Managed', {
        spec, dependsOn, nodeExecutable: props.nodeExecutable, environment: cosEndpointSettings(props.endpoint),
      }).resource;
  }
}

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
