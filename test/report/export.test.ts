// Export writes, byte for byte, what it wrote when it went through records: JSON.stringify of each record's object of
// column values (NDJSON), the records' values (Parquet); whatever the fields hold, and whatever the columns are called.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportColumns, exportReport, InventoryReport, openLocalReport, toRecord } from '../../src/report';
import { random, rawReport } from './generate';

let root: string;
beforeEach(() => { root = mkdtempSync(path.join(tmpdir(), 'export-test-')); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

const COLUMNS = ['Appid', 'Bucket', 'Key', 'VersionId', 'IsLatest', 'IsDeleteMarker', 'Size', 'LastModifiedDate', 'ETag', 'StorageClass',
  'IsMultipartUploaded', 'ReplicationStatus', 'EncryptionStatus', 'Tag', 'Crc64', 'x-cos-meta-owner'];
const KEYS = ['a,b "c" d', '雪%2F%41.txt', 'x${y}', 'back%5Cslash', 'line%0Abreak', 'ctl%01', 'u2028%E2%80%A8', 'plus+sign', '100%', '%ED%A0%80', '', 'raw ☃'];
const SIZES = ['0', '1', '007', '', ' 12', '1e3', '0x10', 'abc', '-5', '-0', '3.5', 'Infinity', '999999999999999', '1000000000000000',
  '9007199254740993', '12345678901234567', '18446744073709551616'];
const TIMES = ['2025-12-30T10:00:00.000Z', '2025-12-01T00:00:00Z', '2025-02-28T23:59:59.999Z', '2025-02-30T00:00:00.000Z', '2024-02-29T00:00:00.000Z',
  '2025-12-31T24:00:00.000Z', '0000-01-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z', '2025-12-25T00:00:00.000', 'Mon, 01 Dec 2025 00:00:00 GMT', 'garbage', ''];
const ETAGS = ['"abc"', '""', '"', 'plain', '', '"a"b"', '"☃"'];
const TAGS = ['', 'k=v', '2=a&1=b', 'a=1&a=2', 'x', '%E2%98%83=%22q%22'];
const FLAGS = ['true', 'false', 'TRUE', 'False', '', 'yes'];
const TEXTS = ['STANDARD', '', 'Größe', 'say "hi"', 'a,b', 'new\nline', 'x${y}', 'tab\tand\u0001', '\u2029', 'back\\slash'];

/** `count` rows of the odd values above (every field quoted, as COS writes them), some rows cut short. */
function oddRows(count: number, width: number, seed: number): string {
  const rnd = random(seed);
  const pick = (list: readonly string[]) => list[Math.floor(rnd() * list.length)];
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const values = ['1250000000', pick(TEXTS), pick(KEYS), pick(['', `v${i % 3}`, 'v"1"']), pick(FLAGS), pick(FLAGS), pick(SIZES), pick(TIMES),
      pick(ETAGS), pick(TEXTS), pick(FLAGS), pick(TEXTS), pick(TEXTS), pick(TAGS), pick(TEXTS), pick(TEXTS)];
    while (values.length < width) values.push(pick(TEXTS));
    rows.push(values.slice(0, rnd() < 0.05 ? Math.floor(rnd() * width) + 1 : width).map((v) => `"${v.replace(/"/g, '""')}"`).join(','));
  }
  return `${rows.join('\r\n')}\n`;
}

/** The NDJSON of the records: each one's defined column values by column name, in one object (how export began). */
async function ndjsonOfRecords(report: InventoryReport): Promise<string> {
  const columns = exportColumns(report);
  let text = '';
  for await (const record of report.records()) {
    const row: Record<string, unknown> = {};
    for (const c of columns) {
      const value = c.get(record);
      if (value !== undefined) row[c.name] = value;
    }
    text += `${JSON.stringify(row)}\n`;
  }
  return text;
}

async function ndjson(report: InventoryReport): Promise<string> {
  const out = path.join(root, 'out.ndjson');
  await exportReport(report, { format: 'ndjson', out });
  return readFileSync(out, 'utf8');
}

test('NDJSON of odd fields (quotes, line breaks, non-ASCII, ${, sizes past 2^53, times that move, quoted ETags) is the records\' JSON, byte for byte', async () => {
  const report = await openLocalReport(rawReport(root, COLUMNS, oddRows(3000, COLUMNS.length, 1)));
  const text = await ndjson(report);
  expect(text).toBe(await ndjsonOfRecords(report));
  expect(text).toContain('"last_modified":"2025-03-02T00:00:00.000Z"');
});

test.each([
  ['a column named by a number', ['123']],
  ['two columns of one name', ['x-a', 'x_a']],
  ['one column twice', ['x-a', 'x-a']],
  ['a known column twice', ['Size']],
  ['columns named as what every object has', ['__proto__', 'toString']],
])('NDJSON with %s: as the records\' row objects have it', async (_, extra) => {
  const columns = [...COLUMNS.slice(0, 10), ...extra];
  const report = await openLocalReport(rawReport(root, columns, oddRows(500, columns.length, 2)));
  expect(await ndjson(report)).toBe(await ndjsonOfRecords(report));
});

test('every column reads from a row\'s fields what its record holds, and its JSON', async () => {
  const report = await openLocalReport(rawReport(root, COLUMNS, oddRows(2000, COLUMNS.length, 3)));
  const columns = exportColumns(report);
  const ix = report.columnIndex;
  let rows = 0;
  await report.scanRows((fields, n) => {
    const record = toRecord(fields, n, ix);
    for (const c of columns) {
      const value = c.get(record);
      expect([c.name, c.read(fields, n)]).toEqual([c.name, value]);
      expect([c.name, c.json(fields, n)]).toEqual([c.name, value === undefined ? undefined : JSON.stringify(value)]);
    }
    rows++;
  });
  expect(rows).toBe(2000);
});
