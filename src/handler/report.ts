import type { CosApi } from './cos-api';
import { parseBucketName, sourceReportPath } from '../contract/names';
import type { InventoryJobSpec } from '../contract/spec';
import { RetryHooks, RetryPolicy, withRetries } from './retry';
import { checksumProblem, dataFileProblem, Manifest, ManifestFile, parseManifest } from '../report/manifest';

export type { ManifestFile } from '../report/manifest';

/**
 * The directory a job's reports land in: `<prefix>/<source appid>/<source name without -appid>/<job id>`.
 * Each run adds `<yyyymmdd>/manifest.json` and `manifest.checksum` under it.
 * @see https://www.tencentcloud.com/document/product/436/30622 (Inventory Overview, report storage path)
 */
export function reportDirectory(spec: InventoryJobSpec, jobId: string): string {
  return `${sourceReportPath(spec.destination.prefix, parseBucketName(spec.bucket))}/${jobId}`;
}

/** What verification found. */
export interface VerifiedReport {
  readonly manifestKey: string;
  readonly fileSchema?: string;
  readonly files: ManifestFile[];
}

export interface PollOptions {
  readonly timeoutSeconds: number;
  readonly pollIntervalSeconds: number;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

const MAX_POLL_INTERVAL_MS = 60_000;

/**
 * The dates a report of a job submitted at `since` may carry by `until`: COS names the directory by date, and the
 * job may finish after midnight, in UTC or in China Standard Time (UTC+8, never behind the UTC date). Oldest first.
 */
export function candidateDates(since: Date, until: Date): string[] {
  const dates: string[] = [];
  const last = formatDate(until, 8);
  for (let t = Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate()); ; t += 86_400_000) {
    const date = formatDate(new Date(t), 0);
    if (date > last) return dates;
    dates.push(date);
  }
}

function formatDate(at: Date, offsetHours: number): string {
  return new Date(at.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** Polls for the job's `manifest.json` with backoff until the deadline; returns its key and bytes. */
export async function waitForManifest(
  api: CosApi, spec: InventoryJobSpec, jobId: string, submittedAt: Date,
  poll: PollOptions, retry: RetryPolicy, hooks: RetryHooks,
): Promise<{ key: string; body: Buffer }> {
  const directory = reportDirectory(spec, jobId);
  const deadline = submittedAt.getTime() + poll.timeoutSeconds * 1000;
  let intervalMs = poll.pollIntervalSeconds * 1000;
  for (;;) {
    for (const date of candidateDates(submittedAt, poll.now())) {
      const key = `${directory}/${date}/manifest.json`;
      const body = await withRetries(() => api.getObject(spec.destination.bucket, spec.region, key), retry, hooks);
      if (body !== undefined) return { key, body };
    }
    const remaining = deadline - poll.now().getTime();
    if (remaining <= 0) {
      throw new Error(`no report for job ${jobId} after ${poll.timeoutSeconds}s: nothing at cos://${spec.destination.bucket}/${directory}/<yyyymmdd>/manifest.json`);
    }
    poll.log(`waiting for cos://${spec.destination.bucket}/${directory}/<yyyymmdd>/manifest.json (next look in ${Math.round(Math.min(intervalMs, remaining) / 1000)}s)`);
    await hooks.sleep(Math.min(intervalMs, remaining));
    intervalMs = Math.min(intervalMs * 2, MAX_POLL_INTERVAL_MS);
  }
}

/**
 * Checks a delivered report: `manifest.checksum` holds the MD5 of `manifest.json`, and every data file the manifest
 * lists exists with its stated size (HEAD: the data is not downloaded; `cos-inventory report verify` and the job
 * summary check MD5s too). Throws one error naming every mismatch. Parsing and the checks are the report reader's
 * (src/report/manifest.ts), shared with `cos-inventory report`.
 */
export async function verifyReport(
  api: CosApi, spec: InventoryJobSpec, manifest: { key: string; body: Buffer }, retry: RetryPolicy, hooks: RetryHooks,
): Promise<VerifiedReport> {
  const bucket = spec.destination.bucket;
  const where = `cos://${bucket}/${manifest.key}`;
  const problems: string[] = [];
  const checksumKey = manifest.key.replace(/manifest\.json$/, 'manifest.checksum');
  const checksum = await withRetries(() => api.getObject(bucket, spec.region, checksumKey), retry, hooks);
  const checksumWrong = checksumProblem(manifest.body, checksum, checksumKey);
  if (checksumWrong) problems.push(checksumWrong);

  let parsed: Manifest;
  try {
    parsed = parseManifest(manifest.body, where);
  } catch (err) {
    throw new Error(`report verification failed for ${where}: ${(err as Error).message.replace(`${where}: `, '')}`);
  }
  for (const file of parsed.files) {
    const size = await withRetries(() => api.headObjectSize(bucket, spec.region, file.key), retry, hooks);
    const problem = dataFileProblem(file, size === undefined ? undefined : { size });
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) {
    throw new Error(`report verification failed for ${where}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return { manifestKey: manifest.key, fileSchema: parsed.fileSchema, files: parsed.files };
}
