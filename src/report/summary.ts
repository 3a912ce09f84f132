// Totals of an inventory report: object count and bytes, overall and by storage class, key prefix (to a depth),
// last-modified age, encryption, replication and multipart status, and tag. Built row by row from the raw CSV fields
// (no record objects), mergeable across workers, and of a size that depends on the number of distinct groups only.
// Two entries with the same totals: add() takes decoded fields (CsvParser), addBytes() the bytes and field offsets
// (CsvByteParser), decoding only a new group's name and values out of the usual form (what summarize uses).
import { ByteKeys, fnv1aBytes } from './byte-keys';
import type { ColumnIndex } from './record';
import { decodeKey, parseTags } from './record';
import { ByteCount, byteCount, Tally, Total, wholeBytes, wholeBytesOf } from './tally';

export interface SummaryOptions {
  /** Prefix depth: `1` groups `photos/2024/a.jpg` under `photos/`, `2` under `photos/2024/`. Default 1. */
  readonly depth?: number;
  /** The time ages are measured from. Default: now. */
  readonly now?: Date;
}

/** Last-modified age bands: label and upper bound in days. */
export const AGE_BANDS: ReadonlyArray<readonly [string, number]> = [
  ['< 7 days', 7], ['7-30 days', 30], ['30-90 days', 90], ['90-365 days', 365], ['> 1 year', Infinity],
];
const AGE_UNKNOWN = 'unknown';
const NONE = '(none)';
const DAY_MS = 86_400_000;

/** A summary's groups, ready to serialize: name, count, bytes. */
export interface Group {
  readonly name: string;
  readonly count: number;
  readonly bytes: ByteCount;
}

/** The summary as JSON: what `--json` prints and `Summary.toJSON()` returns. */
export interface SummaryJson {
  readonly rows: number;
  readonly objects: Tally;
  /** Versions that are not the latest (reports of all versions only). */
  readonly noncurrentVersions: Tally | null;
  readonly deleteMarkers: number | null;
  readonly byStorageClass: Group[] | null;
  readonly byPrefix: { readonly depth: number; readonly groups: Group[] };
  readonly byAge: { readonly now: string; readonly groups: Group[] } | null;
  readonly byEncryption: Group[] | null;
  readonly byReplication: Group[] | null;
  readonly byMultipart: Group[] | null;
  readonly byTag: Group[] | null;
}

/** The serializable state of a builder, as a worker sends it back. */
export interface SummaryState {
  rows: number;
  objects: Tally;
  noncurrent: Tally;
  deleteMarkers: number;
  groups: Record<string, Array<[string, number, ByteCount]>>;
}

type Groups = Map<string, Total>;

function tally(map: Groups, name: string, bytes: number): void {
  let t = map.get(name);
  if (t === undefined) {
    t = new Total();
    // A copy, not a slice of the chunk the row came from: a kept slice would keep the whole chunk.
    map.set(Buffer.from(name, 'utf8').toString('utf8'), t);
  }
  t.add(bytes);
}

const SLASH = 47;
/** The bytes of a field a short row lacks. */
const EMPTY = new Uint8Array(0);
const PERCENT = 37;

/** Compares ASCII bytes `b[from .. to)` with `ref` as strings compare. */
function compareBytes(b: Uint8Array, from: number, to: number, ref: Uint8Array): number {
  const len = to - from;
  const common = Math.min(len, ref.length);
  for (let i = 0; i < common; i++) {
    const d = b[from + i] - ref[i];
    if (d !== 0) return d;
  }
  return len - ref.length;
}

