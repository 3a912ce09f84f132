// Export of a report's records for engines that take over where one machine is not enough: NDJSON (one JSON object
// a line) and Parquet (hyparquet-writer, snappy, one row group per batch), both written batch by batch, so memory
// holds one batch. Columns are the report's, in snake_case: key (decoded), size, last_modified (a timestamp) ...
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { InventoryReport } from './open';
import type { InventoryRecord, RecordField } from './record';

export type ExportFormat = 'ndjson' | 'parquet';

export interface ExportOptions {
  readonly format: ExportFormat;
  /** A file path; for NDJSON also a stream (stdout). */
  readonly out: string | Writable;
  /** Rows per Parquet row group (and per NDJSON write). Default 100,000. */
  readonly batchSize?: number;
  readonly verify?: boolean;
}

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

interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly get: (r: InventoryRecord) => unknown;
}

/** The export columns of a report: its known columns, then the others (`x-cos-meta-*`) as strings. */
export function exportColumns(report: InventoryReport): Column[] {
  const ix = report.columnIndex;
  const columns: Column[] = EXPORT_COLUMNS.filter(([field]) => field === 'key' || ix[field] >= 0)
    .map(([field, name, type]) => ({ name, type, get: (r: InventoryRecord) => (r as unknown as Record<string, unknown>)[field] }));
  for (const [raw] of ix.extra) {
    columns.push({ name: raw.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''), type: 'STRING', get: (r) => r.extra?.[raw] });
  }
  return columns;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Writes every record of the report; returns the number of rows written. */
export async function exportReport(report: InventoryReport, options: ExportOptions): Promise<{ rows: number }> {
  return options.format === 'parquet' ? exportParquet(report, options) : exportNdjson(report, options);
}

async function exportNdjson(report: InventoryReport, options: ExportOptions): Promise<{ rows: number }> {
  const columns = exportColumns(report);
  const out = typeof options.out === 'string' ? createWriteStream(options.out) : options.out;
  let rows = 0;
  let text = '';
  for await (const record of report.records({ verify: options.verify })) {
    const row: Record<string, unknown> = {};
    for (const column of columns) {
      const value = column.get(record);
      if (value !== undefined) row[column.name] = value;
    }
    text += `${JSON.stringify(row)}\n`;
    rows++;
    if (text.length >= 1 << 20) {
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

async function exportParquet(report: InventoryReport, options: ExportOptions): Promise<{ rows: number }> {
  if (typeof options.out !== 'string') throw new Error('Parquet goes to a file: give a path');
  // Loaded here only: the bundles carry it, and nothing else needs it.
  const { ParquetWriter, fileWriter, schemaFromColumnData } = require('hyparquet-writer') as typeof import('hyparquet-writer', { with: { 'resolution-mode': 'import' } }) & { fileWriter: (file: string) => any };
  const columns = exportColumns(report);
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
  let data: unknown[][] = columns.map(() => []);
  let inBatch = 0;
  let rows = 0;
  const flush = () => {
    if (inBatch === 0) return;
    writer.write({ columnData: source(data) as any, rowGroupSize: batchSize });
    data = columns.map(() => []);
    inBatch = 0;
  };
  for await (const record of report.records({ verify: options.verify })) {
    for (let i = 0; i < columns.length; i++) {
      const value = columns[i].get(record);
      data[i].push(value === undefined ? null : columns[i].type === 'JSON' ? JSON.stringify(value) : columns[i].type === 'INT64' ? BigInt(value as number) : value);
    }
    rows++;
    if (++inBatch >= batchSize) flush();
  }
  flush();
  writer.finish();
  return { rows };
}
