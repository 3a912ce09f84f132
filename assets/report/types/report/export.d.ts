import type { Writable } from 'node:stream';
import type { InventoryReport } from './open';
import type { InventoryRecord } from './record';
export type ExportFormat = 'ndjson' | 'parquet';
export interface ExportOptions {
    readonly format: ExportFormat;
    /** A file path; for NDJSON also a stream (stdout). */
    readonly out: string | Writable;
    /** Rows per Parquet row group (and per NDJSON write). Default 100,000. */
    readonly batchSize?: number;
    readonly verify?: boolean;
}
type ColumnType = 'STRING' | 'INT64' | 'BOOLEAN' | 'TIMESTAMP' | 'JSON';
interface Column {
    readonly name: string;
    readonly type: ColumnType;
    readonly get: (r: InventoryRecord) => unknown;
}
/** The export columns of a report: its known columns, then the others (`x-cos-meta-*`) as strings. */
export declare function exportColumns(report: InventoryReport): Column[];
/** Writes every record of the report; returns the number of rows written. */
export declare function exportReport(report: InventoryReport, options: ExportOptions): Promise<{
    rows: number;
}>;
export {};