/** The raw (still URL-encoded) prefix of a raw key, to `depth` separators (`/` or `%2F`); '' at the top level. */
export function rawPrefix(raw: string, depth: number): string {
  let end = 0;
  const encoded = raw.indexOf('%') >= 0;
  for (let d = 0; d < depth; d++) {
    let i = end;
    let found = -1;
    let width = 1;
    while (i < raw.length) {
      const c = raw.charCodeAt(i);
      if (c === SLASH) { found = i; width = 1; break; }
      if (encoded && c === PERCENT && raw.charCodeAt(i + 1) === 50 && (raw.charCodeAt(i + 2) | 0x20) === 102) { found = i; width = 3; break; }
      i++;
    }
    if (found < 0) break;
    end = found + width;
  }
  return raw.slice(0, end);
}

/**
 * Groups looked up by the bytes of a field, for the byte path (addBytes): each distinct byte string is decoded once,
 * named (`name`), and bound to the tally of that name in `map`, so a row costs a hash of a few bytes and no string.
 */
class ByteGroups {
  private readonly keys = new ByteKeys();
  /** The tally of each byte string, by its number. */
  private readonly tallies: Total[] = [];

  constructor(private readonly map: Groups, private readonly name: (text: string) => string) {}

  /** Field `i` of a row (empty when the row is shorter); nothing when the report has no such column (`i` < 0). */
  tallyField(i: number, b: Uint8Array, start: Int32Array, end: Int32Array, n: number, bytes: number): void {
    if (i < 0) return;
    if (i < n) this.tally(b, start[i], end[i], bytes);
    else this.tally(EMPTY, 0, 0, bytes);
  }

  tally(b: Uint8Array, from: number, to: number, bytes: number): void {
    const h = fnv1aBytes(b, from, to);
    const e = this.keys.find(b, from, to, h);
    if (e >= 0) {
      this.tallies[e].add(bytes);
      return;
    }
    // New bytes: decode, name, bind to the map's tally of that name (two byte strings may share one).
    const name = this.name(Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('utf8'));
    let t = this.map.get(name);
    if (t === undefined) {
      t = new Total();
      this.map.set(name, t);
    }
    t.add(bytes);
    this.keys.add(b, from, to, h);
    this.tallies.push(t);
  }
}

const orNone = (text: string) => text || NONE;
const lowerOrNone = (text: string) => text.toLowerCase() || NONE;
const same = (text: string) => text;

/** The raw prefix end of the key in `b[from .. to)`, as rawPrefix finds it in the decoded key. */
function rawPrefixEnd(b: Uint8Array, from: number, to: number, depth: number): number {
  let end = from;
  for (let d = 0; d < depth; d++) {
    let i = end;
    let found = -1;
    let width = 1;
    while (i < to) {
      const c = b[i];
      if (c === SLASH) { found = i; width = 1; break; }
      if (c === PERCENT && i + 2 < to && b[i + 1] === 50 && (b[i + 2] | 0x20) === 102) { found = i; width = 3; break; }
      i++;
    }
    if (found < 0) break;
    end = found + width;
  }
  return end;
}

export class SummaryBuilder {
  rows = 0;
  readonly objects = new Total();
  readonly noncurrent = new Total();
  deleteMarkers = 0;
  readonly byClass: Groups = new Map();
  readonly byPrefix: Groups = new Map();
  readonly byAge: Groups = new Map();
  readonly byEncryption: Groups = new Map();
  readonly byReplication: Groups = new Map();
  readonly byMultipart: Groups = new Map();
  readonly byTag: Groups = new Map();
  private readonly depth: number;
  private readonly bandIso: string[];
  private readonly bandMs: number[];

  private readonly bandIsoBytes: Uint8Array[];
  private readonly classBytes: ByteGroups;
  private readonly prefixBytes: ByteGroups;
  private readonly encryptionBytes: ByteGroups;
  private readonly replicationBytes: ByteGroups;
  private readonly multipartBytes: ByteGroups;

