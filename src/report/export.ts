// Export of a report's records for engines that take over where one machine is not enough: NDJSON (one JSON object
// a line) and Parquet (hyparquet-writer, snappy, one row group per batch), both written batch by batch, so memory
// holds one batch. Columns are the report's, in snake_case: key (decoded), size, last_modified (a timestamp) ...
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { InventoryReport } from './open';
import { FIELD_VALUES, fieldText, InventoryRecord, nonEmpty, RecordField, toRecord } from './record';

export type ExportFormat = 'ndjson' | 'parquet';

export interface ExportOptions {
  readonly format: ExportFormat;
  /** A file path; for NDJSON also a stream (stdout). */
  readonly out: string | Writable;
  /** Rows per Parquet row group. Default 100,000. */
  readonly batchSize?: number;
  readonly verify?: boolean;
}

/**
 * NDJSON text gathered before it is written. Larger texts cost no less time and keep more memory: a MiB raised the
 * peak by a sixth.
 */
const WRITE_AT = 1 << 18;

type ColumnType = 'STRING' | 'INT64' | 'BOOLEAN' | 'TIMESTAMP' | 'JSON';

/** Record fields in the order and with the names and types exported. */
const EXPORT_COLUMNS: ReadonlyArray<readonly [RecordField, string, ColumnType]> = [
  ['appId', 'appid', 'STRING'],
  ['bucket', 'bucket', 'STRING'],
  ['key', 'key', 'STRING'],
  ['versionId', 'version_id', 'STRING'],
  ['isLatest', 'is_latest', 'BOOLEAN'],
  ['isDeleteMarker', 'is_delete_marker', 'BOOLEAN'],
  ['size', 'size', 'INT64'],
  ['lastModified', 'last_modified', 'TIMESTAMP'],
  ['etag', 'etag', 'STRING'],
  ['storageClass', 'storage_class', 'STRING'],
  ['isMultipartUploaded', 'is_multipart_uploaded', 'BOOLEAN'],
  ['replicationStatus', 'replication_status', 'STRING'],
  ['encryptionStatus', 'encryption_status', 'STRING'],
  ['tags', 'tags', 'JSON'],
  ['crc64', 'crc64', 'STRING'],
];

export interface ExportColumn {
  readonly name: string;
  readonly type: ColumnType;
  /** Its value in a record; undefined for none. */
  readonly get: (r: InventoryRecord) => unknown;
  /** Its value in a row of raw fields: what `get` gives of the row's record, for plain columns (plainColumns). */
  readonly read: (fields: readonly string[], n: number) => unknown;
  /** JSON.stringify of what `read` gives, or undefined for none. */
  readonly json: (fields: readonly string[], n: number) => string | undefined;
}

/** JSON.stringify of a value of each type (not undefined), without its generic walk: a Date is its toJSON(), quoted. */
const JSON_OF: Record<ColumnType, (value: any) => string> = {
  STRING: JSON.stringify,
  INT64: String,
  BOOLEAN: String,
  TIMESTAMP: (at: Date) => `"${at.toISOString()}"`,
  JSON: JSON.stringify,
};

/** A whole number that Number() reads and String() writes back as it is: no sign, no leading zero, below 2^53. */
const OWN_NUMBER = /^(?:0|[1-9]\d{0,14})$/;
/**
 * A time that new Date() reads and toISOString() writes back as it is: UTC, milliseconds, years 0000-9999, hours
 * 00-23 and days that every month has (a 30 February or a 24:00 would move to another day).
 */
const OWN_ISO_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * JSON.stringify of what `value` makes of a field's text. A size or time whose text is already its JSON is taken as
 * it is: making a number or a Date of it and writing that back costs more than the rest of the row.
 */
function jsonOfText(value: (text: string) => unknown, type: ColumnType): (text: string) => string | undefined {
  const json = JSON_OF[type];
  const made = (text: string) => {
    const v = value(text);
    return v === undefined ? undefined : json(v);
  };
  if (type === 'INT64') return (text) => (OWN_NUMBER.test(text) ? text : made(text));
  if (type === 'TIMESTAMP') return (text) => (OWN_ISO_TIME.test(text) ? `"${text}"` : made(text));
  return made;
}

/** The column `name` of field `i` of a row, made a value by `value`, in a record by `get`. */
function column(name: string, type: ColumnType, i: number, value: (text: string) => unknown, get: (r: InventoryRecord) => unknown): ExportColumn {
  const json = jsonOfText(value, type);
  return { name, type, get, read: (f, n) => value(fieldText(f, n, i)), json: (f, n) => json(fieldText(f, n, i)) };
}

/** The export columns of a report: its known columns, then the others (`x-cos-meta-*`) as strings. */
export function exportColumns(report: InventoryReport): ExportColumn[] {
  const ix = report.columnIndex;
  const columns = EXPORT_COLUMNS.filter(([field]) => field === 'key' || ix[field] >= 0)
    .map(([field, name, type]) => column(name, type, ix[field], FIELD_VALUES[field], (r) => r[field]));
  for (const [raw, i] of ix.extra) {
    columns.push(column(raw.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''), 'STRING', i, nonEmpty, (r) => r.extra?.[raw]));
  }
  return columns;
}

/**
 * Whether a row's fields give the same export as its record in every way: each column's `read` is its `get` (no two
 * other columns of one name, which a record keeps one of, none named as what every object has: `toString`,
 * `__proto__`), and a row object keeps the columns' order (no two columns of one name, none named by a number, which
 * an object puts first). Else export goes through records and row objects, as it always has: what a report of such
 * columns gives stays as it was.
 */
