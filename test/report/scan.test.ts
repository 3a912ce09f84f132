// Reading a data file: gzip or plain, its rows as strings (scanDataFile) or as offsets (scanDataFileBytes), with the
// same size, MD5 and record count.
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { columnIndex } from '../../src/report/record';
import { scanDataFile, scanDataFileBytes } from '../../src/report/scan';
import { SummaryBuilder } from '../../src/report/summary';
import { ODD_COLUMNS, oddCsvRows } from './generate';

const NOW = new Date('2026-01-01T00:00:00Z');

test('scanDataFileBytes: gzip and plain files, small chunks of output, size, MD5 and record count as scanDataFile', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'csv-bytes-'));
  try {
    const text = oddCsvRows(20_000, 99, 13);
    for (const [name, body] of [['a.csv.gz', gzipSync(Buffer.from(text))], ['b.csv', Buffer.from(text)]] as const) {
      const file = path.join(dir, name);
      await fs.writeFile(file, body);
      const manifestFile = { key: name, size: body.length };
      const ix = columnIndex(ODD_COLUMNS.slice(0, 13));
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
