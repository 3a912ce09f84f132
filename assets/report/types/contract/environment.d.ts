/** The one-off job, as JSON (`InventoryJobSpec`). */
export declare const JOB_VARIABLE = "INVENTORY_JOB";
/** The run a job belongs to: the `terraform_data` id, so retries of one run share a job id. */
export declare const RUN_ID_VARIABLE = "INVENTORY_RUN_ID";
/** A periodic config to put, as JSON (`ManagedInventorySpec`). */
export declare const CONFIG_VARIABLE = "INVENTORY_CONFIG";
/** A periodic config to delete, as JSON (`ManagedInventoryTarget`). */
export declare const TARGET_VARIABLE = "INVENTORY_TARGET";
/** COS: host template of a private endpoint, `{Bucket}.cos-internal.{Region}.tencentcos.cn`. */
export declare const COS_DOMAIN_VARIABLE = "COS_INVENTORY_DOMAIN";
/** COS: an HTTP proxy every request goes through with its real Host. */
export declare const COS_PROXY_VARIABLE = "COS_INVENTORY_PROXY";
/** COS: `http:` or `https:`. */
export declare const COS_PROTOCOL_VARIABLE = "COS_INVENTORY_PROTOCOL";
/** COS: per-request timeout in milliseconds. */
export declare const COS_TIMEOUT_VARIABLE = "COS_INVENTORY_TIMEOUT_MS";
/** OBS: an endpoint URL replacing `https://obs.<region>.myhuaweicloud.com`. */
export declare const OBS_ENDPOINT_VARIABLE = "OBS_INVENTORY_ENDPOINT";
/** OBS: `host:port` to dial for every request, keeping the real Host. */
export declare const OBS_CONNECT_TO_VARIABLE = "OBS_INVENTORY_CONNECT_TO";
/** OBS: per-request timeout in seconds. */
export declare const OBS_TIMEOUT_VARIABLE = "OBS_INVENTORY_TIMEOUT_SECONDS";
