// The documents constructs hand to the handler: a one-off job, a periodic config, and the target of a delete. One
// schema each (valibot: strict objects, so an unknown field is refused), and the TypeScript types inferred from it.
import * as v from 'valibot';
import { FREQUENCIES, OBJECT_VERSIONS } from './rules/choices';

/** Format version of every document. */
export const DOCUMENT_VERSION = 1;

const version = v.literal(DOCUMENT_VERSION, 'must be 1');
const text = v.string('must be a string');
const flag = v.boolean('must be true or false');
const seconds = v.number('must be a number');

export const OBJECT_TAG_SCHEMA = v.strictObject({ key: text, value: text }, 'must be an object with key and value only');

export const FILTER_SCHEMA = v.strictObject({
  prefix: v.optional(text),
  tags: v.optional(v.array(OBJECT_TAG_SCHEMA, 'must be an array of { key, value }')),
  period: v.optional(v.strictObject({ startTime: v.optional(seconds), endTime: v.optional(seconds) }, 'must be an object with startTime and endTime only')),
}, 'must be an object with prefix, tags and period only');

const versions = v.picklist(OBJECT_VERSIONS, `must be one of ${OBJECT_VERSIONS.join(', ')}`);
const fields = v.array(text, 'must be an array of strings');

/** What one POST Bucket inventory job asks for. Travels in `INVENTORY_JOB`; holds no credentials. */
export const JOB_SCHEMA = v.strictObject({
  version,
  /** Source bucket, with `-APPID`. */
  bucket: text,
  /** Region of source and destination. */
  region: text,
  /** Job ids are `<idPrefix>-<run suffix>`, so runs never share an id. */
  idPrefix: text,
  destination: v.strictObject({ bucket: text, accountId: text, prefix: text, encryption: flag }, 'must be an object with bucket, accountId, prefix and encryption only'),
  filter: v.optional(FILTER_SCHEMA),
  includedObjectVersions: versions,
  optionalFields: fields,
  /** Wait for the report and verify it; with `summaryDepth`, print its summary with prefixes to that depth. */
  wait: v.optional(v.strictObject(
    { timeoutSeconds: seconds, pollIntervalSeconds: seconds, summaryDepth: v.optional(v.number('must be a number')) },
    'must be an object with timeoutSeconds, pollIntervalSeconds and summaryDepth only',
  )),
}, 'must be a job object');
export type InventoryJobSpec = v.InferOutput<typeof JOB_SCHEMA>;

/** The services whose periodic inventory configs the handler manages. */
export const SERVICES = ['cos', 'obs'] as const;
export type InventoryService = typeof SERVICES[number];
const service = v.picklist(SERVICES, `must be one of ${SERVICES.join(', ')}`);

const targetEntries = { version, service, bucket: text, region: text, id: text };

/**
 * Which config on which bucket: all a destroy-time provisioner has, since it may read only what its resource stored
 * on itself. Travels in `INVENTORY_TARGET`.
 */
export const TARGET_SCHEMA = v.strictObject(targetEntries, 'must be a target object');
export type ManagedInventoryTarget = v.InferOutput<typeof TARGET_SCHEMA>;

/** A periodic inventory config the handler puts, reads back and deletes. Travels in `INVENTORY_CONFIG`. */
export const CONFIG_SCHEMA = v.strictObject({
  ...targetEntries,
  enabled: flag,
  frequency: v.picklist(FREQUENCIES, `must be one of ${FREQUENCIES.join(', ')}`),
  includedObjectVersions: versions,
  optionalFields: fields,
  /** Tags and period are COS only; OBS filters by prefix. */
  filter: v.optional(FILTER_SCHEMA),
  destination: v.strictObject({
    bucket: text,
    prefix: v.optional(text),
    /** COS: owner UIN of the destination account. */
    accountId: v.optional(text),
    /** COS: SSE-COS for report files. */
    encryption: v.optional(flag),
  }, 'must be an object with bucket, prefix, accountId and encryption only'),
}, 'must be a config object');
export type ManagedInventorySpec = v.InferOutput<typeof CONFIG_SCHEMA>;
export type InventoryFilter = v.InferOutput<typeof FILTER_SCHEMA>;

/**
 * Where the handler keeps its ledger: the configs one stack put on the source buckets of one destination, so a config
 * removed from the code is deleted on the next apply. An object in the destination bucket, one per stack.
 */
export const LEDGER_LOCATION_SCHEMA = v.strictObject({ bucket: text, region: text, key: text }, 'must be an object with bucket, region and key only');

/**
 * Every periodic config one stack declares for one destination, for one reconciling run of the handler. Travels in
 * `INVENTORY_RECONCILE`. Map keys are labels for the plan (`<bucket>/<id>` when known at synth time); a config is
 * identified by the `bucket` and `id` it holds.
 */
export const RECONCILE_SCHEMA = v.strictObject({
  version,
  service,
  ledger: LEDGER_LOCATION_SCHEMA,
  /** Configs the handler puts, reads back and deletes once they leave this document. */
  configs: v.record(text, CONFIG_SCHEMA, 'must be an object of configs'),
  /** Configs a provider resource puts: checked for ownership before it does and recorded, never put or deleted here. */
  provider: v.record(text, CONFIG_SCHEMA, 'must be an object of configs'),
  /** `<bucket>/<id>` of configs that may replace one of the same id this stack did not put (`adoptExisting`). */
  adopt: v.array(text, 'must be an array of strings'),
}, 'must be a reconcile object');
export type ReconcileSpec = v.InferOutput<typeof RECONCILE_SCHEMA>;
export type LedgerLocation = v.InferOutput<typeof LEDGER_LOCATION_SCHEMA>;

/** How a config is named in a ledger, in `adopt` and in `INVENTORY_KEEP`: `<bucket>/<id>` (bucket names hold no `/`). */
export function configKey(target: { readonly bucket: string; readonly id: string }): string {
  return `${target.bucket}/${target.id}`;
}
