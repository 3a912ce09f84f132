import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  decodeKey, directoryStore, encodeKey, InventoryRecord, openLocalReport, openReport, parseManifest, recordCountProblem, reportDates, summarize,
} from '../../src/report';
import { generateReport, Row } from './generate';

let root: string;
beforeEach(() => { root = mkdtempSync(path.join(tmpdir(), 'report-test-')); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

const NOW = new Date('2026-01-01T00:00:00Z');
const EDGE_KEYS = [
  'a,b,c.txt', 'say "cheese".jpg', 'with space/and  two.txt', '雪/照片 ☃.png', '100%/done%20not-encoded.txt',
  'plus+sign.txt', 'trailing/', 'new\nline.txt', 'tab\tand,comma"quote',
];

/** The key of a generated data file: its path below root. */
const keyOf = (file: string) => path.relative(root, file).split(path.sep).join('/');
/** Text as a RegExp source that matches it. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const all = async (records: AsyncIterable<InventoryRecord>) => {
  const out: InventoryRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
};

test('keys with commas, quotes, spaces, unicode, % and + come back decoded, exactly', async () => {
  const rows: Row[] = EDGE_KEYS.map((key, i) => ({ key, size: i, lastModified: '2025-12-30T00:00:00.000Z', etag: `"e${i}"`, storageClass: 'STANDARD' }));
  const g = generateReport({ root, rows, files: 2 });
  const report = await openLocalReport(g.reportDir);
  const records = await all(report.records());
  expect(records.map((r) => r.key)).toEqual(EDGE_KEYS);
  expect(records[1]).toMatchObject({ appId: '1250000000', bucket: 'examplebucket', size: 1, etag: 'e1', storageClass: 'STANDARD' });
  expect(records[1].lastModified).toEqual(new Date('2025-12-30T00:00:00.000Z'));
  for (const key of EDGE_KEYS) expect(decodeKey(encodeKey(key))).toBe(key);
  expect(decodeKey('100%')).toBe('100%');
});

test('empty optional fields are absent, not zero or empty strings', async () => {
  const g = generateReport({ root, rows: [{ key: 'k' }], columns: ['Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'Tag'] });
  const [record] = await all((await openLocalReport(g.reportDir)).records());
  expect(record).toEqual({ key: 'k', appId: '1250000000', bucket: 'examplebucket', tags: {} });
});

test('versions: IsLatest, VersionId and delete markers (All versions) are read and summarized', async () => {
  const rows: Row[] = [
    { key: 'doc.txt', versionId: 'v3', isLatest: true, isDeleteMarker: true },
    { key: 'doc.txt', versionId: 'v2', isLatest: false, isDeleteMarker: false, size: 200, storageClass: 'STANDARD' },
    { key: 'doc.txt', versionId: 'v1', isLatest: false, isDeleteMarker: false, size: 100, storageClass: 'ARCHIVE' },
    { key: 'img/a.png', versionId: 'v9', isLatest: true, isDeleteMarker: false, size: 50, storageClass: 'STANDARD' },
  ];
  const g = generateReport({ root, rows, columns: ['VersionId', 'IsLatest', 'IsDeleteMarker', 'Size', 'StorageClass'] });
  const report = await openLocalReport(g.reportDir);
  const records = await all(report.records());
  expect(records[0]).toMatchObject({ key: 'doc.txt', versionId: 'v3', isLatest: true, isDeleteMarker: true });
  expect(records[0].size).toBeUndefined();
  const summary = await summarize(report, { now: NOW });
  expect(summary.objects).toEqual({ count: 3, bytes: 350 });
  expect(summary.deleteMarkers).toBe(1);
  expect(summary.noncurrentVersions).toEqual({ count: 2, bytes: 300 });
  expect(summary.byStorageClass).toEqual([{ name: 'STANDARD', count: 2, bytes: 250 }, { name: 'ARCHIVE', count: 1, bytes: 100 }]);
});

test('summary: by storage class, prefix depth, age band, encryption, replication, multipart and tag', async () => {
  const day = 86_400_000;
  const at = (days: number) => new Date(NOW.getTime() - days * day).toISOString();
  const rows: Row[] = [
    { key: 'photos/2024/a.jpg', size: 10, lastModified: at(1), storageClass: 'STANDARD', encryptionStatus: 'SSE-KMS', replicationStatus: 'COMPLETED', isMultipartUploaded: false, tags: { team: 'web' } },
    { key: 'photos/2025/b.jpg', size: 20, lastModified: at(40), storageClass: 'STANDARD_IA', encryptionStatus: 'NOT-SSE', replicationStatus: 'FAILED', isMultipartUploaded: true, tags: { team: 'web', 'cost center': 'a&b' } },
    { key: 'top.txt', size: 5, lastModified: at(400), storageClass: 'STANDARD', encryptionStatus: '', replicationStatus: '', isMultipartUploaded: false },
    { key: 'photos/x.jpg', size: 1, lastModified: '', storageClass: '' },
  ];
  const g = generateReport({ root, rows, columns: ['Size', 'LastModifiedDate', 'StorageClass', 'EncryptionStatus', 'ReplicationStatus', 'IsMultipartUploaded', 'Tag'] });
  const report = await openLocalReport(g.reportDir);
  const depth1 = await summarize(report, { now: NOW });
  expect(depth1.objects).toEqual({ count: 4, bytes: 36 });
  expect(depth1.byPrefix).toEqual({ depth: 1, groups: [{ name: 'photos/', count: 3, bytes: 31 }, { name: '(top level)', count: 1, bytes: 5 }] });
  const depth2 = await summarize(report, { now: NOW, depth: 2 });
  expect(depth2.byPrefix.groups.map((g) => g.name)).toEqual(['photos/2025/', 'photos/2024/', '(top level)', 'photos/']);
  expect(depth1.byAge?.groups).toEqual([
    { name: '< 7 days', count: 1, bytes: 10 }, { name: '30-90 days', count: 1, bytes: 20 },
    { name: '> 1 year', count: 1, bytes: 5 }, { name: 'unknown', count: 1, bytes: 1 },
  ]);
  expect(depth1.byEncryption).toEqual([{ name: 'NOT-SSE', count: 1, bytes: 20 }, { name: 'SSE-KMS', count: 1, bytes: 10 }, { name: '(none)', count: 2, bytes: 6 }]);
  expect(depth1.byReplication?.map((g) => g.name)).toEqual(['FAILED', 'COMPLETED', '(none)']);
  expect(depth1.byMultipart).toEqual([{ name: 'true', count: 1, bytes: 20 }, { name: 'false', count: 2, bytes: 15 }, { name: '(none)', count: 1, bytes: 1 }]);
  expect(depth1.byTag).toEqual([{ name: 'team=web', count: 2, bytes: 30 }, { name: 'cost center=a&b', count: 1, bytes: 20 }, { name: '(none)', count: 2, bytes: 6 }]);
  expect(depth1.deleteMarkers).toBeNull();
  expect(depth1.noncurrentVersions).toBeNull();
});

describe('verification', () => {
  const rows = Array.from({ length: 500 }, (_, i) => ({ key: `k/${i}`, size: i }));

  test('a manifest whose checksum lies is refused at open', async () => {
    const g = generateReport({ root, rows, corrupt: 'checksum' });
    await expect(openLocalReport(g.reportDir)).rejects.toThrow(/report verification failed for .*\n {2}manifest\.checksum says 0123456789abcdef0123456789abcdef, but manifest\.json has MD5 [0-9a-f]{32}/);
  });

  test('a truncated gzip file: a clear error naming the file', async () => {
    const g = generateReport({ root, rows, files: 2, corrupt: 'truncated' });
    const report = await openLocalReport(g.reportDir);
    await expect(summarize(report)).rejects.toThrow(/^data file cos_bucket_inventory\/1250000000\/examplebucket\/inventory-1\/[0-9a-f]{32}\.csv\.gz: gzip data is truncated or corrupt \(unexpected end of file\)$/);
    await expect(report.verify()).rejects.toThrow(`data file ${keyOf(g.dataFiles[0])}: gzip data is truncated or corrupt`);
  });

  test('a corrupted gzip file (bytes flipped, same size): an error naming the file', async () => {
    const g = generateReport({ root, rows, corrupt: 'flipped' });
    const report = await openLocalReport(g.reportDir);
    await expect(all(report.records())).rejects.toThrow(new RegExp(`^data file ${literal(keyOf(g.dataFiles[0]))}(: gzip data is truncated or corrupt| has MD5 [0-9a-f]+, the manifest says [0-9a-f]+)`));
    await expect(report.verify()).rejects.toThrow(new RegExp(`data file ${literal(keyOf(g.dataFiles[0]))}(: gzip data is truncated or corrupt| has MD5 [0-9a-f]{32}, the manifest says [0-9a-f]{32})`));
  });

  test('a size that differs from the manifest, and a missing data file', async () => {
    const g = generateReport({ root, rows, files: 2, corrupt: 'size' });
    await expect(summarize(await openLocalReport(g.reportDir))).rejects.toThrow(new RegExp(`data file ${literal(keyOf(g.dataFiles[0]))} has \\d+ bytes, the manifest says \\d+`));
    rmSync(g.dataFiles[1]);
    await expect((await openLocalReport(g.reportDir)).verify()).rejects.toThrow(`data file ${keyOf(g.dataFiles[1])} is missing`);
  });

  test('a good report verifies', async () => {
    const g = generateReport({ root, rows, files: 3 });
    await expect((await openLocalReport(g.reportDir)).verify()).resolves.toEqual({ files: 3, bytes: expect.any(Number), records: 500 });
  });

  test('a truncated gzip file the manifest lists as it is (its size and MD5): verify decompresses, and fails', async () => {
    const g = generateReport({ root, rows, files: 2, corrupt: 'truncated-listed' });
    const report = await openLocalReport(g.reportDir);
    await expect(report.verify()).rejects.toThrow(`data file ${keyOf(g.dataFiles[0])}: gzip data is truncated or corrupt (unexpected end of file)`);
  });

  test('a data file the manifest leaves out: the records fall short of filterObjectCount, in every command', async () => {
    const g = generateReport({ root, rows, files: 3, corrupt: 'omitted' });
    const report = await openLocalReport(g.reportDir);
    const short = /report verification failed for .*:\n {2}the data files hold 333 records, the manifest says filterObjectCount = 500$/;
    await expect(report.verify()).rejects.toThrow(short);
    await expect(summarize(report)).rejects.toThrow(short);
    await expect(all(report.records())).rejects.toThrow(short);
    await expect(report.scanRows(() => undefined)).rejects.toThrow(short);
    await expect(summarize(report, { verify: false })).resolves.toMatchObject({ rows: 333 });
  });

  test('object counts: filterObjectCount is the records; without it, listObjectCount; numbers as strings or numbers', () => {
    const manifest = (extra: object) => parseManifest(JSON.stringify({ fileSchema: 'Key', files: [], ...extra }), 'm');
    expect(manifest({ listObjectCount: '13', filterObjectCount: 12 })).toMatchObject({ listObjectCount: 13, filterObjectCount: 12 });
    expect(recordCountProblem(manifest({ listObjectCount: '13', filterObjectCount: '12' }), 12)).toBeUndefined();
    expect(recordCountProblem(manifest({ listObjectCount: '13', filterObjectCount: '12' }), 13)).toBe('the data files hold 13 records, the manifest says filterObjectCount = 12');
    expect(recordCountProblem(manifest({ listObjectCount: '13' }), 12)).toBe('the data files hold 12 records, the manifest says listObjectCount = 13');
    expect(recordCountProblem(manifest({ listObjectCount: '5', filterObjectCount: '12' }), 12)).toBe('the data files hold 12 records, the manifest says listObjectCount = 5');
    expect(recordCountProblem(manifest({}), 7)).toBeUndefined();
    expect(() => manifest({ filterObjectCount: 'many' })).toThrow('m: manifest.json is not an inventory manifest: filterObjectCount = "many": must be a whole number of objects');
  });
});

test('OBS: plain CSV files under files/, no MD5 but a record count; its date directories', async () => {
  const rows = [{ key: 'a b/c,d', size: 3, encryptionStatus: 'SSE-KMS' }, { key: 'e', size: 4, encryptionStatus: 'NOT-SSE' }];
  const columns = ['Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'EncryptionStatus'];
  generateReport({ root, service: 'obs', rows, columns, date: '2025-12-30T02-00Z' });
  const g = generateReport({ root, service: 'obs', rows, columns, files: 2 });
  const store = directoryStore(root);
  expect(await reportDates(store, g.directory)).toEqual(['2025-12-30T02-00Z', '2026-01-01T02-00Z']);
  const report = await openReport(store, g.directory);
  expect(report).toMatchObject({ service: 'obs', date: '2026-01-01T02-00Z' });
  expect((await all(report.records())).map((r) => [r.key, r.bucket, r.encryptionStatus])).toEqual([['a b/c,d', 'examplebucket', 'SSE-KMS'], ['e', 'examplebucket', 'NOT-SSE']]);
  // A record count that differs from inventoriedRecord is caught.
  writeFileSync(g.dataFiles[1], 'examplebucket,e,4,,,,,,NOT-SSE\nexamplebucket,f,4,,,,,,NOT-SSE\n');
  const manifest = JSON.parse(require('node:fs').readFileSync(path.join(g.reportDir, 'manifest.json'), 'utf8'));
  manifest.files[1].size = require('node:fs').statSync(g.dataFiles[1]).size;
  const body = JSON.stringify(manifest);
  writeFileSync(path.join(g.reportDir, 'manifest.json'), body);
  writeFileSync(path.join(g.reportDir, 'manifest.checksum'), require('node:crypto').createHash('md5').update(body).digest('hex'));
  await expect(summarize(await openReport(store, g.directory))).rejects.toThrow(/data file .*_2\.csv has 2 records, the manifest says 1/);
});

test('a local inventory directory opens its newest report, or the one --date names', async () => {
  generateReport({ root, rows: [{ key: 'old', size: 1 }], date: '20251225' });
  const g = generateReport({ root, rows: [{ key: 'new', size: 2 }], date: '20260101' });
  const inventoryDir = path.dirname(g.reportDir);
  expect((await openLocalReport(inventoryDir)).date).toBe('20260101');
  const older = await openLocalReport(inventoryDir, { date: '20251225' });
  expect((await all(older.records())).map((r) => r.key)).toEqual(['old']);
  await expect(openLocalReport(path.join(root, 'cos_bucket_inventory'))).rejects.toThrow(/no report in .*: no manifest\.json in it/);
});

test('records stream in constant memory: one chunk of one file at a time', async () => {
  const g = generateReport({ root, rows: { count: 60_000, row: (i) => ({ key: `dir/${i}`, size: i }) }, files: 2 });
  const report = await openLocalReport(g.reportDir);
  let count = 0;
  let bytes = 0;
  for await (const r of report.records()) {
    count++;
    bytes += r.size ?? 0;
  }
  expect(count).toBe(60_000);
  expect(bytes).toBe((59_999 * 60_000) / 2);
});

test('UTF-8 characters split across read chunks come back whole (plain CSV larger than a chunk)', async () => {
  const g = generateReport({ root, service: 'obs', rows: [{ key: 'x' }], columns: ['Size'] });
  const line = 'examplebucket,雪/%E2%98%83 ☃ 𝄞,1\n';
  const body = line.repeat(100_000);
  writeFileSync(g.dataFiles[0], body);
  const manifestPath = path.join(g.reportDir, 'manifest.json');
  const manifest = JSON.parse(require('node:fs').readFileSync(manifestPath, 'utf8'));
  manifest.files[0] = { ...manifest.files[0], size: Buffer.byteLength(body), inventoriedRecord: 100_000 };
  const text = JSON.stringify(manifest);
  writeFileSync(manifestPath, text);
  writeFileSync(path.join(g.reportDir, 'manifest.checksum'), require('node:crypto').createHash('md5').update(text).digest('hex'));
  const keys = new Set<string>();
  for await (const r of (await openLocalReport(g.reportDir)).records()) keys.add(r.key);
  expect([...keys]).toEqual(['雪/☃ ☃ 𝄞']);
});

test('the Node API bundle (assets/report/index.js) opens, reads and summarizes with worker threads', async () => {
  const api = require('../../assets/report/index.js');
  const g = generateReport({ root, rows: { count: 4000, row: (i) => ({ key: `d${i % 3}/k${i}`, size: 1, storageClass: i % 2 ? 'STANDARD' : 'ARCHIVE' }) }, files: 4 });
  const report = await api.openLocalReport(g.reportDir);
  const summary = await api.summarize(report, { workers: 2 });
  expect(summary.objects).toEqual({ count: 4000, bytes: 4000 });
  expect(summary.byStorageClass).toEqual([{ name: 'ARCHIVE', count: 2000, bytes: 2000 }, { name: 'STANDARD', count: 2000, bytes: 2000 }]);
  expect(typeof api.cosStore).toBe('function');
});
