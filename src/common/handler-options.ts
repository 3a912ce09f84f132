import * as v from 'valibot';
import { entriesOf, strictProps, text } from './validation/props';

/** The shape of a service's `handler` option (for callers without the types), given the shape of its endpoint. */
export function handlerOptionsSchema(endpoint: v.GenericSchema) {
  return strictProps(entriesOf<{ endpoint?: unknown; nodeExecutable?: string }>({
    endpoint: v.optional(endpoint),
    nodeExecutable: v.optional(text),
  }), 'must be an object with endpoint and nodeExecutable only');
}

/** The endpoint as the handler reads it from its environment: each setting given, under its variable. */
export function endpointSettings<E extends object>(endpoint: E | undefined, variables: Record<keyof E, string>): Record<string, string> {
  const given = (Object.keys(variables) as (keyof E)[]).filter((key) => endpoint?.[key]);
  return Object.fromEntries(given.map((key) => [variables[key], String(endpoint![key])]));
}
