// The content rules of a periodic config and of a delete target, for the service each names. Their shape is the
// schema's (spec.ts); these are the rules the seed documents add.
import { parseDocument } from './document';
import { checkBucketName } from './rules/bucket-name';
import { checkOwnerUin } from './rules/choices';
import { checkInventoryId } from './rules/inventory-id';
import { checkObjectTags } from './rules/object-tags';
import { checkFilterPrefix, checkReportPrefix } from './rules/object-prefix';
import { checkObsBucketName } from './rules/obs-bucket-name';
import { checkOptionalFields, COS_OPTIONAL_FIELDS, OBS_OPTIONAL_FIELDS } from './rules/optional-fields';
import { Problem } from './rules/problem';
import { checkObsRegion, checkRegion } from './rules/region';
import { CONFIG_SCHEMA, ManagedInventorySpec, ManagedInventoryTarget, RECONCILE_SCHEMA, ReconcileSpec, TARGET_SCHEMA } from './spec';
import { RECONCILE_VARIABLE, reconcileSliceVariable } from './environment';

/** Bucket names and regions as each service spells them: an OBS region becomes part of the request host. */
function bucketAndRegionProblems(service: string, bucketField: string, bucket: string, region: string): Problem[] {
  return service === 'obs'
    ? [...checkObsBucketName(bucketField, bucket), ...checkObsRegion('region', region)]
    : [...checkBucketName(bucketField, bucket), ...checkRegion('region', region)];
}

/** COS names the destination account in every config; OBS needs none. */
function accountIdProblems(accountId: string | undefined): Problem[] {
  return accountId === undefined
    ? [{ field: 'destination.accountId', value: undefined, rule: 'is required for COS: the numeric owner UIN of the destination account' }]
    : checkOwnerUin('destination.accountId', accountId);
}

/** Which config a target names: a bucket, region and id the service could hold. */
export function targetProblems(target: ManagedInventoryTarget): Problem[] {
  return [...bucketAndRegionProblems(target.service, 'bucket', target.bucket, target.region), ...checkInventoryId('id', target.id)];
}

/** Every rule a periodic config breaks, for the service it is for. */
export function configProblems(spec: ManagedInventorySpec): Problem[] {
  const obs = spec.service === 'obs';
  return [
    ...targetProblems(spec),
    ...(obs ? checkObsBucketName('destination.bucket', spec.destination.bucket) : checkBucketName('destination.bucket', spec.destination.bucket)),
    ...checkReportPrefix('destination.prefix', spec.destination.prefix),
    ...checkOptionalFields('optionalFields', spec.optionalFields, obs ? OBS_OPTIONAL_FIELDS : COS_OPTIONAL_FIELDS),
    ...checkFilterPrefix('filter.prefix', spec.filter?.prefix),
    ...checkObjectTags('filter.tags', spec.filter?.tags ?? []),
    ...(obs && (spec.filter?.tags?.length || spec.filter?.period) ? [{ field: 'filter', value: spec.filter, rule: 'OBS inventories filter by prefix only' }] : []),
    ...(obs ? [] : accountIdProblems(spec.destination.accountId)),
    ...(obs && spec.destination.encryption ? [{ field: 'destination.encryption', value: true, rule: 'OBS inventories have no report encryption' }] : []),
  ];
}

export function parseConfig(json: string | undefined): ManagedInventorySpec {
  return parseDocument(json, 'inventory config', CONFIG_SCHEMA, configProblems);
}

export function parseTarget(json: string | undefined): ManagedInventoryTarget {
  return parseDocument(json, 'inventory target', TARGET_SCHEMA, targetProblems);
}

/** The problems of each config of a map, named by its place in the document (`configs["b/id"].filter.prefix`). */
function configMapProblems(field: string, service: string, configs: Record<string, ManagedInventorySpec>): Problem[] {
  return Object.entries(configs).flatMap(([label, spec]) => [
    ...(spec.service === service ? [] : [{ field: 'service', value: spec.service, rule: `must be ${service}, the service of the document` }]),
    ...configProblems(spec),
  ].map((problem) => ({ ...problem, field: `${field}[${JSON.stringify(label)}].${problem.field}` })));
}

/** Every rule a reconcile document breaks: each config's, one service throughout, a ledger bucket the service could hold. */
export function reconcileProblems(spec: ReconcileSpec): Problem[] {
  return [
    ...bucketAndRegionProblems(spec.service, 'ledger.bucket', spec.ledger.bucket, spec.ledger.region),
    ...configMapProblems('configs', spec.service, spec.configs),
    ...configMapProblems('provider', spec.service, spec.provider),
  ];
}

export function parseReconcile(json: string | undefined): ReconcileSpec {
  return parseDocument(json, 'reconcile document', RECONCILE_SCHEMA, reconcileProblems);
}

/**
 * The reconcile document as the provisioner hands it over: `INVENTORY_RECONCILE` with empty config maps, and the
 * slices of each map (`INVENTORY_RECONCILE_CONFIGS_0`, ...) merged back in. Text that is not JSON is returned as it
 * is, for `parseReconcile` to refuse.
 */
export function joinReconcileSlices(env: Record<string, string | undefined>): string | undefined {
  const text = env[RECONCILE_VARIABLE];
  let document: any;
  try {
    document = JSON.parse(text ?? '');
  } catch {
    return text;
  }
  if (document === null || typeof document !== 'object') return text;
  for (const map of ['configs', 'provider'] as const) {
    for (let index = 0; env[reconcileSliceVariable(map, index)] !== undefined; index++) {
      document[map] = { ...document[map], ...JSON.parse(env[reconcileSliceVariable(map, index)]!) };
    }
  }
  return JSON.stringify(document);
}
