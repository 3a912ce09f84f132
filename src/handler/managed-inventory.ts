import type { ManagedInventorySpec, ManagedInventoryTarget } from '../contract/spec';
import { describeServiceError } from './service-error';
import { backoffDelayMs, DEFAULT_RETRY, RetryHooks, RetryPolicy, withRetries } from './retry';

/** A config flattened to `path: value`, so what was sent and what was read back compare key by key. */
export type ComparableConfig = Record<string, string>;

/**
 * Who puts a config, and so in which form it must be put: the bundled handler, or tencentcloud_cos_bucket_inventory,
 * which reads a COS filter's prefix only from `Filter/And` (a config in the handler's form plans as a change).
 */
export type ConfigOwner = 'handler' | 'provider';

/** One service's PUT/GET/DELETE Bucket inventory; errors are `ServiceRequestError`s. */
export interface InventoryConfigApi {
  /** Puts the config in the form its owner (default the handler) puts it. */
  put(spec: ManagedInventorySpec, owner?: ConfigOwner): Promise<void>;
  /** The config as the service holds it, flattened; `undefined` when there is none. */
  read(target: ManagedInventoryTarget): Promise<ComparableConfig | undefined>;
  /** What `read` should return after `put(spec, owner)`. */
  expected(spec: ManagedInventorySpec, owner?: ConfigOwner): ComparableConfig;
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
 * tags read `key=value`. For the handler, `Filter/And/...` and `Filter/...` are the same filter (COS needs `And` only
 * with tags); not for the provider, which reads the prefix only from `And`.
 */
function comparableForm(config: ComparableConfig, owner: ConfigOwner): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawKey, value] of Object.entries(config)) {
    const key = owner === 'handler' ? rawKey.replace(/^Filter\.And\./, 'Filter.') : rawKey;
    const encryption = /^(.*\.Encryption)\.(SSE-[A-Z]+)$/.exec(key);
    if (encryption && value === '') {
      out[encryption[1]] = encryption[2];
    } else if (/^Filter\.(And\.)?Tag$/.test(key)) {
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

/** Every field whose declared and live values differ, in field order, as the config's owner reads them. */
export function compareConfigs(declared: ComparableConfig, live: ComparableConfig, owner: ConfigOwner = 'handler'): Difference[] {
  const a = comparableForm(declared, owner);
  const b = comparableForm(live, owner);
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
 * Puts a periodic config in its owner's form, then reads it back: a config the service refused, changed or lost
 * fails the apply here, not silently later.
 */
export async function putAndVerify(spec: ManagedInventorySpec, deps: ManagedDependencies, owner: ConfigOwner = 'handler'): Promise<void> {
  const retry = deps.retry ?? DEFAULT_RETRY;
  deps.log(`putting ${where(spec)}`);
  await failingAs('PUT Bucket inventory', spec, withRetries(() => deps.api.put(spec, owner), retry, hooksFor(deps)));
  const actual = await readBack(spec, deps, retry);
  if (actual === undefined) throw new Error(`read-back failed for ${where(spec)}: the config is missing right after it was put (${retry.maxAttempts} reads)`);
  const differences = compareConfigs(deps.api.expected(spec, owner), actual, owner);
  if (differences.length > 0) {
    throw new Error(`read-back failed for ${where(spec)}: the service holds another config:\n${differences.map((d) => `  ${describeDifference(d)}`).join('\n')}`);
  }
  deps.log(`put and read back ${where(spec)}`);
}

/**
 * Reads a config just put. A service may make a new config readable only a moment after the PUT, so a 404 is read
 * again with the same bounded backoff as a failed request (at most `maxAttempts` reads); `undefined` if it stays 404.
 */
async function readBack(spec: ManagedInventorySpec, deps: ManagedDependencies, retry: RetryPolicy): Promise<ComparableConfig | undefined> {
  for (let read = 1; ; read++) {
    const actual = await failingAs('GET Bucket inventory', spec, withRetries(() => deps.api.read(spec), retry, hooksFor(deps)));
    if (actual !== undefined || read >= retry.maxAttempts) return actual;
    const delayMs = backoffDelayMs(read, retry, deps.random);
    deps.log(`${where(spec)} is not readable yet (404 on read ${read}); reading again in ${delayMs} ms`);
    await deps.sleep(delayMs);
  }
}

/** Deletes a config; one that is already gone is fine (a destroy must be repeatable). */
export async function deleteConfig(target: ManagedInventoryTarget, deps: ManagedDependencies): Promise<void> {
  const deleted = await failingAs('DELETE Bucket inventory', target, withRetries(() => deps.api.delete(target), deps.retry ?? DEFAULT_RETRY, hooksFor(deps)));
  deps.log(deleted ? `deleted ${where(target)}` : `${where(target)} was already gone`);
}
