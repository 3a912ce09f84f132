// Compares two reports of the same source: objects added, removed, and changed (size, ETag, storage class), with
// totals. Rows are read as bytes (CsvByteParser), and the old report's objects kept as bytes (ByteKeys): strings are
// made only of the objects reported. Reports larger than memory are hash-partitioned by key into spill files (one per
// partition and report, in a temporary directory): CSV rows of the fields compared, as the report wrote them, read
// back by the same parser. Each partition of the old report is then kept and the new one's streamed past it, so memory
// holds one partition at a time. Delete markers are not objects and are left out; reports of all versions are
// compared version by version (key and version id).
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ByteKeys, fnv1a, fnv1aBytes } from './byte-keys';
import { CsvByteParser } from './csv';
import { ReportError } from './manifest';
import type { InventoryReport } from './open';
import { cleanEtag, decodeKey } from './record';
import { ByteCount, byteCount, Tally, Total, wholeBytesOf } from './tally';

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
/** Bytes a partition's spill gathers before it is written. */
const SPILL_BUFFER = 128 * 1024;
const READ_CHUNK = 1 << 20;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Where the fields compared are in a row (-1: not there): key, version id, size, ETag, storage class. */
type ObjectColumns = readonly [key: number, versionId: number, size: number, etag: number, storageClass: number];
const KEY = 0;
const VERSION_ID = 1;
const SIZE = 2;
const ETAG = 3;
const STORAGE_CLASS = 4;

/** A spill row holds the fields compared, in that order. */
const SPILL_COLUMNS: ObjectColumns = [0, 1, 2, 3, 4];

/** An object's row (bytes and field offsets, as CsvByteParser gives them), where its fields are, and its size (null: none). */
type ObjectRow = (b: Buffer, start: Int32Array, end: Int32Array, n: number, columns: ObjectColumns, size: number | null) => void;

/** Whether field `i` of a row is there and not empty. */
function has(start: Int32Array, end: Int32Array, n: number, i: number): boolean {
  return i >= 0 && i < n && end[i] > start[i];
}

/** Field `i` of a row as text; '' when the row has no such field. */
function text(b: Buffer, start: Int32Array, end: Int32Array, n: number, i: number): string {
  return has(start, end, n, i) ? b.toString('utf8', start[i], end[i]) : '';
}

/** Field `i` of a row as a size (wholeBytesOf); null when the row has no such field. */
function sizeOf(b: Buffer, start: Int32Array, end: Int32Array, n: number, i: number): number | null {
  return has(start, end, n, i) ? wholeBytesOf(b, start[i], end[i]) : null;
}

/** An object's identity: its raw key, and its version id after a newline when it has one. */
function idOf(b: Buffer, start: Int32Array, end: Int32Array, n: number, c: ObjectColumns): string {
  const key = text(b, start, end, n, c[KEY]);
  return has(start, end, n, c[VERSION_ID]) ? `${key}\n${text(b, start, end, n, c[VERSION_ID])}` : key;
}

function objectState(size: number | null, etag: string, storageClass: string): ObjectState {
  return { ...(size !== null ? { size } : {}), ...(etag ? { etag } : {}), ...(storageClass ? { storageClass } : {}) };
}

/** What is compared of an object in a row, as an ObjectState. */
function rowState(b: Buffer, start: Int32Array, end: Int32Array, n: number, c: ObjectColumns, size: number | null): ObjectState {
  return objectState(size, cleanEtag(text(b, start, end, n, c[ETAG])), text(b, start, end, n, c[STORAGE_CLASS]));
}

const EMPTY = new Uint8Array(0);

/**
 * The bytes of a field as compared: `buf[from .. to)`. A field's own bytes when ASCII; else its text encoded again,
 * so that two fields compare alike exactly when their texts do (bytes that are not UTF-8 decode alike, as U+FFFD).
 * One per use: each call overwrites the last.
 */
class FieldBytes {
  buf: Uint8Array = EMPTY;
  from = 0;
  to = 0;
  private scratch = Buffer.allocUnsafe(256);

  /** Field `i` of a row (none when the row has no such field); an ETag without its quotes (cleanEtag). */
  field(b: Buffer, start: Int32Array, end: Int32Array, n: number, i: number, etag = false): this {
    if (!has(start, end, n, i)) return this.set(EMPTY, 0, 0);
    let from = start[i];
    let to = end[i];
    if (etag && to - from >= 2 && b[from] === QUOTE && b[to - 1] === QUOTE) {
      from++;
      to--;
    }
    return isAsciiRange(b, from, to) ? this.set(b, from, to) : this.encoded(b.toString('utf8', from, to));
  }

