import type { ManagedInventorySpec, ManagedInventoryTarget } from '../contract/spec';
import { RetryPolicy } from './retry';
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
export declare function flatten(value: unknown, prefix?: string, into?: ComparableConfig): ComparableConfig;
/** One field that differs; `undefined` where a side has no such field. */
export interface Difference {
    readonly field: string;
    readonly declared?: string;
    readonly live?: string;
}
/** Every field whose declared and live values differ, in field order. */
export declare function compareConfigs(declared: ComparableConfig, live: ComparableConfig): Difference[];
export declare function describeDifference(difference: Difference): string;
export interface ManagedDependencies {
    readonly api: InventoryConfigApi;
    readonly log: (line: string) => void;
    readonly sleep: (ms: number) => Promise<void>;
    readonly random: () => number;
    readonly retry?: RetryPolicy;
}
/**
 * Puts a periodic config, then reads it back: a config the service refused, changed or lost fails the apply here,
 * not silently later.
 */
export declare function putAndVerify(spec: ManagedInventorySpec, deps: ManagedDependencies): Promise<void>;
/** Deletes a config; one that is already gone is fine (a destroy must be repeatable). */
export declare function deleteConfig(target: ManagedInventoryTarget, deps: ManagedDependencies): Promise<void>;
