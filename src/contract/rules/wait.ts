import { Problem } from './problem';

/** The longest wait for a report: a day, as long as COS keeps a one-off job's id. */
export const MAX_WAIT_TIMEOUT_SECONDS = 86_400;
/** Bounds of the first pause between looks for a report: at least a second, at most ten minutes. */
export const MIN_POLL_INTERVAL_SECONDS = 1;
export const MAX_POLL_INTERVAL_SECONDS = 600;
/** How far back `verify --since` may look: each day in the range is one more GET per look. */
export const MAX_SINCE_DAYS = 7;

function wholeSecondsWithin(field: string, value: unknown, min: number, max: number): Problem[] {
  if (value === undefined) return [];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? []
    : [{ field, value, rule: `must be a whole number of seconds from ${min} to ${max}` }];
}

/** Wait settings: whole seconds within bounds, the first pause no longer than the wait. Unknown values are skipped. */
export function checkWait(timeoutField: string, timeout: unknown, intervalField: string, interval: unknown): Problem[] {
  const problems = [
    ...wholeSecondsWithin(timeoutField, timeout, 1, MAX_WAIT_TIMEOUT_SECONDS),
    ...wholeSecondsWithin(intervalField, interval, MIN_POLL_INTERVAL_SECONDS, MAX_POLL_INTERVAL_SECONDS),
  ];
  if (problems.length === 0 && typeof timeout === 'number' && typeof interval === 'number' && interval > timeout) {
    problems.push({ field: intervalField, value: interval, rule: `must not be longer than ${timeoutField} (${timeout})` });
  }
  return problems;
}

/** The deepest prefix level a report summary groups by. */
export const MAX_SUMMARY_DEPTH = 10;

/** A report summary's prefix depth: a whole number of levels, 1 to {@link MAX_SUMMARY_DEPTH}. */
export function checkSummaryDepth(field: string, depth: unknown): Problem[] {
  if (depth === undefined || (typeof depth === 'number' && Number.isInteger(depth) && depth >= 1 && depth <= MAX_SUMMARY_DEPTH)) return [];
  return [{ field, value: depth, rule: `must be a whole number of prefix levels from 1 to ${MAX_SUMMARY_DEPTH}` }];
}

/** When an earlier job was submitted: a real time, not in the future, at most a week back. */
export function checkSince(field: string, since: Date, now: Date, text: string): Problem[] {
  if (Number.isNaN(since.getTime())) return [{ field, value: text, rule: 'must be an ISO 8601 time such as 2026-11-22T00:00:00Z' }];
  if (since.getTime() > now.getTime()) return [{ field, value: text, rule: 'must not be in the future' }];
  if (now.getTime() - since.getTime() > MAX_SINCE_DAYS * 86_400_000) return [{ field, value: text, rule: `must be at most ${MAX_SINCE_DAYS} days ago` }];
  return [];
}
