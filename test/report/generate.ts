// Writes inventory reports in the documented layouts (src/report/manifest.ts cites the pages) for tests and the bench:
// COS  <root>/<prefix>/<appid>/<name>/<id>/<yyyymmdd>/manifest.json|manifest.checksum, the data files beside the date
//      directories: <root>/<prefix>/<appid>/<name>/<id>/<32 hex>.csv.gz (every field quoted); the manifest as the
//      overview's example writes it (numbers as strings, listObjectCount and filterObjectCount)
// OBS  <root>/<prefix>/<bucket>/<id>/<yyyy-MM-ddTHH-mmZ>/manifest.json|manifest.checksum, files/<hex>_N.csv (plain, quoted when needed)
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CsvByteParser } from '../../src/report/csv';
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
  /**
   * Break the report: a lying checksum, a truncated gzip file, flipped bytes, a wrong size in the manifest, a
   * truncated gzip file the manifest lists as it is (size and MD5 of the broken bytes), a data file the manifest
   * leaves out (the last; the object counts still count its records).
   */
  readonly corrupt?: 'checksum' | 'truncated' | 'flipped' | 'size' | 'truncated-listed' | 'omitted';
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

/** A deterministic pseudo-random source: numbers in [0, 1). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Pushes `bytes` to a parser in pieces cut at `cuts` (ascending), each piece a copy, then ends it. */
export function feedInPieces(parser: { push(chunk: Buffer): void; end(): void }, bytes: Buffer, cuts: number[]): void {
  let last = 0;
  for (const at of cuts) {
    parser.push(Buffer.from(bytes.subarray(last, at)));
    last = at;
  }
  parser.push(Buffer.from(bytes.subarray(last)));
  parser.end();
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
  const fileCount = options.files ?? 1;
  const list = Array.isArray(options.rows) ? options.rows : undefined;
  const count = list ? list.length : (options.rows as { count: number }).count;
  const rowAt = list ? (i: number) => list[i] : (options.rows as { row: (i: number) => Row }).row;
  const [shortName, appId] = service === 'cos' ? [/^(.*)-\d+$/.exec(sourceBucket)![1], /-(\d+)$/.exec(sourceBucket)![1]] : [sourceBucket, ''];
  const files: Array<{ key: string; size: number | string; md5Checksum?: string; inventoriedRecord?: number }> = [];
  const dataFiles: string[] = [];
  let storageSize = 0n;
  for (let f = 0; f < fileCount; f++) {
    const from = Math.floor((count * f) / fileCount);
    const to = Math.floor((count * (f + 1)) / fileCount);
    const key = service === 'cos'
      ? `${directory}/${createHash('md5').update(`${date}/${f}`).digest('hex')}.csv.gz`
      : `${directory}/${date}/files/0000016813AF58E66806C1E2D7F15155_${f + 1}.csv`;
    const file = path.join(options.root, ...key.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    let text = '';
    const chunks: Buffer[] = [];
    for (let i = from; i < to; i++) {
      const row = rowAt(i);
      storageSize += BigInt(row.size ?? 0);
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
    if (f === 0 && options.corrupt === 'truncated-listed') body = body.subarray(0, Math.floor(body.length / 2));
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
    const listedSize = options.corrupt === 'size' && f === 0 ? size + 1 : size;
    if (options.corrupt === 'omitted' && f === fileCount - 1) continue;
    files.push(service === 'cos' ? { key, size: String(listedSize), md5Checksum: md5 } : { key, size: listedSize, inventoriedRecord: to - from });
  }
  const manifest = service === 'cos'
    ? cosManifest({ sourceBucket, columns, files, objects: count, bytes: storageSize })
    : { sourceBucket, destinationBucket: 'inventorybucket', version: '2019-01-03', fileFormat: 'CSV', fileSchema: columns.join(','), files };
  writeManifest(reportDir, manifest, options.corrupt === 'checksum' ? '0123456789abcdef0123456789abcdef' : undefined);
  return { reportDir, directory, manifestKey: `${directory}/${date}/manifest.json`, dataFiles, rows: count };
}

/** A COS manifest.json as the Inventory Overview's example has it: numbers as strings, object counts and sizes. */
export function cosManifest(report: { sourceBucket: string; columns: string[]; files: object[]; objects: number; bytes: bigint }): object {
  const appId = /-(\d+)$/.exec(report.sourceBucket)![1];
  return {
    sourceAppid: appId, sourceBucket: report.sourceBucket, destinationAppid: appId, destinationBucket: `inventorybucket-${appId}`,
    fileFormat: 'CSV',
    listObjectCount: String(report.objects), listStorageSize: String(report.bytes),
    filterObjectCount: String(report.objects), filterStorageSize: String(report.bytes),
    fileSchema: report.columns.join(', '), files: report.files,
  };
}

/** Writes manifest.json and manifest.checksum (its MD5, or `checksum` when given: a lie) into `reportDir`. */
export function writeManifest(reportDir: string, manifest: object, checksum?: string): void {
  const body = Buffer.from(JSON.stringify(manifest, null, 2));
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(path.join(reportDir, 'manifest.json'), body);
  writeFileSync(path.join(reportDir, 'manifest.checksum'), `${checksum ?? createHash('md5').update(body).digest('hex')}\n`);
}

/** One gzip data file of synthetic rows [from, to), COS style (every field quoted); its size, MD5 and the objects' bytes. For the bench. */
export function writeSyntheticDataFile(file: string, columns: string[], from: number, to: number, level = 6): { size: number; md5: string; bytes: number } {
  const chunks: Buffer[] = [];
  let text = '';
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const row = syntheticRow(i);
    bytes += row.size ?? 0;
    text += `${columns.map((c) => `"${c === 'Appid' ? '1250000000' : c === 'Bucket' ? 'examplebucket' : cell(row, c).replace(/"/g, '""')}"`).join(',')}\n`;
    if (text.length > 1 << 22) {
      chunks.push(Buffer.from(text));
      text = '';
    }
  }
  chunks.push(Buffer.from(text));
  const body = gzipSync(Buffer.concat(chunks), { level });
  writeFileSync(file, body);
  return { size: body.length, md5: createHash('md5').update(body).digest('hex'), bytes };
}

