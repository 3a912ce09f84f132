import { Problem } from './problem';

/** The values `IncludedObjectVersions` takes (COS and OBS). */
export const OBJECT_VERSIONS = ['All', 'Current'] as const;
/** The values `Schedule/Frequency` takes (COS and OBS). */
export const FREQUENCIES = ['Daily', 'Weekly'] as const;

/**
 * A value from a fixed list. TypeScript's enums do not reach every caller (JavaScript, other jsii languages, JSON),
 * and the services refuse anything else. An unknown (token) value is skipped.
 */
export function checkOneOf(field: string, value: unknown, allowed: readonly string[]): Problem[] {
  if (value === undefined || allowed.includes(value as string)) return [];
  return [{ field, value, rule: `must be one of ${allowed.join(', ')}` }];
}

/** A flag the services take as `true`/`false` text: only a real boolean is unambiguous. */
export function checkBoolean(field: string, value: unknown): Problem[] {
  return value === undefined || typeof value === 'boolean' ? [] : [{ field, value, rule: 'must be true or false' }];
}

/** An owner UIN, which inventory configs name as `AccountId`: digits only. */
export function checkOwnerUin(field: string, value: unknown): Problem[] {
  return value === undefined || (typeof value === 'string' && /^\d{5,20}$/.test(value))
    ? []
    : [{ field, value, rule: 'must be the numeric owner UIN of the account (5 to 20 digits)' }];
}

/** The protocol the handler speaks to COS or OBS (`endpoint.protocol`, `COS_INVENTORY_PROTOCOL`, `OBS_INVENTORY_PROTOCOL`). */
export function checkHandlerProtocol(field: string, value: unknown): Problem[] {
  return value === undefined || value === 'http:' || value === 'https:' ? [] : [{ field, value, rule: 'must be http: or https:' }];
}
