// ReportStores over the destination buckets: COS through the handler's own signed client (GET Object, GET Bucket
// with a delimiter), OBS through esdk-obs-nodejs (getObject, listObjects), loaded only when an obs:// source is read.
import { XMLParser } from 'fast-xml-parser';
import type { CosClient } from './cos-client';
import { callObs, createObsClient, ObsCredentials } from './obs-api';
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

export function cosReportStore(client: CosClient, bucket: string, region: string): ReportStore {
  return {
    name: `cos://${bucket}`,
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

/** An HTTP agent that dials `connectTo` whatever the request's host (as obs-api.ts does for tests). */
export function obsReportStore(credentials: ObsCredentials, env: NodeJS.ProcessEnv, bucket: string, region: string): ReportStore {
  const ready = createObsClient(credentials, env, region);
  const call = (method: string, params: Record<string, unknown>) => callObs(ready, method, params);
  return {
    name: `obs://${bucket}`,
    async get(key) {
      const result = await unlessNotFound(call('getObject', { Bucket: bucket, Key: key, SaveAsStream: true }));
      if (result === undefined) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of result.Content) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks);
    },
    async listDirectories(prefix) {
      const common: string[] = [];
      const keys: string[] = [];
      let marker: string | undefined;
      for (let page = 0; page < 1000; page++) {
        const result = await call('listObjects', { Bucket: bucket, Prefix: prefix, Delimiter: '/', MaxKeys: 1000, ...(marker ? { Marker: marker } : {}) });
        for (const p of result.CommonPrefixes ?? []) common.push(String(p.Prefix ?? ''));
        for (const c of result.Contents ?? []) keys.push(String(c.Key ?? ''));
        if (String(result.IsTruncated) !== 'true') break;
        marker = result.NextMarker || keys[keys.length - 1];
        if (!marker) break;
      }
      return directoriesOf(prefix, common, keys);
    },
  };
}
