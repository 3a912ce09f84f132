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
  const spaced = raw.indexOf('+') < 0 ? raw : raw.replaceAll('+', ' ');
  // Without a `%`, decodeURIComponent returns its argument: only the spaces were encoded.
  if (raw.indexOf('%') < 0) return spaced;
  try {
    return decodeURIComponent(spaced);
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

/** A size as a record holds it: the number the text is, when finite. */
export function parseSize(value: string): number | undefined {
  if (value.length === 0) return undefined;
  const size = Number(value);
  return Number.isFinite(size) ? size : undefined;
}

/** A last-modified time as a record holds it: the Date the text is, when valid. */
export function parseDate(value: string): Date | undefined {
  if (value.length === 0) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** A text as a record holds it: undefined when empty. */
export function nonEmpty(value: string): string | undefined {
  return value.length > 0 ? value : undefined;
}

/**
 * What a record makes of each field's text: its value, or undefined for none. In the order toRecord sets them.
 * Export reads rows through the same functions, without records.
 */
export const FIELD_VALUES: { readonly [F in RecordField]-?: (text: string) => InventoryRecord[F] | undefined } = {
  key: decodeKey,
  appId: nonEmpty,
  bucket: nonEmpty,
  versionId: nonEmpty,
  storageClass: nonEmpty,
  replicationStatus: nonEmpty,
  encryptionStatus: nonEmpty,
  crc64: nonEmpty,
  isLatest: parseBoolean,
  isDeleteMarker: parseBoolean,
  isMultipartUploaded: parseBoolean,
  size: parseSize,
  lastModified: parseDate,
  etag: (value) => (value.length > 0 ? cleanEtag(value) : undefined),
  tags: parseTags,
};

const RECORD_FIELDS = Object.keys(FIELD_VALUES) as RecordField[];

/** Field `i` of a row of `count` fields: '' when the report has no such column or the row is shorter. */
export function fieldText(fields: readonly string[], count: number, i: number): string {
  return i >= 0 && i < count ? fields[i] : '';
}

/** Builds the typed record of one row. The key is always there; the other fields when the report has them, not empty. */
export function toRecord(fields: readonly string[], count: number, ix: ColumnIndex): InventoryRecord {
  const record: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) {
    if (ix[field] < 0 && field !== 'key') continue;
    const value = FIELD_VALUES[field](fieldText(fields, count, ix[field]));
    if (value !== undefined) record[field] = value;
  }
  if (ix.extra.length > 0) {
    const extra: Record<string, string> = {};
    for (const [name, i] of ix.extra) if (fieldText(fields, count, i).length > 0) extra[name] = fields[i];
    record.extra = extra;
  }
  return record as unknown as InventoryRecord;
}
