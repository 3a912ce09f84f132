// Finding and opening a report: in a bucket (by inventory directory and date, or the newest), or in a local
// directory. Opening checks manifest.checksum; the data files are checked (size, MD5, record count) as they are read,
// and, once all are read, their records against the manifest's object count.
import { existsSync, mkdtempSync, promises as fs, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseBucketName, sourceReportPath } from '../contract/names';
import { ByteRowCallback, CsvByteParser, CsvParser, RowCallback } from './csv';
import { checksumProblem, dataFileProblem, Manifest, ManifestFile, parseManifest, recordCountProblem, ReportError, Service } from './manifest';
import { columnIndex, ColumnIndex, InventoryRecord, toRecord } from './record';
import { scanDataFileBytes, scanDataFileChunks, ScanResult } from './scan';
import { directoryStore, downloadObject, ReportStore } from './store';
import { ByteCount, byteCount, Total } from './tally';

/** COS's date directory (`yyyymmdd`) and OBS's (`yyyy-MM-ddTHH-mmZ`). */
export const REPORT_DATE_PATTERN = /^(?:\d{8}|\d{4}-\d{2}-\d{2}T\d{2}-\d{2}Z)$/;

/** COS: `<prefix>/<source appid>/<source name without -appid>/<inventory id>` (prefix default `cos_bucket_inventory`). */
export function cosReportDirectory(prefix: string | undefined, sourceBucket: string, inventoryId: string): string {
  return `${sourceReportPath(prefix || 'cos_bucket_inventory', parseBucketName(sourceBucket))}/${inventoryId}`;
}

/** OBS: `<prefix>/<source bucket>/<inventory id>` (prefix default `BucketInventory`, as OBS names it without one). */
export function obsReportDirectory(prefix: string | undefined, sourceBucket: string, inventoryId: string): string {
  return `${(prefix || 'BucketInventory').replace(/\/+$/, '')}/${sourceBucket}/${inventoryId}`;
}

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
  /** Check each file's size, MD5 and record count while reading it, and all records against the manifest's object count. Default true. */
  readonly verify?: boolean;
}

/** What `InventoryReport.verify()` found: data files, their bytes (as stored: compressed), and their records. */
export interface VerifiedFiles {
  readonly files: number;
  readonly bytes: ByteCount;
  readonly records: number;
}

const ignoreRow = () => undefined;

function guessService(date: string | undefined, manifest: Manifest): Service {
  if (date && date.includes('T')) return 'obs';
  if (date && /^\d{8}$/.test(date)) return 'cos';
  if (manifest.files.some((f) => f.inventoriedRecord !== undefined)) return 'obs';
  return manifest.columns.some((c) => c.toLowerCase() === 'appid') ? 'cos' : manifest.columns.some((c) => c === 'EncryptionStatus') ? 'obs' : 'cos';
}

/** An opened report: its manifest (checksum checked), and its data files, read in constant memory. */
export class InventoryReport {
  private cache?: string;
  private materialized?: Promise<LocalDataFile[]>;

  constructor(
    /** Where the report is: `cos://bucket/<key of manifest.json>` or a local path. */
    readonly where: string,
    readonly manifestKey: string,
    readonly manifest: Manifest,
    readonly date: string | undefined,
    readonly service: Service,
    private readonly resolve: (file: ManifestFile) => string | undefined,
    private readonly store: ReportStore | undefined,
    private readonly options: OpenOptions = {},
  ) {}

  get files(): ManifestFile[] {
    return this.manifest.files;
  }

  get columns(): string[] {
    return this.manifest.columns;
  }

  get columnIndex(): ColumnIndex {
    return columnIndex(this.manifest.columns);
  }

  /** The data files as local files: found beside the manifest, or downloaded (size and MD5 checked as they come). */
  localFiles(): Promise<LocalDataFile[]> {
    this.materialized ??= this.materialize();
    return this.materialized;
  }

