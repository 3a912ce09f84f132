import type { InventoryReport } from './open';
import type { Tally } from './summary';
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
    readonly old: {
        readonly where: string;
        readonly date?: string;
        readonly objects: Tally;
    };
    readonly new: {
        readonly where: string;
        readonly date?: string;
        readonly objects: Tally;
    };
    readonly added: Tally;
    readonly removed: Tally;
    readonly changed: {
        count: number;
        bytesBefore: number;
        bytesAfter: number;
        size: number;
        etag: number;
        storageClass: number;
    };
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
/** Compares `before` with `after` (two reports of the same source bucket). */
export declare function diffReports(before: InventoryReport, after: InventoryReport, options?: DiffOptions): Promise<DiffJson>;
/** The comparison for people. */
export declare function formatDiff(diff: DiffJson, formatBytes: (n: number) => string): string;