  /** An object's identity (idOf): its key, then a newline and its version id when it has one. */
  identity(b: Buffer, start: Int32Array, end: Int32Array, n: number, c: ObjectColumns): this {
    const key = c[KEY];
    const version = c[VERSION_ID];
    if (!has(start, end, n, version)) return this.field(b, start, end, n, key);
    const keyLength = has(start, end, n, key) ? end[key] - start[key] : 0;
    const length = keyLength + 1 + end[version] - start[version];
    if (length > this.scratch.length) this.scratch = Buffer.allocUnsafe(2 * length);
    if (keyLength > 0) b.copy(this.scratch, 0, start[key], end[key]);
    this.scratch[keyLength] = LF;
    b.copy(this.scratch, keyLength + 1, start[version], end[version]);
    return isAsciiRange(this.scratch, 0, length) ? this.set(this.scratch, 0, length) : this.encoded(idOf(b, start, end, n, c));
  }

  private encoded(text: string): this {
    const bytes = Buffer.from(text, 'utf8');
    return this.set(bytes, 0, bytes.length);
  }

  private set(buf: Uint8Array, from: number, to: number): this {
    this.buf = buf;
    this.from = from;
    this.to = to;
    return this;
  }
}

function isAsciiRange(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] >= 0x80) return false;
  return true;
}

/**
 * The partition of an object: fnv1a of its identity (idOf) as characters, which are its bytes when ASCII (nearly
 * always: keys are URL-encoded); else hashed from the decoded identity.
 */
function partitionOf(id: FieldBytes, b: Buffer, start: Int32Array, end: Int32Array, n: number, c: ObjectColumns, partitions: number): number {
  const h = isAsciiRange(id.buf, id.from, id.to) ? fnv1aBytes(id.buf, id.from, id.to) >>> 0 : fnv1a(idOf(b, start, end, n, c));
  return h % partitions;
}

/** Calls `each` with every object (not delete markers) of the report, as bytes; returns their count and bytes. */
async function eachObject(report: InventoryReport, verify: boolean, each: ObjectRow): Promise<Total> {
  const ix = report.columnIndex;
  if (ix.key < 0) throw new ReportError(`${report.where}: the report has no Key column`);
  const columns: ObjectColumns = [ix.key, ix.versionId, ix.size, ix.etag, ix.storageClass];
  const marker = ix.isDeleteMarker;
  const total = new Total();
  await report.scanRowBytes((b, start, end, n) => {
    if (has(start, end, n, marker) && (b[start[marker]] | 0x20) === 116) return;
    const size = sizeOf(b, start, end, n, columns[SIZE]);
    total.add(size ?? 0);
    each(b, start, end, n, columns, size);
  }, { verify });
  return total;
}

/** The key (decoded) and version id of an identity (idOf), as a Change names them. */
function identity(id: string): { key: string; versionId?: string } {
  const nl = id.indexOf('\n');
  return nl < 0 ? { key: decodeKey(id) } : { key: decodeKey(id.slice(0, nl)), versionId: id.slice(nl + 1) };
}

/** Spills objects into one CSV file per partition: the fields compared (as SPILL_COLUMNS), bytes as the report has them. */
class Spill {
  private readonly fds: number[];
  private readonly buffers: Buffer[];
  private readonly used: number[];
  private readonly id = new FieldBytes();

  constructor(dir: string, name: string, private readonly partitions: number) {
    this.fds = Array.from({ length: partitions }, (_, i) => openSync(path.join(dir, `${name}-${i}.csv`), 'w'));
    this.buffers = Array.from({ length: partitions }, () => Buffer.allocUnsafe(0));
    this.used = Array.from({ length: partitions }, () => 0);
  }

  readonly add: ObjectRow = (b, start, end, n, c) => {
    const p = partitionOf(this.id.identity(b, start, end, n, c), b, start, end, n, c, this.partitions);
    // At most: every byte a doubled quote, each field quoted, a comma or newline after each.
    let most = 0;
    for (let f = 0; f < c.length; f++) if (has(start, end, n, c[f])) most += 2 * (end[c[f]] - start[c[f]]) + 2;
    most += c.length;
    if (this.used[p] + most > this.buffers[p].length) this.flush(p, most);
    const out = this.buffers[p];
    let at = this.used[p];
    for (let f = 0; f < c.length; f++) {
      if (has(start, end, n, c[f])) at = putField(out, at, b, start[c[f]], end[c[f]]);
      out[at++] = f === c.length - 1 ? LF : COMMA;
    }
    this.used[p] = at;
  };

