// The content rules of a one-off job, and how a run's job id is made.
import { parseDocument } from './document';
import { checkBucketName } from './rules/bucket-name';
import { checkOwnerUin } from './rules/choices';
import { checkCreationPeriod } from './rules/creation-period';
import { checkInventoryId, INVENTORY_ID_MAX_LENGTH } from './rules/inventory-id';
import { checkObjectTags } from './rules/object-tags';
import { checkFilterPrefix, checkReportPrefix } from './rules/object-prefix';
import { checkOptionalFields } from './rules/optional-fields';
import { describeProblem, Problem } from './rules/problem';
import { checkRegion } from './rules/region';
import { checkRunId, RUN_ID_HEX_DIGITS, runIdHex } from './rules/run-id';
import { checkSummaryDepth, checkWait } from './rules/wait';
import { InventoryJobSpec, JOB_SCHEMA } from './spec';

/** Characters a run suffix takes: `-` and 12 hex digits. */
export const RUN_SUFFIX_LENGTH = 13;
/** A job id is an inventory id, so the prefix leaves room for the run suffix. */
export const MAX_JOB_ID_PREFIX_LENGTH = INVENTORY_ID_MAX_LENGTH - RUN_SUFFIX_LENGTH;

/**
 * The job id of one run: the prefix and the first 12 hex digits of the run id (the `terraform_data` id, a UUID, or
 * one made up for a manual run). Derived, so a retry of the same run reuses it and another run never does.
 */
export function jobIdFor(idPrefix: string, runId: string): string {
  const problems = checkRunId('run id', runId);
  if (problems.length > 0) throw new Error(describeProblem(problems[0]));
  return `${idPrefix}-${runIdHex(runId).slice(0, RUN_ID_HEX_DIGITS)}`;
}

/** Every content rule a job breaks (its shape is the schema's). */
export function jobProblems(spec: InventoryJobSpec): Problem[] {
  const filter = spec.filter ?? {};
  return [
    ...checkBucketName('bucket', spec.bucket),
    ...checkBucketName('destination.bucket', spec.destination.bucket),
    ...checkRegion('region', spec.region),
    ...checkInventoryId('idPrefix', spec.idPrefix, MAX_JOB_ID_PREFIX_LENGTH),
    ...checkOwnerUin('destination.accountId', spec.destination.accountId),
    ...checkReportPrefix('destination.prefix', spec.destination.prefix),
    ...checkFilterPrefix('filter.prefix', filter.prefix),
    ...checkObjectTags('filter.tags', filter.tags ?? []),
    ...checkCreationPeriod('filter.period.startTime', filter.period?.startTime, 'filter.period.endTime', filter.period?.endTime),
    ...checkOptionalFields('optionalFields', spec.optionalFields),
    ...checkWait('wait.timeoutSeconds', spec.wait?.timeoutSeconds, 'wait.pollIntervalSeconds', spec.wait?.pollIntervalSeconds),
    ...checkSummaryDepth('wait.summaryDepth', spec.wait?.summaryDepth),
  ];
}

/** Parses and checks a job, throwing one error that names every problem. */
export function parseJob(json: string | undefined): InventoryJobSpec {
  return parseDocument(json, 'job description', JOB_SCHEMA, jobProblems);
}
