// The bundled `cos-inventory report ...` (assets/handler/index.js, loading report.js), as a user runs it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cli } from '../support/cli';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../support/fake-cos';
import { SPEC } from '../support/seed-job';
import { JOB_VARIABLE, RUN_ID_VARIABLE } from '../../src/contract/environment';
import { generateReport, Row, syntheticRow } from './generate';

let root: string;
beforeAll(() => { root = mkdtempSync(path.join(tmpdir(), 'report-cli-')); });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COLUMNS = ['Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'EncryptionStatus'];
const rows = (count: number, shift = 0) => ({ count, row: (i: number): Row => syntheticRow(i + shift) });

test('summary of a local report: a table, and JSON; 2 worker threads give what 1 gives', async () => {
  const g = generateReport({ root: path.join(root, 'a'), rows: rows(5000), files: 4, columns: COLUMNS });
  const table = await cli(['report', 'summary', g.reportDir, '--depth', '2', '--top', '3'], {});
  expect(table.stderr).toBe('');
  expect(table.code).toBe(0);
  expect(table.stdout).toMatch(/^report: .*manifest\.json\nsource: examplebucket-1250000000, date 20260101, 4 data file\(s\), columns: Appid, Bucket, Key, Size/);
  expect(table.stdout).toMatch(/\nobjects: 5,000, /);
  expect(table.stdout).toMatch(/\nprefix \(depth 2\) +objects +bytes +share\nlogs\/app-\d+\//);
  expect(table.stdout).toContain('(20 more; --json lists all)');
  expect(table.stdout).toContain('not in this report\'s columns: tags');
  const one = JSON.parse((await cli(['report', 'summary', g.reportDir, '--json', '--workers', '1'], {})).stdout);
  const two = JSON.parse((await cli(['report', 'summary', g.reportDir, '--json', '--workers', '2'], {})).stdout);
  expect(one.objects.count).toBe(5000);
  const strip = (s: any) => ({ ...s, byAge: s.byAge.groups });
  expect(strip(two)).toEqual(strip(one));
  expect(one.report).toMatchObject({ service: 'cos', date: '20260101', files: 4 });
});

test('byte totals past 2^53 (8 PiB) are exact, as decimal strings in JSON, whatever the workers; diff too', async () => {
  const sizes = Array.from({ length: 64 }, (_, i) => 987_654_321_098_765 + 7 * i);
  const exact = sizes.reduce((sum, s) => sum + BigInt(s), 0n).toString();
  const big = (i: number): Row => ({ ...syntheticRow(i), size: sizes[i] });
  const before = generateReport({ root: path.join(root, 'big'), date: '20251225', rows: { count: 1, row: big }, columns: COLUMNS });
  const g = generateReport({ root: path.join(root, 'big'), rows: { count: 64, row: big }, files: 4, columns: COLUMNS });
  for (const workers of ['1', '2']) {
    const summary = JSON.parse((await cli(['report', 'summary', g.reportDir, '--json', '--workers', workers], {})).stdout);
    expect(summary.objects).toEqual({ count: 64, bytes: exact });
    const byClass = summary.byStorageClass.reduce((sum: bigint, group: { bytes: number | string }) => sum + BigInt(group.bytes), 0n);
    expect(byClass.toString()).toBe(exact);
  }
  const table = await cli(['report', 'summary', g.reportDir], {});
  expect(table.stdout).toContain(`(${BigInt(exact).toLocaleString('en-US')} bytes)`);
  const diff = JSON.parse((await cli(['report', 'diff', before.reportDir, g.reportDir, '--json'], {})).stdout);
  expect(diff.new.objects).toEqual({ count: 64, bytes: exact });
  expect(diff.added).toEqual({ count: 63, bytes: (BigInt(exact) - BigInt(sizes[0])).toString() });
  expect(diff.unchanged).toEqual({ count: 1, bytes: sizes[0] });
});

test('diff of two local reports, with the changes as JSON lines', async () => {
  const before = generateReport({ root: path.join(root, 'd'), date: '20251225', rows: rows(1000), columns: COLUMNS });
  const after = generateReport({ root: path.join(root, 'd'), date: '20260101', rows: rows(1000, 10), files: 2, columns: COLUMNS });
  const result = await cli(['report', 'diff', before.reportDir, after.reportDir], {});
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/\nadded: +10 objects, /);
  expect(result.stdout).toMatch(/\nremoved: +10 objects, /);
  const changes = path.join(root, 'changes.jsonl');
  const json = await cli(['report', 'diff', before.reportDir, after.reportDir, '--json', '--changes', changes, '--partitions', '3'], {});
  expect(JSON.parse(json.stdout)).toMatchObject({ added: { count: 10 }, removed: { count: 10 }, partitions: 3 });
  const lines = readFileSync(changes, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(lines).toHaveLength(20);
  expect(lines.find((c) => c.kind === 'removed').key).toMatch(/^logs\/app-\d+\/2025-\d\d\/part \d\.log\.gz$/);
});

test('diff --changes larger than its write buffer: every change, the same lines to a file and to stdout', async () => {
  const before = generateReport({ root: path.join(root, 'many'), date: '20251225', rows: rows(3000), columns: COLUMNS });
  const after = generateReport({ root: path.join(root, 'many'), date: '20260101', rows: rows(3000, 1500), files: 3, columns: COLUMNS });
  const file = path.join(root, 'many-changes.jsonl');
  const toFile = await cli(['report', 'diff', before.reportDir, after.reportDir, '--changes', file, '--partitions', '2'], {});
  const toStdout = await cli(['report', 'diff', before.reportDir, after.reportDir, '--changes', '-'], {});
  expect([toFile.code, toStdout.code]).toEqual([0, 0]);
  expect(toStdout.stderr).toContain('added 1500, removed 1500, changed 0');
  const fileLines = readFileSync(file, 'utf8').trim().split('\n');
  expect(statSync(file).size).toBeGreaterThan(1 << 16);
  expect(fileLines).toHaveLength(3000);
  expect([...fileLines].sort()).toEqual(toStdout.stdout.trim().split('\n').sort());
});

test('export: NDJSON and Parquet that DuckDB reads back', async () => {
  const keys = ['a,b "c" d', '雪/%41.txt'];
  const g = generateReport({ root: path.join(root, 'e'), rows: keys.map((key, i) => ({ key, size: i + 1, lastModified: '2025-06-01T00:00:00.000Z', storageClass: 'STANDARD' })), columns: COLUMNS });
  const ndjson = await cli(['report', 'export', g.reportDir, '--format', 'ndjson', '--out', '-'], {});
  expect(ndjson.code).toBe(0);
  expect(ndjson.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
    { appid: '1250000000', bucket: 'examplebucket', key: keys[0], size: 1, last_modified: '2025-06-01T00:00:00.000Z', storage_class: 'STANDARD' },
    { appid: '1250000000', bucket: 'examplebucket', key: keys[1], size: 2, last_modified: '2025-06-01T00:00:00.000Z', storage_class: 'STANDARD' },
  ]);
  const file = path.join(root, 'e.parquet');
  const parquet = await cli(['report', 'export', g.reportDir, '--format', 'parquet', '--out', file], {});
  expect(parquet.stderr).toContain('exported 2 records');
  expect(parquet.code).toBe(0);
  const { DuckDBInstance } = require('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const read = await connection.runAndReadAll(`select key, size, storage_class, last_modified, etag from read_parquet('${file}') order by size`);
  expect(read.getRowObjectsJson()).toEqual([
    { key: keys[0], size: '1', storage_class: 'STANDARD', last_modified: '2025-06-01 00:00:00', etag: null },
    { key: keys[1], size: '2', storage_class: 'STANDARD', last_modified: '2025-06-01 00:00:00', etag: null },
  ]);
});

test('exit codes: 2 for bad input, 1 for a report that does not check out, naming the file', async () => {
  const usage = await cli(['report', 'summary'], {});
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('report summary takes one SOURCE, got 0');
  expect((await cli(['report', 'explode', '.'], {})).stderr).toContain('unknown report command "explode"');
  expect((await cli(['report', 'summary', path.join(root, 'nowhere')], {})).code).toBe(2);
  expect((await cli(['report', 'summary', '.', '--depth', '0'], {})).stderr).toContain('--depth = "0": must be a whole number of at least 1');
  expect((await cli(['report', 'summary', 'cos://inventorybucket-1250000000/x'], {})).stderr).toContain('--region is needed for a bucket');
  const help = await cli(['report', '--help'], {});
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('cos-inventory report summary SOURCE');
  const lying = generateReport({ root: path.join(root, 'lie'), rows: rows(10), corrupt: 'checksum' });
  const lie = await cli(['report', 'verify', lying.reportDir], {});
  expect(lie.code).toBe(1);
  expect(lie.stderr).toMatch(/manifest\.checksum says 0123456789abcdef0123456789abcdef, but manifest\.json has MD5/);
  const cut = generateReport({ root: path.join(root, 'cut'), rows: rows(3000), files: 2, corrupt: 'truncated' });
  const truncated = await cli(['report', 'summary', cut.reportDir, '--workers', '2'], {});
  expect(truncated.code).toBe(1);
  expect(truncated.stderr).toMatch(/data file cos_bucket_inventory\/1250000000\/examplebucket\/inventory-1\/[0-9a-f]{32}\.csv\.gz: gzip data is truncated or corrupt \(unexpected end of file\)/);
  const omitted = generateReport({ root: path.join(root, 'omitted'), rows: rows(3000), files: 3, corrupt: 'omitted' });
  const short = await cli(['report', 'summary', omitted.reportDir, '--workers', '2'], {});
  expect(short.code).toBe(1);
  expect(short.stderr).toContain('the data files hold 2000 records, the manifest says filterObjectCount = 3000');
  const listed = generateReport({ root: path.join(root, 'listed'), rows: rows(3000), corrupt: 'truncated-listed' });
  const verify = await cli(['report', 'verify', listed.reportDir], {});
  expect(verify.code).toBe(1);
  expect(verify.stderr).toMatch(/data file .*\.csv\.gz: gzip data is truncated or corrupt \(unexpected end of file\)/);
});

describe('against COS (the fake)', () => {
  let cos: FakeCos;
  beforeEach(async () => { cos = await new FakeCos({ deliverReports: true }).start(); });
  afterEach(() => cos.stop());
  const env = () => ({ TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, ...cos.handlerEnv });

  /** Uploads every file under `dir` to the bucket at its relative path. */
  const upload = (dir: string, bucket: string, under = '') => {
    for (const name of readdirSync(path.join(dir, under))) {
      const rel = under ? `${under}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) upload(dir, bucket, rel);
      else cos.putObject(bucket, rel, readFileSync(path.join(dir, rel)));
    }
  };

  test('summary of the newest report, found by source bucket and inventory id; verify by URL and date', async () => {
    const local = path.join(root, 'cos');
    generateReport({ root: local, date: '20251225', rows: rows(10), columns: COLUMNS });
    const g = generateReport({ root: local, date: '20260101', rows: rows(300), files: 2, columns: COLUMNS });
    upload(local, 'inventorybucket-1250000000');
    const summary = await cli(['report', 'summary', 'cos://inventorybucket-1250000000', '--region', 'ap-guangzhou', '--source-bucket', 'examplebucket-1250000000', '--id', 'inventory-1', '--json'], env());
    expect(summary.stderr).toMatch(/downloading cos:\/\/inventorybucket-1250000000\/cos_bucket_inventory\/1250000000\/examplebucket\/inventory-1\/[0-9a-f]{32}\.csv\.gz/);
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout)).toMatchObject({ report: { where: `cos://inventorybucket-1250000000/${g.manifestKey}`, date: '20260101' }, objects: { count: 300 } });
    const verify = await cli(['report', 'verify', `cos://inventorybucket-1250000000/${g.directory}/20251225`, '--region', 'ap-guangzhou'], env());
    expect(verify.stdout).toContain('report verified');
    expect(verify.code).toBe(0);
    const missing = await cli(['report', 'summary', 'cos://inventorybucket-1250000000/nothing/here', '--region', 'ap-guangzhou'], env());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no report in cos://inventorybucket-1250000000/nothing/here/');
  });

  test('run of a job with wait.summaryDepth prints the summary of the report it waited for', async () => {
    const job = { ...SPEC, wait: { timeoutSeconds: 30, pollIntervalSeconds: 1, summaryDepth: 1 } };
    const result = await cli(['run'], { ...env(), [JOB_VARIABLE]: JSON.stringify(job), [RUN_ID_VARIABLE]: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' });
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/cos-inventory: summary of cos:\/\/inventorybucket-1250000000\/.*manifest\.json:\ncos-inventory: objects: 1, 1.00 KiB \(1,024 bytes\)/);
    expect(result.stderr).toMatch(/cos-inventory: photos\/ +1 +1.00 KiB +100.0%/);
  });
});
