// The byte parser (csv-bytes.ts) and the summary's byte path (SummaryBuilder.addBytes) give exactly what the string
// parser (csv.ts) and SummaryBuilder.add give, whatever the chunk boundaries.
import { promises as fs } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CsvParser, CsvSyntaxError } from '../../src/report/csv';
import { CsvByteParser } from '../../src/report/csv-bytes';
import { columnIndex, encodeKey } from '../../src/report/record';
import { scanDataFile, scanDataFileBytes } from '../../src/report/scan';
import { SummaryBuilder } from '../../src/report/summary';

/** Rows of `bytes` fed to the byte parser in pieces cut at `cuts`, fields decoded. */
function parseBytes(bytes: Buffer, cuts: number[] = []): string[][] {
  const rows: string[][] = [];
  const parser = new CsvByteParser((b, start, end, n) => {
    const row: string[] = [];
    for (let i = 0; i < n; i++) row.push(b.toString('utf8', start[i], end[i]));
    rows.push(row);
  });
  let last = 0;
  for (const at of cuts) {
    parser.push(Buffer.from(bytes.subarray(last, at)));
    last = at;
  }
  parser.push(Buffer.from(bytes.subarray(last)));
  parser.end();
  expect(parser.rows).toBe(rows.length);
  return rows;
}

function parseText(text: string): string[][] {
  const rows: string[][] = [];
  const parser = new CsvParser((fields, n) => rows.push(fields.slice(0, n)));
  parser.push(text);
  parser.end();
  return rows;
}

const TEXT = '"a","b,c","say ""hi"""\r\nplain,,"x\ny"\n"",last\n"no newline at end"';
const EXPECTED = [['a', 'b,c', 'say "hi"'], ['plain', '', 'x\ny'], ['', 'last'], ['no newline at end']];

test('quoted fields with commas, doubled quotes and newlines; empty fields; CRLF; no final newline', () => {
  expect(parseBytes(Buffer.from(TEXT))).toEqual(EXPECTED);
});

test('the same rows whatever the chunk boundaries (one and two cuts anywhere)', () => {
  const bytes = Buffer.from(TEXT);
  for (let a = 0; a <= bytes.length; a++) {
    for (let b = a; b <= bytes.length; b++) expect(parseBytes(bytes, [a, b])).toEqual(EXPECTED);
  }
});

