import type { InventoryJobSpec } from '../contract/spec';
import { InventoryReport, ReportError } from '../report';
export declare const REPORT_USAGE = "usage:\n  cos-inventory report summary SOURCE [--depth N] [--json] [--top N] [--workers N]\n      object count and bytes: in all, by storage class, by key prefix (to --depth, default 1), by last-modified\n      age, by encryption, replication and multipart status, and by tag (the columns the report has)\n  cos-inventory report diff OLD NEW [--json] [--changes FILE|-] [--partitions N]\n      objects added, removed and changed (size, ETag, storage class) from report OLD to report NEW of one source;\n      --changes writes each change as a JSON line (- for stdout). Reports larger than memory are compared in\n      partitions spilled to the temporary directory\n  cos-inventory report export SOURCE --format ndjson|parquet --out FILE|-\n      every record, key decoded, as NDJSON (--out - for stdout) or Parquet, for DuckDB, Spark or Trino\n  cos-inventory report verify SOURCE\n      check manifest.checksum and every data file's size and MD5 against the manifest\nSOURCE is one of\n  DIR                         a local directory holding manifest.json and manifest.checksum (data files beside it,\n                              in data/ or files/, or at their keys below a parent: a copy of the bucket), or an\n                              inventory directory whose date directories hold them (the newest, or --date)\n  cos://BUCKET/DIR[/DATE]     the destination bucket and the inventory directory in it\n                              (<prefix>/<source appid>/<source name>/<inventory id>), with --region\n  obs://BUCKET/DIR[/DATE]     likewise on OBS (<prefix>/<source bucket>/<inventory id>), with --region\n  cos://BUCKET or obs://BUCKET with --source-bucket NAME --id INVENTORY-ID [--prefix PREFIX]: the directory is\n                              derived (prefix default cos_bucket_inventory on COS, BucketInventory on OBS)\n  --date DATE picks a report (20240131 on COS, 2024-01-31T02-00Z on OBS); default the newest\nevery data file's size and MD5 (COS) or record count (OBS) is checked against the manifest while it is read\nexit codes: 0 done; 1 a request failed or the report did not check out; 2 bad command, source or flag\nenvironment: as for the other commands (COS and OBS credentials and endpoints)";
export interface ReportIo {
    readonly stdout: NodeJS.WritableStream & {
        write(text: string): boolean;
    };
    readonly stderr: NodeJS.WritableStream & {
        write(text: string): boolean;
    };
    readonly env: NodeJS.ProcessEnv;
}
interface SourceFlags {
    readonly region?: string;
    readonly date?: string;
    readonly 'source-bucket'?: string;
    readonly id?: string;
    readonly prefix?: string;
}
/** Opens the report a SOURCE argument names. */
export declare function openSource(source: string, flags: SourceFlags, env: NodeJS.ProcessEnv, log?: (line: string) => void): Promise<InventoryReport>;
/** Runs `cos-inventory report ...`; resolves to the exit code, having printed any error. */
export declare function reportCommand(args: string[], io?: ReportIo): Promise<number>;
/**
 * For `InventoryJob` with `waitForReport`: after the report is verified, its summary in the apply log (data files
 * downloaded, checked against their MD5s, and summarized). `depth` is the prefix depth.
 */
export declare function logJobSummary(spec: InventoryJobSpec, manifestKey: string, depth: number, log: (line: string) => void, env?: NodeJS.ProcessEnv): Promise<void>;
export { ReportError };
