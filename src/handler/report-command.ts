// `cos-inventory report summary|diff|export|verify`: the report reader (src/report) on a local directory or a
// destination bucket. Loaded by main.ts only for `report` (in the bundle: ./report.js beside index.js), so the other
// commands do not pay for it. Exit codes as main.ts's: 0 done; 1 a request failed or the report did not check out;
// 2 bad command, source or flag (found before any request).
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCosClient, credentialsFromEnv, endpointFromEnv } from './cos-client';
import { obsCredentialsFromEnv } from './obs-client';
import { cosReportStore, obsReportStore } from './report-stores';
import { describeServiceError, ServiceRequestError } from './service-error';
import type { InventoryJobSpec } from '../contract/spec';
import {
  cosReportDirectory, diffReports, exportReport, formatBytes, formatDiff, formatSummary, InventoryReport,
  obsReportDirectory, openLocalReport, openManifest, openReport, REPORT_DATE_PATTERN, ReportError, summarize,
} from '../report';
import type { Change, ReportStore } from '../report';

export const REPORT_USAGE = `usage:
  cos-inventory report summary SOURCE [--depth N] [--json] [--top N] [--workers N]
      object count and bytes: in all, by storage class, by key prefix (to --depth, default 1), by last-modified
      age, by encryption, replication and multipart status, and by tag (the columns the report has)
  cos-inventory report diff OLD NEW [--json] [--changes FILE|-] [--partitions N]
      objects added, removed and changed (size, ETag, storage class) from report OLD to report NEW of one source;
      --changes writes each change as a JSON line (- for stdout). Reports larger than memory are compared in
      partitions spilled to the temporary directory
  cos-inventory report export SOURCE --format ndjson|parquet --out FILE|-
      every record, key decoded, as NDJSON (--out - for stdout) or Parquet, for DuckDB, Spark or Trino
  cos-inventory report verify SOURCE
      check manifest.checksum, every data file's size and MD5 (or record count) against the manifest, that every
      file decompresses and parses, and the records of all against the manifest's object count
SOURCE is one of
  DIR                         a local directory holding manifest.json and manifest.checksum (data files beside it,
                              in data/ or files/, or at their keys below a parent: a copy of the bucket), or an
                              inventory directory whose date directories hold them (the newest, or --date)
  cos://BUCKET/DIR[/DATE]     the destination bucket and the inventory directory in it
                              (<prefix>/<source appid>/<source name>/<inventory id>), with --region
  obs://BUCKET/DIR[/DATE]     likewise on OBS (<prefix>/<source bucket>/<inventory id>), with --region
  cos://BUCKET or obs://BUCKET with --source-bucket NAME --id INVENTORY-ID [--prefix PREFIX]: the directory is
                              derived (prefix default cos_bucket_inventory on COS, BucketInventory on OBS)
  --date DATE picks a report (20240131 on COS, 2024-01-31T02-00Z on OBS); default the newest
every data file's size and MD5 (COS) or record count (OBS) is checked against the manifest while it is read, and
the records of all against the manifest's object count (COS: filterObjectCount, else listObjectCount)
exit codes: 0 done; 1 a request failed or the report did not check out; 2 bad command, source or flag
environment: as for the other commands (COS and OBS credentials and endpoints)`;

class UsageError extends Error {}

export interface ReportIo {
  readonly stdout: NodeJS.WritableStream & { write(text: string): boolean };
  readonly stderr: NodeJS.WritableStream & { write(text: string): boolean };
  readonly env: NodeJS.ProcessEnv;
}

const SCHEMES = /^(cos|obs):\/\/([^/]+)\/?(.*)$/;

function setting<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

interface SourceFlags {
  readonly region?: string;
  readonly date?: string;
  readonly 'source-bucket'?: string;
  readonly id?: string;
  readonly prefix?: string;
}

function storeFor(scheme: string, bucket: string, region: string, env: NodeJS.ProcessEnv): ReportStore {
  if (scheme === 'obs') return setting(() => obsReportStore(obsCredentialsFromEnv(env), env, bucket, region));
  const client = setting(() => createCosClient(credentialsFromEnv(env), endpointFromEnv(env)));
  return cosReportStore(client, bucket, region);
}

