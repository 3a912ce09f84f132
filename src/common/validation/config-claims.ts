import { IConstruct } from '../../core';
import { InventoryService } from '../../contract/spec';
import { Problem } from '../../contract/rules/problem';

/** OBS keeps at most 10 inventory configs per bucket (PUT Bucket Inventory). */
export const MAX_OBS_CONFIGS_PER_BUCKET = 10;

/** What a config's filter prefix is: a string, none (every object), or a token not known until apply time. */
export type ClaimedPrefix = { readonly known: true; readonly value: string | undefined } | { readonly known: false };

/** One periodic config a construct declares on a bucket. */
export interface ConfigClaim {
  readonly service: InventoryService;
  readonly bucket: string;
  /** `undefined` when the id is a token. */
  readonly id: string | undefined;
  readonly prefix: ClaimedPrefix;
  /** The construct path, named in the message of a later claim that clashes. */
  readonly owner: string;
}

/** The configs claimed so far, per stack and `<service>/<bucket>`. */
const claimsByStack = new WeakMap<IConstruct, Map<string, ConfigClaim[]>>();

function overlaps(a: ClaimedPrefix, b: ClaimedPrefix): boolean {
  if (!a.known || !b.known) return false;
  return a.value === undefined || b.value === undefined || a.value.startsWith(b.value) || b.value.startsWith(a.value);
}

function shown(prefix: ClaimedPrefix): string | null {
  return prefix.known ? prefix.value ?? null : null;
}

/** What OBS refuses beyond a repeated id: an 11th config, and prefixes that contain each other. */
function obsProblems(claim: ConfigClaim, onBucket: ConfigClaim[]): Problem[] {
  const problems: Problem[] = [];
  if (onBucket.length >= MAX_OBS_CONFIGS_PER_BUCKET) {
    problems.push({ field: 'bucketName', value: claim.bucket, rule: `has ${onBucket.length} inventory configs already; OBS allows at most ${MAX_OBS_CONFIGS_PER_BUCKET} per bucket (InventoryCountOverLimit)` });
  }
  for (const other of onBucket.filter((existing) => overlaps(claim.prefix, existing.prefix))) {
    problems.push({
      field: 'filter.prefix',
      value: shown(claim.prefix),
      rule: `overlaps the prefix ${JSON.stringify(shown(other.prefix))} of ${other.owner} on bucket ${claim.bucket}: `
        + 'OBS refuses prefixes that contain each other, and a config without prefix overlaps all (PrefixExistInclusionRelationship)',
    });
  }
  return problems;
}

/**
 * Registers a periodic config on a bucket and returns what the service would refuse or silently merge: both keep
 * one config per id on a bucket, so a second config with the same id would replace the first; OBS also limits the
 * count and refuses overlapping prefixes. Token ids and prefixes are not compared.
 */
export function claimConfig(stack: IConstruct, claim: ConfigClaim): Problem[] {
  let claims = claimsByStack.get(stack);
  if (!claims) {
    claims = new Map();
    claimsByStack.set(stack, claims);
  }
  const key = `${claim.service}/${claim.bucket}`;
  const onBucket = claims.get(key) ?? [];
  claims.set(key, onBucket);
  const sameId = claim.id === undefined ? undefined : onBucket.find((existing) => existing.id === claim.id);
  const problems: Problem[] = sameId
    ? [{ field: 'inventoryId', value: claim.id, rule: `is already used on bucket ${claim.bucket} by ${sameId.owner}; ids must be unique per bucket` }]
    : [];
  if (claim.service === 'obs') problems.push(...obsProblems(claim, onBucket));
  onBucket.push(claim);
  return problems;
}