/** The columns oddCsvRows writes. */
export const ODD_COLUMNS = ['Appid', 'Bucket', 'Key', 'VersionId', 'IsLatest', 'IsDeleteMarker', 'Size', 'LastModifiedDate', 'ETag', 'StorageClass',
  'IsMultipartUploaded', 'ReplicationStatus', 'EncryptionStatus', 'Tag'];

/** CSV rows with the values the summary's byte path treats apart: odd sizes and dates, unicode groups, encoded separators, tags. */
export function oddCsvRows(count: number, seed: number, width = ODD_COLUMNS.length): string {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const sizes = ['0', '1', '123456789', '007', '', ' 12', '1e3', '0x10', 'abc', '-5', '12345678901234567', '9007199254740993', '3.5', 'Infinity'];
  const dates = ['2025-12-30T10:00:00.000Z', '2025-12-01T00:00:00Z', '2024-01-01T00:00:00.000Z', '2025-12-25T00:00:00.000Z', '', 'garbage',
    'Mon, 01 Dec 2025 00:00:00 GMT', '2025-12-2éT00:00:00.000Z', '2025-12-26T00:00:00.000Zé', '2025-10-03T00:00:00.000Z', '2025-12-25T00:00:00.000', '1999-01-01T00:00:00Z'];
  const classes = ['STANDARD', 'STANDARD_IA', 'ARCHIVE', '', 'Größe', 'say "hi"', 'a,b'];
  const multipart = ['true', 'false', 'TRUE', 'False', '', 'yes'];
  const keys = ['a/b/c.txt', 'a%2Fb%2Fc', 'a%2fb/c', 'top.txt', 'é/日本/x', '%2F', '/lead', 'x+y/z', 'p%2', 'p%2G/q', '', 'dir/'];
  const tags = ['', `${encodeKey('k')}=${encodeKey('v')}`, `${encodeKey('a b')}=${encodeKey('c&d')}&x=1`, 'x'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const values = [
      '1250000000', 'examplebucket', encodeKey(pick(keys)) + (rnd() < 0.5 ? pick(keys) : ''), `v${i}`, pick(['true', 'false', '', 'FALSE']),
      pick(['false', 'false', 'false', 'true', '', 'True']), pick(sizes), pick(dates), 'etag', pick(classes), pick(multipart),
      pick(['COMPLETED', '', 'FAILED']), pick(['SSE-COS', 'NOT-SSE', '']), pick(tags),
    ].slice(0, rnd() < 0.1 ? Math.floor(rnd() * width) + 1 : width);
    out.push(values.map((v) => `"${v.replace(/"/g, '""')}"`).join(','));
  }
  return `${out.join(rnd() < 0.5 ? '\n' : '\r\n')}\n`;
}

/**
 * A COS report whose one gzip data file holds `csv` as it is (fields as written, odd ones too), in
 * `<root>/<date>/`; returns that directory. The manifest counts the rows as the reader's parser does.
 */
export function rawReport(root: string, columns: string[], csv: string, date = '20260101'): string {
  const plain = Buffer.from(csv);
  // The parser undoes doubled quotes in place: it counts a copy.
  const counter = new CsvByteParser(() => undefined);
  counter.push(Buffer.from(plain));
  counter.end();
  const body = gzipSync(plain);
  const name = `${createHash('md5').update(`${date}/raw`).digest('hex')}.csv.gz`;
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, name), body);
  const reportDir = path.join(root, date);
  writeManifest(reportDir, cosManifest({
    sourceBucket: 'examplebucket-1250000000', columns, objects: counter.rows, bytes: 0n,
    files: [{ key: name, size: String(body.length), md5Checksum: createHash('md5').update(body).digest('hex') }],
  }));
  return reportDir;
}