  /** Writes what partition `p` gathered; makes room for `need` more bytes. */
  private flush(p: number, need: number): void {
    if (this.used[p] > 0) writeSync(this.fds[p], this.buffers[p], 0, this.used[p]);
    this.used[p] = 0;
    if (this.buffers[p].length < need) this.buffers[p] = Buffer.allocUnsafe(Math.max(SPILL_BUFFER, need));
  }

  close(): void {
    this.fds.forEach((fd, p) => {
      this.flush(p, 0);
      closeSync(fd);
    });
    this.buffers.fill(Buffer.allocUnsafe(0));
  }
}

/** Writes `b[from .. to)` into `out` at `at` as a CSV field (quoted when it holds a quote, comma or line break); returns where it ends. */
function putField(out: Buffer, at: number, b: Buffer, from: number, to: number): number {
  // Copied byte by byte: fields are short, and Buffer.copy costs more than that per call.
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c === QUOTE || c === COMMA || c === LF || c === CR) return putQuoted(out, at, b, from, to);
    out[at + i - from] = c;
  }
  return at + to - from;
}

function putQuoted(out: Buffer, at: number, b: Buffer, from: number, to: number): number {
  out[at++] = QUOTE;
  for (let i = from; i < to; i++) {
    out[at++] = b[i];
    if (b[i] === QUOTE) out[at++] = QUOTE;
  }
  out[at++] = QUOTE;
  return at;
}

/** The objects of a spill file, in the order spilled. */
async function readSpill(file: string, each: ObjectRow): Promise<void> {
  const parser = new CsvByteParser((b, start, end, n) => each(b, start, end, n, SPILL_COLUMNS, sizeOf(b, start, end, n, SPILL_COLUMNS[SIZE])));
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK })) parser.push(chunk as Buffer);
  parser.end();
}

/**
 * The old report's objects (of one partition) by identity, as bytes: what is compared of each (size; ETag and class
 * by the number of their bytes), and whether the new report had it. Strings are made only of the objects reported.
 */
class OldObjects {
  private readonly ids = new ByteKeys();
  private readonly etags = new ByteKeys();
  private readonly classes = new ByteKeys();
  /** By the number of an identity. */
  private sizes: Array<number | null> = [];
  private etagOf: number[] = [];
  private classOf: number[] = [];
  private had: boolean[] = [];

  /** Keeps an object; one of an identity kept before takes its place (as a Map's set). */
  keep(id: FieldBytes, size: number | null, etag: FieldBytes, storageClass: FieldBytes): void {
    const h = fnv1aBytes(id.buf, id.from, id.to);
    let e = this.ids.find(id.buf, id.from, id.to, h);
    if (e < 0) {
      e = this.ids.add(id.buf, id.from, id.to, h);
      this.had.push(false);
    }
    this.sizes[e] = size;
    this.etagOf[e] = this.etags.numberOf(etag.buf, etag.from, etag.to);
    this.classOf[e] = this.classes.numberOf(storageClass.buf, storageClass.from, storageClass.to);
  }

  /** The number of the object of identity `id` that the new report has not had yet, now had; -1 when none. */
  take(id: FieldBytes): number {
    const e = this.ids.find(id.buf, id.from, id.to, fnv1aBytes(id.buf, id.from, id.to));
    if (e < 0 || this.had[e]) return -1;
    this.had[e] = true;
    return e;
  }

  /** Which of size, ETag and class of object `e` differ from these. */
  differences(e: number, size: number | null, etag: FieldBytes, storageClass: FieldBytes): Array<'size' | 'etag' | 'storageClass'> {
    const fields: Array<'size' | 'etag' | 'storageClass'> = [];
    if (this.sizes[e] !== size) fields.push('size');
    if (this.etags.find(etag.buf, etag.from, etag.to, fnv1aBytes(etag.buf, etag.from, etag.to)) !== this.etagOf[e]) fields.push('etag');
    if (this.classes.find(storageClass.buf, storageClass.from, storageClass.to, fnv1aBytes(storageClass.buf, storageClass.from, storageClass.to)) !== this.classOf[e]) fields.push('storageClass');
    return fields;
  }

  size(e: number): number | null {
    return this.sizes[e];
  }

  identity(e: number): string {
    return this.ids.text(e);
  }

  state(e: number): ObjectState {
    return objectState(this.sizes[e], this.etags.text(this.etagOf[e]), this.classes.text(this.classOf[e]));
  }

