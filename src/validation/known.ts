import { Token } from '../core';

/**
 * The value when it is known at synth time, `undefined` when it is a token Terraform resolves at apply time.
 * Rules skip `undefined`, so references and variables never raise false errors, and the rules themselves stay
 * free of cdktf (the handler bundle runs them too).
 */
export function known<T>(value: T): T | undefined {
  return Token.isUnresolved(value) ? undefined : value;
}

/** `known` for each element, keeping positions so messages can name the index. */
export function knownEach<T>(values: T[]): Array<T | undefined> {
  return known(values) === undefined ? [] : values.map(known);
}
