import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Change, diffReports, openLocalReport } from '../../src/report';
import { generateReport, rawReport, Row } from './generate';

let root: string;
beforeEach(() => { root = mkdtempSync(path.join(tmpdir(), 'diff-test-')); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

const base = (i: number): Row => ({ key: `p${i % 7}/obj,${i} ☃`, size: 100 + i, etag: `e${i}`, storageClass: 'STANDARD' });

async function reports() {
  const before = generateReport({ root, date: '20251225', rows: { count: 3000, row: base }, files: 3 });
  // New: 0..99 removed, 3000..3199 added, every 10th re-sized, every 25th archived, every 33rd re-written (ETag).
  const after = generateReport({
    root, date: '20260101', files: 2, rows: {
      count: 3100,
      row: (j) => {
        const i = j + 100;
        const row = { ...base(i) };
        if (i < 3000 && i % 10 === 0) row.size = 1;
        if (i < 3000 && i % 25 === 0) row.storageClass = 'ARCHIVE';
        if (i < 3000 && i % 33 === 0) row.etag = 'rewritten';
        return row;
      },
    },
  });
  return [await openLocalReport(before.reportDir), await openLocalReport(after.reportDir)] as const;
}

const expected = () => {
  const kept = Array.from({ length: 2900 }, (_, j) => j + 100);
  const changed = kept.filter((i) => i % 10 === 0 || i % 25 === 0 || i % 33 === 0);
  return {
    added: { count: 200, bytes: Array.from({ length: 200 }, (_, j) => 100 + 3000 + j).reduce((a, b) => a + b, 0) },
    removed: { count: 100, bytes: Array.from({ length: 100 }, (_, i) => 100 + i).reduce((a, b) => a + b, 0) },
    changedCount: changed.length,
    size: kept.filter((i) => i % 10 === 0).length,
    storageClass: kept.filter((i) => i % 25 === 0).length,
    etag: kept.filter((i) => i % 33 === 0).length,
  };
};

test.each([1, 5])('added, removed and changed objects with totals (%i partitions)', async (partitions) => {
  const [before, after] = await reports();
  const changes: Change[] = [];
  const spill = mkdtempSync(path.join(root, 'spill-'));
  const diff = await diffReports(before, after, { partitions, tmpDir: spill, onChange: (c) => changes.push(c) });
  const want = expected();
  expect(diff.partitions).toBe(partitions);
  expect(diff.added).toEqual(want.added);
  expect(diff.removed).toEqual(want.removed);
  expect(diff.changed).toMatchObject({ count: want.changedCount, size: want.size, storageClass: want.storageClass, etag: want.etag });
  expect(diff.unchanged.count).toBe(2900 - want.changedCount);
  expect(diff.old.objects.count).toBe(3000);
  expect(diff.new.objects.count).toBe(3100);
  expect(changes.filter((c) => c.kind === 'removed').map((c) => c.key)).toContain('p0/obj,0 ☃');
  expect(changes.find((c) => c.key === 'p0/obj,2100 ☃')).toEqual({
    kind: 'changed', key: 'p0/obj,2100 ☃', before: { size: 2200, etag: 'e2100', storageClass: 'STANDARD' },
    after: { size: 1, etag: 'e2100', storageClass: 'ARCHIVE' }, fields: ['size', 'storageClass'],
  });
  expect(readdirSync(spill)).toEqual([]);
});

test('versions are compared version by version; delete markers are not objects', async () => {
  const columns = ['VersionId', 'IsLatest', 'IsDeleteMarker', 'Size', 'ETag', 'StorageClass'];
  const before = generateReport({ root, date: '20251225', columns, rows: [
    { key: 'a', versionId: 'v1', isLatest: true, isDeleteMarker: false, size: 1, etag: 'x' },
  ] });
  const after = generateReport({ root, date: '20260101', columns, rows: [
    { key: 'a', versionId: 'v2', isLatest: true, isDeleteMarker: true },
    { key: 'a', versionId: 'v1', isLatest: false, isDeleteMarker: false, size: 1, etag: 'x' },
    { key: 'a', versionId: 'v0', isLatest: false, isDeleteMarker: false, size: 7, etag: 'y' },
  ] });
  const changes: Change[] = [];
  const diff = await diffReports(await openLocalReport(before.reportDir), await openLocalReport(after.reportDir), { onChange: (c) => changes.push(c) });
  expect(diff).toMatchObject({ added: { count: 1, bytes: 7 }, removed: { count: 0 }, unchanged: { count: 1 } });
  expect(changes).toEqual([{ kind: 'added', key: 'a', versionId: 'v0', after: { size: 7, etag: 'y' } }]);
});

test('odd fields (quoted ETags, commas, quotes and line breaks, non-ASCII keys and versions): the same changes in 1 and several partitions', async () => {
  const odd = (i: number, edit: number): Row => ({
    key: `${['a,b', 'say "x"', 'line\nbreak', '雪', 'plain'][i % 5]}/${i}`,
    versionId: i % 4 === 0 ? `v☃${i % 3}` : i % 4 === 1 ? '' : `v${i % 3}`,
    size: i % 7 === edit ? 7 : 100 + i,
    etag: i % 11 === edit ? '"b,"' : `"e${i}"`,
    storageClass: ['STANDARD', 'Größe', 'a,b', 'say "hi"'][(i + (i % 13 === edit ? 1 : 0)) % 4],
  });
  const columns = ['VersionId', 'Size', 'ETag', 'StorageClass'];
  const before = await openLocalReport(generateReport({ root, date: '20251225', columns, files: 2, rows: { count: 2000, row: (i) => odd(i, 0) } }).reportDir);
  const after = await openLocalReport(generateReport({ root, date: '20260101', columns, files: 3, rows: { count: 2000, row: (i) => odd(i + 100, 1) } }).reportDir);
  const run = async (partitions: number) => {
    const changes: string[] = [];
    const diff = await diffReports(before, after, { partitions, tmpDir: root, onChange: (c) => changes.push(JSON.stringify(c)) });
    return { diff: { ...diff, partitions: 0 }, changes: changes.sort() };
  };
  const whole = await run(1);
  expect(whole.diff).toMatchObject({ added: { count: 100 }, removed: { count: 100 } });
  expect(whole.changes).toContainEqual(JSON.stringify({ kind: 'removed', key: 'a,b/0', versionId: 'v☃0', before: { size: 7, etag: 'b,', storageClass: 'Größe' } }));
  expect(whole.changes).toContainEqual(JSON.stringify({ kind: 'added', key: 'line\nbreak/2002', versionId: 'v1', after: { size: 2102, etag: 'e2002', storageClass: 'a,b' } }));
  for (const partitions of [3, 7]) expect(await run(partitions)).toEqual(whole);
});

test('a row too short to have a key is the object of key \'\'', async () => {
  const columns = ['Appid', 'Bucket', 'Key', 'Size'];
  const before = await openLocalReport(rawReport(path.join(root, 'old'), columns, '"1250000000","examplebucket","a","1"\n'));
  const after = await openLocalReport(rawReport(path.join(root, 'new'), columns, '"1250000000","examplebucket","a","1"\n"1250000000","examplebucket"\n'));
  for (const partitions of [1, 2]) {
    const changes: Change[] = [];
    await diffReports(before, after, { partitions, onChange: (c) => changes.push(c) });
    expect(changes).toEqual([{ kind: 'added', key: '', after: {} }]);
  }
});
