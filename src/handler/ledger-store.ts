// The ledger object in a destination bucket, read and written through the handler's own signed client (COS or OBS:
// the same BucketClient shape, transport.ts).
import type { LedgerLocation } from '../contract/spec';
import type { LedgerStore } from './reconcile';
import { unlessNotFound } from './service-error';
import type { BucketClient } from './transport';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function ledgerStore(scheme: 'cos' | 'obs', client: BucketClient, location: LedgerLocation): LedgerStore {
  const object = { bucket: location.bucket, region: location.region, key: location.key };
  return {
    name: `${scheme}://${location.bucket}/${location.key}`,
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
