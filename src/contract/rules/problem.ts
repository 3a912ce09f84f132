/** One broken rule: the field, the value it has, and the rule it breaks. */
export interface Problem {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;
}

/** How much of a refused value a message repeats: enough to recognise it, never a whole 20 MB document. */
export const MAX_ECHOED_VALUE_CHARACTERS = 200;

/** The value as JSON, cut to {@link MAX_ECHOED_VALUE_CHARACTERS} with a note of its full length. */
export function echoValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= MAX_ECHOED_VALUE_CHARACTERS ? json : `${json.slice(0, MAX_ECHOED_VALUE_CHARACTERS)}… (${json.length} characters)`;
}

/** Renders a problem as `<field> = <value>: <rule>`. */
export function describeProblem(problem: Problem): string {
  return `${problem.field} = ${echoValue(problem.value)}: ${problem.rule}`;
}

/**
 * Thrown at synth time for props that COS or the provider would refuse. It lists every problem found on the
 * construct at once, each with the construct path, the field, the value and the rule.
 */
export class InventoryValidationError extends Error {
  constructor(public readonly constructPath: string, public readonly problems: Problem[]) {
    super(problems.map((p) => `[${constructPath}] ${describeProblem(p)}`).join('\n'));
    this.name = 'InventoryValidationError';
  }
}

/** Throws one error naming every problem, or returns when there are none. */
export function throwIfProblems(constructPath: string, problems: Problem[]): void {
  if (problems.length > 0) throw new InventoryValidationError(constructPath, problems);
}
