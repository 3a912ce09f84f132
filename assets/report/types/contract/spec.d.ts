import * as v from 'valibot';
/** Format version of every document. */
export declare const DOCUMENT_VERSION = 1;
export declare const OBJECT_TAG_SCHEMA: v.StrictObjectSchema<{
    readonly key: v.StringSchema<"must be a string">;
    readonly value: v.StringSchema<"must be a string">;
}, "must be an object with key and value only">;
export declare const FILTER_SCHEMA: v.StrictObjectSchema<{
    readonly prefix: v.OptionalSchema<v.StringSchema<"must be a string">, undefined>;
    readonly tags: v.OptionalSchema<v.ArraySchema<v.StrictObjectSchema<{
        readonly key: v.StringSchema<"must be a string">;
        readonly value: v.StringSchema<"must be a string">;
    }, "must be an object with key and value only">, "must be an array of { key, value }">, undefined>;
    readonly period: v.OptionalSchema<v.StrictObjectSchema<{
        readonly startTime: v.OptionalSchema<v.NumberSchema<"must be a number">, undefined>;
        readonly endTime: v.OptionalSchema<v.NumberSchema<"must be a number">, undefined>;
    }, "must be an object with startTime and endTime only">, undefined>;
}, "must be an object with prefix, tags and period only">;
/** What one POST Bucket inventory job asks for. Travels in `INVENTORY_JOB`; holds no credentials. */
export declare const JOB_SCHEMA: v.StrictObjectSchema<{
    readonly version: v.LiteralSchema<1, "must be 1">;
    /** Source bucket, with `-APPID`. */
    readonly bucket: v.StringSchema<"must be a string">;
    /** Region of source and destination. */
    readonly region: v.StringSchema<"must be a string">;
    /** Job ids are `<idPrefix>-<run suffix>`, so runs never share an id. */
    readonly idPrefix: v.StringSchema<"must be a string">;
    readonly destination: v.StrictObjectSchema<{
        readonly bucket: v.StringSchema<"must be a string">;
        readonly accountId: v.StringSchema<"must be a string">;
        readonly prefix: v.StringSchema<"must be a string">;
        readonly encryption: v.BooleanSchema<"must be true or false">;
    }, "must be an object with bucket, accountId, prefix and encryption only">;
    readonly filter: v.OptionalSchema<v.StrictObjectSchema<{
        readonly prefix: v.OptionalSchema<v.StringSchema<"must be a string">, undefined>;
        readonly tags: v.OptionalSchema<v.ArraySchema<v.StrictObjectSchema<{
            readonly key: v.StringSchema<"must be a string">;
            readonly value: v.StringSchema<"must be a string">;
        }, "must be an object with key and value only">, "must be an array of { key, value }">, undefined>;
        readonly period: v.OptionalSchema<v.StrictObjectSchema<{
            readonly startTime: v.OptionalSchema<v.NumberSchema<"must be a number">, undefined>;
            readonly endTime: v.OptionalSchema<v.NumberSchema<"must be a number">, undefined>;
        }, "must be an object with startTime and endTime only">, undefined>;
    }, "must be an object with prefix, tags and period only">, undefined>;
    readonly includedObjectVersions: v.PicklistSchema<readonly ["All", "Current"], `must be one of ${string}`>;
    readonly optionalFields: v.ArraySchema<v.StringSchema<"must be a string">, "must be an array of strings">;
    /** Wait for the report and verify it. */
    readonly wait: v.OptionalSchema<v.StrictObjectSchema<{
        readonly timeoutSeconds: v.NumberSchema<"must be a number">;
        readonly pollIntervalSeconds: v.NumberSchema<"must be a number">;
    }, "must be an object with timeoutSeconds and pollIntervalSeconds only">, undefined>;
}, "must be a job object">;
export type InventoryJobSpec = v.InferOutput<typeof JOB_SCHEMA>;
/** The services whose periodic inventory configs the handler manages. */
export declare const SERVICES: readonly ["cos", "obs"];
export type InventoryService = typeof SERVICES[number];
/**
 * Which config on which bucket: all a destroy-time provisioner has, since it may read only what its resource stored
 * on itself. Travels in `INVENTORY_TARGET`.
 */
export declare const TARGET_SCHEMA: v.StrictObjectSchema<{
    version: v.LiteralSchema<1, "must be 1">;
    service: v.PicklistSchema<readonly ["cos", "obs"], `must be one of ${string}`>;
    bucket: v.StringSchema<"must be a string">;
    region: v.StringSchema<"must be a string">;
    id: v.StringSchema<"must be a string">;
}, "must be a target object">;
export type ManagedInventoryTarget = v.InferOutput<typeof TARGET_SCHEMA>;
/** A periodic inventory config the handler puts, reads back and deletes. Travels in `INVENTORY_CONFIG`. */
export declare const CONFIG_SCHEMA: v.StrictObjectSchema<{
    readonly enabled: v.BooleanSchema<"must be true or false">;
    readonly frequency: v.PicklistSchema<readonly ["Daily", "Weekly"], `must be one of ${string}`>;
    readonly includedObjectVersions: v.PicklistSchema<readonly ["All", "Current"], `must be one of ${string}`>;
    readonly optionalFields: v.ArraySchema<v.StringSchema<"must be a string">, "must be an array of strings">;
    /** Tags and period are COS only; OBS filters by prefix. */
    readonly filter: v.OptionalSchema<v.StrictObjectSchema<{
        readonly prefix: v.OptionalSchema<v.StringSchema<"must be a string">, undefined>;
        readonly tags: v.OptionalSchema<v.ArraySchema<v.StrictObjectSchema<{
            readonly key: v.StringSchema<"must be a string">;
            readonly value: v.StringSchema<"must be a string">;
        }, "must be an object with key and value only">, "must be an array of { key, value }">, undefined>;
        readonly period: v.OptionalSchema<v.StrictObjectSchema<{
            readonly startTime: v.OptionalSchema<v.NumberSchema<"must be a number">, undefined>;
            readonly endTime: v.OptionalSchema<v.NumberSchema<"must be a number">, undefined>;
        }, "must be an object with startTime and endTime only">, undefined>;
    }, "must be an object with prefix, tags and period only">, undefined>;
    readonly destination: v.StrictObjectSchema<{
        readonly bucket: v.StringSchema<"must be a string">;
        readonly prefix: v.OptionalSchema<v.StringSchema<"must be a string">, undefined>;
        /** COS: owner UIN of the destination account. */
        readonly accountId: v.OptionalSchema<v.StringSchema<"must be a string">, undefined>;
        /** COS: SSE-COS for report files. */
        readonly encryption: v.OptionalSchema<v.BooleanSchema<"must be true or false">, undefined>;
    }, "must be an object with bucket, prefix, accountId and encryption only">;
    readonly version: v.LiteralSchema<1, "must be 1">;
    readonly service: v.PicklistSchema<readonly ["cos", "obs"], `must be one of ${string}`>;
    readonly bucket: v.StringSchema<"must be a string">;
    readonly region: v.StringSchema<"must be a string">;
    readonly id: v.StringSchema<"must be a string">;
}, "must be a config object">;
export type ManagedInventorySpec = v.InferOutput<typeof CONFIG_SCHEMA>;
export type InventoryFilter = v.InferOutput<typeof FILTER_SCHEMA>;