  constructor(private readonly ix: ColumnIndex, options: SummaryOptions = {}) {
    this.depth = options.depth ?? 1;
    const now = (options.now ?? new Date()).getTime();
    this.bandMs = AGE_BANDS.map(([, days]) => (days === Infinity ? -Infinity : now - days * DAY_MS));
    this.bandIso = this.bandMs.map((ms) => (ms === -Infinity ? '' : new Date(ms).toISOString()));
    this.bandIsoBytes = this.bandIso.map((iso) => Buffer.from(iso, 'latin1'));
    this.classBytes = new ByteGroups(this.byClass, orNone);
    this.prefixBytes = new ByteGroups(this.byPrefix, same);
    this.encryptionBytes = new ByteGroups(this.byEncryption, orNone);
    this.replicationBytes = new ByteGroups(this.byReplication, orNone);
    this.multipartBytes = new ByteGroups(this.byMultipart, lowerOrNone);
  }

  /**
   * One CSV row as bytes (CsvByteParser): the same totals as add() of the decoded fields, decoding only what it
   * must (a new group's name, a size or date not in the usual form, tags).
   */
  addBytes(b: Buffer, start: Int32Array, end: Int32Array, n: number): void {
    const ix = this.ix;
    this.rows++;
    let i = ix.isDeleteMarker;
    if (i >= 0 && i < n && start[i] < end[i] && (b[start[i]] | 0x20) === 116) {
      this.deleteMarkers++;
      return;
    }
    let size = 0;
    i = ix.size;
    if (i >= 0 && i < n) size = wholeBytesOf(b, start[i], end[i]);
    this.objects.add(size);
    i = ix.isLatest;
    if (i >= 0 && i < n && start[i] < end[i] && (b[start[i]] | 0x20) === 102) this.noncurrent.add(size);
    this.classBytes.tallyField(ix.storageClass, b, start, end, n, size);
    i = ix.key;
    if (i < n) this.prefixBytes.tally(b, start[i], rawPrefixEnd(b, start[i], end[i], this.depth), size);
    else this.prefixBytes.tally(EMPTY, 0, 0, size);
    i = ix.lastModified;
    if (i >= 0) tally(this.byAge, i < n ? this.bandOfBytes(b, start[i], end[i]) : AGE_UNKNOWN, size);
    this.encryptionBytes.tallyField(ix.encryptionStatus, b, start, end, n, size);
    this.replicationBytes.tallyField(ix.replicationStatus, b, start, end, n, size);
    this.multipartBytes.tallyField(ix.isMultipartUploaded, b, start, end, n, size);
    i = ix.tags;
    if (i >= 0) {
      const value = i < n ? b.toString('utf8', start[i], end[i]) : '';
      if (value.length === 0) tally(this.byTag, NONE, size);
      else for (const [k, v] of Object.entries(parseTags(value))) tally(this.byTag, `${k}=${v}`, size);
    }
  }

  /** band() of the bytes: ASCII compares as its text does; anything else is decoded. */
  private bandOfBytes(b: Buffer, from: number, to: number): string {
    const len = to - from;
    if (len >= 20 && b[from + 10] === 84 && b[to - 1] === 90) {
      let ascii = true;
      for (let i = from; i < to; i++) if (b[i] >= 0x80) { ascii = false; break; }
      if (ascii) {
        const bands = this.bandIsoBytes;
        for (let k = 0; k < bands.length; k++) if (compareBytes(b, from, to, bands[k]) >= 0) return AGE_BANDS[k][0];
        return AGE_BANDS[AGE_BANDS.length - 1][0];
      }
    }
    return this.band(b.toString('utf8', from, to));
  }

