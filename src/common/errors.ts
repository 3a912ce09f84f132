import { InventoryValidationError, parseProblems } from '../contract/rules/problem';

/** One broken rule, as an {@link InventoryErrors} validation error lists it. */
export interface ValidationProblem {
  /** The construct whose props break the rule. */
  readonly constructPath: string;
  /** The prop (or document field), for example `filter.prefix`. */
  readonly field: string;
  /** The value it has (as given; tokens appear as their placeholders). */
  readonly value: any;
  /** The rule it breaks. */
  readonly rule: string;
}

/**
 * The errors constructs throw when they are created with values the service or the provider would refuse: one
 * error per construct naming every problem, with its field, value and rule. jsii cannot export an `Error` subclass,
 * so, as aws-cdk-lib's `Errors` does, this class recognises them (their `name` is `InventoryValidationError`).
 * Problems only known once the whole stack is built (policy sizes, an unused created role, an encrypted OBS
 * destination) are reported by `app.synth()` through cdktf's own validation error, in the same
 * `[path] field = value: rule` form.
 *
 * In Python, Java, C# and Go the caught exception is not the JavaScript error, only its message crosses: pass the
 * message (`str(e)`, `e.getMessage()`) to `problemsIn`.
 *
 * @example
 * declare const error: any; // caught around `app.synth()` or a construct
 * // Each problem names the construct path, the field, the value and the rule.
 * const isOurs = InventoryErrors.isValidationError(error);
 * const problems = InventoryErrors.problemsOf(error); // empty for any other error
 * const same = InventoryErrors.problemsIn(String(error.message)); // from the message text, in any language
 */
export class InventoryErrors {
  /** Whether `error` is a validation error of this library, thrown when a construct was created. */
  public static isValidationError(error: any): boolean {
    return error instanceof InventoryValidationError;
  }

  /**
   * The problems an error names: a construct's validation error, or `app.synth()`'s validation error with
   * problems in the `[path] field = value: rule` form; none for any other error.
   */
  public static problemsOf(error: any): ValidationProblem[] {
    if (error instanceof InventoryValidationError) return error.problems.map((problem) => ({ constructPath: error.constructPath, ...problem }));
    return typeof error?.message === 'string' ? InventoryErrors.problemsIn(error.message) : [];
  }

  /**
   * The problems named in an error message, one per `[path] field = value: rule` line; other lines are skipped.
   * A value cut short in the message (longer than 200 characters) is the cut text.
   */
  public static problemsIn(message: string): ValidationProblem[] {
    return parseProblems(message);
  }

  private constructor() {}
}
