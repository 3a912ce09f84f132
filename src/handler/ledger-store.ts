// The ledger object in a destination bucket: COS through the handler's own signed client, OBS through esdk-obs-nodejs.
import type { LedgerLocation } from '../contract/spec';
import type { CosClient } from './cos-client';
import { callObs, createObsClient, ObsCredentials } from './obs-api';
import type { LedgerStore } from './reconcile';
import { unlessNotFound } from './service-error';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function cosLedgerStore(client: CosClient, location: LedgerLocation): LedgerStore {
  const object = { bucket: location.bucket, region: location.region, key: location.key };
  return {
    name: `cos://${location.bucket}/${location.key}`,
    async read() {
      return (await unlessNotFound(client({ method: 'GET', ...object })))?.body.toString('utf8');
    },
    async write(text) {
      await client({ method: 'PUT', ...object, headers: JSON_HEADERS, body: Buffer.from(text, 'utf8') });
    },
    async remove() {
      await client({ method: 'DELETE', ...object });
    },
  };
}

export function obsLedgerStore(credentials: ObsCredentials, env: NodeJS.ProcessEnv, location: LedgerLocation): LedgerStore {
  const ready = createObsClient(credentials, env, location.region);
  const object = { Bucket: location.bucket, Key: location.key };
  return {
    name: `obs://${location.bucket}/${location.key}`,
    async read() {
      const result = await unlessNotFound(callObs(ready, 'getObject', object));
      return result === undefined ? undefined : Buffer.from(result.Content ?? '').toString('utf8');
    },
    async write(text) {
      await callObs(ready, 'putObject', { ...object, Body: text, ContentType: JSON_HEADERS['Content-Type'] });
    },
    async remove() {
      await callObs(ready, 'deleteObject', object);
    },
  };
}
