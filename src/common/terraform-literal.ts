import { Token } from '../core';

/**
 * cdktf writes a token into a string as `${TfToken[TOKEN.n]}`; every other `${` in a string is the user's own text.
 */
const TEMPLATE_START_OUTSIDE_TOKENS = /\$\{(?!TfToken\[)/g;
const DIRECTIVE_START = /%\{/g;

/**
 * Terraform reads every string of a `.tf.json` file as a template: a literal `${...}` is evaluated and `%{...}` is a
 * directive. Escaping them (`$${`, `%%{`) keeps a user's value as text, while the token placeholders cdktf puts in the
 * same string still become references.
 */
export function literalTemplate(value: string): string {
  return value.replace(TEMPLATE_START_OUTSIDE_TOKENS, '$$${').replace(DIRECTIVE_START, '%%{');
}

/** {@link literalTemplate} over every string of a plain value (objects, arrays), leaving whole tokens alone. */
export function literalTemplates<T>(value: T): T {
  if (typeof value === 'string') return literalTemplate(value) as unknown as T;
  if (Array.isArray(value)) return (Token.isUnresolved(value) ? value : value.map(literalTemplates)) as unknown as T;
  if (value !== null && typeof value === 'object' && !Token.isUnresolved(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, literalTemplates(child)])) as T;
  }
  return value;
}
