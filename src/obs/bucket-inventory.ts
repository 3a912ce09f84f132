import * as v from 'valibot';
import { assertSameCore, Construct, TerraformResource, TerraformStack } from '../core';
import { schemaProblems } from '../contract/document';
import { normalizeConfig } from '../contract/normalize';
import { checkBoolean, checkOneOf, FREQUENCIES, OBJECT_VERSIONS } from '../contract/rules/choices';
import { checkInventoryId } from '../contract/rules/inventory-id';
import { checkReportPrefix } from '../contract/rules/object-prefix';
import { checkObsBucketName } from '../contract/rules/obs-bucket-name';
import { checkOptionalFields, OBS_OPTIONAL_FIELDS } from '../contract/rules/optional-fields';
import { throwIfProblems } from '../contract/rules/problem';
import { checkObsRegion, checkSameRegion } from '../contract/rules/region';
import { CONFIG_SCHEMA } from '../contract/spec';
import { filterProblems } from '../common/filter';
import { InventoryManagement, PeriodicInventoryOptions } from '../common/inventory-options';
import { DestinationConfigs } from '../common/inventory-configs';
import { claimConfig } from '../common/validation/config-claims';
import { claimedPrefix, known, knownEach } from '../common/validation/known';
import { checkPropsShape, entriesOf, PERIODIC_OPTIONS, propsSchema, reference, text, texts } from '../common/validation/props';
import { HANDLER_OPTIONS_SCHEMA, HandlerOptions, obsEndpointSettings, obsHandlerProblems } from './handler-options';
import { IInventoryDestination } from './inventory-destination';
import { InventoryField } from './inventory-field';

/** What an OBS periodic inventory says, whichever source it is for. OBS reports are not encrypted by the service. */
export interface InventoryOptions extends PeriodicInventoryOptions {
  /**
   * Extra columns, each at most once.
   * @default - the key and, for all versions, the version columns only
   */
  readonly optionalFields?: InventoryField[];
}

/** The shape of `InventoryOptions` (for callers without the types). */
export const INVENTORY_OPTIONS = entriesOf<InventoryOptions>({ ...PERIODIC_OPTIONS, optionalFields: v.optional(texts) });

const PROPS_SCHEMA = propsSchema(entriesOf<BucketInventoryProps>({
  ...INVENTORY_OPTIONS,
  destination: reference,
  bucketName: text,
  region: v.optional(text),
  handler: v.optional(HANDLER_OPTIONS_SCHEMA),
}));

/** Props of {@link BucketInventory}. */
export interface BucketInventoryProps extends InventoryOptions {
  /** Where reports go; the bucket policy statement for the report prefix is added to it. */
  readonly destination: IInventoryDestination;
  /** Name of the source bucket. */
  readonly bucketName: string;
  /**
   * Region of the source bucket; OBS requires the destination in the same region (and account).
   * @default - the destination's region
   */
  readonly region?: string;
  /**
   * How the bundled handler runs.
   * @default - `node` from the PATH, the public OBS endpoint of the region
   */
  readonly handler?: HandlerOptions;
}

/**
 * A periodic Huawei Cloud OBS inventory config (PUT Bucket Inventory). No Terraform provider manages OBS
 * inventories, so the bundled handler does, with its own signed OBS client: it puts the config and reads it back on create
 * and on every change, and deletes it on destroy. Credentials come from `HW_ACCESS_KEY`, `HW_SECRET_KEY` and
 * `HW_SECURITY_TOKEN`, as the huaweicloud provider reads them. A bucket keeps at most 10 configs whose prefixes
 * must not contain each other; both are checked at synth time.
 *
 * @example
 * const destination = obs.InventoryDestination.fromBucketName(this, 'Destination', 'inventory-reports', 'cn-north-4');
 * new obs.BucketInventory(this, 'Media', {
 *   destination,
 *   bucketName: 'user-media',
 *   frequency: InventoryFrequency.WEEKLY,
 *   optionalFields: [obs.InventoryField.SIZE, obs.InventoryField.ETAG],
 *   filter: { prefix: 'uploads/' },
 * });
 */
export class BucketInventory extends Construct {
  /** Name of the source bucket. */
  public readonly bucketName: string;
  /** The inventory id on the source bucket. */
  public readonly inventoryId: string;
  /** Where in the destination bucket this config's reports land: `<prefix>/<source bucket>/<inventory id>`. */
  public readonly reportPath: string;
  /** Who puts the config: always the bundled handler, as no provider has an OBS inventory resource. */
  public readonly management: InventoryManagement;
  /** The destination's reconciling `terraform_data`, which puts every config of that destination. */
  public readonly resource: TerraformResource;

  constructor(scope: Construct, id: string, props: BucketInventoryProps) {
    super(scope, id);
    assertSameCore(this);
    checkPropsShape(this.node.path, 'obs.BucketInventory', 'inventory', PROPS_SCHEMA, props);
    const destination = props.destination;
    const region = props.region ?? destination.region;
    const reportPrefix = props.reportPrefix ?? destination.reportPrefix;
    const spec = normalizeConfig({
      service: 'obs',
      bucket: props.bucketName,
      region,
      id: props.inventoryId,
      enabled: props.enabled,
      frequency: props.frequency,
      includedObjectVersions: props.includedObjectVersions,
      optionalFields: props.optionalFields,
      filter: props.filter,
      destination: { bucket: destination.bucketName, prefix: reportPrefix },
    });
    this.bucketName = props.bucketName;
    this.inventoryId = spec.id;
    throwIfProblems(this.node.path, [
      ...checkObsBucketName('bucketName', known(props.bucketName)),
      ...checkInventoryId('inventoryId', known(spec.id)),
      ...checkObsRegion('region', known(region)),
      ...checkSameRegion('region', 'OBS', known(region), known(destination.region)),
      ...checkOneOf('frequency', known(props.frequency), FREQUENCIES),
      ...checkOneOf('includedObjectVersions', known(props.includedObjectVersions), OBJECT_VERSIONS),
      ...checkBoolean('enabled', known(props.enabled)),
      ...checkBoolean('adoptExisting', known(props.adoptExisting)),
      ...checkOptionalFields('optionalFields', knownEach(props.optionalFields ?? []), OBS_OPTIONAL_FIELDS),
      ...filterProblems('obs', props.filter),
      ...checkReportPrefix('reportPrefix', known(reportPrefix)),
      ...obsHandlerProblems(props.handler),
      ...claimConfig(TerraformStack.of(this), { service: 'obs', bucket: props.bucketName, id: known(spec.id), prefix: claimedPrefix(props.filter?.prefix), owner: this.node.path }),
    ]);
    throwIfProblems(this.node.path, schemaProblems(CONFIG_SCHEMA, spec));

    const sourcePath = destination.allowInventoryReportsFrom({ bucketName: props.bucketName, reportPrefix });
    this.reportPath = `${sourcePath}/${spec.id}`;
    this.management = InventoryManagement.HANDLER;
    this.resource = DestinationConfigs.of(destination, 'obs', destination.bucketName, destination.region).addHandled(
      { spec, adoptExisting: props.adoptExisting ?? false, owner: this.node.path },
      { nodeExecutable: props.handler?.nodeExecutable, environment: obsEndpointSettings(props.handler?.endpoint) },
      // OBS writes reports only where the destination policy lets it.
      destination.policy ? [destination.policy] : [],
    );
  }
}
