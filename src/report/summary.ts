// Totals of an inventory report: object count and bytes, overall and by storage class, key prefix (to a depth),
// last-modified age, encryption, replication and multipart status, and tag. Built row by row from the raw CSV fields
// (no record objects), mergeable across workers, and of a size that depends on the number of distinct groups only.
import type { ColumnIndex } from './record';
import { decodeKey, parseTags } from './record';

export interface Tally {
  count: number;
  bytes: number;
}

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
  readonly bytes: number;
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
  groups: Record<string, Array<[string, number, number]>>;
}

type Groups = Map<string, Tally>;

function tally(map: Groups, name: string, bytes: number): void {
  const t = map.get(name);
  if (t !== undefined) {
    t.count++;
    t.bytes += bytes;
  } else {
    // A copy, not a slice of the chunk the row came from: a kept slice would keep the whole chunk.
    map.set(Buffer.from(name, 'utf8').toString('utf8'), { count: 1, bytes });
  }
}

const SLASH = 47;
const PERCENT = 37;

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

export class SummaryBuilder {
  rows = 0;
  readonly objects: Tally = { count: 0, bytes: 0 };
  readonly noncurrent: Tally = { count: 0, bytes: 0 };
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

  constructor(private readonly ix: ColumnIndex, options: SummaryOptions = {}) {
    this.depth = options.depth ?? 1;
    const now = (options.now ?? new Date()).getTime();
    this.bandMs = AGE_BANDS.map(([, days]) => (days === Infinity ? -Infinity : now - days * DAY_MS));
    this.bandIso = this.bandMs.map((ms) => (ms === -Infinity ? '' : new Date(ms).toISOString()));
  }

  /** One CSV row (raw fields). The hot loop: no allocation but for new groups. */
  add(f: string[], n: number): void {
    const ix = this.ix;
    this.rows++;
    if (ix.isDeleteMarker >= 0 && ix.isDeleteMarker < n && (f[ix.isDeleteMarker].charCodeAt(0) | 0x20) === 116) {
      this.deleteMarkers++;
      return;
    }
    const size = ix.size >= 0 && ix.size < n ? +f[ix.size] || 0 : 0;
    this.objects.count++;
    this.objects.bytes += size;
    if (ix.isLatest >= 0 && ix.isLatest < n && (f[ix.isLatest].charCodeAt(0) | 0x20) === 102) {
      this.noncurrent.count++;
      this.noncurrent.bytes += size;
    }
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
    for (const [name, map] of Object.entries(this.named())) groups[name] = [...map].map(([k, t]) => [k, t.count, t.bytes]);
    return { rows: this.rows, objects: { ...this.objects }, noncurrent: { ...this.noncurrent }, deleteMarkers: this.deleteMarkers, groups };
  }

  merge(state: SummaryState): void {
    this.rows += state.rows;
    this.objects.count += state.objects.count;
    this.objects.bytes += state.objects.bytes;
    this.noncurrent.count += state.noncurrent.count;
    this.noncurrent.bytes += state.noncurrent.bytes;
    this.deleteMarkers += state.deleteMarkers;
    const named = this.named();
    for (const [name, entries] of Object.entries(state.groups)) {
      const map = named[name];
      for (const [k, count, bytes] of entries) {
        const t = map.get(k);
        if (t) {
          t.count += count;
          t.bytes += bytes;
        } else map.set(k, { count, bytes });
      }
    }
  }

  toJSON(now: Date = new Date()): SummaryJson {
    const ix = this.ix;
    const sorted = (map: Groups, decode = false): Group[] => [...map]
      .map(([name, t]) => ({ name: decode ? decodeKey(name) || '(top level)' : name, count: t.count, bytes: t.bytes }))
      .sort((a, b) => b.bytes - a.bytes || b.count - a.count || (a.name < b.name ? -1 : 1));
    const versions = ix.isLatest >= 0 || ix.versionId >= 0;
    const order = [...AGE_BANDS.map(([label]) => label), AGE_UNKNOWN];
    return {
      rows: this.rows,
      objects: { ...this.objects },
      noncurrentVersions: versions ? { ...this.noncurrent } : null,
      deleteMarkers: ix.isDeleteMarker >= 0 ? this.deleteMarkers : null,
      byStorageClass: ix.storageClass >= 0 ? sorted(this.byClass) : null,
      byPrefix: { depth: this.depth, groups: sorted(this.byPrefix, true) },
      byAge: ix.lastModified >= 0
        ? { now: now.toISOString(), groups: order.filter((label) => this.byAge.has(label)).map((label) => ({ name: label, ...this.byAge.get(label)! })) }
        : null,
      byEncryption: ix.encryptionStatus >= 0 ? sorted(this.byEncryption) : null,
      byReplication: ix.replicationStatus >= 0 ? sorted(this.byReplication) : null,
      byMultipart: ix.isMultipartUploaded >= 0 ? sorted(this.byMultipart) : null,
      byTag: ix.tags >= 0 ? sorted(this.byTag) : null,
    };
  }
}

/** Bytes for people: binary units, three significant digits. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[unit]}`;
}

function table(title: string, groups: Group[], total: Tally, limit: number): string[] {
  const shown = groups.slice(0, limit);
  const rows = shown.map((g) => [g.name, g.count.toLocaleString('en-US'), formatBytes(g.bytes), total.bytes > 0 ? `${((100 * g.bytes) / total.bytes).toFixed(1)}%` : '-']);
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
  out.push(`objects: ${total.count.toLocaleString('en-US')}, ${formatBytes(total.bytes)} (${total.bytes.toLocaleString('en-US')} bytes)`);
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
