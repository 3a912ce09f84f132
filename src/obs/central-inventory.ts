import * as v from 'valibot';
import { assertSameCore, Construct } from '../core';
import { CentralSources, withOverrides } from '../common/central-sources';
import { checkPropsShape, entriesOf, propsSchema, reference, strictProps, text, texts } from '../common/validation/props';
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

const SOURCE_OPTIONS_SCHEMA = propsSchema(entriesOf<SourceOptions>({ ...INVENTORY_OPTIONS, sourceId: v.optional(text) }));

const PROPS_SCHEMA = propsSchema(entriesOf<CentralInventoryProps>({
  destination: reference,
  sources: v.optional(texts),
  inventory: v.optional(strictProps(INVENTORY_OPTIONS, 'must be an object of inventory options')),
  handler: v.optional(HANDLER_OPTIONS_SCHEMA),
}));

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

  private readonly props: CentralInventoryProps;
  private readonly sources = new CentralSources<BucketInventory>(this);

  constructor(scope: Construct, id: string, props: CentralInventoryProps) {
    super(scope, id);
    assertSameCore(this);
    checkPropsShape(this.node.path, 'obs.CentralInventory', 'central', PROPS_SCHEMA, props);
    this.props = props;
    this.destination = props.destination;
    for (const bucketName of props.sources ?? []) this.addSource(bucketName);
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
    checkPropsShape(this.node.path, 'obs.CentralInventory.addSource', 'inventory', SOURCE_OPTIONS_SCHEMA, options);
    const { sourceId, ...overrides } = options;
    return this.sources.add(bucketName, sourceId, (constructId) => new BucketInventory(this, constructId, {
      ...withOverrides<SourceOptions>(this.props.inventory, overrides),
      destination: this.destination,
      bucketName,
      handler: this.props.handler,
    }));
  }
}
