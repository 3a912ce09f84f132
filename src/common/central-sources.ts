import * as v from 'valibot';
import { assertSameCore, Construct, Token } from '../core';
import { throwIfProblems } from '../contract/rules/problem';
import { checkPropsShape, entriesOf, PropsEntries, propsSchema, reference, strictProps, text, texts } from './validation/props';

/** The props of a central inventory, whichever service: `I` its inventory options, `H` its handler options. */
export interface CentralProps<I, H> {
  readonly destination: object;
  readonly sources?: string[];
  readonly inventory?: I;
  readonly handler?: H;
}

/** One source's options: the inventory options it overrides, and the construct id of its inventory. */
export type CentralSourceOptions<I> = I & { readonly sourceId?: string };

/** What a service's central inventory tells its sources. */
export interface CentralService<I extends object, T = unknown> {
  /** `cos` or `obs`, for the construct names in errors. */
  readonly service: string;
  /** The shapes of the service's inventory options and of its handler options (for callers without the types). */
  readonly inventoryOptions: PropsEntries<I>;
  readonly handlerOptions: v.GenericSchema;
  /** The shapes of what a source adds to the inventory options (`sourceId`, COS's `appId`). */
  readonly sourceOptions: Readonly<Record<string, v.GenericSchema>>;
  /**
   * The service's inventory construct, made once per source with the shared settings, the source's overrides, and
   * the central inventory's destination and handler options (props the service's own type checks in its constructor).
   */
  readonly inventory: new (scope: Construct, id: string, props: never) => T;
}

/** The shapes of a central inventory's props. */
function centralPropsSchema<I extends object>(service: CentralService<I>) {
  return propsSchema(entriesOf<CentralProps<I, unknown>>({
    destination: reference,
    sources: v.optional(texts),
    inventory: v.optional(strictProps(service.inventoryOptions, 'must be an object of inventory options')),
    handler: v.optional(service.handlerOptions),
  }));
}

/**
 * The per-source inventories of a central inventory, whichever service: the props checked, each source once, its
 * options over the shared ones, ids stable. `T` is the service's inventory, `I` its inventory options. A member,
 * not a base class: jsii drops the base of a class whose erased base is generic.
 */
export class CentralSources<T extends { readonly bucketName: string }, I extends object> {
  private readonly inventories: T[] = [];
  private readonly sourceSchema: v.GenericSchema;

  /** Checks the props of `central` and adds their `sources`. */
  constructor(private readonly central: Construct, private readonly service: CentralService<I, T>, private readonly props: CentralProps<I, unknown>) {
    assertSameCore(central);
    checkPropsShape(central.node.path, `${service.service}.CentralInventory`, 'central', centralPropsSchema(service), props);
    this.sourceSchema = propsSchema({ ...service.inventoryOptions, ...service.sourceOptions, sourceId: v.optional(text) });
    for (const bucketName of props.sources ?? []) this.add(bucketName, {} as CentralSourceOptions<I>);
  }

  /** The inventories, in the order added. */
  public get all(): T[] {
    return [...this.inventories];
  }

  /**
   * Adds the inventory of a source, under a construct id named after the bucket (or `sourceId`), so reordering,
   * adding or removing sources replaces nothing else. A bucket name that is a reference has no value to name it by,
   * and a position would shift when an earlier source goes: it needs its `sourceId`.
   */
  public add(bucketName: string, options: CentralSourceOptions<I>): T {
    const path = this.central.node.path;
    checkPropsShape(path, `${this.service.service}.CentralInventory.addSource`, 'inventory', this.sourceSchema, options);
    const { sourceId, ...overrides } = options;
    if (this.inventories.some((inventory) => inventory.bucketName === bucketName)) {
      throwIfProblems(path, [{ field: 'bucketName', value: bucketName, rule: 'is already a source of this inventory; add each source once' }]);
    }
    if (sourceId === undefined && Token.isUnresolved(bucketName)) {
      throwIfProblems(path, [{
        field: 'sourceId', value: sourceId,
        rule: 'is required for a source whose bucketName is a reference: addSource(bucketName, { sourceId }) names its resources, so they keep their addresses when other sources go',
      }]);
    }
    const settings = withOverrides(this.props.inventory, overrides as I);
    const inventoryProps = { ...settings, destination: this.props.destination, bucketName, handler: this.props.handler };
    const inventory = new this.service.inventory(this.central, sourceId ?? bucketName, inventoryProps as never);
    this.inventories.push(inventory);
    return inventory;
  }
}

/** Shared settings with one source's overrides on top: an override left `undefined` keeps the shared value. */
function withOverrides<T extends object>(shared: T | undefined, overrides: T): T {
  const given = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...shared, ...Object.fromEntries(given) } as T;
}
