import type { ColumnIndex } from './record';
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
export declare const AGE_BANDS: ReadonlyArray<readonly [string, number]>;
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
    readonly byPrefix: {
        readonly depth: number;
        readonly groups: Group[];
    };
    readonly byAge: {
        readonly now: string;
        readonly groups: Group[];
    } | null;
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
/** The raw (still URL-encoded) prefix of a raw key, to `depth` separators (`/` or `%2F`); '' at the top level. */
export declare function rawPrefix(raw: string, depth: number): string;
export declare class SummaryBuilder {
    private readonly ix;
    rows: number;
    readonly objects: Tally;
    readonly noncurrent: Tally;
    deleteMarkers: number;
    readonly byClass: Groups;
    readonly byPrefix: Groups;
    readonly byAge: Groups;
    readonly byEncryption: Groups;
    readonly byReplication: Groups;
    readonly byMultipart: Groups;
    readonly byTag: Groups;
    private readonly depth;
    private readonly bandIso;
    private readonly bandMs;
    constructor(ix: ColumnIndex, options?: SummaryOptions);
    /** One CSV row (raw fields). The hot loop: no allocation but for new groups. */
    add(f: string[], n: number): void;
    private band;
    private named;
    state(): SummaryState;
    merge(state: SummaryState): void;
    toJSON(now?: Date): SummaryJson;
}
/** Bytes for people: binary units, three significant digits. */
export declare function formatBytes(bytes: number): string;
/** The summary as tables for people; `limit` rows per table. */
export declare function formatSummary(summary: SummaryJson, heading?: string[], limit?: number): string;
export {};
