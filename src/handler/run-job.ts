import type { CosApi, PostAnswer } from './cos-api';
import { describeServiceError, ServiceRequestError } from './service-error';
import { buildInventoryXml, parseJobId } from './inventory-xml';
import { jobIdFor } from '../contract/job';
import type { InventoryJobSpec } from '../contract/spec';
import { reportDirectory, verifyReport, VerifiedReport, waitForManifest } from './report';
import { DEFAULT_RETRY, RetryHooks, RetryPolicy, withRetries } from './retry';

/** Everything the job touches outside itself, injected so tests drive it without a network or a clock. */
export interface JobDependencies {
  readonly api: CosApi;
  readonly log: (line: string) => void;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly retry?: RetryPolicy;
  /** After the report is verified, when the job asks for a summary (`wait.summaryDepth`): print it. */
  readonly summarizeReport?: (spec: InventoryJobSpec, report: VerifiedReport, depth: number) => Promise<void>;
}

export interface JobResult {
  /** The inventory id the job was submitted under. */
  readonly jobId: string;
  /** The JobId COS returned; absent when COS sent an empty body or the id was already submitted by this run. */
  readonly cosJobId?: string;
  /** The id had already been submitted by this run (a retry after a lost answer). */
  readonly alreadySubmitted: boolean;
  /** `cos://<bucket>/<directory>`, where the reports land. */
  readonly reportLocation: string;
  /** Present when the job waited for and verified its report. */
  readonly report?: VerifiedReport;
}

/** Fails the apply: its message names the COS error code, message, request id, bucket and job id. */
export class JobFailedError extends Error {
  constructor(message: string, public readonly cause?: unknown) {
    super(message);
    this.name = 'JobFailedError';
  }
}

/** COS answers 409 Conflict when an inventory id is already taken. */
function isDuplicateId(err: unknown): boolean {
  return err instanceof ServiceRequestError && err.statusCode === 409;
}

/**
 * The JobId of an accepted job. COS took the job whatever its 2xx body says, so a body that does not parse is a
 * warning, not a failure: failing would make the next apply submit the same job again.
 */
function jobIdOf(answer: PostAnswer, log: (line: string) => void): string | undefined {
  try {
    return parseJobId(answer.body);
  } catch (err) {
    log(`warning: COS accepted the job (HTTP ${answer.statusCode}, request id ${answer.requestId ?? 'none'}) but its answer is not the documented XML (${(err as Error).message}); going on without a JobId`);
    return undefined;
  }
}

/** No HTTP answer came back (reset, timeout): the request may or may not have reached COS. */
function isUnanswered(err: unknown): boolean {
  return err instanceof ServiceRequestError && err.statusCode === undefined;
}

export function describeFailure(action: string, err: unknown, bucket: string, jobId: string): string {
  return `${action} failed: ${describeServiceError(err)}; bucket ${bucket}; job id ${jobId}`;
}

/**
 * Submits one POST Bucket inventory job for a run and, when asked, waits for its report and verifies it.
 * A 409 for the run's own id is success only after an earlier attempt of this process went unanswered (it got
 * through, its answer was lost); on a first attempt it is a clash with another job or a periodic config's id.
 */
export async function runInventoryJob(spec: InventoryJobSpec, runId: string, deps: JobDependencies): Promise<JobResult> {
  const jobId = jobIdFor(spec.idPrefix, runId);
  const retry = deps.retry ?? DEFAULT_RETRY;
  const hooks: RetryHooks = {
    sleep: deps.sleep,
    random: deps.random,
    onRetry: (attempt, delayMs, err) => deps.log(`${describeFailure(`attempt ${attempt}`, err, spec.bucket, jobId)}; retrying in ${delayMs} ms`),
  };
  const location = `cos://${spec.destination.bucket}/${reportDirectory(spec, jobId)}`;
  const submittedAt = deps.now();

  let cosJobId: string | undefined;
  let alreadySubmitted = false;
  deps.log(`submitting inventory job ${jobId} on ${spec.bucket} (${spec.region})`);
  let unansweredAttempt = false;
  const post = async () => {
    try {
      return await deps.api.postInventory(spec.bucket, spec.region, jobId, buildInventoryXml(spec, jobId));
    } catch (err) {
      unansweredAttempt ||= isUnanswered(err);
      throw err;
    }
  };
  try {
    cosJobId = jobIdOf(await withRetries(post, retry, hooks), deps.log);
  } catch (err) {
    if (!(isDuplicateId(err) && unansweredAttempt)) {
      const clash = isDuplicateId(err) ? ' (the id is taken: a periodic config or another job on this bucket has it)' : '';
      throw new JobFailedError(`${describeFailure('POST Bucket inventory', err, spec.bucket, jobId)}${clash}`, err);
    }
    alreadySubmitted = true;
    deps.log(`job id ${jobId} was already submitted by this run (HTTP 409); not submitting it again`);
  }
  deps.log(`JobId: ${cosJobId ?? '(none returned)'}`);
  deps.log(`manifest: ${location}/<yyyymmdd>/manifest.json`);
  if (!spec.wait) return { jobId, cosJobId, alreadySubmitted, reportLocation: location };

  const report = await checkJobReport(spec, jobId, submittedAt, spec.wait, deps);
  return { jobId, cosJobId, alreadySubmitted, reportLocation: location, report };
}

/** Waits for the report of a job submitted at `since`, then verifies it (the CLI's `verify` too). */
export async function checkJobReport(
  spec: InventoryJobSpec, jobId: string, since: Date,
  wait: { timeoutSeconds: number; pollIntervalSeconds: number }, deps: JobDependencies,
): Promise<VerifiedReport> {
  const retry = deps.retry ?? DEFAULT_RETRY;
  const hooks: RetryHooks = { sleep: deps.sleep, random: deps.random };
  try {
    const manifest = await waitForManifest(deps.api, spec, jobId, since, { ...wait, now: deps.now, log: deps.log }, retry, hooks);
    deps.log(`manifest found: cos://${spec.destination.bucket}/${manifest.key}`);
    const report = await verifyReport(deps.api, spec, manifest, retry, hooks);
    deps.log(`report verified: checksum matches, ${report.files.length} data file(s) present with their stated sizes`);
    const depth = spec.wait?.summaryDepth;
    if (depth !== undefined && deps.summarizeReport) await deps.summarizeReport(spec, report, depth);
    return report;
  } catch (err) {
    throw new JobFailedError(describeFailure('waiting for the report', err, spec.bucket, jobId), err);
  }
}
