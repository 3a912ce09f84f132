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
export interface CentralService<I extends object> {
  /** `cos` or `obs`, for the construct names in errors. */
  readonly service: string;
  /** The shapes of the service's inventory options and of its handler options (for callers without the types). */
  readonly inventoryOptions: PropsEntries<I>;
  readonly handlerOptions: v.GenericSchema;
  /** The shapes of what a source adds to the inventory options (`sourceId`, COS's `appId`). */
  readonly sourceOptions: Readonly<Record<string, v.GenericSchema>>;
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
 * options over the shared ones, ids stable. `T` is the service's inventory, `I` its inventory options.
 */
export class CentralSources<T extends { readonly bucketName: string }, I extends object> {
  private readonly inventories: T[] = [];
  private readonly sourceSchema: v.GenericSchema;

  /**
   * Checks the props and adds their `sources`. `make` builds the inventory of one source under `constructId`, from
   * the shared settings with the source's overrides on top.
   */
  constructor(
    private readonly scope: Construct,
    private readonly service: CentralService<I>,
    private readonly props: CentralProps<I, unknown>,
    private readonly make: (constructId: string, bucketName: string, options: I) => T,
  ) {
    assertSameCore(scope);
    checkPropsShape(scope.node.path, `${service.service}.CentralInventory`, 'central', centralPropsSchema(service), props);
    this.sourceSchema = propsSchema({ ...service.inventoryOptions, ...service.sourceOptions, sourceId: v.optional(text) });
    for (const bucketName of props.sources ?? []) this.add(bucketName, {} as CentralSourceOptions<I>);
  }

  public get all(): T[] {
    return [...this.inventories];
  }

  /**
   * Adds the inventory of a source, under a construct id named after the bucket (or `sourceId`), so reordering,
   * adding or removing sources replaces nothing else. A bucket name that is a reference has no value to name it by,
   * and a position would shift when an earlier source goes: it needs its `sourceId`.
   */
  public add(bucketName: string, options: CentralSourceOptions<I>): T {
    checkPropsShape(this.scope.node.path, `${this.service.service}.CentralInventory.addSource`, 'inventory', this.sourceSchema, options);
    const { sourceId, ...overrides } = options;
    if (this.inventories.some((inventory) => inventory.bucketName === bucketName)) {
      throwIfProblems(this.scope.node.path, [{ field: 'bucketName', value: bucketName, rule: 'is already a source of this inventory; add each source once' }]);
    }
    if (sourceId === undefined && Token.isUnresolved(bucketName)) {
      throwIfProblems(this.scope.node.path, [{
        field: 'sourceId', value: sourceId,
        rule: 'is required for a source whose bucketName is a reference: addSource(bucketName, { sourceId }) names its resources, so they keep their addresses when other sources go',
      }]);
    }
    const inventory = this.make(sourceId ?? bucketName, bucketName, withOverrides(this.props.inventory, overrides as I));
    this.inventories.push(inventory);
    return inventory;
  }
}

/** Shared settings with one source's overrides on top: an override left `undefined` keeps the shared value. */
function withOverrides<T extends object>(shared: T | undefined, overrides: T): T {
  const given = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...shared, ...Object.fromEntries(given) } as T;
}
