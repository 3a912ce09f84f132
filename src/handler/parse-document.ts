import { describeProblem, Problem } from '../validation/problem';

/**
 * Parses a JSON document the handler was given (job, config or target), checks its version and rules, and throws
 * one error naming every problem.
 */
export function parseDocument<T>(json: string | undefined, what: string, problems: (value: T) => Problem[]): T {
  if (json === undefined) throw new Error(`no ${what}`);
  let value: T;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new Error(`${what} is not JSON: ${(err as Error).message}`);
  }
  const found = value !== null && typeof value === 'object' && (value as { version?: unknown }).version === 1
    ? problems(value)
    : [{ field: 'version', value: (value as { version?: unknown })?.version, rule: 'must be 1' }];
  if (found.length > 0) throw new Error(`${what} refused:\n${found.map((p) => `  ${describeProblem(p)}`).join('\n')}`);
  return value;
}
