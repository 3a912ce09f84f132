import * as v from 'valibot';
import { Construct, TerraformResource } from '../core';
import { checkOneOf, OBJECT_VERSIONS } from '../contract/rules/choices';
import { checkReportPrefix } from '../contract/rules/object-prefix';
import { checkObsBucketName } from '../contract/rules/obs-bucket-name';
import { checkOptionalFields, OBS_OPTIONAL_FIELDS } from '../contract/rules/optional-fields';
import { checkObsRegion, checkSameRegion } from '../contract/rules/region';
import { filterProblems } from '../common/filter';
import { InventoryManagement, PeriodicInventoryOptions } from '../common/inventory-options';
import { declarePeriodicInventory, periodicSourceProps, PeriodicService } from '../common/periodic-inventory';
import { known, knownEach } from '../common/validation/known';
import { entriesOf, PERIODIC_OPTIONS, propsSchema, texts } from '../common/validation/props';
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

/** What the shared periodic-inventory skeleton needs of OBS: no report encryption, sources in the destination's region. */
const OBS_PERIODIC: PeriodicService = {
  service: 'obs',
  propsSchema: propsSchema(entriesOf<BucketInventoryProps>({ ...INVENTORY_OPTIONS, ...periodicSourceProps(HANDLER_OPTIONS_SCHEMA) })),
  destinationExtras: () => ({}),
  problems: (props: BucketInventoryProps, region: string) => [
    ...checkObsBucketName('bucketName', known(props.bucketName)),
    ...checkObsRegion('region', known(region)),
    ...checkSameRegion('region', 'OBS', known(region), known(props.destination.region)),
  ],
  optionProblems: (props: BucketInventoryProps, reportPrefix: string) => [
    ...checkOneOf('includedObjectVersions', known(props.includedObjectVersions), OBJECT_VERSIONS),
    ...checkOptionalFields('optionalFields', knownEach(props.optionalFields ?? []), OBS_OPTIONAL_FIELDS),
    ...filterProblems('obs', props.filter),
    ...checkReportPrefix('reportPrefix', known(reportPrefix)),
    ...obsHandlerProblems(props.handler),
  ],
  reportSource: (props: BucketInventoryProps, reportPrefix: string) => ({ bucketName: props.bucketName, reportPrefix }),
};

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
    const { spec, reportPath, dependsOn, configs, declared } = declarePeriodicInventory(this, props, OBS_PERIODIC);
    this.bucketName = props.bucketName;
    this.inventoryId = spec.id;
    this.reportPath = reportPath;
    this.management = InventoryManagement.HANDLER;
    // OBS writes reports only where the destination policy lets it.
    this.resource = configs.addHandled(declared, { nodeExecutable: props.handler?.nodeExecutable, environment: obsEndpointSettings(props.handler?.endpoint) }, dependsOn);
  }
}
