// The environment variables between the constructs (which set them on the handler's provisioners), the handler
// (which reads them) and the people who run it by hand. Credentials are the providers' own variables.

/** The one-off job, as JSON (`InventoryJobSpec`). */
export const JOB_VARIABLE = 'INVENTORY_JOB';
/** The run a job belongs to: the `terraform_data` id, so retries of one run share a job id. */
export const RUN_ID_VARIABLE = 'INVENTORY_RUN_ID';
/** The id of a submitted job whose report `verify` waits for (the deploy-time wait of `cos.InventoryJob`). */
export const JOB_ID_VARIABLE = 'INVENTORY_JOB_ID';
/** A periodic config to put, as JSON (`ManagedInventorySpec`). */
export const CONFIG_VARIABLE = 'INVENTORY_CONFIG';
/** A periodic config to delete, as JSON (`ManagedInventoryTarget`). */
export const TARGET_VARIABLE = 'INVENTORY_TARGET';

/** COS: host template of a private endpoint, `{Bucket}.cos-internal.{Region}.tencentcos.cn` (rules/endpoint-host.ts). */
export const COS_DOMAIN_VARIABLE = 'COS_INVENTORY_DOMAIN';
/** COS: a proxy for the handler alone, in place of HTTPS_PROXY / NO_PROXY; HTTPS always goes through it in a tunnel. */
export const COS_PROXY_VARIABLE = 'COS_INVENTORY_PROXY';
/** COS: `https:`, or `http:` for tests against a local fake only (requests then travel unencrypted). */
export const COS_PROTOCOL_VARIABLE = 'COS_INVENTORY_PROTOCOL';
/** COS: per-request timeout in milliseconds. */
export const COS_TIMEOUT_VARIABLE = 'COS_INVENTORY_TIMEOUT_MS';

/** OBS: host template of a private endpoint replacing `{Bucket}.obs.{Region}.myhuaweicloud.com` (rules/endpoint-host.ts). */
export const OBS_DOMAIN_VARIABLE = 'OBS_INVENTORY_DOMAIN';
/** OBS: `https:`, or `http:` for tests against a local fake only (requests then travel unencrypted). */
export const OBS_PROTOCOL_VARIABLE = 'OBS_INVENTORY_PROTOCOL';
/** OBS: `host:port` to dial for every request, keeping the real Host and TLS name (rules/connect-to.ts). */
export const OBS_CONNECT_TO_VARIABLE = 'OBS_INVENTORY_CONNECT_TO';
/** OBS: per-request timeout in seconds. */
export const OBS_TIMEOUT_VARIABLE = 'OBS_INVENTORY_TIMEOUT_SECONDS';

/** Every config a stack declares for one destination, as JSON (`ReconcileSpec`), its config maps in slices (below). */
export const RECONCILE_VARIABLE = 'INVENTORY_RECONCILE';

/** The config maps of the reconcile document travel apart from it, in slices. */
export type ReconcileMap = 'configs' | 'provider';

/**
 * Slice `index` (from 0) of a config map of the reconcile document, as a JSON object: Linux refuses an environment
 * string over 128 KiB (MAX_ARG_STRLEN), which a thousand configs in one variable exceed.
 */
export function reconcileSliceVariable(map: ReconcileMap, index: number): string {
  return `${RECONCILE_VARIABLE}_${map.toUpperCase()}_${index}`;
}

/** Bytes of configs per slice, as synthesized: room under 128 KiB for references that resolve longer. */
export const RECONCILE_SLICE_BYTES = 64 * 1024;
/** The reconciling `terraform_data`'s id: the generation that writes the ledger, and the only one whose destroy deletes. */
export const GENERATION_VARIABLE = 'INVENTORY_GENERATION';
/** `<bucket>/<id>` of configs the stack declares elsewhere (another destination, a provider resource), as a JSON array: never deleted. */
export const KEEP_VARIABLE = 'INVENTORY_KEEP';