/** Opens the report a SOURCE argument names. */
export async function openSource(source: string, flags: SourceFlags, env: NodeJS.ProcessEnv, log?: (line: string) => void): Promise<InventoryReport> {
  const date = flags.date;
  if (date !== undefined && !REPORT_DATE_PATTERN.test(date)) throw new UsageError(`--date = ${JSON.stringify(date)}: must be yyyymmdd (COS) or yyyy-MM-ddTHH-mmZ (OBS)`);
  const match = SCHEMES.exec(source);
  if (!match) {
    try {
      return await openLocalReport(source, { date, log });
    } catch (err) {
      if (err instanceof ReportError && /is not a directory$/.test(err.message)) throw new UsageError(`${source} is not a directory, cos://BUCKET/... or obs://BUCKET/...`);
      throw err;
    }
  }
  const [, scheme, bucket, rest] = match;
  if (!flags.region) throw new UsageError(`${source}: --region is needed for a bucket`);
  if (!/^[a-z]+(?:-[a-z0-9]+)+$/.test(flags.region)) throw new UsageError(`--region = ${JSON.stringify(flags.region)}: must be a region id such as ap-guangzhou or cn-north-4`);
  let directory = rest.replace(/\/+$/, '');
  if (flags['source-bucket'] || flags.id) {
    if (directory) throw new UsageError(`${source}: give either a directory in the URL or --source-bucket and --id`);
    if (!flags['source-bucket'] || !flags.id) throw new UsageError('--source-bucket and --id go together');
    try {
      directory = scheme === 'cos' ? cosReportDirectory(flags.prefix, flags['source-bucket'], flags.id) : obsReportDirectory(flags.prefix, flags['source-bucket'], flags.id);
    } catch (err) {
      throw new UsageError(`--source-bucket = ${JSON.stringify(flags['source-bucket'])}: ${(err as Error).message}`);
    }
  }
  if (!directory) throw new UsageError(`${source}: name the inventory directory (cos://BUCKET/<prefix>/<appid>/<name>/<inventory id>) or give --source-bucket and --id`);
  const store = storeFor(scheme, bucket, flags.region, env);
  if (directory.endsWith('/manifest.json')) return openManifest(store, directory, { log });
  const last = directory.split('/').pop()!;
  if (REPORT_DATE_PATTERN.test(last)) return openManifest(store, `${directory}/manifest.json`, { log });
  return openReport(store, directory, { date, log });
}