  /** One CSV row (raw fields). The hot loop: no allocation but for new groups. */
  add(f: string[], n: number): void {
    const ix = this.ix;
    this.rows++;
    if (ix.isDeleteMarker >= 0 && ix.isDeleteMarker < n && (f[ix.isDeleteMarker].charCodeAt(0) | 0x20) === 116) {
      this.deleteMarkers++;
      return;
    }
    const size = ix.size >= 0 && ix.size < n ? wholeBytes(+f[ix.size]) : 0;
    this.objects.add(size);
    if (ix.isLatest >= 0 && ix.isLatest < n && (f[ix.isLatest].charCodeAt(0) | 0x20) === 102) this.noncurrent.add(size);
    if (ix.storageClass >= 0) tally(this.byClass, (ix.storageClass < n && f[ix.storageClass]) || NONE, size);
    tally(this.byPrefix, rawPrefix(ix.key < n ? f[ix.key] : '', this.depth), size);
    if (ix.lastModified >= 0) tally(this.byAge, this.band(ix.lastModified < n ? f[ix.lastModified] : ''), size);
    if (ix.encryptionStatus >= 0) tally(this.byEncryption, (ix.encryptionStatus < n && f[ix.encryptionStatus]) || NONE, size);
    if (ix.replicationStatus >= 0) tally(this.byReplication, (ix.replicationStatus < n && f[ix.replicationStatus]) || NONE, size);
    if (ix.isMultipartUploaded >= 0) tally(this.byMultipart, (ix.isMultipartUploaded < n && f[ix.isMultipartUploaded].toLowerCase()) || NONE, size);
    if (ix.tags >= 0) {
      const value = ix.tags < n ? f[ix.tags] : '';
      if (value.length === 0) tally(this.byTag, NONE, size);
      else for (const [k, v] of Object.entries(parseTags(value))) tally(this.byTag, `${k}=${v}`, size);
    }
  }

  private band(value: string): string {
    if (value.length === 0) return AGE_UNKNOWN;
    // ISO 8601 in UTC compares as text; anything else is parsed.
    if (value.length >= 20 && value.charCodeAt(10) === 84 && value.charCodeAt(value.length - 1) === 90) {
      for (let b = 0; b < this.bandIso.length; b++) if (value >= this.bandIso[b]) return AGE_BANDS[b][0];
      return AGE_BANDS[AGE_BANDS.length - 1][0];
    }
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return AGE_UNKNOWN;
    for (let b = 0; b < this.bandMs.length; b++) if (ms >= this.bandMs[b]) return AGE_BANDS[b][0];
    return AGE_BANDS[AGE_BANDS.length - 1][0];
  }

  private named(): Record<string, Groups> {
    return {
      byClass: this.byClass, byPrefix: this.byPrefix, byAge: this.byAge, byEncryption: this.byEncryption,
      byReplication: this.byReplication, byMultipart: this.byMultipart, byTag: this.byTag,
    };
  }

  state(): SummaryState {
    const groups: SummaryState['groups'] = {};
    for (const [name, map] of Object.entries(this.named())) groups[name] = [...map].map(([k, t]) => [k, t.count, byteCount(t.bytes)]);
    return { rows: this.rows, objects: this.objects.toJSON(), noncurrent: this.noncurrent.toJSON(), deleteMarkers: this.deleteMarkers, groups };
  }

  merge(state: SummaryState): void {
    this.rows += state.rows;
    this.objects.merge(state.objects.count, BigInt(state.objects.bytes));
    this.noncurrent.merge(state.noncurrent.count, BigInt(state.noncurrent.bytes));
    this.deleteMarkers += state.deleteMarkers;
    const named = this.named();
    for (const [name, entries] of Object.entries(state.groups)) {
      const map = named[name];
      for (const [k, count, bytes] of entries) {
        let t = map.get(k);
        if (t === undefined) {
          t = new Total();
          map.set(k, t);
        }
        t.merge(count, BigInt(bytes));
      }
    }
  }

