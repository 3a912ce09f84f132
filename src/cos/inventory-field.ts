import * as v from 'valibot';
import { entriesOf, texts } from '../common/validation/props';

/** The optional report columns COS documents (`OptionalFields/Field`). */
export enum InventoryField {
  /** Object size in bytes. */
  SIZE = 'Size',
  /** Last modification time. */
  LAST_MODIFIED_DATE = 'LastModifiedDate',
  /** ETag. */
  ETAG = 'ETag',
  /** Storage class. */
  STORAGE_CLASS = 'StorageClass',
  /** Whether the object was uploaded in parts. */
  IS_MULTIPART_UPLOADED = 'IsMultipartUploaded',
  /** Cross-region replication status. */
  REPLICATION_STATUS = 'ReplicationStatus',
  /** Object tags. */
  TAG = 'Tag',
  /** CRC64 checksum. */
  CRC64 = 'Crc64',
  /** User metadata headers (`x-cos-meta-*`). */
  USER_METADATA = 'x-cos-meta-*',
}

/** The shape of `optionalFields` (for callers without the types); the optional-fields rule names the values. */
export const FIELD_OPTIONS = entriesOf<InventoryFieldOptions>({ optionalFields: v.optional(texts) });

/** The extra columns of a COS report: periodic configs and one-off jobs. */
export interface InventoryFieldOptions {
  /**
   * Extra columns, each at most once.
   * @default - the key and, for all versions, the version columns only
   */
  readonly optionalFields?: InventoryField[];
}