  private async materialize(): Promise<LocalDataFile[]> {
    const local: Array<LocalDataFile | undefined> = this.files.map((file) => {
      const found = this.resolve(file);
      return found ? { file, path: found, verified: false } : undefined;
    });
    const missing = local.map((l, i) => (l ? -1 : i)).filter((i) => i >= 0);
    if (missing.length === 0) return local as LocalDataFile[];
    if (!this.store?.get || this.store.localPath) {
      throw this.failure(missing.map((i) => `data file ${this.files[i].key} is missing`));
    }
    const store = this.store;
    const dir = this.options.cacheDir ?? (this.cache = mkdtempSync(path.join(tmpdir(), 'cos-inventory-report-')));
    await fs.mkdir(dir, { recursive: true });
    const problems: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < missing.length) {
        const i = missing[next++];
        const file = this.files[i];
        const target = path.join(dir, `${String(i).padStart(5, '0')}-${path.basename(file.key)}`);
        this.options.log?.(`downloading ${store.name}/${file.key} (${file.size} bytes)`);
        const found = await downloadObject(store, file.key, target);
        const problem = dataFileProblem(file, found);
        if (problem) problems.push(problem);
        // Downloading checks size and MD5; an OBS record count is checked only by parsing, later.
        else local[i] = { file, path: target, verified: file.inventoriedRecord === undefined };
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.downloads ?? 4, missing.length) }, worker));
    if (problems.length > 0) throw this.failure(problems);
    return local as LocalDataFile[];
  }

  /**
   * Checks every data file against the manifest (size, MD5 or record count), decompressing and parsing it (a
   * truncated or corrupt gzip file fails even when the manifest lists its broken bytes), then the records of all
   * against the manifest's object count; throws one error naming every problem.
   */
  async verify(): Promise<VerifiedFiles> {
    const problems: string[] = [];
    const bytes = new Total();
    let records = 0;
    const files = await this.localFiles();
    for (const local of files) {
      try {
        const scanned = await scanDataFileBytes(local.path, local.file, ignoreRow, !local.verified);
        bytes.add(scanned.size);
        records += scanned.rows;
      } catch (err) {
        if (!(err instanceof ReportError)) throw err;
        problems.push(err.message);
      }
    }
    const countProblem = problems.length === 0 ? recordCountProblem(this.manifest, records) : undefined;
    if (countProblem) problems.push(countProblem);
    if (problems.length > 0) throw this.failure(problems);
    return { files: files.length, bytes: byteCount(bytes.bytes), records };
  }

  /** Throws when `records`, the records read from all data files, are not what the manifest's object count says. */
  checkRecordCount(records: number): void {
    const problem = recordCountProblem(this.manifest, records);
    if (problem) throw this.failure([problem]);
  }

  private failure(problems: string[]): ReportError {
    return new ReportError(`report verification failed for ${this.where}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }

  /**
   * The records of every data file, in manifest order, typed and with keys URL-decoded; memory stays at one chunk
   * of one file. A file that fails its check throws at its end, after its records were yielded, and a record count
   * that is not the manifest's throws after the last record: call verify() first to check everything before
   * reading anything.
   */
  async *records(options: RecordOptions = {}): AsyncGenerator<InventoryRecord> {
    const ix = this.columnIndex;
    let pending: InventoryRecord[] = [];
    const onRow = (fields: string[], n: number) => {
      pending.push(toRecord(fields, n, ix));
    };
    for await (const _ of this.rowChunks(onRow, options)) {
      const batch = pending;
      pending = [];
      yield* batch;
    }
  }

  /** Raw rows (fields as written, reused array) of every data file, checked as records() checks them. */
  async scanRows(onRow: RowCallback, options: RecordOptions = {}): Promise<void> {
    for await (const _ of this.rowChunks(onRow, options)) { /* rows went to onRow */ }
  }

  /** scanRows, pausing after each chunk: for a consumer that hands on what the rows produced as it goes (export). */
  rowChunks(onRow: RowCallback, options: RecordOptions = {}): AsyncGenerator<void> {
    return this.scan(() => new CsvParser(onRow), options);
  }

  /** scanRows with fields as offsets into the bytes (CsvByteParser), nothing decoded: diff's path. */
  async scanRowBytes(onRow: ByteRowCallback, options: RecordOptions = {}): Promise<void> {
    for await (const _ of this.scan(() => new CsvByteParser(onRow), options)) { /* rows went to onRow */ }
  }

  /** Every data file through a parser of its own, pausing after each chunk; checks files as it goes, and the record count at the end. */
  private async *scan(parser: () => CsvByteParser, options: RecordOptions): AsyncGenerator<void> {
    const verify = options.verify !== false;
    let records = 0;
    for (const local of await this.localFiles()) {
      const scanned: ScanResult = { rows: 0, size: 0, md5: '' };
      yield* scanDataFileChunks(local.path, local.file, parser(), verify && !local.verified, scanned);
      records += scanned.rows;
    }
    if (verify) this.checkRecordCount(records);
  }

  /** Removes downloaded data files (a cacheDir given in the options is left alone). */
  async close(): Promise<void> {
    if (this.cache) rmSync(this.cache, { recursive: true, force: true });
    this.cache = undefined;
    this.materialized = undefined;
  }
}

async function readManifest(store: ReportStore, manifestKey: string, where: string): Promise<Manifest> {
  const body = await store.get(manifestKey);
  if (body === undefined) throw new ReportError(`no report at ${where}: manifest.json is missing`);
  const checksumKey = manifestKey.replace(/manifest\.json$/, 'manifest.checksum');
  const problem = checksumProblem(body, await store.get(checksumKey), 'manifest.checksum');
  if (problem) throw new ReportError(`report verification failed for ${where}:\n  ${problem}`);
  return parseManifest(body, where);
}

/** The date directories under an inventory directory, oldest first. */
export async function reportDates(store: ReportStore, directory: string): Promise<string[]> {
  const prefix = directory.endsWith('/') ? directory : `${directory}/`;
  return (await store.listDirectories(prefix))
    .map((d) => d.slice(prefix.length).replace(/\/$/, ''))
    .filter((name) => REPORT_DATE_PATTERN.test(name))
    .sort();
}

/**
 * Opens the report of `directory` (the inventory directory: cosReportDirectory / obsReportDirectory) for a date, or
 * the newest one that has a manifest.
 */
export async function openReport(store: ReportStore, directory: string, options: OpenOptions = {}): Promise<InventoryReport> {
  const base = directory.replace(/\/+$/, '');
  let dates: string[];
  if (options.date) dates = [options.date];
  else {
    dates = (await reportDates(store, base)).reverse();
    if (dates.length === 0) throw new ReportError(`no report in ${store.name}/${base}/: no date directories (yyyymmdd or yyyy-MM-ddTHH-mmZ) under it`);
  }
  for (const date of dates) {
    const key = `${base}/${date}/manifest.json`;
    if (!options.date && (await store.get(key)) === undefined) continue;
    return openManifest(store, key, options);
  }
  throw new ReportError(`no report in ${store.name}/${base}/: no date directory has a manifest.json`);
}

/** Opens the report whose manifest is `manifestKey` in the store. */
export async function openManifest(store: ReportStore, manifestKey: string, options: OpenOptions = {}): Promise<InventoryReport> {
  const where = `${store.name}/${manifestKey}`;
  const manifest = await readManifest(store, manifestKey, where);
  const date = manifestKey.split('/').slice(-2)[0];
  const local = store.localPath?.bind(store);
  return new InventoryReport(where, manifestKey, manifest, REPORT_DATE_PATTERN.test(date) ? date : undefined, guessService(date, manifest),
    (file) => local?.(file.key), store, options);
}

/**
 * Opens a report from a local directory: one holding manifest.json (and manifest.checksum), or an inventory
 * directory whose date directories hold them (the newest, or `options.date`). Data files are looked for at their
 * keys below any parent directory (a mirror of the bucket), then by name beside the manifest, in `data/` or `files/`.
 */
export async function openLocalReport(dir: string, options: OpenOptions = {}): Promise<InventoryReport> {
  const root = path.resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new ReportError(`${dir} is not a directory`);
  let reportDir = root;
  if (!existsSync(path.join(root, 'manifest.json'))) {
    const store = directoryStore(root);
    const dates = options.date ? [options.date] : (await reportDates(store, '')).reverse();
    const found = dates.find((d) => existsSync(path.join(root, d, 'manifest.json')));
    if (!found) throw new ReportError(`no report in ${dir}: no manifest.json in it${options.date ? ` or in ${options.date}/` : ' or in a date directory (yyyymmdd or yyyy-MM-ddTHH-mmZ) under it'}`);
    reportDir = path.join(root, found);
  }
  const store = directoryStore(reportDir);
  const where = path.join(reportDir, 'manifest.json');
  const manifest = await readManifest(store, 'manifest.json', reportDir);
  const date = path.basename(reportDir);
  const ancestors: string[] = [];
  for (let d = reportDir, i = 0; i < 12; i++) {
    ancestors.push(d);
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  const resolve = (file: ManifestFile) => {
    const parts = file.key.split('/');
    for (const a of ancestors) {
      const candidate = path.join(a, ...parts);
      if (isFile(candidate)) return candidate;
    }
    const base = parts[parts.length - 1];
    return [path.join(reportDir, base), path.join(reportDir, 'data', base), path.join(reportDir, 'files', base)].find(isFile);
  };
  return new InventoryReport(where, 'manifest.json', manifest, REPORT_DATE_PATTERN.test(date) ? date : undefined, guessService(date, manifest),
    resolve, { ...store, localPath: () => undefined }, options);
}
