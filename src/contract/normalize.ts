// The one place defaults are resolved. Constructs hand it what the user set; it returns the documents the handler
// takes, and the provider resource is rendered from the same document, so the two paths can never disagree on what
// an unset value means.
import { DEFAULTS, defaultInventoryId } from './defaults';
import type { InventoryFilter, InventoryJobSpec, InventoryService, ManagedInventorySpec } from './spec';
import { DOCUMENT_VERSION } from './spec';

/** A filter as users write it: prefix, tags as a map, creation period in epoch seconds. */
export interface FilterInput {
  readonly prefix?: string;
  readonly objectTags?: { readonly [key: string]: string };
  readonly createdAfter?: number;
  readonly createdBefore?: number;
}

/** What a periodic config says, defaults unresolved. */
export interface ConfigInput {
  readonly service: InventoryService;
  readonly bucket: string;
  readonly region: string;
  readonly id?: string;
  readonly enabled?: boolean;
  readonly frequency?: string;
  readonly includedObjectVersions?: string;
  readonly optionalFields?: readonly string[];
  readonly filter?: FilterInput;
  readonly destination: { readonly bucket: string; readonly prefix: string; readonly accountId?: string; readonly encryption?: boolean };
}

/** What a one-off job says, defaults unresolved. */
export interface JobInput {
  readonly bucket: string;
  readonly region: string;
  readonly idPrefix?: string;
  readonly includedObjectVersions?: string;
  readonly optionalFields?: readonly string[];
  readonly filter?: FilterInput;
  readonly destination: { readonly bucket: string; readonly prefix: string; readonly accountId: string; readonly encryption?: boolean };
  readonly wait?: { readonly timeoutSeconds?: number; readonly pollIntervalSeconds?: number; readonly summaryDepth?: number };
}

/** The filter as documents carry it: tags in the order given, absent when it filters nothing. */
export function normalizeFilter(filter: FilterInput | undefined): InventoryFilter | undefined {
  const tags = Object.entries(filter?.objectTags ?? {}).map(([key, value]) => ({ key, value }));
  const { prefix, createdAfter, createdBefore } = filter ?? {};
  const period = createdAfter !== undefined || createdBefore !== undefined ? { startTime: createdAfter, endTime: createdBefore } : undefined;
  if (prefix === undefined && tags.length === 0 && period === undefined) return undefined;
  return { prefix, tags: tags.length > 0 ? tags : undefined, period };
}

/** The config the handler puts, and the provider resource renders, with every default resolved. */
export function normalizeConfig(input: ConfigInput): ManagedInventorySpec {
  const frequency = (input.frequency ?? DEFAULTS.frequency) as ManagedInventorySpec['frequency'];
  const cos = input.service === 'cos';
  return {
    version: DOCUMENT_VERSION,
    service: input.service,
    bucket: input.bucket,
    region: input.region,
    id: input.id ?? defaultInventoryId(frequency),
    enabled: input.enabled ?? DEFAULTS.enabled,
    frequency,
    includedObjectVersions: (input.includedObjectVersions ?? DEFAULTS.includedObjectVersions) as ManagedInventorySpec['includedObjectVersions'],
    optionalFields: [...(input.optionalFields ?? [])],
    filter: normalizeFilter(input.filter),
    destination: {
      bucket: input.destination.bucket,
      prefix: input.destination.prefix,
      ...(cos ? { accountId: input.destination.accountId, encryption: input.destination.encryption ?? DEFAULTS.encryptReports } : {}),
    },
  };
}

/** The job the handler submits, with every default resolved. */
export function normalizeJob(input: JobInput): InventoryJobSpec {
  return {
    version: DOCUMENT_VERSION,
    bucket: input.bucket,
    region: input.region,
    idPrefix: input.idPrefix ?? DEFAULTS.jobIdPrefix,
    destination: { ...input.destination, encryption: input.destination.encryption ?? DEFAULTS.encryptReports },
    filter: normalizeFilter(input.filter),
    includedObjectVersions: (input.includedObjectVersions ?? DEFAULTS.includedObjectVersions) as InventoryJobSpec['includedObjectVersions'],
    optionalFields: [...(input.optionalFields ?? [])],
    wait: input.wait
      ? {
        timeoutSeconds: input.wait.timeoutSeconds ?? DEFAULTS.waitTimeoutSeconds,
        pollIntervalSeconds: input.wait.pollIntervalSeconds ?? DEFAULTS.pollIntervalSeconds,
        ...(input.wait.summaryDepth !== undefined ? { summaryDepth: input.wait.summaryDepth } : {}),
      }
      : undefined,
  };
}