test('a chunk of one byte at a time', () => {
  const bytes = Buffer.from(TEXT);
  expect(parseBytes(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(EXPECTED);
});

test('multi-byte UTF-8 split across chunks, doubled quotes split between their two quotes, CR split from LF', () => {
  const text = '"é/日本","a""""b","😀 ""x"""\r\n"ü,ö","","Ω"\r\n';
  const expected = [['é/日本', 'a""b', '😀 "x"'], ['ü,ö', '', 'Ω']];
  const bytes = Buffer.from(text);
  for (let a = 0; a <= bytes.length; a++) {
    for (let b = a; b <= bytes.length; b++) expect(parseBytes(bytes, [a, b])).toEqual(expected);
  }
});

test('blank lines are skipped; a trailing comma is an empty last field; a bare CR ends a row', () => {
  expect(parseBytes(Buffer.from('a,b\n\nc,\n'))).toEqual([['a', 'b'], ['c', '']]);
  expect(parseBytes(Buffer.from('a\rb\r\n\r\nc'))).toEqual([['a'], ['b'], ['c']]);
  expect(parseBytes(Buffer.from('"x",'), [3])).toEqual([['x', '']]);
});

test('rows wider than the field arrays it starts with', () => {
  const row = Array.from({ length: 200 }, (_, i) => `"f${i}"`).join(',');
  expect(parseBytes(Buffer.from(`${row}\n${row},\n`), [7, 500])).toEqual([
    Array.from({ length: 200 }, (_, i) => `f${i}`), [...Array.from({ length: 200 }, (_, i) => `f${i}`), ''],
  ]);
});

test('errors as the string parser gives them: an unterminated quote, junk after a quote, with the record number', () => {
  expect(() => parseBytes(Buffer.from('"a","b\n'))).toThrow(CsvSyntaxError);
  expect(() => parseBytes(Buffer.from('"a","b\n'))).toThrow('a quoted field is not closed before the end of the file');
  expect(() => parseBytes(Buffer.from('"ok"\n"a"x,b\n'), [6])).toThrow(/unexpected "x" after a quoted field/);
  expect(() => parseBytes(Buffer.from('"ok"\n"a"é,b\n'), [9])).toThrow(/unexpected "é" after a quoted field/);
  try {
    parseBytes(Buffer.from('"ok"\n"a"x,b\n'));
  } catch (err) {
    expect((err as CsvSyntaxError).row).toBe(2);
  }
});

/** A deterministic pseudo-random source. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['a', 'b', 'Z', '0', '7', ' ', ',', '"', '""', '\n', '\r\n', '\r', '/', '%2F', '%2f', '+', 'é', '日', '😀', '='];

test('random CSV cut at random places: the byte parser gives what the string parser gives', () => {
  const rnd = random(1);
  for (let round = 0; round < 300; round++) {
    const rows: string[] = [];
    for (let r = 0; r < 1 + Math.floor(rnd() * 6); r++) {
      const fields: string[] = [];
      for (let f = 0; f < 1 + Math.floor(rnd() * 5); f++) {
        let value = '';
        for (let k = Math.floor(rnd() * 6); k > 0; k--) value += PIECES[Math.floor(rnd() * PIECES.length)];
        fields.push(rnd() < 0.7 || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
      }
      rows.push(fields.join(','));
    }
    const text = rows.join(rnd() < 0.5 ? '\n' : '\r\n') + (rnd() < 0.5 ? '\n' : '');
    const bytes = Buffer.from(text);
    const cuts = Array.from({ length: Math.floor(rnd() * 5) }, () => Math.floor(rnd() * (bytes.length + 1))).sort((x, y) => x - y);
    expect(parseBytes(bytes, cuts)).toEqual(parseText(text));
  }
});

const NOW = new Date('2026-01-01T00:00:00Z');
const COLUMNS = ['Appid', 'Bucket', 'Key', 'VersionId', 'IsLatest', 'IsDeleteMarker', 'Size', 'LastModifiedDate', 'ETag', 'StorageClass',
  'IsMultipartUploaded', 'ReplicationStatus', 'EncryptionStatus', 'Tag'];

/** Rows with the values the byte path treats apart: odd sizes and dates, unicode groups, encoded separators, tags. */
function oddRows(count: number, seed: number, width = COLUMNS.length): string {
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

function summaries(text: string, columns: string[], cuts: number[], depth: number) {
  const ix = columnIndex(columns);
  const strings = new SummaryBuilder(ix, { now: NOW, depth });
  const strParser = new CsvParser((f, n) => strings.add(f, n));
  strParser.push(text);
  strParser.end();
  const bytes = new SummaryBuilder(ix, { now: NOW, depth });
  const byteParser = new CsvByteParser((b, s, e, n) => bytes.addBytes(b, s, e, n));
  const all = Buffer.from(text);
  let last = 0;
  for (const at of cuts) {
    byteParser.push(Buffer.from(all.subarray(last, at)));
    last = at;
  }
  byteParser.push(Buffer.from(all.subarray(last)));
  byteParser.end();
  return [strings.toJSON(NOW), bytes.toJSON(NOW), strings.state(), bytes.state()];
}

test('summary from bytes equals the summary from decoded fields: odd sizes, dates, groups, keys, tags, short rows', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const text = oddRows(200, seed);
    const rnd = random(seed * 7);
    const cuts = Array.from({ length: 8 }, () => Math.floor(rnd() * text.length)).sort((x, y) => x - y);
    for (const depth of [1, 2, 3]) {
      const [a, b, sa, sb] = summaries(text, COLUMNS, cuts, depth);
      expect(b).toEqual(a);
      expect(sb).toEqual(sa);
    }
  }
});

test('summary from bytes without the optional columns (a COS report of the default columns)', () => {
  const columns = ['Appid', 'Bucket', 'Key', 'Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus'];
  const rows = Array.from({ length: 300 }, (_, i) => `"1","b","${encodeKey(`d${i % 7}/é${i % 3}/${i}`)}","${i * 1000}","2025-0${1 + (i % 9)}-01T00:00:00.000Z","e","${['STANDARD', 'ARCHIVE'][i % 2]}","${i % 5 === 0}",""`);
  const text = `${rows.join('\n')}\n`;
  const [a, b] = summaries(text, columns, [1, 100, 4000, 4001, 9000], 2);
  expect(b).toEqual(a);
  expect((b as { objects: { count: number } }).objects.count).toBe(300);
});

test('scanDataFileBytes: gzip and plain files, small chunks of output, size, MD5 and record count as scanDataFile', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'csv-bytes-'));
  try {
    const text = oddRows(20_000, 99, 13);
    for (const [name, body] of [['a.csv.gz', gzipSync(Buffer.from(text))], ['b.csv', Buffer.from(text)]] as const) {
      const file = path.join(dir, name);
      await fs.writeFile(file, body);
      const manifestFile = { key: name, size: body.length };
      const ix = columnIndex(COLUMNS.slice(0, 13));
      const viaText = new SummaryBuilder(ix, { now: NOW });
      const viaBytes = new SummaryBuilder(ix, { now: NOW });
      const r1 = await scanDataFile(file, manifestFile, (f, n) => viaText.add(f, n));
      const r2 = await scanDataFileBytes(file, manifestFile, (b, s, e, n) => viaBytes.addBytes(b, s, e, n));
      expect(r2).toEqual(r1);
      expect(r2.rows).toBe(20_000);
      expect(viaBytes.toJSON(NOW)).toEqual(viaText.toJSON(NOW));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