  toJSON(now: Date = new Date()): SummaryJson {
    const ix = this.ix;
    const sorted = (map: Groups, decode = false): Group[] => [...map]
      .map(([name, t]) => ({ name: decode ? decodeKey(name) || '(top level)' : name, count: t.count, exact: t.bytes }))
      .sort((a, b) => (b.exact > a.exact ? 1 : b.exact < a.exact ? -1 : 0) || b.count - a.count || (a.name < b.name ? -1 : 1))
      .map(({ name, count, exact }) => ({ name, count, bytes: byteCount(exact) }));
    const versions = ix.isLatest >= 0 || ix.versionId >= 0;
    const order = [...AGE_BANDS.map(([label]) => label), AGE_UNKNOWN];
    return {
      rows: this.rows,
      objects: this.objects.toJSON(),
      noncurrentVersions: versions ? this.noncurrent.toJSON() : null,
      deleteMarkers: ix.isDeleteMarker >= 0 ? this.deleteMarkers : null,
      byStorageClass: ix.storageClass >= 0 ? sorted(this.byClass) : null,
      byPrefix: { depth: this.depth, groups: sorted(this.byPrefix, true) },
      byAge: ix.lastModified >= 0
        ? { now: now.toISOString(), groups: order.filter((label) => this.byAge.has(label)).map((label) => ({ name: label, ...this.byAge.get(label)!.toJSON() })) }
        : null,
      byEncryption: ix.encryptionStatus >= 0 ? sorted(this.byEncryption) : null,
      byReplication: ix.replicationStatus >= 0 ? sorted(this.byReplication) : null,
      byMultipart: ix.isMultipartUploaded >= 0 ? sorted(this.byMultipart) : null,
      byTag: ix.tags >= 0 ? sorted(this.byTag) : null,
    };
  }
}

/** Bytes for people: binary units, three significant digits. */
export function formatBytes(bytes: ByteCount): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = Number(bytes);
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[unit]}`;
}

function table(title: string, groups: Group[], total: Tally, limit: number): string[] {
  const shown = groups.slice(0, limit);
  const rows = shown.map((g) => [g.name, g.count.toLocaleString('en-US'), formatBytes(g.bytes), Number(total.bytes) > 0 ? `${((100 * Number(g.bytes)) / Number(total.bytes)).toFixed(1)}%` : '-']);
  const header = [title, 'objects', 'bytes', 'share'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const out = [line(header), ...rows.map(line)];
  if (groups.length > shown.length) out.push(`(${groups.length - shown.length} more; --json lists all)`);
  return out;
}

/** The summary as tables for people; `limit` rows per table. */
export function formatSummary(summary: SummaryJson, heading: string[] = [], limit = 20): string {
  const total = summary.objects;
  const out = [...heading];
  out.push(`objects: ${total.count.toLocaleString('en-US')}, ${formatBytes(total.bytes)} (${BigInt(total.bytes).toLocaleString('en-US')} bytes)`);
  if (summary.noncurrentVersions) out.push(`noncurrent versions: ${summary.noncurrentVersions.count.toLocaleString('en-US')}, ${formatBytes(summary.noncurrentVersions.bytes)}`);
  if (summary.deleteMarkers !== null) out.push(`delete markers: ${summary.deleteMarkers.toLocaleString('en-US')}`);
  const section = (title: string, groups: Group[] | null | undefined, sort?: boolean) => {
    if (!groups) return;
    out.push('', ...table(title, sort === false ? groups : groups, total, limit));
  };
  section('storage class', summary.byStorageClass);
  section(`prefix (depth ${summary.byPrefix.depth})`, summary.byPrefix.groups);
  section('last modified', summary.byAge?.groups, false);
  section('encryption', summary.byEncryption);
  section('replication', summary.byReplication);
  section('multipart', summary.byMultipart);
  section('tag', summary.byTag);
  const absent = [
    summary.byEncryption ? undefined : 'encryption', summary.byReplication ? undefined : 'replication',
    summary.byMultipart ? undefined : 'multipart', summary.byTag ? undefined : 'tags',
  ].filter((x) => x);
  if (absent.length > 0) out.push('', `not in this report's columns: ${absent.join(', ')}`);
  return `${out.join('\n')}\n`;
}
