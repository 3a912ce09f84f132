import * as v from 'valibot';
import { describeProblem, Problem } from './rules/problem';

/** Every place a value breaks its schema: the field path, the value found there, and what it must be. */
export function schemaProblems(schema: v.GenericSchema, value: unknown): Problem[] {
  const result = v.safeParse(schema, value, { abortEarly: false });
  if (result.success) return [];
  return result.issues.map((issue) => {
    const field = v.getDotPath(issue) ?? '(document)';
    const place = issue.path?.[issue.path.length - 1];
    if (issue.type === 'strict_object' && issue.expected === 'never') return { field, value: place?.value, rule: 'is not a field of this document' };
    if (issue.type === 'strict_object' && issue.received === 'undefined' && place) return { field, value: undefined, rule: 'is required' };
    return { field, value: issue.input, rule: issue.message };
  });
}

/**
 * Parses a JSON document the handler was given (job, config or target): its shape by the schema, then its content by
 * the rules; throws one error naming every problem.
 */
export function parseDocument<T>(json: string | undefined, what: string, schema: v.GenericSchema<unknown, T>, rules: (value: T) => Problem[]): T {
  if (json === undefined) throw new Error(`no ${what}`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new Error(`${what} is not JSON: ${(err as Error).message}`);
  }
  const shapeProblems = schemaProblems(schema, value);
  const found = shapeProblems.length > 0 ? shapeProblems : rules(value as T);
  if (found.length > 0) throw new Error(`${what} refused:\n${found.map((p) => `  ${describeProblem(p)}`).join('\n')}`);
  return value as T;
}
