import { XML_HEADERS } from './cos-api';
import { CosCredentials, CosEndpoint, createCosClient } from './cos-client';
import type { BucketClient } from './transport';
import { unlessNotFound } from './service-error';
import { buildInventoryXml, InventoryContent, parseXml } from './inventory-xml';
import type { ManagedInventorySpec } from '../contract/spec';
import { ComparableConfig, ConfigOwner, flatten, InventoryConfigApi } from './managed-inventory';

/**
 * The PUT Bucket inventory body of a periodic COS config (with IsEnabled and Schedule, unlike a one-off job), with
 * the filter in the form of the config's owner.
 */
export function cosPutXml(spec: ManagedInventorySpec, owner: ConfigOwner = 'handler'): string {
  const content: InventoryContent = {
    region: spec.region,
    destination: {
      bucket: spec.destination.bucket,
      accountId: spec.destination.accountId ?? '',
      prefix: spec.destination.prefix ?? '',
      encryption: spec.destination.encryption ?? false,
    },
    filter: spec.filter,
    includedObjectVersions: spec.includedObjectVersions,
    optionalFields: spec.optionalFields,
  };
  return buildInventoryXml(content, spec.id, { enabled: spec.enabled, frequency: spec.frequency }, owner === 'provider');
}

function comparable(xml: string): ComparableConfig {
  return flatten(parseXml(xml).InventoryConfiguration);
}

/** PUT, GET and DELETE Bucket inventory on COS, through the handler's own signed client (cos-client.ts). */
export function createCosInventoryConfigApi(credentials: CosCredentials, endpoint: CosEndpoint, client: BucketClient = createCosClient(credentials, endpoint)): InventoryConfigApi {
  const target = (method: 'PUT' | 'GET' | 'DELETE', t: { bucket: string; region: string; id: string }) =>
    ({ method, bucket: t.bucket, region: t.region, query: { inventory: '', id: t.id } });
  return {
    async put(spec, owner) {
      await client({ ...target('PUT', spec), headers: XML_HEADERS, body: Buffer.from(cosPutXml(spec, owner), 'utf8') });
    },
    async read(t) {
      const response = await unlessNotFound(client(target('GET', t)));
      return response === undefined ? undefined : comparable(response.body.toString('utf8'));
    },
    expected(spec, owner) {
      return comparable(cosPutXml(spec, owner));
    },
    async delete(t) {
      return (await unlessNotFound(client(target('DELETE', t)))) !== undefined;
    },
  };
}
