import { DEFAULTS } from '../contract/defaults';

/** How often a periodic inventory runs (`Schedule/Frequency`). */
export enum InventoryFrequency {
  /** Every day. */
  DAILY = 'Daily',
  /** Every week. */
  WEEKLY = 'Weekly',
}

/** Which object versions a report lists (`IncludedObjectVersions`). */
export enum InventoryObjectVersions {
  /** Every version, with VersionId, IsLatest and DeleteMarker columns. */
  ALL = 'All',
  /** The current version only. */
  CURRENT = 'Current',
}

/** Who puts a periodic config. */
export enum InventoryManagement {
  /** The provider's own resource (`tencentcloud_cos_bucket_inventory`). */
  PROVIDER = 'provider',
  /** The bundled handler, through the one reconciling `terraform_data` of the destination. */
  HANDLER = 'handler',
}

/**
 * Which objects a report lists (`Filter`). Named after what it filters, unlike a bucket's own tags.
 */
export interface InventoryFilter {
  /**
   * Only objects whose key starts with this prefix.
   * @default - every object
   */
  readonly prefix?: string;
  /**
   * Only objects carrying all these object tags (keys 1-128, values 0-256 characters). COS only: OBS filters by
   * prefix alone. The provider's `tencentcloud_cos_bucket_inventory` has no tag filter, so a COS config with one is
   * put by the bundled handler.
   * @default - no tag filter
   */
  readonly objectTags?: { [key: string]: string };
  /**
   * Only objects created at or after this time, in seconds since the epoch (`Filter/Period/StartTime`). COS only.
   * @default - no lower bound
   */
  readonly createdAfter?: number;
  /**
   * Only objects created before this time, in seconds since the epoch (`Filter/Period/EndTime`). COS only.
   * @default - no upper bound
   */
  readonly createdBefore?: number;
}

/**
 * What a report lists and where it is written: shared by periodic configs and one-off jobs. Its columns
 * (`optionalFields`) are each service's own: `cos.InventoryField`, `obs.InventoryField`.
 */
export interface InventoryReportOptions {
  /**
   * Which object versions the report lists.
   * @default InventoryObjectVersions.CURRENT
   */
  readonly includedObjectVersions?: InventoryObjectVersions;
  /**
   * Which objects the report lists.
   * @default - every object
   */
  readonly filter?: InventoryFilter;
  /**
   * Report prefix in the destination bucket.
   * @default - the destination's `reportPrefix`
   */
  readonly reportPrefix?: string;
}

/** A periodic inventory: what its reports list, plus its id and schedule. */
export interface PeriodicInventoryOptions extends InventoryReportOptions {
  /**
   * Inventory id (`a-z A-Z 0-9 - _ .`, at most 64 characters), unique per source bucket. It is also a directory
   * of the report path.
   * @default - `inventory-daily` or `inventory-weekly`, after the frequency
   */
  readonly inventoryId?: string;
  /**
   * Whether the service produces reports.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * How often reports are produced.
   * @default InventoryFrequency.DAILY
   */
  readonly frequency?: InventoryFrequency;
  /**
   * Put this config over one of the same id on the bucket that this stack did not put (made in the console, or by
   * another stack), and manage it from then on: change it, and delete it when removed from the code. Without it, the
   * apply fails naming the bucket and id, and the existing config stays as it is. A config identical to the declared
   * one is taken over either way (nothing is overwritten).
   * @default false
   */
  readonly adoptExisting?: boolean;
}

/** The report prefix destinations use when none is given, per service. */
export const DEFAULT_REPORT_PREFIX = { cos: DEFAULTS.cosReportPrefix, obs: DEFAULTS.obsReportPrefix } as const;
