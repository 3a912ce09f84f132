import { Manifest, ManifestFile, Service } from './manifest';
import { ColumnIndex, InventoryRecord } from './record';
import { ReportStore } from './store';
/** COS's date directory (`yyyymmdd`) and OBS's (`yyyy-MM-ddTHH-mmZ`). */
export declare const REPORT_DATE_PATTERN: RegExp;
/** COS: `<prefix>/<source appid>/<source name without -appid>/<inventory id>` (prefix default `cos_bucket_inventory`). */
export declare function cosReportDirectory(prefix: string | undefined, sourceBucket: string, inventoryId: string): string;
/** OBS: `<prefix>/<source bucket>/<inventory id>` (prefix default `BucketInventory`, as OBS names it without one). */
export declare function obsReportDirectory(prefix: string | undefined, sourceBucket: string, inventoryId: string): string;
export interface OpenOptions {
    /** The report's date directory (`20240131` on COS, `2024-01-31T02-00Z` on OBS). Default: the newest. */
    readonly date?: string;
    /** Where the data files of a report in a bucket are downloaded to. Default: a new temporary directory, removed by close(). */
    readonly cacheDir?: string;
    /** Progress lines (downloads). */
    readonly log?: (line: string) => void;
    /** Parallel downloads. Default 4. */
    readonly downloads?: number;
}
/** A data file with its local copy. */
export interface LocalDataFile {
    readonly file: ManifestFile;
    readonly path: string;
    /** Size and MD5 were checked already (while downloading). */
    readonly verified: boolean;
}
export interface RecordOptions {
    /** Check each file's size, MD5 and record count while reading it. Default true. */
    readonly verify?: boolean;
}
/** An opened report: its manifest (checksum checked), and its data files, read in constant memory. */
export declare class InventoryReport {
    /** Where the report is: `cos://bucket/<key of manifest.json>` or a local path. */
    readonly where: string;
    readonly manifestKey: string;
    readonly manifest: Manifest;
    readonly date: string | undefined;
    readonly service: Service;
    private readonly resolve;
    private readonly store;
    private readonly options;
    private cache?;
    private materialized?;
    constructor(
    /** Where the report is: `cos://bucket/<key of manifest.json>` or a local path. */
    where: string, manifestKey: string, manifest: Manifest, date: string | undefined, service: Service, resolve: (file: ManifestFile) => string | undefined, store: ReportStore | undefined, options?: OpenOptions);
    get files(): ManifestFile[];
    get columns(): string[];
    get columnIndex(): ColumnIndex;
    /** The data files as local files: found beside the manifest, or downloaded (size and MD5 checked as they come). */
    localFiles(): Promise<LocalDataFile[]>;
    private materialize;
    /** Checks every data file against the manifest (size, MD5) without parsing it; throws one error naming every mismatch. */
    verify(): Promise<{
        files: number;
        bytes: number;
    }>;
    /**
     * The records of every data file, in manifest order, typed and with keys URL-decoded; memory stays at one chunk
     * of one file. A file that fails its check throws at its end, after its records were yielded: call verify()
     * first to check everything before reading anything.
     */
    records(options?: RecordOptions): AsyncGenerator<InventoryRecord>;
    /** Raw rows (fields as written, reused array) of every data file: the fast path summary, diff and export use. */
    scanRows(onRow: (fields: string[], n: number) => void, options?: RecordOptions): Promise<void>;
    /** Removes downloaded data files (a cacheDir given in the options is left alone). */
    close(): Promise<void>;
}
/** The date directories under an inventory directory, oldest first. */
export declare function reportDates(store: ReportStore, directory: string): Promise<string[]>;
/**
 * Opens the report of `directory` (the inventory directory: cosReportDirectory / obsReportDirectory) for a date, or
 * the newest one that has a manifest.
 */
export declare function openReport(store: ReportStore, directory: string, options?: OpenOptions): Promise<InventoryReport>;
/** Opens the report whose manifest is `manifestKey` in the store. */
export declare function openManifest(store: ReportStore, manifestKey: string, options?: OpenOptions): Promise<InventoryReport>;
/**
 * Opens a report from a local directory: one holding manifest.json (and manifest.checksum), or an inventory
 * directory whose date directories hold them (the newest, or `options.date`). Data files are looked for at their
 * keys below any parent directory (a mirror of the bucket), then by name beside the manifest, in `data/` or `files/`.
 */
export declare function openLocalReport(dir: string, options?: OpenOptions): Promise<InventoryReport>;
