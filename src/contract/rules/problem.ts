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

/** The value back from {@link echoValue}: JSON, or the echoed text when it was cut or is no JSON. */
function unechoValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Where an echoed value ends in `<value>: <rule>`: the first `: ` before which the text is JSON, else the first one. */
function valueEnd(text: string): number {
  const separators = [...text.matchAll(/: /g)].map((match) => match.index);
  const cut = separators.find((index) => /… \(\d+ characters\)$/.test(text.slice(0, index)));
  const json = separators.find((index) => {
    try {
      JSON.parse(text.slice(0, index));
      return true;
    } catch {
      return false;
    }
  });
  return cut ?? json ?? separators[0] ?? -1;
}

/**
 * The problems in an error message, read back from its `[<construct path>] <field> = <value>: <rule>` lines (one per
 * problem, as {@link InventoryValidationError} and cdktf's validation error write them); other lines are skipped.
 * Only the text of an error crosses the jsii boundary, so this is how other languages get the problems.
 */
export function parseProblems(message: string): Array<Problem & { readonly constructPath: string }> {
  return message.split('\n').flatMap((line) => {
    const match = /^\s*\[([^\]]+)\] (.+?) = (.*)$/.exec(line);
    const end = match ? valueEnd(match[3]) : -1;
    if (!match || end < 0) return [];
    return [{ constructPath: match[1], field: match[2], value: unechoValue(match[3].slice(0, end)), rule: match[3].slice(end + 2) }];
  });
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
