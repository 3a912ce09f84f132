/** One broken rule: the field, the value it has, and the rule it breaks. */
export interface Problem {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;
}

/** Renders a problem as `<field> = <value>: <rule>`. */
export function describeProblem(problem: Problem): string {
  return `${problem.field} = ${JSON.stringify(problem.value)}: ${problem.rule}`;
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
