// Compares two reports of the same source: objects added, removed, and changed (size, ETag, storage class), with
// totals. Reports larger than memory are hash-partitioned by key into spill files (one per partition and report,
// in a temporary directory); each partition of the old report is then loaded into a map and the new one's streamed
// past it, so memory holds one partition at a time. Delete markers are not objects and are left out; reports of all
// versions are compared version by version (key and version id).
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { ReportError } from './manifest';
import type { InventoryReport } from './open';
import { cleanEtag, ColumnIndex, decodeKey } from './record';
import { ByteCount, byteCount, Tally, Total, wholeBytes } from './tally';

export interface ObjectState {
  readonly size?: number;
  readonly etag?: string;
  readonly storageClass?: string;
}

export interface Change {
  readonly kind: 'added' | 'removed' | 'changed';
  /** The key, URL-decoded. */
  readonly key: string;
  readonly versionId?: string;
  readonly before?: ObjectState;
  readonly after?: ObjectState;
  /** For `changed`: what changed. */
  readonly fields?: Array<'size' | 'etag' | 'storageClass'>;
}

export interface DiffJson {
  readonly old: { readonly where: string; readonly date?: string; readonly objects: Tally };
  readonly new: { readonly where: string; readonly date?: string; readonly objects: Tally };
  readonly added: Tally;
  readonly removed: Tally;
  readonly changed: { count: number; bytesBefore: ByteCount; bytesAfter: ByteCount; size: number; etag: number; storageClass: number };
  readonly unchanged: Tally;
  /** How many partitions the comparison was split into (1: all in memory). */
  readonly partitions: number;
}

export interface DiffOptions {
  /** Partitions; default from the reports' compressed size (about 32 MiB of gzip data per partition). */
  readonly partitions?: number;
  /** Where spill files go; default the system temporary directory. Removed at the end. */
  readonly tmpDir?: string;
  /** Called for every change, in no particular order. */
  readonly onChange?: (change: Change) => void;
  readonly verify?: boolean;
}

const BYTES_PER_PARTITION = 32 * 1024 * 1024;
const MAX_PARTITIONS = 512;
const FLUSH_AT = 1 << 20;

type Row = [id: string, size: number | null, etag: string, storageClass: string];

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Calls `each` with (identity, size, etag, class) for every object (not delete markers) of the report. */
async function eachObject(report: InventoryReport, verify: boolean, each: (row: Row) => void): Promise<Total> {
  const ix: ColumnIndex = report.columnIndex;
  if (ix.key < 0) throw new ReportError(`${report.where}: the report has no Key column`);
  const versioned = ix.versionId >= 0;
  const total = new Total();
  await report.scanRows((f, n) => {
    if (ix.isDeleteMarker >= 0 && ix.isDeleteMarker < n && (f[ix.isDeleteMarker].charCodeAt(0) | 0x20) === 116) return;
    const raw = f[ix.key];
    const id = versioned && ix.versionId < n && f[ix.versionId] ? `${raw}\n${f[ix.versionId]}` : raw;
    const sizeText = ix.size >= 0 && ix.size < n ? f[ix.size] : '';
    const size = sizeText.length > 0 ? wholeBytes(Number(sizeText)) : null;
    total.add(size ?? 0);
    each([id, size, ix.etag >= 0 && ix.etag < n ? cleanEtag(f[ix.etag]) : '', ix.storageClass >= 0 && ix.storageClass < n ? f[ix.storageClass] : '']);
  }, { verify });
  return total;
}

function identity(id: string): { key: string; versionId?: string } {
  const nl = id.indexOf('\n');
  return nl < 0 ? { key: decodeKey(id) } : { key: decodeKey(id.slice(0, nl)), versionId: id.slice(nl + 1) };
}

function state(row: Row): ObjectState {
  return { ...(row[1] !== null ? { size: row[1] } : {}), ...(row[2] ? { etag: row[2] } : {}), ...(row[3] ? { storageClass: row[3] } : {}) };
}

/** Spills rows into one file per partition. */
class Spill {
  private readonly fds: number[];
  private readonly buffers: string[];
  constructor(dir: string, name: string, private readonly partitions: number) {
    this.fds = Array.from({ length: partitions }, (_, i) => openSync(path.join(dir, `${name}-${i}.jsonl`), 'w'));
    this.buffers = Array.from({ length: partitions }, () => '');
  }

  add(row: Row): void {
    const p = fnv1a(row[0]) % this.partitions;
    const b = (this.buffers[p] += `${JSON.stringify(row)}\n`);
    if (b.length >= FLUSH_AT) {
      writeSync(this.fds[p], b);
      this.buffers[p] = '';
    }
  }

  close(): void {
    this.fds.forEach((fd, p) => {
      if (this.buffers[p]) writeSync(fd, this.buffers[p]);
      closeSync(fd);
    });
  }
}

async function* rowsOf(file: string): AsyncGenerator<Row> {
  const lines = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as Row;
}