  /** The objects the new report did not have, in the order first kept. */
  *notHad(): Generator<number> {
    for (let e = 0; e < this.had.length; e++) if (!this.had[e]) yield e;
  }

  /** Forgets every object (the next partition's come). */
  clear(): void {
    for (const keys of [this.ids, this.etags, this.classes]) keys.clear();
    this.sizes = [];
    this.etagOf = [];
    this.classOf = [];
    this.had = [];
  }
}

/** The totals of a comparison, object by object: the old ones kept by identity, the new ones compared with them. */
class Comparison {
  readonly added = new Total();
  readonly removed = new Total();
  readonly unchanged = new Total();
  readonly changed = { count: 0, bytesBefore: new Total(), bytesAfter: new Total(), size: 0, etag: 0, storageClass: 0 };
  private readonly old = new OldObjects();
  private readonly id = new FieldBytes();
  private readonly etag = new FieldBytes();
  private readonly storageClass = new FieldBytes();

  constructor(private readonly emit: DiffOptions['onChange']) {}

  readonly keep: ObjectRow = (b, start, end, n, c, size) => {
    this.old.keep(this.id.identity(b, start, end, n, c), size, this.etag.field(b, start, end, n, c[ETAG], true), this.storageClass.field(b, start, end, n, c[STORAGE_CLASS]));
  };

  readonly compare: ObjectRow = (b, start, end, n, c, size) => {
    const e = this.old.take(this.id.identity(b, start, end, n, c));
    if (e < 0) {
      this.added.add(size ?? 0);
      this.emit?.({ kind: 'added', ...identity(idOf(b, start, end, n, c)), after: rowState(b, start, end, n, c, size) });
      return;
    }
    const fields = this.old.differences(e, size, this.etag.field(b, start, end, n, c[ETAG], true), this.storageClass.field(b, start, end, n, c[STORAGE_CLASS]));
    if (fields.length === 0) {
      this.unchanged.add(size ?? 0);
      return;
    }
    this.changed.count++;
    this.changed.bytesBefore.addBytes(this.old.size(e) ?? 0);
    this.changed.bytesAfter.addBytes(size ?? 0);
    for (const field of fields) this.changed[field]++;
    this.emit?.({ kind: 'changed', ...identity(this.old.identity(e)), before: this.old.state(e), after: rowState(b, start, end, n, c, size), fields });
  };

  /** The old objects the new report did not have: removed. */
  removeLeft(): void {
    for (const e of this.old.notHad()) {
      this.removed.add(this.old.size(e) ?? 0);
      this.emit?.({ kind: 'removed', ...identity(this.old.identity(e)), before: this.old.state(e) });
    }
    this.old.clear();
  }
}

/** Compares `before` with `after` (two reports of the same source bucket). */
export async function diffReports(before: InventoryReport, after: InventoryReport, options: DiffOptions = {}): Promise<DiffJson> {
  const verify = options.verify !== false;
  const compressed = [...before.files, ...after.files].reduce((sum, f) => sum + f.size, 0);
  const partitions = Math.max(1, Math.min(MAX_PARTITIONS, options.partitions ?? Math.ceil(compressed / BYTES_PER_PARTITION)));
  const comparison = new Comparison(options.onChange);
  let beforeTotal: Total;
  let afterTotal: Total;
  if (partitions === 1) {
    beforeTotal = await eachObject(before, verify, comparison.keep);
    afterTotal = await eachObject(after, verify, comparison.compare);
    comparison.removeLeft();
  } else {
    const dir = mkdtempSync(path.join(options.tmpDir ?? tmpdir(), 'cos-inventory-diff-'));
    try {
      beforeTotal = await spilled(before, verify, dir, 'old', partitions);
      afterTotal = await spilled(after, verify, dir, 'new', partitions);
      for (let p = 0; p < partitions; p++) {
        await readSpill(path.join(dir, `old-${p}.csv`), comparison.keep);
        await readSpill(path.join(dir, `new-${p}.csv`), comparison.compare);
        comparison.removeLeft();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const { added, removed, unchanged, changed } = comparison;
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

/** Spills the objects of `report` into `dir`, one `<name>-<partition>.csv` per partition; returns their totals. */
async function spilled(report: InventoryReport, verify: boolean, dir: string, name: string, partitions: number): Promise<Total> {
  const spill = new Spill(dir, name, partitions);
  try {
    return await eachObject(report, verify, spill.add);
  } finally {
    spill.close();
  }
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
