import type { CosCredentials, CosEndpoint } from './cos-client';
import type { ObsCredentials } from './obs-api';
import type { ReportStore } from '../report/store';
export * from '../report';
export { openSource } from './report-command';
export interface CosStoreOptions {
    readonly bucket: string;
    readonly region: string;
    /** Default: TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SECURITY_TOKEN. */
    readonly credentials?: CosCredentials;
    /** Default: from COS_INVENTORY_DOMAIN / _PROXY / _PROTOCOL / _TIMEOUT_MS. */
    readonly endpoint?: CosEndpoint;
}
/** The destination bucket on COS, for openReport / openManifest. */
export declare function cosStore(options: CosStoreOptions): ReportStore;
export interface ObsStoreOptions {
    readonly bucket: string;
    readonly region: string;
    /** Default: HW_ACCESS_KEY / HW_SECRET_KEY / HW_SECURITY_TOKEN. */
    readonly credentials?: ObsCredentials;
    /** OBS_INVENTORY_ENDPOINT, OBS_INVENTORY_CONNECT_TO, OBS_INVENTORY_TIMEOUT_SECONDS; default process.env. */
    readonly env?: NodeJS.ProcessEnv;
}
/** The destination bucket on OBS (needs esdk-obs-nodejs, which the package carries as assets/handler/obs.js). */
export declare function obsStore(options: ObsStoreOptions): ReportStore;
