import { Problem } from './problem';

/** A lifecycle expiration counts whole days, at least one. Unknown (token) values are skipped. */
export function checkExpirationDays(field: string, days: number | undefined): Problem[] {
  if (days === undefined || (Number.isInteger(days) && days >= 1)) return [];
  return [{ field, value: days, rule: 'must be a whole number of days, 1 or more' }];
}
