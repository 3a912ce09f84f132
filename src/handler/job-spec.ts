import { checkBucketName } from '../validation/bucket-name';
import { checkCreationPeriod } from '../validation/creation-period';
import { checkInventoryId, INVENTORY_ID_MAX_LENGTH } from '../validation/inventory-id';
import { checkFilterPrefix, checkReportPrefix } from '../validation/object-prefix';
import { checkOptionalFields } from '../validation/optional-fields';
import { Problem } from '../validation/problem';
import { parseDocument } from './parse-document';
import { checkRegion } from '../validation/region';
import { checkObjectTags, ObjectTag } from '../validation/object-tags';

/** What one POST Bucket inventory job asks for. Travels as JSON in `COS_INVENTORY_JOB`; holds no credentials. */
export interface InventoryJobSpec {
  /** Format version of this document. */
  readonly version: 1;
  /** Source bucket, with `-APPID`. */
  readonly bucket: string;
  /** Region of source and destination. */
  readonly region: string;
  /** Job ids are `<idPrefix>-<run suffix>`, so runs never share an id. */
  readonly idPrefix: string;
  readonly destination: {
    /** Destination bucket, with `-APPID`. */
    readonly bucket: string;
    /** Owner UIN of the destination account (`AccountId`). */
    readonly accountId: string;
    readonly prefix: string;
    readonly encryption: boolean;
  };
  readonly filter?: {
    readonly prefix?: string;
    readonly tags?: ObjectTag[];
    readonly period?: { readonly startTime?: number; readonly endTime?: number };
  };
  readonly includedObjectVersions: 'All' | 'Current';
  readonly optionalFields: string[];
  /** Wait for the report and verify it. */
  readonly wait?: { readonly timeoutSeconds: number; readonly pollIntervalSeconds: number };
}

/** Characters a run suffix takes: `-` and 12 hex digits. */
export const RUN_SUFFIX_LENGTH = 13;
/** A job id is an inventory id, so the prefix leaves room for the run suffix. */
export const MAX_JOB_ID_PREFIX_LENGTH = INVENTORY_ID_MAX_LENGTH - RUN_SUFFIX_LENGTH;

/**
 * The job id of one run: the prefix and the first 12 hex digits of the run id (the `terraform_data` id, a UUID, or
 * one made up for a manual run). Derived, so a retry of the same run reuses it and another run never does.
 */
export function jobIdFor(idPrefix: string, runId: string): string {
  const hex = runId.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length < 12) throw new Error(`run id ${JSON.stringify(runId)} has fewer than 12 hex digits`);
  return `${idPrefix}-${hex.slice(0, 12)}`;
}

/** Every rule a job description breaks: the foundation's rules plus the one-time ones. */
export function jobSpecProblems(spec: InventoryJobSpec): Problem[] {
  const filter = spec.filter ?? {};
  return [
    ...checkRequired(spec),
    ...checkBucketName('bucket', spec.bucket),
    ...checkBucketName('destination.bucket', spec.destination?.bucket),
    ...checkRegion('region', spec.region),
    ...checkInventoryId('idPrefix', spec.idPrefix, MAX_JOB_ID_PREFIX_LENGTH),
    ...(/^\d{5,20}$/.test(String(spec.destination?.accountId)) ? [] : [{ field: 'destination.accountId', value: spec.destination?.accountId, rule: 'must be the numeric owner UIN of the destination account' }]),
    ...checkReportPrefix('destination.prefix', spec.destination?.prefix),
    ...checkFilterPrefix('filter.prefix', filter.prefix),
    ...checkObjectTags('filter.tags', filter.tags ?? []),
    ...checkCreationPeriod('filter.period.startTime', filter.period?.startTime, 'filter.period.endTime', filter.period?.endTime),
    ...(['All', 'Current'].includes(spec.includedObjectVersions) ? [] : [{ field: 'includedObjectVersions', value: spec.includedObjectVersions, rule: 'must be All or Current' }]),
    ...checkOptionalFields('optionalFields', spec.optionalFields ?? []),
    ...jobSpecOneTimeProblems(spec as unknown as Record<string, unknown>),
  ];
}

const REQUIRED_FIELDS: Array<[string, (spec: InventoryJobSpec) => unknown]> = [
  ['bucket', (s) => s.bucket],
  ['region', (s) => s.region],
  ['idPrefix', (s) => s.idPrefix],
  ['destination.bucket', (s) => s.destination?.bucket],
  ['destination.prefix', (s) => s.destination?.prefix],
  ['optionalFields', (s) => s.optionalFields],
];

/** The other rules skip what is absent, so a missing required field is named here. */
function checkRequired(spec: InventoryJobSpec): Problem[] {
  return REQUIRED_FIELDS
    .filter(([, read]) => read(spec) === undefined)
    .map(([field]) => ({ field, value: undefined, rule: 'is required' }));
}

/** POST Bucket inventory refuses IsEnabled and Schedule: a one-time job has neither (job descriptions and props). */
export function jobSpecOneTimeProblems(raw: Record<string, unknown>): Problem[] {
  return ['isEnabled', 'enabled', 'schedule', 'frequency']
    .filter((key) => raw[key] !== undefined)
    .map((key) => ({ field: key, value: raw[key], rule: 'a one-time inventory job cannot carry IsEnabled or Schedule (POST Bucket inventory)' }));
}

/** Parses and checks a job description, throwing one error that names every problem. */
export function parseJobSpec(json: string | undefined): InventoryJobSpec {
  return parseDocument(json, 'job description', jobSpecProblems);
}
