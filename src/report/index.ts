// The inventory report reader: open a COS or OBS inventory report (from a bucket, through a ReportStore, or from a
// local directory), check it, stream its records, summarize, compare and export it. Outside the jsii surface: Node
// only, bundled to assets/report/index.js (and, for the `cos-inventory report` command, assets/handler/report.js).
import { runWorkerIfAsked } from './pool';

export { CsvByteParser, CsvParser, CsvSyntaxError } from './csv';
export type { ByteRowCallback, RowCallback } from './csv';
export { diffReports, formatDiff } from './diff';
export type { Change, DiffJson, DiffOptions, ObjectState } from './diff';
export { exportColumns, exportReport } from './export';
export type { ExportFormat, ExportOptions } from './export';
export { checksumProblem, dataFileProblem, md5Hex, parseManifest, recordCountProblem, ReportError, schemaColumns } from './manifest';
export type { Manifest, ManifestFile, Service } from './manifest';
export { cosReportDirectory, InventoryReport, obsReportDirectory, openLocalReport, openManifest, openReport, REPORT_DATE_PATTERN, reportDates } from './open';
export type { LocalDataFile, OpenOptions, RecordOptions, VerifiedFiles } from './open';
export { defaultWorkers, runWorkerIfAsked, summarize } from './pool';
export type { SummarizeOptions } from './pool';
export { columnIndex, decodeKey, encodeKey, KNOWN_COLUMNS, toRecord } from './record';
export type { ColumnIndex, InventoryRecord } from './record';
export { scanDataFile, scanDataFileBytes, hashFile } from './scan';
export type { ScanResult } from './scan';
export { directoryStore } from './store';
export type { ReportStore } from './store';
export { AGE_BANDS, formatBytes, formatSummary, rawPrefix, SummaryBuilder } from './summary';
export type { Group, SummaryJson, SummaryOptions, SummaryState } from './summary';
export type { ByteCount, Tally } from './tally';

// Loaded as a summary worker (pool.ts): serve.
runWorkerIfAsked();
