import { CsvParser, CsvSyntaxError } from '../../src/report/csv';

function parse(text: string, splitAt?: number[]): string[][] {
  const rows: string[][] = [];
  const parser = new CsvParser((fields, n) => rows.push(fields.slice(0, n)));
  let last = 0;
  for (const at of splitAt ?? []) {
    parser.push(text.slice(last, at));
    last = at;
  }
  parser.push(text.slice(last));
  parser.end();
  return rows;
}

const TEXT = '"a","b,c","say ""hi"""\r\nplain,,"x\ny"\n"",last\n"no newline at end"';
const EXPECTED = [['a', 'b,c', 'say "hi"'], ['plain', '', 'x\ny'], ['', 'last'], ['no newline at end']];

test('quoted fields with commas, doubled quotes and newlines; empty fields; CRLF; no final newline', () => {
  expect(parse(TEXT)).toEqual(EXPECTED);
});

test('the same rows whatever the chunk boundaries', () => {
  for (let a = 0; a <= TEXT.length; a++) {
    for (let b = a; b <= TEXT.length; b += 3) expect(parse(TEXT, [a, b])).toEqual(EXPECTED);
  }
});

test('blank lines are skipped; a trailing comma is an empty last field', () => {
  expect(parse('a,b\n\nc,\n')).toEqual([['a', 'b'], ['c', '']]);
});

test('an unterminated quote and junk after a quote are syntax errors with the record number', () => {
  expect(() => parse('"a","b\n')).toThrow(CsvSyntaxError);
  expect(() => parse('"ok"\n"a"x,b\n')).toThrow(/unexpected "x" after a quoted field/);
  try {
    parse('"ok"\n"a"x,b\n');
  } catch (err) {
    expect((err as CsvSyntaxError).row).toBe(2);
  }
});
