import type { CosClient } from './cos-client';
import { ObsCredentials } from './obs-api';
import type { ReportStore } from '../report/store';
export declare function cosReportStore(client: CosClient, bucket: string, region: string): ReportStore;
export declare function obsReportStore(credentials: ObsCredentials, env: NodeJS.ProcessEnv, bucket: string, region: string): ReportStore;
