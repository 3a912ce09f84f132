import { Construct } from '../core';
import { CentralService, CentralSources } from '../common/central-sources';
import { BucketInventory, INVENTORY_OPTIONS, InventoryOptions } from './bucket-inventory';
import { HANDLER_OPTIONS_SCHEMA, HandlerOptions } from './handler-options';
import { IInventoryDestination } from './inventory-destination';

/** One source of a {@link CentralInventory}, and what it changes from the shared inventory settings. */
export interface SourceOptions extends InventoryOptions {
  /**
   * Construct id of this source's inventory, which its resource addresses derive from. Required when `bucketName`
   * is a reference (a bucket created in the stack): a literal name is its own id.
   * @default - the bucket name
   */
  readonly sourceId?: string;
}

/** Props of {@link CentralInventory}. */
export interface CentralInventoryProps {
  /** Where every source reports. */
  readonly destination: IInventoryDestination;
  /**
   * Names of source buckets with the shared settings; add more, or with overrides, with `addSource`.
   * @default - none
   */
  readonly sources?: string[];
  /**
   * What every source's inventory covers and how often, unless its `addSource` options say otherwise.
   * @default - daily, current versions, no optional fields
   */
  readonly inventory?: InventoryOptions;
  /**
   * How the bundled handler runs for the configs it puts.
   * @default - `node` from the PATH, the public OBS endpoint of the region
   */
  readonly handler?: HandlerOptions;
}

/** What the shared central skeleton needs of OBS. */
const OBS_CENTRAL: CentralService<InventoryOptions, BucketInventory> = {
  service: 'obs',
  inventoryOptions: INVENTORY_OPTIONS,
  handlerOptions: HANDLER_OPTIONS_SCHEMA,
  sourceOptions: {},
  inventory: BucketInventory,
};

/**
 * Many OBS source buckets (in the destination's region and account) reporting into one destination: one
 * {@link BucketInventory} per source, all granted in the destination's one merged bucket policy.
 *
 * @example
 * const destination = new obs.InventoryDestination(this, 'Destination', {
 *   bucketName: 'inventory-reports',
 *   region: 'cn-north-4',
 * });
 * const central = new obs.CentralInventory(this, 'Inventory', {
 *   destination,
 *   sources: ['app-logs', 'user-media'],
 *   inventory: { optionalFields: [obs.InventoryField.SIZE, obs.InventoryField.ETAG] },
 * });
 * central.addSource('archive', { frequency: InventoryFrequency.WEEKLY, filter: { prefix: 'cold/' } });
 */
export class CentralInventory extends Construct {
  /** The destination. */
  public readonly destination: IInventoryDestination;

  private readonly sources: CentralSources<BucketInventory, InventoryOptions>;

  constructor(scope: Construct, id: string, props: CentralInventoryProps) {
    super(scope, id);
    this.destination = props.destination;
    this.sources = new CentralSources(this, OBS_CENTRAL, props);
  }

  /** One inventory per source bucket, in the order added. */
  public get inventories(): BucketInventory[] {
    return this.sources.all;
  }

  /**
   * Adds a source bucket. Its options override the shared `inventory` settings field by field (a `filter` given
   * here replaces the shared filter as a whole).
   */
  public addSource(bucketName: string, options: SourceOptions = {}): BucketInventory {
    return this.sources.add(bucketName, options);
  }
}