function plainColumns(report: InventoryReport, columns: ExportColumn[]): boolean {
  const extra = report.columnIndex.extra.map(([raw]) => raw);
  const names = columns.map((c) => c.name);
  return new Set(extra).size === extra.length && !extra.some((raw) => raw in Object.prototype)
    && new Set(names).size === names.length && !names.some((name) => /^\d+$/.test(name));
}

/** A row's values, one per column, into `values` (reused): read from its fields, or, for columns not plain, its record. */
function rowValues(report: InventoryReport, columns: ExportColumn[], plain: boolean): (fields: readonly string[], n: number, values: unknown[]) => void {
  if (plain) {
    return (fields, n, values) => {
      for (let c = 0; c < columns.length; c++) values[c] = columns[c].read(fields, n);
    };
  }
  const ix = report.columnIndex;
  return (fields, n, values) => {
    const record = toRecord(fields, n, ix);
    for (let c = 0; c < columns.length; c++) values[c] = columns[c].get(record);
  };
}

/**
 * The NDJSON line of a row: JSON.stringify of the object of its defined values by column name. For plain columns
 * that is each column's `"name":` and JSON joined, in order, with no object made; else the object, as it always was.
 */
function ndjsonLine(report: InventoryReport, columns: ExportColumn[], plain: boolean): (fields: readonly string[], n: number) => string {
  if (!plain) {
    const values = rowValues(report, columns, plain);
    const row: unknown[] = [];
    return (fields, n) => {
      values(fields, n, row);
      const object: Record<string, unknown> = {};
      for (let c = 0; c < columns.length; c++) if (row[c] !== undefined) object[columns[c].name] = row[c];
      return `${JSON.stringify(object)}\n`;
    };
  }
  const heads = columns.map((c) => `${JSON.stringify(c.name)}:`);
  return (fields, n) => {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const json = columns[c].json(fields, n);
      if (json !== undefined) line += `${line.length === 0 ? '{' : ','}${heads[c]}${json}`;
    }
    return `${line.length === 0 ? '{' : ''}${line}}\n`;
  };
}

/** Writes every record of the report; returns the number of rows written. */
export async function exportReport(report: InventoryReport, options: ExportOptions): Promise<{ rows: number }> {
  const columns = exportColumns(report);
  const plain = plainColumns(report, columns);
  return options.format === 'parquet' ? exportParquet(report, options, columns, plain) : exportNdjson(report, options, ndjsonLine(report, columns, plain));
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function exportNdjson(report: InventoryReport, options: ExportOptions, line: (fields: readonly string[], n: number) => string): Promise<{ rows: number }> {
  const out = typeof options.out === 'string' ? createWriteStream(options.out) : options.out;
  let rows = 0;
  let text = '';
  // Lines gather into one text, written (and waited on, when the stream is full) between chunks of the data.
  for await (const _ of report.rowChunks((fields, n) => {
    text += line(fields, n);
    rows++;
  }, { verify: options.verify })) {
    if (text.length >= WRITE_AT) {
      await write(out, text);
      text = '';
    }
  }
  if (text) await write(out, text);
  if (typeof options.out === 'string') {
    out.end();
    await once(out, 'finish');
  }
  return { rows };
}

async function exportParquet(report: InventoryReport, options: ExportOptions, columns: ExportColumn[], plain: boolean): Promise<{ rows: number }> {
  if (typeof options.out !== 'string') throw new Error('Parquet goes to a file: give a path');
  // Loaded here only: the bundles carry it, and nothing else needs it.
  const { ParquetWriter, fileWriter, schemaFromColumnData } = require('hyparquet-writer') as typeof import('hyparquet-writer', { with: { 'resolution-mode': 'import' } }) & { fileWriter: (file: string) => any };
  const batchSize = options.batchSize ?? 100_000;
  const source = (data: unknown[][]) => columns.map((c, i) => ({
    name: c.name,
    data: data[i],
    type: (c.type === 'JSON' ? 'STRING' : c.type) as 'STRING',
    nullable: c.name !== 'key',
  }));
  const writer = new ParquetWriter({
    writer: fileWriter(options.out),
    schema: schemaFromColumnData({ columnData: source(columns.map(() => [])) as any }),
    kvMetadata: [{ key: 'cos-inventory.source', value: report.where }],
    createdBy: 'cdktf-cos-inventory',
  });
  const values = rowValues(report, columns, plain);
  const row: unknown[] = [];
  let data: unknown[][] = columns.map(() => []);
  let inBatch = 0;
  let rows = 0;
  const flush = () => {
    if (inBatch === 0) return;
    writer.write({ columnData: source(data) as any, rowGroupSize: batchSize });
    data = columns.map(() => []);
    inBatch = 0;
  };
  for await (const _ of report.rowChunks((fields, n) => {
    values(fields, n, row);
    for (let i = 0; i < columns.length; i++) {
      const value = row[i];
      data[i].push(value === undefined ? null : columns[i].type === 'JSON' ? JSON.stringify(value) : columns[i].type === 'INT64' ? BigInt(value as number) : value);
    }
    rows++;
    if (++inBatch >= batchSize) flush();
  }, { verify: options.verify })) { /* rows went to the batch */ }
  flush();
  writer.finish();
  return { rows };
}
