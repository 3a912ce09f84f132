// The shapes of the constructs' props as valibot schemas, for callers the TypeScript types do not reach (plain
// JavaScript, casts, JSON): each construct checks its props against one before any other rule. `entriesOf<T>` makes
// the compiler hold every schema to its props type: a prop added to the type without its schema does not compile.
import * as v from 'valibot';
import { checkProps, PropsKind } from '../../contract/rules/known-props';
import { throwIfProblems } from '../../contract/rules/problem';
import type { InventoryFilter, InventoryReportOptions, PeriodicInventoryOptions } from '../inventory-options';

/** One schema per prop of `T`, no more, no fewer (optional props wrapped in `v.optional`). */
export type PropsEntries<T> = { readonly [K in keyof T]-?: v.GenericSchema };

export function entriesOf<T>(entries: PropsEntries<T>): PropsEntries<T> {
  return entries;
}

export const text = v.string('must be a string');
export const count = v.number('must be a number');
export const flag = v.boolean('must be true or false');
export const texts = v.array(text, 'must be an array of strings');
export const textMap = v.record(v.string(), text, 'must be an object of strings');
/** A construct or another object the library calls (a destination, a service role). */
export const reference = v.custom<object>((value) => typeof value === 'object' && value !== null, 'must be an object (a construct)');
/** A value from an enum: the rules of each prop name the values it takes. */
export const choice = text;

/**
 * An object of exactly these props. Not `v.strictObject`: it stops at the first unknown key, and every unknown prop
 * should be named at once; each one is a `never` issue here.
 */
export function strictProps(entries: Readonly<Record<string, v.GenericSchema>>, message: string) {
  return v.objectWithRest(entries, v.never('is not a prop'), message);
}

const FILTER = strictProps(entriesOf<InventoryFilter>({
  prefix: v.optional(text),
  objectTags: v.optional(textMap),
  createdAfter: v.optional(count),
  createdBefore: v.optional(count),
}), 'must be an object with prefix, objectTags, createdAfter and createdBefore only');

/** What every report says (`InventoryReportOptions`). */
export const REPORT_OPTIONS = entriesOf<InventoryReportOptions>({
  includedObjectVersions: v.optional(choice),
  filter: v.optional(FILTER),
  reportPrefix: v.optional(text),
});

/** What every periodic inventory says (`PeriodicInventoryOptions`). */
export const PERIODIC_OPTIONS = entriesOf<PeriodicInventoryOptions>({
  ...REPORT_OPTIONS,
  inventoryId: v.optional(text),
  enabled: v.optional(flag),
  frequency: v.optional(choice),
  adoptExisting: v.optional(flag),
});

/** The props of a construct. */
export function propsSchema(entries: Readonly<Record<string, v.GenericSchema>>) {
  return strictProps(entries, 'must be an object of props');
}

/** Throws the problems of props that do not have the shape of `schema`, naming `construct` (`cos.BucketInventory`). */
export function checkPropsShape(constructPath: string, construct: string, kind: PropsKind, schema: v.GenericSchema, props: unknown): void {
  throwIfProblems(constructPath, checkProps(construct, kind, schema, props));
}
