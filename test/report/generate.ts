// Writes inventory reports in the documented layouts (src/report/manifest.ts cites the pages) for tests and the bench:
// COS  <root>/<prefix>/<appid>/<name>/<id>/<yyyymmdd>/manifest.json|manifest.checksum, data/part-N.csv.gz (every field quoted)
// OBS  <root>/<prefix>/<bucket>/<id>/<yyyy-MM-ddTHH-mmZ>/manifest.json|manifest.checksum, files/<hex>_N.csv (plain, quoted when needed)
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeKey } from '../../src/report/record';

export interface Row {
  key: string;
  versionId?: string;
  isLatest?: boolean;
  isDeleteMarker?: boolean;
  size?: number;
  lastModified?: string;
  etag?: string;
  storageClass?: string;
  isMultipartUploaded?: boolean;
  replicationStatus?: string;
  encryptionStatus?: string;
  tags?: Record<string, string>;
}

export interface GenerateOptions {
  readonly root: string;
  readonly service?: 'cos' | 'obs';
  readonly sourceBucket?: string;
  readonly prefix?: string;
  readonly id?: string;
  readonly date?: string;
  /** Columns after Appid/Bucket/Key (COS) or Bucket/Key (OBS). */
  readonly columns?: string[];
  readonly files?: number;
  readonly rows: Row[] | { count: number; row: (i: number) => Row };
  /** Break the report: a lying checksum, a truncated gzip file, flipped bytes, a wrong size in the manifest. */
  readonly corrupt?: 'checksum' | 'truncated' | 'flipped' | 'size';
  readonly gzipLevel?: number;
}

export const DEFAULT_COLUMNS = ['Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus'];

export interface Generated {
  /** The date directory holding manifest.json. */
  readonly reportDir: string;
  /** The inventory directory (its parent), relative to root: the key of the directory in the bucket. */
  readonly directory: string;
  readonly manifestKey: string;
  readonly dataFiles: string[];
  readonly rows: number;
}

