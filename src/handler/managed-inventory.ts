import type { ManagedInventorySpec, ManagedInventoryTarget } from '../contract/spec';
import { describeServiceError } from './service-error';
import { DEFAULT_RETRY, RetryHooks, RetryPolicy, withRetries } from './retry';

/** A config flattened to `path: value`, so what was sent and what was read back compare key by key. */
export type ComparableConfig = Record<string, string>;

/** One service's PUT/GET/DELETE Bucket inventory; errors are `ServiceRequestError`s. */
export interface InventoryConfigApi {
  put(spec: ManagedInventorySpec): Promise<void>;
  /** The config as the service holds it, flattened; `undefined` when there is none. */
  read(target: ManagedInventoryTarget): Promise<ComparableConfig | undefined>;
  /** What `read` should return after `put(spec)`. */
  expected(spec: ManagedInventorySpec): ComparableConfig;
  /** `false` when there was nothing to delete. */
  delete(target: ManagedInventoryTarget): Promise<boolean>;
}

/** Flattens nested objects to `a.b.c` keys; arrays are sorted, since COS and OBS keep fields as sets. */
export function flatten(value: unknown, prefix = '', into: ComparableConfig = {}): ComparableConfig {
  if (Array.isArray(value)) {
    into[prefix] = value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).sort().join(',');
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (value !== undefined) {
    into[prefix] = String(value);
  }
  return into;
}

/** One field that differs; `undefined` where a side has no such field. */
export interface Difference {
  readonly field: string;
  readonly declared?: string;
  readonly live?: string;
}

/**
 * A flattened config in the form two configs compare in: an empty element is no element (services drop empty
 * ones); the `<Encryption><SSE-COS/></Encryption>` marker, which is empty by nature, becomes `Encryption: SSE-COS`;
 * `Filter/And/...` and `Filter/...` are the same filter (COS needs `And` only with tags); tags read `key=value`.
 */
function comparableForm(config: ComparableConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawKey, value] of Object.entries(config)) {
    const key = rawKey.replace(/^Filter\.And\./, 'Filter.');
    const encryption = /^(.*\.Encryption)\.(SSE-[A-Z]+)$/.exec(key);
    if (encryption && value === '') {
      out[encryption[1]] = encryption[2];
    } else if (key === 'Filter.Tag') {
      out[key] = value.split(/,(?=\{)/).map((tag) => {
        try {
          const parsed = JSON.parse(tag);
          return `${parsed.Key}=${parsed.Value ?? ''}`;
        } catch {
          return tag;
        }
      }).sort().join(',');
    } else if (value !== '') {
      out[key] = value;
    }
  }
  return out;
}

/** Every field whose declared and live values differ, in field order. */
export function compareConfigs(declared: ComparableConfig, live: ComparableConfig): Difference[] {
  const a = comparableForm(declared);
  const b = comparableForm(live);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    .filter((field) => a[field] !== b[field])
    .map((field) => ({ field, declared: a[field], live: b[field] }));
}

export function describeDifference(difference: Difference): string {
  const show = (value: string | undefined) => (value === undefined ? '(none)' : JSON.stringify(value));
  return `${difference.field}: declared ${show(difference.declared)}, live ${show(difference.live)}`;
}

export interface ManagedDependencies {
  readonly api: InventoryConfigApi;
  readonly log: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly retry?: RetryPolicy;
}

export function hooksFor(deps: ManagedDependencies): RetryHooks {
  return { sleep: deps.sleep, random: deps.random, onRetry: (attempt, delayMs, err) => deps.log(`attempt ${attempt} failed (${(err as Error).message}); retrying in ${delayMs} ms`) };
}

/**
 * Names the request, the service's error code and request id, and the config (when the request is about one) in the
 * error that fails the apply.
 */
export async function failingAs<T>(action: string, target: ManagedInventoryTarget | undefined, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (err) {
    throw new Error(`${action} failed: ${describeServiceError(err)}${target ? `; ${where(target)}` : ''}`);
  }
}

export function where(target: ManagedInventoryTarget): string {
  return `${target.service.toUpperCase()} bucket ${target.bucket} (${target.region}), inventory ${target.id}`;
}

/**
 * Puts a periodic config, then reads it back: a config the service refused, changed or lost fails the apply here,
 * not silently later.
 */
export async function putAndVerify(spec: ManagedInventorySpec, deps: ManagedDependencies): Promise<void> {
  const retry = deps.retry ?? DEFAULT_RETRY;
  deps.log(`putting ${where(spec)}`);
  await failingAs('PUT Bucket inventory', spec, withRetries(() => deps.api.put(spec), retry, hooksFor(deps)));
  const actual = await failingAs('GET Bucket inventory', spec, withRetries(() => deps.api.read(spec), retry, hooksFor(deps)));
  if (actual === undefined) throw new Error(`read-back failed for ${where(spec)}: the config is missing right after it was put`);
  const differences = compareConfigs(deps.api.expected(spec), actual);
  if (differences.length > 0) {
    throw new Error(`read-back failed for ${where(spec)}: the service holds another config:\n${differences.map((d) => `  ${describeDifference(d)}`).join('\n')}`);
  }
  deps.log(`put and read back ${where(spec)}`);
}

/** Deletes a config; one that is already gone is fine (a destroy must be repeatable). */
export async function deleteConfig(target: ManagedInventoryTarget, deps: ManagedDependencies): Promise<void> {
  const deleted = await failingAs('DELETE Bucket inventory', target, withRetries(() => deps.api.delete(target), deps.retry ?? DEFAULT_RETRY, hooksFor(deps)));
  deps.log(deleted ? `deleted ${where(target)}` : `${where(target)} was already gone`);
}
