// The one CSV parser (csv.ts): CsvByteParser gives field offsets, CsvParser the same rows as strings. Checked on
// chosen edge cases, and on random CSV cut at random places against csv-parse (the well-kept library, an
// independent oracle).
import { parse as csvParse } from 'csv-parse/sync';
import { CsvByteParser, CsvParser, CsvSyntaxError } from '../../src/report/csv';
import { feedInPieces, random } from './generate';

/** Rows of `bytes` fed to the byte parser in pieces cut at `cuts`, fields decoded here. */
function parseBytes(bytes: Buffer, cuts: number[] = []): string[][] {
  const rows: string[][] = [];
  const parser = new CsvByteParser((b, start, end, n) => {
    const row: string[] = [];
    for (let i = 0; i < n; i++) row.push(b.toString('utf8', start[i], end[i]));
    rows.push(row);
  });
  feedInPieces(parser, bytes, cuts);
  expect(parser.rows).toBe(rows.length);
  return rows;
}

/** The same through CsvParser (fields decoded by the parser). */
function parseStrings(bytes: Buffer, cuts: number[] = []): string[][] {
  const rows: string[][] = [];
  const parser = new CsvParser((fields, n) => rows.push(fields.slice(0, n)));
  feedInPieces(parser, bytes, cuts);
  expect(parser.rows).toBe(rows.length);
  return rows;
}

/** Both parsers, which must agree. */
function parseBoth(bytes: Buffer, cuts: number[] = []): string[][] {
  const rows = parseBytes(bytes, cuts);
  expect(parseStrings(bytes, cuts)).toEqual(rows);
  return rows;
}

/**
 * csv-parse's rows, told the reader's rules: rows of any width, ended by \r\n, \n or \r; less the rows of one empty
 * field (a blank line, or `""`), which the reader skips.
 */
function oracle(bytes: Buffer): string[][] {
  const rows = csvParse(bytes, { relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
  return rows.filter((row) => !(row.length === 1 && row[0] === ''));
}

const TEXT = '"a","b,c","say ""hi"""\r\nplain,,"x\ny"\n"",last\n"no newline at end"';
const EXPECTED = [['a', 'b,c', 'say "hi"'], ['plain', '', 'x\ny'], ['', 'last'], ['no newline at end']];

test('quoted fields with commas, doubled quotes and newlines; empty fields; CRLF; no final newline', () => {
  expect(parseBoth(Buffer.from(TEXT))).toEqual(EXPECTED);
  expect(oracle(Buffer.from(TEXT))).toEqual(EXPECTED);
});

test('the same rows whatever the chunk boundaries (one and two cuts anywhere)', () => {
  const bytes = Buffer.from(TEXT);
  for (let a = 0; a <= bytes.length; a++) {
    for (let b = a; b <= bytes.length; b++) expect(parseBoth(bytes, [a, b])).toEqual(EXPECTED);
  }
});

test('a chunk of one byte at a time', () => {
  const bytes = Buffer.from(TEXT);
  expect(parseBoth(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(EXPECTED);
});

test('multi-byte UTF-8 split across chunks, doubled quotes split between their two quotes, CR split from LF', () => {
  const text = '"é/日本","a""""b","😀 ""x"""\r\n"ü,ö","","Ω"\r\nplain é,x\r\n';
  const expected = [['é/日本', 'a""b', '😀 "x"'], ['ü,ö', '', 'Ω'], ['plain é', 'x']];
  const bytes = Buffer.from(text);
  for (let a = 0; a <= bytes.length; a++) {
    for (let b = a; b <= bytes.length; b++) expect(parseBoth(bytes, [a, b])).toEqual(expected);
  }
});

test('blank lines are skipped; a trailing comma is an empty last field; a bare CR ends a row', () => {
  expect(parseBoth(Buffer.from('a,b\n\nc,\n'))).toEqual([['a', 'b'], ['c', '']]);
  expect(parseBoth(Buffer.from('a\rb\r\n\r\nc'))).toEqual([['a'], ['b'], ['c']]);
  expect(oracle(Buffer.from('a\rb\r\n\r\nc'))).toEqual([['a'], ['b'], ['c']]);
  expect(parseBoth(Buffer.from('"x",'), [3])).toEqual([['x', '']]);
});

test('rows wider than the field arrays it starts with', () => {
  const row = Array.from({ length: 200 }, (_, i) => `"f${i}"`).join(',');
  expect(parseBoth(Buffer.from(`${row}\n${row},\n`), [7, 500])).toEqual([
    Array.from({ length: 200 }, (_, i) => `f${i}`), [...Array.from({ length: 200 }, (_, i) => `f${i}`), ''],
  ]);
});

test('CsvParser takes text too, and a buffer refilled between pushes', () => {
  const rows: string[][] = [];
  const parser = new CsvParser((fields, n) => rows.push(fields.slice(0, n)));
  parser.push('"é",a\n"b');
  const buffer = Buffer.from('xyz",1\n');
  parser.push(buffer);
  buffer.write('"日",2\n');
  parser.push(buffer.subarray(0, Buffer.byteLength('"日",2\n')));
  parser.end();
  expect(rows).toEqual([['é', 'a'], ['bxyz', '1'], ['日', '2']]);
});

test('errors: an unterminated quote, junk after a quote, with the record number', () => {
  for (const parse of [parseBytes, parseStrings]) {
    expect(() => parse(Buffer.from('"a","b\n'))).toThrow(CsvSyntaxError);
    expect(() => parse(Buffer.from('"a","b\n'))).toThrow('a quoted field is not closed before the end of the file');
    expect(() => parse(Buffer.from('"ok"\n"a"x,b\n'), [6])).toThrow(/unexpected "x" after a quoted field/);
    expect(() => parse(Buffer.from('"ok"\n"a"é,b\n'), [9])).toThrow(/unexpected "é" after a quoted field/);
    try {
      parse(Buffer.from('"ok"\n"a"x,b\n'));
    } catch (err) {
      expect((err as CsvSyntaxError).row).toBe(2);
    }
  }
});

const PIECES = ['a', 'b', 'Z', '0', '7', ' ', ',', '"', '""', '\n', '\r\n', '\r', '/', '%2F', '%2f', '+', 'é', '日', '😀', '='];

test('random CSV cut at random places: both parsers give what csv-parse gives', () => {
  const rnd = random(1);
  for (let round = 0; round < 500; round++) {
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
    // Rows ended by any of the three, the last one sometimes by none.
    const ends = rows.map(() => ['\n', '\r\n', '\r'][Math.floor(rnd() * 3)]);
    if (rnd() < 0.5) ends[ends.length - 1] = '';
    const bytes = Buffer.from(rows.map((row, i) => row + ends[i]).join(''));
    const cuts = Array.from({ length: Math.floor(rnd() * 5) }, () => Math.floor(rnd() * (bytes.length + 1))).sort((x, y) => x - y);
    expect(parseBoth(bytes, cuts)).toEqual(oracle(bytes));
  }
});
