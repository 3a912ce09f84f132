// The summary's byte path (SummaryBuilder.addBytes: sizes read from digits, dates compared as bytes, groups looked up
// by their bytes) gives exactly what its decoding path (add() of the decoded fields) gives, whatever the chunk
// boundaries and however odd the values.
import { CsvByteParser, CsvParser } from '../../src/report/csv';
import { columnIndex, encodeKey } from '../../src/report/record';
import { SummaryBuilder } from '../../src/report/summary';
import { feedInPieces, ODD_COLUMNS, oddCsvRows, random } from './generate';

const NOW = new Date('2026-01-01T00:00:00Z');

/** The summary of `text` by add() of decoded fields, and by addBytes() of the bytes cut at `cuts`, and their states. */
function summaries(text: string, columns: string[], cuts: number[], depth: number) {
  const ix = columnIndex(columns);
  const strings = new SummaryBuilder(ix, { now: NOW, depth });
  const strParser = new CsvParser((f, n) => strings.add(f, n));
  strParser.push(text);
  strParser.end();
  const bytes = new SummaryBuilder(ix, { now: NOW, depth });
  feedInPieces(new CsvByteParser((b, s, e, n) => bytes.addBytes(b, s, e, n)), Buffer.from(text), cuts);
  return [strings.toJSON(NOW), bytes.toJSON(NOW), strings.state(), bytes.state()];
}

test('summary from bytes equals the summary from decoded fields: odd sizes, dates, groups, keys, tags, short rows', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const text = oddCsvRows(200, seed);
    const rnd = random(seed * 7);
    const cuts = Array.from({ length: 8 }, () => Math.floor(rnd() * text.length)).sort((x, y) => x - y);
    for (const depth of [1, 2, 3]) {
      const [a, b, sa, sb] = summaries(text, ODD_COLUMNS, cuts, depth);
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
