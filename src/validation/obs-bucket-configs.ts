import { IConstruct } from '../core';
import { Problem } from '../contract/rules/problem';

/** OBS keeps at most 10 inventory configs per bucket (PUT Bucket Inventory). */
export const MAX_OBS_CONFIGS_PER_BUCKET = 10;

/** What a config's prefix is: a string, none (every object), or a token not known until apply time. */
export type ObsPrefix = { readonly known: true; readonly value: string | undefined } | { readonly known: false };

interface Claim {
  readonly id: string | undefined;
  readonly prefix: ObsPrefix;
  readonly owner: string;
}

const claimsByStack = new WeakMap<IConstruct, Map<string, Claim[]>>();

function overlaps(a: ObsPrefix, b: ObsPrefix): boolean {
  if (!a.known || !b.known) return false;
  return a.value === undefined || b.value === undefined || a.value.startsWith(b.value) || b.value.startsWith(a.value);
}

/**
 * Registers a config on a bucket and returns what OBS would refuse: a repeated id, an 11th config
 * (InventoryCountOverLimit), or a prefix that contains or is contained in another config's
 * (PrefixExistInclusionRelationship; a config without prefix overlaps every other). Unknown (token) ids and
 * prefixes are not compared.
 */
export function claimObsConfig(stack: IConstruct, bucket: string, id: string | undefined, prefix: ObsPrefix, owner: string): Problem[] {
  let claims = claimsByStack.get(stack);
  if (!claims) {
    claims = new Map();
    claimsByStack.set(stack, claims);
  }
  const onBucket = claims.get(bucket) ?? [];
  claims.set(bucket, onBucket);
  const problems: Problem[] = [];
  const sameId = id === undefined ? undefined : onBucket.find((claim) => claim.id === id);
  if (sameId) problems.push({ field: 'inventoryId', value: id, rule: `is already used on bucket ${bucket} by ${sameId.owner}; ids must be unique per bucket` });
  if (onBucket.length >= MAX_OBS_CONFIGS_PER_BUCKET) {
    problems.push({ field: 'bucketName', value: bucket, rule: `has ${onBucket.length} inventory configs already; OBS allows at most ${MAX_OBS_CONFIGS_PER_BUCKET} per bucket (InventoryCountOverLimit)` });
  }
  for (const other of onBucket.filter((claim) => overlaps(prefix, claim.prefix))) {
    problems.push({
      field: 'prefix',
      value: prefix.known ? prefix.value ?? null : null,
      rule: `overlaps the prefix ${JSON.stringify(other.prefix.known ? other.prefix.value ?? null : null)} of ${other.owner} on bucket ${bucket}: `
        + 'OBS refuses prefixes that contain each other, and a config without prefix overlaps all (PrefixExistInclusionRelationship)',
    });
  }
  onBucket.push({ id, prefix, owner });
  return problems;
}
