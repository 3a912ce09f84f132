import { BucketInventory } from './bucket-inventory';
import { Construct, Token } from './core';
import { InventoryDestination, InventoryDestinationProps } from './inventory-destination';
import { CosHandlerOptions } from './handler-options';
import { InventoryOptions } from './inventory-options';

/** Props of {@link CentralInventory}. */
export interface CentralInventoryProps {
  /** The destination bucket, created or wrapped as `InventoryDestination` does. */
  readonly destination: InventoryDestinationProps;
  /** Full names (with `-APPID`) of the source buckets, all in the destination's region. */
  readonly sourceBuckets: string[];
  /**
   * What every source's inventory covers and how often.
   * @default - daily, current versions, no optional fields, SSE-COS encrypted reports
   */
  readonly inventory?: InventoryOptions;
  /**
   * How the bundled handler runs for the configs it puts (see `BucketInventory.management`).
   * @default - `node` from the PATH, the public COS endpoint
   */
  readonly handler?: CosHandlerOptions;
}

/**
 * N source buckets reporting into one destination in a few lines: one {@link InventoryDestination} and one
 * {@link BucketInventory} per source, with the merged bucket policy.
 */
export class CentralInventory extends Construct {
  /** The destination. */
  public readonly destination: InventoryDestination;
  /** One inventory per source bucket, in the order given. */
  public readonly inventories: BucketInventory[];

  constructor(scope: Construct, id: string, props: CentralInventoryProps) {
    super(scope, id);
    this.destination = new InventoryDestination(this, 'Destination', props.destination);
    const seen = new Set<string>();
    this.inventories = props.sourceBuckets.map((bucketName, index) => {
      if (seen.has(bucketName)) {
        throw new Error(`[${this.node.path}] sourceBuckets[${index}] = ${JSON.stringify(bucketName)}: is listed twice; list each source once`);
      }
      seen.add(bucketName);
      // Named after the bucket so reordering the list does not replace resources.
      const constructId = Token.isUnresolved(bucketName) ? `Source${index}` : bucketName;
      return new BucketInventory(this, constructId, { ...props.inventory, ...props.handler, destination: this.destination, bucketName });
    });
  }
}
