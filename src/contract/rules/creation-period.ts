import { Problem } from './problem';

/** `Filter/Period`: creation times in whole seconds since the epoch, start before end. Unknown (token) times are skipped. */
export function checkCreationPeriod(startField: string, start: number | undefined, endField: string, end: number | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of [[startField, start], [endField, end]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      problems.push({ field, value, rule: 'must be a whole number of seconds since 1970-01-01 UTC' });
    }
  }
  if (problems.length === 0 && start !== undefined && end !== undefined && start >= end) {
    problems.push({ field: endField, value: end, rule: `must be after ${startField} (${start})` });
  }
  return problems;
}
