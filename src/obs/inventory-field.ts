/** The optional report columns OBS documents (`OptionalFields/Field`). */
export enum InventoryField {
  /** Object size in bytes. */
  SIZE = 'Size',
  /** Last modification time. */
  LAST_MODIFIED_DATE = 'LastModifiedDate',
  /** ETag. */
  ETAG = 'ETag',
  /** Whether the object was uploaded in parts. */
  IS_MULTIPART_UPLOADED = 'IsMultipartUploaded',
  /** Cross-region replication status. */
  REPLICATION_STATUS = 'ReplicationStatus',
}
