import * as v from 'valibot';
import { Problem } from './problem';

/** POST Bucket inventory refuses IsEnabled and Schedule: a one-time job has neither. */
const NO_SCHEDULE = 'a one-time inventory job cannot carry IsEnabled or Schedule (POST Bucket inventory)';
/** Props of the bucket itself, which an imported destination leaves alone. */
const CREATED_ONLY = '1.0 takes it only for a bucket created with new InventoryDestination; an imported bucket is not changed';

/** What replaced the 0.1 props of inventories and jobs. */
const INVENTORY_PROPS = {
  tags: '1.0 replaced it with filter.objectTags',
  prefix: '1.0 replaced it with filter.prefix',
  createdAfter: '1.0 replaced it with filter.createdAfter',
  createdBefore: '1.0 replaced it with filter.createdBefore',
  endpoint: '1.0 replaced it with handler.endpoint',
  nodeExecutable: '1.0 replaced it with handler.nodeExecutable',
  format: '1.0 removed it: OBS writes only CSV',
} as const;

/**
 * Props 1.0 removed or renamed, per kind of construct, as the CHANGELOG's migration table lists them: what the
 * message says instead of "unknown". A plain JavaScript caller (or one that casts) gets no compiler error for them,
 * and a prop silently ignored can change what is deployed (a 0.1 tag filter becoming an inventory of every object).
 */
export const REPLACED_PROPS = {
  inventory: INVENTORY_PROPS,
  central: { ...INVENTORY_PROPS, sourceBuckets: '1.0 replaced it with sources' },
  job: {
    ...INVENTORY_PROPS,
    enabled: NO_SCHEDULE,
    frequency: NO_SCHEDULE,
    isEnabled: NO_SCHEDULE,
    schedule: NO_SCHEDULE,
    inventoryId: 'a one-time job\'s id is jobIdPrefix plus a suffix per run',
  },
  destination: {
    tags: '1.0 replaced it with bucketTags',
    prefix: '1.0 replaced it with reportPrefix',
    existingBucket: '1.0 replaced it with InventoryDestination.fromBucketAttributes',
    managePolicy: '1.0 replaced it with policyOwner (BucketPolicyOwner.ELSEWHERE for false)',
  },
  importedDestination: {
    tags: '1.0 replaced it with bucketTags, which only a bucket created with new InventoryDestination takes',
    prefix: '1.0 replaced it with reportPrefix',
    managePolicy: '1.0 replaced it with policyOwner (BucketPolicyOwner.ELSEWHERE for false)',
    bucketTags: CREATED_ONLY,
    reportExpirationDays: CREATED_ONLY,
    defaultEncryption: CREATED_ONLY,
    forceDestroy: CREATED_ONLY,
  },
  serviceRole: {
    create: '1.0 replaced it with ServiceRole.create (and ServiceRole.fromAccount for an existing role)',
  },
} as const satisfies Record<string, Record<string, string>>;

export type PropsKind = keyof typeof REPLACED_PROPS;

/** `filter.objectTags`, `optionalFields[0]`: the path of an issue as messages name fields. */
function fieldOf(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key);
  return keys.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('') || 'props';
}

/**
 * Props must have the shape the construct's props type declares: no prop it does not know (naming what replaced one
 * 1.0 removed), and each of the declared type, so a wrong type is a problem here and never a TypeError in a later
 * rule. `schema` is the construct's strict valibot schema; `construct` names it in messages (`cos.BucketInventory`).
 */
export function checkProps(construct: string, kind: PropsKind, schema: v.GenericSchema, props: unknown): Problem[] {
  const result = v.safeParse(schema, props);
  if (result.success) return [];
  const replaced: Readonly<Record<string, string>> = REPLACED_PROPS[kind];
  return result.issues.map((issue) => {
    const field = fieldOf(issue);
    // Unknown props are `never` issues (the schemas are `v.objectWithRest(entries, v.never())`).
    if (issue.type !== 'never') return { field, value: issue.input, rule: issue.message };
    // By the prop's own name, wherever it is nested: `inventory.tags` on a CentralInventory is a 0.1 tag filter too.
    const replacement = replaced[String(issue.path?.[issue.path.length - 1]?.key)];
    return {
      field,
      value: issue.input,
      rule: `is not a prop of ${construct}${replacement ? `: ${replacement}` : ' (check its spelling against API.md)'}`,
    };
  });
}
