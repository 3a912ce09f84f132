import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { inventoryBucketReference } from '../contract/names';
import type { InventoryJobSpec } from '../contract/spec';

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });
const parser = new XMLParser({ parseTagValue: false, trimValues: true, processEntities: true, isArray: (name) => ['Field', 'Tag'].includes(name) });

/** What a COS inventory config lists and where it writes: the part one-off jobs and periodic configs share. */
export type InventoryContent = Pick<InventoryJobSpec, 'region' | 'destination' | 'filter' | 'includedObjectVersions' | 'optionalFields'>;

/** The periodic part of PUT Bucket inventory, which POST Bucket inventory refuses. */
export interface InventorySchedule {
  readonly enabled: boolean;
  readonly frequency: 'Daily' | 'Weekly';
}

/**
 * The `InventoryConfiguration` body, element for element as the COS documentation gives it: Id, IsEnabled (PUT
 * only), Destination/COSBucketDestination (Format, AccountId, Bucket, Prefix, Encryption/SSE-COS), Schedule (PUT
 * only), Filter (And with Prefix and Tag, Period), IncludedObjectVersions, OptionalFields. Without a schedule it is
 * the POST Bucket inventory body, which never carries IsEnabled or Schedule. A prefix alone stands directly in
 * `Filter` unless `prefixInAnd` (the form tencentcloud_cos_bucket_inventory puts, and the only one it reads).
 */
export function buildInventoryXml(spec: InventoryContent, id: string, schedule?: InventorySchedule, prefixInAnd = false): string {
  const destination = {
    Format: 'CSV',
    AccountId: spec.destination.accountId,
    Bucket: inventoryBucketReference(spec.region, spec.destination.bucket),
    Prefix: spec.destination.prefix,
    ...(spec.destination.encryption ? { Encryption: { 'SSE-COS': '' } } : {}),
  };
  const configuration = {
    Id: id,
    ...(schedule ? { IsEnabled: String(schedule.enabled) } : {}),
    Destination: { COSBucketDestination: destination },
    ...(schedule ? { Schedule: { Frequency: schedule.frequency } } : {}),
    ...renderFilter(spec.filter, prefixInAnd),
    IncludedObjectVersions: spec.includedObjectVersions,
    ...(spec.optionalFields.length > 0 ? { OptionalFields: { Field: spec.optionalFields } } : {}),
  };
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ InventoryConfiguration: configuration })}`;
}

function renderFilter(filter: InventoryJobSpec['filter'], prefixInAnd: boolean): { Filter?: object } {
  if (!filter) return {};
  const tags = (filter.tags ?? []).map((tag) => ({ Key: tag.key, Value: tag.value }));
  const prefix = filter.prefix !== undefined ? { Prefix: filter.prefix } : {};
  const period = filter.period && (filter.period.startTime !== undefined || filter.period.endTime !== undefined)
    ? { Period: { ...optional('StartTime', filter.period.startTime), ...optional('EndTime', filter.period.endTime) } }
    : {};
  // Tags need the And container (as the documented example has it); a prefix alone stands directly in Filter.
  const conditions = tags.length > 0 ? { And: { ...prefix, Tag: tags } } : prefixInAnd && filter.prefix !== undefined ? { And: prefix } : prefix;
  const content = { ...conditions, ...period };
  return Object.keys(content).length > 0 ? { Filter: content } : {};
}

function optional(name: string, value: number | undefined): Record<string, string> {
  return value === undefined ? {} : { [name]: String(value) };
}

/** Parses any COS XML body into plain objects (Field and Tag always arrays). */
export function parseXml(xml: string): any {
  return parser.parse(xml);
}

/** `PostInventoryResult/JobId`, or `undefined` for an empty body (the Chinese page documents an empty one). */
export function parseJobId(xml: string): string | undefined {
  if (!xml.trim()) return undefined;
  // Validated: a body cut short must not pass for one without a JobId.
  const jobId = parser.parse(xml, true)?.PostInventoryResult?.JobId;
  return typeof jobId === 'string' && jobId.length > 0 ? jobId : undefined;
}

/** The documented COS error body: Code, Message, Resource, RequestId, TraceId. */
export interface CosErrorBody {
  readonly Code?: string;
  readonly Message?: string;
  readonly RequestId?: string;
  readonly TraceId?: string;
}

export function parseErrorBody(xml: string): CosErrorBody {
  try {
    return parseXml(xml)?.Error ?? {};
  } catch {
    return {};
  }
}
