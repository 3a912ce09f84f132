/** The optional report columns COS documents (`OptionalFields/Field`). */
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
