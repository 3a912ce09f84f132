import { Problem } from './problem';

/** COS object keys are at most 850 bytes; a prefix longer than that matches nothing. */
const MAX_KEY_BYTES = 850;

/** A filter prefix: a key prefix, so no leading slash and not longer than a key. */
export function checkFilterPrefix(field: string, prefix: string | undefined): Problem[] {
  if (prefix === undefined) return [];
  if (prefix.length === 0) return [{ field, value: prefix, rule: 'must not be empty; leave it unset to include every object' }];
  if (prefix.startsWith('/')) return [{ field, value: prefix, rule: 'must not start with "/": COS keys have no leading slash' }];
  if (Buffer.byteLength(prefix) > MAX_KEY_BYTES) {
    return [{ field, value: prefix, rule: `must be at most ${MAX_KEY_BYTES} bytes, the longest COS key` }];
  }
  return [];
}

/**
 * A report prefix: COS appends the `/` itself (`Prefix` becomes `Prefix/...`), so the prefix has no slash at
 * either end; the generated bucket policy is scoped to it.
 */
export function checkReportPrefix(field: string, prefix: string | undefined): Problem[] {
  if (prefix === undefined) return [];
  const problems = checkFilterPrefix(field, prefix);
  if (problems.length > 0) return problems;
  if (prefix.endsWith('/')) return [{ field, value: prefix, rule: 'must not end with "/": COS appends it itself' }];
  if (prefix.includes('*')) return [{ field, value: prefix, rule: 'must not contain "*": the bucket policy resource would become a wildcard' }];
  return [];
}
