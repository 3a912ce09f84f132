import { Problem } from './problem';
/** The values `IncludedObjectVersions` takes (COS and OBS). */
export declare const OBJECT_VERSIONS: readonly ["All", "Current"];
/** The values `Schedule/Frequency` takes (COS and OBS). */
export declare const FREQUENCIES: readonly ["Daily", "Weekly"];
/**
 * A value from a fixed list. TypeScript's enums do not reach every caller (JavaScript, other jsii languages, JSON),
 * and the services refuse anything else. An unknown (token) value is skipped.
 */
export declare function checkOneOf(field: string, value: unknown, allowed: readonly string[]): Problem[];
/** A flag the services take as `true`/`false` text: only a real boolean is unambiguous. */
export declare function checkBoolean(field: string, value: unknown): Problem[];
/** An owner UIN, which inventory configs name as `AccountId`: digits only. */
export declare function checkOwnerUin(field: string, value: unknown): Problem[];
/** The protocol the handler speaks to COS, as `endpoint.protocol` and `COS_INVENTORY_PROTOCOL` name it. */
export declare function checkCosProtocol(field: string, value: unknown): Problem[];
