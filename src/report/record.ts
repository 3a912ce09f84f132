// Typed inventory records, from the columns `fileSchema` names.

/** One row of an inventory report, typed. Absent fields are those the report does not have, or left empty. */
export interface InventoryRecord {
  /** COS: the source account's APPID. */
  readonly appId?: string;
  readonly bucket?: string;
  /** The object key, URL-decoded. */
  readonly key: string;
  readonly versionId?: string;
  readonly isLatest?: boolean;
  readonly isDeleteMarker?: boolean;
  readonly size?: number;
  readonly lastModified?: Date;
  readonly etag?: string;
  readonly storageClass?: string;
  readonly isMultipartUploaded?: boolean;
  readonly replicationStatus?: string;
  readonly encryptionStatus?: string;
  /** Object tags (the Tag column, `k=v&k2=v2` URL-encoded), when the report has them. */
  readonly tags?: Record<string, string>;
  readonly crc64?: string;
  /** Columns this reader has no field for (`x-cos-meta-*` ...), by name, as written. */
  readonly extra?: Record<string, string>;
}

/** The known columns, by the names the services use, to the record field each fills. */
export const KNOWN_COLUMNS = {
  appid: 'appId',
  bucket: 'bucket',
  key: 'key',
  versionid: 'versionId',
  islatest: 'isLatest',
  isdeletemarker: 'isDeleteMarker',
  size: 'size',
  lastmodifieddate: 'lastModified',
  etag: 'etag',
  storageclass: 'storageClass',
  ismultipartuploaded: 'isMultipartUploaded',
  replicationstatus: 'replicationStatus',
  encryptionstatus: 'encryptionStatus',
  tag: 'tags',
  crc64: 'crc64',
} as const;

export type RecordField = typeof KNOWN_COLUMNS[keyof typeof KNOWN_COLUMNS];

/** Where each field is in a row: -1 when the report has no such column. */
export type ColumnIndex = Record<RecordField, number> & { readonly extra: ReadonlyArray<readonly [string, number]> };

export function columnIndex(columns: readonly string[]): ColumnIndex {
  const index: Record<string, number> = {};
  for (const field of Object.values(KNOWN_COLUMNS)) index[field] = -1;
  const extra: Array<readonly [string, number]> = [];
  columns.forEach((name, i) => {
    const field = (KNOWN_COLUMNS as Record<string, RecordField>)[name.toLowerCase().replace(/[^a-z0-9]/g, '')];
    if (field && index[field] === -1) index[field] = i;
    else extra.push([name, i]);
  });
  return { ...(index as Record<RecordField, number>), extra };
}

/**
 * A key as the CSV holds it, decoded: `%XX` sequences and `+` for a space (how COS's and OBS's Java-style URL
 * encoding writes them). A key that does not decode (a stray `%`) is returned as written.
 */
export function decodeKey(raw: string): string {
  if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) return raw;
  try {
    return decodeURIComponent(raw.indexOf('+') < 0 ? raw : raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** The encoding decodeKey undoes: what the test and bench generators write. */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function parseBoolean(value: string): boolean | undefined {
  if (value.length === 0) return undefined;
  const c = value.charCodeAt(0) | 0x20;
  if (c === 0x74 /* t */) return true;
  if (c === 0x66 /* f */) return false;
  return undefined;
}

/** `k=v&k2=v2`, each part URL-encoded; an empty string is no tags. */
export function parseTags(value: string): Record<string, string> {
  const tags: Record<string, string> = {};
  if (value.length === 0) return tags;
  for (const pair of value.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    tags[decodeKey(eq < 0 ? pair : pair.slice(0, eq))] = eq < 0 ? '' : decodeKey(pair.slice(eq + 1));
  }
  return tags;
}

/** An ETag without the quotes some writers keep. */
export function cleanEtag(value: string): string {
  return value.length >= 2 && value.charCodeAt(0) === 34 && value.charCodeAt(value.length - 1) === 34 ? value.slice(1, -1) : value;
}

/** Builds the typed record of one row. */
export function toRecord(fields: readonly string[], count: number, ix: ColumnIndex): InventoryRecord {
  const get = (i: number) => (i >= 0 && i < count ? fields[i] : '');
  const record: Record<string, unknown> = { key: decodeKey(get(ix.key)) };
  const text = (field: RecordField) => {
    const value = get(ix[field]);
    if (value.length > 0) record[field] = value;
  };
  text('appId');
  text('bucket');
  text('versionId');
  text('storageClass');
  text('replicationStatus');
  text('encryptionStatus');
  text('crc64');
  for (const field of ['isLatest', 'isDeleteMarker', 'isMultipartUploaded'] as const) {
    const value = parseBoolean(get(ix[field]));
    if (value !== undefined) record[field] = value;
  }
  const size = get(ix.size);
  if (size.length > 0 && Number.isFinite(Number(size))) record.size = Number(size);
  const modified = get(ix.lastModified);
  if (modified.length > 0) {
    const at = new Date(modified);
    if (!Number.isNaN(at.getTime())) record.lastModified = at;
  }
  const etag = get(ix.etag);
  if (etag.length > 0) record.etag = cleanEtag(etag);
  if (ix.tags >= 0) record.tags = parseTags(get(ix.tags));
  if (ix.extra.length > 0) {
    const extra: Record<string, string> = {};
    for (const [name, i] of ix.extra) if (get(i).length > 0) extra[name] = get(i);
    record.extra = extra;
  }
  return record as unknown as InventoryRecord;
}
