// The Node API of the report reader (`cdktf-cos-inventory/report`, bundled to assets/report/index.js): the reader
// (src/report) plus stores for the destination buckets, with credentials from the environment unless given.
import { createCosClient, credentialsFromEnv, endpointFromEnv } from './cos-client';
import type { CosCredentials, CosEndpoint } from './cos-client';
import { obsCredentialsFromEnv } from './obs-client';
import type { ObsCredentials } from './obs-client';
import { cosReportStore, obsReportStore } from './report-stores';
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
export function cosStore(options: CosStoreOptions): ReportStore {
  const client = createCosClient(options.credentials ?? credentialsFromEnv(process.env), options.endpoint ?? endpointFromEnv(process.env));
  return cosReportStore(client, options.bucket, options.region);
}

export interface ObsStoreOptions {
  readonly bucket: string;
  readonly region: string;
  /** Default: HW_ACCESS_KEY / HW_SECRET_KEY / HW_SECURITY_TOKEN. */
  readonly credentials?: ObsCredentials;
  /** OBS_INVENTORY_DOMAIN, _CONNECT_TO, _PROTOCOL, _TIMEOUT_SECONDS; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The destination bucket on OBS. */
export function obsStore(options: ObsStoreOptions): ReportStore {
  return obsReportStore(options.credentials ?? obsCredentialsFromEnv(options.env ?? process.env), options.env ?? process.env, options.bucket, options.region);
}