/** Compares `before` with `after` (two reports of the same source bucket). */
export async function diffReports(before: InventoryReport, after: InventoryReport, options: DiffOptions = {}): Promise<DiffJson> {
  const verify = options.verify !== false;
  const compressed = [...before.files, ...after.files].reduce((sum, f) => sum + f.size, 0);
  const partitions = Math.max(1, Math.min(MAX_PARTITIONS, options.partitions ?? Math.ceil(compressed / BYTES_PER_PARTITION)));
  const added = new Total();
  const removed = new Total();
  const unchanged = new Total();
  const changed = { count: 0, bytesBefore: new Total(), bytesAfter: new Total(), size: 0, etag: 0, storageClass: 0 };
  const emit = options.onChange;

  /** Old rows in `map`; the new ones go past it; what stays in `map` was removed. */
  const compare = (map: Map<string, Row>, row: Row) => {
    const old = map.get(row[0]);
    if (old === undefined) {
      added.add(row[1] ?? 0);
      emit?.({ kind: 'added', ...identity(row[0]), after: state(row) });
      return;
    }
    map.delete(row[0]);
    const fields: Array<'size' | 'etag' | 'storageClass'> = [];
    if (old[1] !== row[1]) fields.push('size');
    if (old[2] !== row[2]) fields.push('etag');
    if (old[3] !== row[3]) fields.push('storageClass');
    if (fields.length === 0) {
      unchanged.add(row[1] ?? 0);
      return;
    }
    changed.count++;
    changed.bytesBefore.addBytes(old[1] ?? 0);
    changed.bytesAfter.addBytes(row[1] ?? 0);
    for (const field of fields) changed[field]++;
    emit?.({ kind: 'changed', ...identity(row[0]), before: state(old), after: state(row), fields });
  };
  const leftovers = (map: Map<string, Row>) => {
    for (const old of map.values()) {
      removed.add(old[1] ?? 0);
      emit?.({ kind: 'removed', ...identity(old[0]), before: state(old) });
    }
    map.clear();
  };

  let beforeTotal: Total;
  let afterTotal: Total;
  if (partitions === 1) {
    const map = new Map<string, Row>();
    beforeTotal = await eachObject(before, verify, (row) => {
      map.set(row[0], row);
    });
    afterTotal = await eachObject(after, verify, (row) => compare(map, row));
    leftovers(map);
  } else {
    const dir = mkdtempSync(path.join(options.tmpDir ?? tmpdir(), 'cos-inventory-diff-'));
    try {
      const spillBefore = new Spill(dir, 'old', partitions);
      const spillAfter = new Spill(dir, 'new', partitions);
      try {
        beforeTotal = await eachObject(before, verify, (row) => spillBefore.add(row));
        afterTotal = await eachObject(after, verify, (row) => spillAfter.add(row));
      } finally {
        spillBefore.close();
        spillAfter.close();
      }
      for (let p = 0; p < partitions; p++) {
        const map = new Map<string, Row>();
        for await (const row of rowsOf(path.join(dir, `old-${p}.jsonl`))) map.set(row[0], row);
        for await (const row of rowsOf(path.join(dir, `new-${p}.jsonl`))) compare(map, row);
        leftovers(map);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    old: { where: before.where, date: before.date, objects: beforeTotal.toJSON() },
    new: { where: after.where, date: after.date, objects: afterTotal.toJSON() },
    added: added.toJSON(),
    removed: removed.toJSON(),
    changed: { ...changed, bytesBefore: byteCount(changed.bytesBefore.bytes), bytesAfter: byteCount(changed.bytesAfter.bytes) },
    unchanged: unchanged.toJSON(),
    partitions,
  };
}

/** The comparison for people. */
export function formatDiff(diff: DiffJson, formatBytes: (n: ByteCount) => string): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const delta = BigInt(diff.new.objects.bytes) - BigInt(diff.old.objects.bytes);
  return [
    `old: ${diff.old.where} — ${n(diff.old.objects.count)} objects, ${formatBytes(diff.old.objects.bytes)}`,
    `new: ${diff.new.where} — ${n(diff.new.objects.count)} objects, ${formatBytes(diff.new.objects.bytes)}`,
    '',
    `added:     ${n(diff.added.count)} objects, ${formatBytes(diff.added.bytes)}`,
    `removed:   ${n(diff.removed.count)} objects, ${formatBytes(diff.removed.bytes)}`,
    `changed:   ${n(diff.changed.count)} objects (size ${n(diff.changed.size)}, ETag ${n(diff.changed.etag)}, storage class ${n(diff.changed.storageClass)}), ${formatBytes(diff.changed.bytesBefore)} -> ${formatBytes(diff.changed.bytesAfter)}`,
    `unchanged: ${n(diff.unchanged.count)} objects, ${formatBytes(diff.unchanged.bytes)}`,
    `net:       ${delta >= 0n ? '+' : '-'}${formatBytes(byteCount(delta >= 0n ? delta : -delta))}`,
    '',
  ].join('\n');
}
