import { Construct, Token } from '../core';
import { throwIfProblems } from '../contract/rules/problem';

/** The per-source inventories of a central inventory, whichever service: each source once, ids stable. */
export class CentralSources<T extends { readonly bucketName: string }> {
  private readonly inventories: T[] = [];

  constructor(private readonly scope: Construct) {}

  public get all(): T[] {
    return [...this.inventories];
  }

  /**
   * Adds the inventory `make` builds for a source, under a construct id named after the bucket (or `sourceId`), so
   * reordering, adding or removing sources replaces nothing else. A bucket name that is a reference has no value to
   * name it by, and a position would shift when an earlier source goes: it needs its `sourceId`.
   */
  public add(bucketName: string, sourceId: string | undefined, make: (constructId: string) => T): T {
    if (this.inventories.some((inventory) => inventory.bucketName === bucketName)) {
      throwIfProblems(this.scope.node.path, [{ field: 'bucketName', value: bucketName, rule: 'is already a source of this inventory; add each source once' }]);
    }
    if (sourceId === undefined && Token.isUnresolved(bucketName)) {
      throwIfProblems(this.scope.node.path, [{
        field: 'sourceId', value: sourceId,
        rule: 'is required for a source whose bucketName is a reference: addSource(bucketName, { sourceId }) names its resources, so they keep their addresses when other sources go',
      }]);
    }
    const inventory = make(sourceId ?? bucketName);
    this.inventories.push(inventory);
    return inventory;
  }
}

/** Shared settings with one source's overrides on top: an override left `undefined` keeps the shared value. */
export function withOverrides<T extends object>(shared: T | undefined, overrides: T): T {
  const given = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...shared, ...Object.fromEntries(given) } as T;
}
