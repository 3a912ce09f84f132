import { RowCallback } from './csv';
import { ManifestFile } from './manifest';
export interface ScanResult {
    rows: number;
    size: number;
    md5: string;
}
/**
 * Parses the local copy `path` of the data file `file`, calling `onRow` for each row, and pausing (yielding) after
 * each chunk so a consumer can hand on what the rows produced. At the end it checks size, MD5 and record count
 * against the manifest (unless `verify` is false) and fills `result`. A truncated or corrupt gzip file, a CSV error
 * or a mismatch throws a ReportError naming the file.
 */
export declare function scanDataFileChunks(path: string, file: ManifestFile, onRow: RowCallback, verify?: boolean, result?: ScanResult): AsyncGenerator<void>;
/** scanDataFileChunks, run to the end. */
export declare function scanDataFile(path: string, file: ManifestFile, onRow: RowCallback, verify?: boolean): Promise<ScanResult>;
/** Size and MD5 of a local file, read once. */
export declare function hashFile(path: string): Promise<{
    size: number;
    md5: string;
}>;
