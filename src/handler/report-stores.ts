// ReportStores over the destination buckets, through the handler's own signed clients (cos-client.ts, obs-client.ts):
// GET Object, and GET Bucket (ListObjects) with a delimiter, which COS and OBS answer alike.
import { XMLParser } from 'fast-xml-parser';
import type { BucketClient } from './transport';
import { createObsClient, ObsCredentials, obsEndpointFromEnv } from './obs-client';
import { unlessNotFound } from './service-error';
import type { ReportStore } from '../report/store';

const listParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Contents' || name === 'CommonPrefixes' });

/** The directories right under `prefix`: from CommonPrefixes, and from keys deeper down (a service that ignores the delimiter). */
function directoriesOf(prefix: string, commonPrefixes: string[], keys: string[]): string[] {
  const found = new Set(commonPrefixes.filter((p) => p.startsWith(prefix) && p.endsWith('/')));
  for (const key of keys) {
    const slash = key.indexOf('/', prefix.length);
    if (key.startsWith(prefix) && slash > prefix.length) found.add(key.slice(0, slash + 1));
  }
  return [...found].sort();
}

/** A bucket of COS or OBS, named `<scheme>://<bucket>`, read through its service's client. */
function bucketReportStore(scheme: 'cos' | 'obs', client: BucketClient, bucket: string, region: string): ReportStore {
  return {
    name: `${scheme}://${bucket}`,
    async get(key) {
      return (await unlessNotFound(client({ method: 'GET', bucket, region, key })))?.body;
    },
    async listDirectories(prefix) {
      const common: string[] = [];
      const keys: string[] = [];
      let marker = '';
      for (let page = 0; page < 1000; page++) {
        const query: Record<string, string> = { 'prefix': prefix, 'delimiter': '/', 'max-keys': '1000', ...(marker ? { marker } : {}) };
        const body = (await client({ method: 'GET', bucket, region, query })).body.toString('utf8');
        const result = listParser.parse(body)?.ListBucketResult ?? {};
        for (const p of result.CommonPrefixes ?? []) common.push(String(p.Prefix ?? ''));
        for (const c of result.Contents ?? []) keys.push(String(c.Key ?? ''));
        if (String(result.IsTruncated) !== 'true') break;
        marker = String(result.NextMarker ?? keys[keys.length - 1] ?? '');
        if (!marker) break;
      }
      return directoriesOf(prefix, common, keys);
    },
  };
}

export function cosReportStore(client: BucketClient, bucket: string, region: string): ReportStore {
  return bucketReportStore('cos', client, bucket, region);
}

/** An OBS bucket, with the endpoint the environment sets (OBS_INVENTORY_DOMAIN, _CONNECT_TO, _PROTOCOL, _TIMEOUT_SECONDS). */
export function obsReportStore(credentials: ObsCredentials, env: NodeJS.ProcessEnv, bucket: string, region: string): ReportStore {
  return bucketReportStore('obs', createObsClient(credentials, obsEndpointFromEnv(env)), bucket, region);
}
