import { CosCredentials, CosEndpoint, createCosSender, rawText, xmlRequest } from './cos-api';
import { unlessNotFound } from './service-error';
import { buildInventoryXml, InventoryContent, parseXml } from './inventory-xml';
import { ComparableConfig, flatten, InventoryConfigApi, ManagedInventorySpec } from './managed-inventory';

/** The PUT Bucket inventory body of a managed COS config (with IsEnabled and Schedule, unlike a one-off job). */
export function cosPutXml(spec: ManagedInventorySpec): string {
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
  return buildInventoryXml(content, spec.id, { enabled: spec.enabled, frequency: spec.frequency });
}

function comparable(xml: string): ComparableConfig {
  return flatten(parseXml(xml).InventoryConfiguration);
}

/** PUT, GET and DELETE Bucket inventory on COS, signed by the official SDK. */
export function createCosInventoryConfigApi(credentials: CosCredentials, endpoint: CosEndpoint): InventoryConfigApi {
  const send = createCosSender(credentials, endpoint);
  const request = (method: string, target: { bucket: string; region: string; id: string }) =>
    ({ Method: method, Bucket: target.bucket, Region: target.region, Action: 'inventory', Query: { id: target.id }, RawBody: true });
  return {
    async put(spec) {
      await send({ ...request('PUT', spec), ...xmlRequest(cosPutXml(spec)) });
    },
    async read(target) {
      const data = await unlessNotFound(send(request('GET', target)));
      return data === undefined ? undefined : comparable(rawText(data));
    },
    expected(spec) {
      return comparable(cosPutXml(spec));
    },
    async delete(target) {
      return (await unlessNotFound(send(request('DELETE', target)))) !== undefined;
    },
  };
}
