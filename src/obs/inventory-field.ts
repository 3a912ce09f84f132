/** The optional report columns OBS documents (`OptionalFields/Field`). */
export class InventoryField {
  /** Object size in bytes. */
  public static readonly SIZE = 'Size';
  /** Last modification time. */
  public static readonly LAST_MODIFIED_DATE = 'LastModifiedDate';
  /** ETag. */
  public static readonly ETAG = 'ETag';
  /** Whether the object was uploaded in parts. */
  public static readonly IS_MULTIPART_UPLOADED = 'IsMultipartUploaded';
  /** Cross-region replication status. */
  public static readonly REPLICATION_STATUS = 'ReplicationStatus';

  private constructor() {}
}