function csvField(value: string, always: boolean): string {
  return always || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(row: Row, column: string): string {
  switch (column) {
    case 'Key': return encodeKey(row.key);
    case 'VersionId': return row.versionId ?? '';
    case 'IsLatest': return row.isLatest === undefined ? '' : String(row.isLatest);
    case 'IsDeleteMarker': return row.isDeleteMarker === undefined ? '' : String(row.isDeleteMarker);
    case 'Size': return row.size === undefined ? '' : String(row.size);
    case 'LastModifiedDate': return row.lastModified ?? '';
    case 'ETag': return row.etag ?? '';
    case 'StorageClass': return row.storageClass ?? '';
    case 'IsMultipartUploaded': return row.isMultipartUploaded === undefined ? '' : String(row.isMultipartUploaded);
    case 'ReplicationStatus': return row.replicationStatus ?? '';
    case 'EncryptionStatus': return row.encryptionStatus ?? '';
    case 'Tag': return Object.entries(row.tags ?? {}).map(([k, v]) => `${encodeKey(k)}=${encodeKey(v)}`).join('&');
    default: return '';
  }
}

/** A synthetic object, deterministic in i: many prefixes, classes, ages. */
export function syntheticRow(i: number, now = Date.parse('2026-01-01T00:00:00Z')): Row {
  const h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const classes = ['STANDARD', 'STANDARD', 'STANDARD', 'STANDARD_IA', 'ARCHIVE', 'DEEP_ARCHIVE', 'INTELLIGENT_TIERING'];
  return {
    key: `logs/app-${h % 23}/2025-${String((h >>> 8) % 12 + 1).padStart(2, '0')}/part ${i}.log.gz`,
    size: (h % 1_000_000) + 1,
    lastModified: new Date(now - ((h >>> 4) % (800 * 86_400)) * 1000).toISOString(),
    etag: h.toString(16).padStart(8, '0').repeat(4),
    storageClass: classes[h % classes.length],
    isMultipartUploaded: (h & 0x30) === 0,
    replicationStatus: (h & 0x100) ? 'COMPLETED' : '',
    encryptionStatus: (h & 0x200) ? 'SSE-KMS' : 'NOT-SSE',
  };
}

export function generateReport(options: GenerateOptions): Generated {
  const service = options.service ?? 'cos';
  const sourceBucket = options.sourceBucket ?? (service === 'cos' ? 'examplebucket-1250000000' : 'examplebucket');
  const id = options.id ?? 'inventory-1';
  let directory: string;
  let date: string;
  let head: string[];
  if (service === 'cos') {
    const [, name, appId] = /^(.*)-(\d+)$/.exec(sourceBucket)!;
    directory = `${options.prefix ?? 'cos_bucket_inventory'}/${appId}/${name}/${id}`;
    date = options.date ?? '20260101';
    head = ['Appid', 'Bucket', 'Key'];
  } else {
    directory = `${options.prefix ?? 'BucketInventory'}/${sourceBucket}/${id}`;
    date = options.date ?? '2026-01-01T02-00Z';
    head = ['Bucket', 'Key'];
  }
  const columns = [...head, ...(options.columns ?? DEFAULT_COLUMNS)];
  const reportDir = path.join(options.root, directory, date);
  mkdirSync(path.join(reportDir, service === 'cos' ? 'data' : 'files'), { recursive: true });
  const fileCount = options.files ?? 1;
  const list = Array.isArray(options.rows) ? options.rows : undefined;
  const count = list ? list.length : (options.rows as { count: number }).count;
  const rowAt = list ? (i: number) => list[i] : (options.rows as { row: (i: number) => Row }).row;
  const [shortName, appId] = service === 'cos' ? [/^(.*)-\d+$/.exec(sourceBucket)![1], /-(\d+)$/.exec(sourceBucket)![1]] : [sourceBucket, ''];
  const files: Array<{ key: string; size: number; md5Checksum?: string; inventoriedRecord?: number }> = [];
  const dataFiles: string[] = [];
  for (let f = 0; f < fileCount; f++) {
    const from = Math.floor((count * f) / fileCount);
    const to = Math.floor((count * (f + 1)) / fileCount);
    const name = service === 'cos' ? `data/part-${f}.csv.gz` : `files/0000016813AF58E66806C1E2D7F15155_${f + 1}.csv`;
    const file = path.join(reportDir, name);
    let text = '';
    const chunks: Buffer[] = [];
    for (let i = from; i < to; i++) {
      const row = rowAt(i);
      const values = columns.map((c) => (c === 'Appid' ? appId : c === 'Bucket' ? shortName : cell(row, c)));
      text += `${values.map((v) => csvField(v, service === 'cos')).join(',')}\n`;
      if (text.length > 1 << 22) {
        chunks.push(Buffer.from(text));
        text = '';
      }
    }
    chunks.push(Buffer.from(text));
    const plain = Buffer.concat(chunks);
    let body = service === 'cos' ? gzipSync(plain, { level: options.gzipLevel ?? 6 }) : plain;
    const md5 = createHash('md5').update(body).digest('hex');
    const size = body.length;
    if (f === 0 && options.corrupt === 'truncated') body = body.subarray(0, Math.floor(body.length / 2));
    if (f === 0 && options.corrupt === 'flipped') {
      body = Buffer.from(body);
      body[Math.floor(body.length / 2)] ^= 0xff;
    }
    const fd = openSync(file, 'w');
    writeSync(fd, body);
    closeSync(fd);
    dataFiles.push(file);
    const key = `${directory}/${date}/${name}`;
    files.push(service === 'cos'
      ? { key, size: options.corrupt === 'size' && f === 0 ? size + 1 : size, md5Checksum: md5 }
      : { key, size: options.corrupt === 'size' && f === 0 ? size + 1 : size, inventoriedRecord: to - from });
  }
  const manifest = Buffer.from(JSON.stringify(service === 'cos'
    ? { sourceBucket: `${sourceBucket}`, destinationBucket: 'inventorybucket-1250000000', fileFormat: 'CSV', fileSchema: columns.join(', '), files }
    : { sourceBucket, destinationBucket: 'inventorybucket', version: '2019-01-03', fileFormat: 'CSV', fileSchema: columns.join(','), files }, null, 2));
  writeFileSync(path.join(reportDir, 'manifest.json'), manifest);
  const checksum = options.corrupt === 'checksum' ? '0123456789abcdef0123456789abcdef' : createHash('md5').update(manifest).digest('hex');
  writeFileSync(path.join(reportDir, 'manifest.checksum'), `${checksum}\n`);
  return { reportDir, directory, manifestKey: `${directory}/${date}/manifest.json`, dataFiles, rows: count };
}

/** One gzip data file of synthetic rows [from, to), COS style (every field quoted); its size and MD5. For the bench. */
export function writeSyntheticDataFile(file: string, columns: string[], from: number, to: number, level = 6): { size: number; md5: string } {
  const chunks: Buffer[] = [];
  let text = '';
  for (let i = from; i < to; i++) {
    const row = syntheticRow(i);
    text += `${columns.map((c) => `"${c === 'Appid' ? '1250000000' : c === 'Bucket' ? 'examplebucket' : cell(row, c).replace(/"/g, '""')}"`).join(',')}\n`;
    if (text.length > 1 << 22) {
      chunks.push(Buffer.from(text));
      text = '';
    }
  }
  chunks.push(Buffer.from(text));
  const body = gzipSync(Buffer.concat(chunks), { level });
  writeFileSync(file, body);
  return { size: body.length, md5: createHash('md5').update(body).digest('hex') };
}
