import { createHash } from 'node:crypto';

/** One lifecycle rule of a destination bucket: report objects under `prefix` expire. */
export interface ReportExpiryRule {
  /** The rule's id (COS) or name (OBS): the same for the same prefix whatever else the stack holds. */
  readonly id: string;
  /** The report prefix with its trailing `/`. */
  readonly prefix: string;
}

const FIRST_RULE_ID = 'expire-inventory-reports';

/**
 * One expiry rule per report prefix in use, the destination's own first (its rule keeps the id it always had). An id
 * is derived from its prefix, not from a position, so adding or removing another inventory renames no rule.
 */
export function reportExpiryRules(defaultPrefix: string, prefixesInUse: string[]): ReportExpiryRule[] {
  const prefixes = [...new Set([defaultPrefix, ...prefixesInUse])];
  return prefixes.map((prefix) => ({ id: prefix === defaultPrefix ? FIRST_RULE_ID : `${FIRST_RULE_ID}-${ruleSuffix(prefix)}`, prefix: `${prefix}/` }));
}

/** The prefix itself when it is plain (letters, digits, `.`, `_`, `-`), else a digest of it, which no prefix shares. */
function ruleSuffix(prefix: string): string {
  return /^[A-Za-z0-9._-]{1,64}$/.test(prefix) ? prefix : createHash('sha256').update(prefix).digest('hex').slice(0, 12);
}
