/** One broken rule: the field, the value it has, and the rule it breaks. */
export interface Problem {
    readonly field: string;
    readonly value: unknown;
    readonly rule: string;
}
/** How much of a refused value a message repeats: enough to recognise it, never a whole 20 MB document. */
export declare const MAX_ECHOED_VALUE_CHARACTERS = 200;
/** The value as JSON, cut to {@link MAX_ECHOED_VALUE_CHARACTERS} with a note of its full length. */
export declare function echoValue(value: unknown): string;
/** Renders a problem as `<field> = <value>: <rule>`. */
export declare function describeProblem(problem: Problem): string;
/**
 * Thrown at synth time for props that COS or the provider would refuse. It lists every problem found on the
 * construct at once, each with the construct path, the field, the value and the rule.
 */
export declare class InventoryValidationError extends Error {
    readonly constructPath: string;
    readonly problems: Problem[];
    constructor(constructPath: string, problems: Problem[]);
}
/** Throws one error naming every problem, or returns when there are none. */
export declare function throwIfProblems(constructPath: string, problems: Problem[]): void;
