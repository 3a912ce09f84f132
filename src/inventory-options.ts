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

/**
 * The optional report columns COS documents (`OptionalFields/Field`).
 */
export class InventoryField {
  /** Object size in bytes. */
  public static readonly SIZE = 'Size';
  /** Last modification time. */
  public static readonly LAST_MODIFIED_DATE = 'LastModifiedDate';
  /** ETag. */
  public static readonly ETAG = 'ETag';
  /** Storage class. */
  public static readonly STORAGE_CLASS = 'StorageClass';
  /** Whether the object was uploaded in parts. */
  public static readonly IS_MULTIPART_UPLOADED = 'IsMultipartUploaded';
  /** Cross-region replication status. */
  public static readonly REPLICATION_STATUS = 'ReplicationStatus';
  /** Object tags. */
  public static readonly TAG = 'Tag';
  /** CRC64 checksum. */
  public static readonly CRC64 = 'Crc64';
  /** User metadata headers (`x-cos-meta-*`). */
  public static readonly USER_METADATA = 'x-cos-meta-*';

  private constructor() {}
}

/** What a report lists and how it is written: shared by periodic configs and one-off jobs. */
export interface InventoryReportOptions {
  /**
   * Which object versions the report lists.
   * @default InventoryObjectVersions.CURRENT
   */
  readonly includedObjectVersions?: InventoryObjectVersions;
  /**
   * Extra columns, from `InventoryField`, each at most once.
   * @default - Key and the version columns only
   */
  readonly optionalFields?: string[];
  /**
   * List only objects whose key starts with this prefix.
   * @default - every object
   */
  readonly prefix?: string;
  /**
   * List only objects carrying all these tags (keys 1-128, values 0-256 characters). The provider's
   * `tencentcloud_cos_bucket_inventory` cannot express a tag filter, so a `BucketInventory` with tags is managed by
   * the bundled handler instead (PUT, GET and DELETE Bucket inventory at apply and destroy time).
   * @default - no tag filter
   */
  readonly tags?: { [key: string]: string };
  /**
   * List only objects created at or after this time, in seconds since the epoch (`Filter/Period/StartTime`).
   * @default - no lower bound
   */
  readonly createdAfter?: number;
  /**
   * List only objects created before this time, in seconds since the epoch (`Filter/Period/EndTime`).
   * @default - no upper bound
   */
  readonly createdBefore?: number;
  /**
   * Report prefix in the destination bucket.
   * @default - the destination's `reportPrefix`
   */
  readonly reportPrefix?: string;
  /**
   * Encrypt the report files with SSE-COS.
   * @default true
   */
  readonly encryptReports?: boolean;
}

/** A periodic inventory: what its reports list, plus its id and schedule. */
export interface InventoryOptions extends InventoryReportOptions {
  /**
   * Inventory id (`a-z A-Z 0-9 - _ .`, at most 64 characters), unique per source bucket. It is also a directory
   * of the report path.
   * @default - `inventory-daily` or `inventory-weekly`, after the frequency
   */
  readonly inventoryId?: string;
  /**
   * Whether COS produces reports.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * How often reports are produced.
   * @default InventoryFrequency.DAILY
   */
  readonly frequency?: InventoryFrequency;
}

/** The id used when none is given: one per frequency, so a daily and a weekly config can share a bucket. */
export function defaultInventoryId(frequency: InventoryFrequency): string {
  return `inventory-${frequency.toLowerCase()}`;
}
