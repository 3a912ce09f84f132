import { Token } from '../../core';
import type { ClaimedPrefix } from './config-claims';

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

/** A filter prefix as the config claims compare it: a string, none, or a token not known until apply time. */
export function claimedPrefix(prefix: string | undefined): ClaimedPrefix {
  return prefix !== undefined && known(prefix) === undefined ? { known: false } : { known: true, value: prefix };
}
