import { IConstruct } from '../core';
import { Problem } from '../contract/rules/problem';

/** Which construct claimed each `<bucket>/<id>`, per stack. */
const claimsByStack = new WeakMap<IConstruct, Map<string, string>>();

/**
 * COS keeps one config per id on a bucket, so a second config with the same id would silently replace the first.
 * Tokens are compared by their placeholder, which is stable for one reference.
 */
export function claimInventoryId(stack: IConstruct, field: string, bucketName: string, id: string, claimant: string): Problem[] {
  let claims = claimsByStack.get(stack);
  if (!claims) {
    claims = new Map();
    claimsByStack.set(stack, claims);
  }
  const key = `${bucketName}/${id}`;
  const owner = claims.get(key);
  if (owner !== undefined) {
    return [{ field, value: id, rule: `is already used on bucket ${bucketName} by ${owner}; ids must be unique per bucket` }];
  }
  claims.set(key, claimant);
  return [];
}
