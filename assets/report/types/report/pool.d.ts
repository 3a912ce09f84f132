import type { InventoryReport } from './open';
import { SummaryJson, SummaryOptions } from './summary';
export interface SummarizeOptions extends SummaryOptions {
    /** Worker threads; default the number of cores, at most one per data file. 1 parses on the calling thread. */
    readonly workers?: number;
    /** Check each file's size, MD5 and record count while reading it. Default true. */
    readonly verify?: boolean;
    /** The script workers run; default this bundle. Source (.ts) runs without workers unless one is given. */
    readonly workerFile?: string;
}
/** Starts the worker side when this script was loaded as a summary worker; returns whether it did. */
export declare function runWorkerIfAsked(): boolean;
/** How many workers a summary of `files` data files uses. */
export declare function defaultWorkers(files: number): number;
/** The summary of a report: inline for one worker or one file, else across worker threads. */
export declare function summarize(report: InventoryReport, options?: SummarizeOptions): Promise<SummaryJson>;
