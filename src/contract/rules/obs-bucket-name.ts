import { Problem } from './problem';

/**
 * OBS bucket names: 3-63 characters of lowercase letters, digits, hyphens and periods, starting and ending with a
 * letter or digit, no `..`, `.-` or `-.`, and not shaped like an IP address. Unknown (token) names are skipped.
 */
export function checkObsBucketName(field: string, bucketName: string | undefined): Problem[] {
  if (bucketName === undefined) return [];
  const ok = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucketName)
    && !/\.\.|\.-|-\./.test(bucketName)
    && !/^\d+\.\d+\.\d+\.\d+$/.test(bucketName);
  return ok ? [] : [{
    field,
    value: bucketName,
    rule: 'must be 3-63 lowercase letters, digits, hyphens and periods, start and end with a letter or digit, with no "..", ".-" or "-." and not like an IP address',
  }];
}