function positiveInteger(flag: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} = ${JSON.stringify(value)}: must be a whole number of at least ${min}`);
  return n;
}

function heading(report: InventoryReport): string[] {
  const m = report.manifest;
  return [
    `report: ${report.where}`,
    `source: ${m.sourceBucket ?? '(not in the manifest)'}${report.date ? `, date ${report.date}` : ''}, ${report.files.length} data file(s), columns: ${report.columns.join(', ')}`,
  ];
}

/**
 * The `--changes` output: one JSON line a change, written 64 KiB at a time. A file is written synchronously, as stdout
 * is on Linux: the comparison calls for each change without waiting, so an asynchronous stream behind a slower disk
 * would hold every change of a large diff in memory.
 */
class ChangeLines {
  static toFile(file: string): ChangeLines {
    const fd = openSync(file, 'w');
    return new ChangeLines((text) => writeSync(fd, text), () => closeSync(fd));
  }

  private buffered = '';

  constructor(private readonly write: (text: string) => void, private readonly close: () => void = () => {}) {}

  add(change: Change): void {
    this.buffered += `${JSON.stringify(change)}\n`;
    if (this.buffered.length >= 1 << 16) this.flush();
  }

  end(): void {
    try {
      this.flush();
    } finally {
      this.close();
    }
  }

  private flush(): void {
    if (this.buffered) this.write(this.buffered);
    this.buffered = '';
  }
}

async function run(args: string[], io: ReportIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'json': { type: 'boolean' }, 'depth': { type: 'string' }, 'top': { type: 'string' }, 'workers': { type: 'string' },
      'format': { type: 'string' }, 'out': { type: 'string' }, 'changes': { type: 'string' }, 'partitions': { type: 'string' },
      'region': { type: 'string' }, 'date': { type: 'string' }, 'source-bucket': { type: 'string' }, 'id': { type: 'string' },
      'prefix': { type: 'string' }, 'help': { type: 'boolean' },
    },
  });
  const [command, ...sources] = positionals;
  if (values.help || command === undefined) {
    io.stdout.write(`${REPORT_USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const log = (line: string) => io.stderr.write(`cos-inventory: ${line}\n`);
  const one = () => {
    if (sources.length !== 1) throw new UsageError(`report ${command} takes one SOURCE, got ${sources.length}`);
    return sources[0];
  };
  if (command === 'summary') {
    const source = one();
    const depth = positiveInteger('depth', values.depth) ?? 1;
    const top = positiveInteger('top', values.top) ?? 20;
    const workers = positiveInteger('workers', values.workers);
    const report = await openSource(source, values, io.env, log);
    try {
      const summary = await summarize(report, { depth, workers });
      if (values.json) {
        io.stdout.write(`${JSON.stringify({ report: { where: report.where, service: report.service, date: report.date ?? null, sourceBucket: report.manifest.sourceBucket ?? null, files: report.files.length, columns: report.columns }, ...summary }, null, 2)}\n`);
      } else io.stdout.write(formatSummary(summary, [...heading(report), ''], top));
    } finally {
      await report.close();
    }
    return 0;
  }
  if (command === 'diff') {
    if (sources.length !== 2) throw new UsageError(`report diff takes two SOURCEs (OLD NEW), got ${sources.length}`);
    const partitions = positiveInteger('partitions', values.partitions);
    const before = await openSource(sources[0], values, io.env, log);
    const after = await openSource(sources[1], values, io.env, log);
    try {
      const changesTo = values.changes;
      const changes = changesTo === undefined ? undefined : changesTo === '-' ? new ChangeLines((text) => io.stdout.write(text)) : ChangeLines.toFile(changesTo);
      const diff = await diffReports(before, after, { partitions, onChange: changes && ((change) => changes.add(change)) })
        .finally(() => changes?.end());
      if (values.json) io.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
      else if (changesTo !== '-') io.stdout.write(formatDiff(diff, formatBytes));
      else log(`added ${diff.added.count}, removed ${diff.removed.count}, changed ${diff.changed.count}`);
    } finally {
      await before.close();
      await after.close();
    }
    return 0;
  }
  if (command === 'export') {
    const source = one();
    const format = values.format;
    if (format !== 'ndjson' && format !== 'parquet') throw new UsageError(`--format = ${JSON.stringify(format)}: must be ndjson or parquet`);
    if (!values.out) throw new UsageError('export needs --out FILE (or - for NDJSON on stdout)');
    if (format === 'parquet' && values.out === '-') throw new UsageError('Parquet goes to a file, not stdout');
    const report = await openSource(source, values, io.env, log);
    try {
      const { rows } = await exportReport(report, { format, out: values.out === '-' ? (io.stdout as any) : values.out });
      log(`exported ${rows} records of ${report.where} as ${format}${values.out === '-' ? '' : ` to ${values.out}`}`);
    } finally {
      await report.close();
    }
    return 0;
  }
  if (command === 'verify') {
    const report = await openSource(one(), values, io.env, log);
    try {
      const { files, bytes, records } = await report.verify();
      io.stdout.write(`cos-inventory: report verified: ${report.where}: manifest.checksum matches, ${files} data file(s), ${bytes} bytes, sizes and MD5s as the manifest says, ${records} records (every file decompressed and parsed)\n`);
    } finally {
      await report.close();
    }
    return 0;
  }
  throw new UsageError(`unknown report command ${JSON.stringify(command)}`);
}

/** Runs `cos-inventory report ...`; resolves to the exit code, having printed any error. */
export async function reportCommand(args: string[], io: ReportIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  try {
    return await run(args, io);
  } catch (err) {
    // The reader of stdout went away (`| head`): not a failure.
    if ((err as { code?: string })?.code === 'EPIPE') return 0;
    const usage = err instanceof UsageError || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
    const message = err instanceof ServiceRequestError ? describeServiceError(err) : (err as Error)?.message ?? String(err);
    io.stderr.write(`cos-inventory: error: ${message}\n${usage ? `${REPORT_USAGE}\n` : ''}`);
    return usage ? 2 : 1;
  }
}

/**
 * For `InventoryJob` with `waitForReport`: after the report is verified, its summary in the apply log (data files
 * downloaded, checked against their MD5s, and summarized). `depth` is the prefix depth.
 */
export async function logJobSummary(spec: InventoryJobSpec, manifestKey: string, depth: number, log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const store = storeFor('cos', spec.destination.bucket, spec.region, env);
  const report = await openManifest(store, manifestKey, {});
  try {
    const summary = await summarize(report, { depth });
    for (const line of formatSummary(summary, [`summary of cos://${spec.destination.bucket}/${manifestKey}:`], 10).trimEnd().split('\n')) log(line);
  } finally {
    await report.close();
  }
}

export { ReportError };
