// PUT, GET and DELETE Bucket Inventory on OBS, over the handler's own OBS client (obs-client.ts).
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { unlessNotFound } from './service-error';
import type { ManagedInventorySpec, ManagedInventoryTarget } from '../contract/spec';
import { ComparableConfig, flatten, InventoryConfigApi } from './managed-inventory';
import type { BucketClient } from './transport';

/**
 * The PUT Bucket Inventory body, element for element as the OBS document gives it, built with fast-xml-parser, which
 * escapes every value (a prefix with `<`, legal in OBS object names, stays well-formed XML).
 */
export function obsPutXml(spec: ManagedInventorySpec): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${xmlBuilder.build({ InventoryConfiguration: obsConfiguration(spec) })}`;
}

/** The InventoryConfiguration element of a spec, which is also what GET Bucket Inventory answers. */
function obsConfiguration(spec: ManagedInventorySpec) {
  return {
    Id: spec.id,
    IsEnabled: String(spec.enabled),
    ...(spec.filter?.prefix !== undefined ? { Filter: { Prefix: spec.filter.prefix } } : {}),
    Destination: { Format: 'CSV', Bucket: spec.destination.bucket, ...(spec.destination.prefix ? { Prefix: spec.destination.prefix } : {}) },
    Schedule: { Frequency: spec.frequency },
    IncludedObjectVersions: spec.includedObjectVersions,
    ...(spec.optionalFields.length > 0 ? { OptionalFields: { Field: spec.optionalFields } } : {}),
  };
}

const CONFIGURATION_KEYS = ['Id', 'IsEnabled', 'Filter', 'Destination', 'Schedule', 'IncludedObjectVersions', 'OptionalFields'] as const;

function comparable(configuration: Record<string, unknown>): ComparableConfig {
  const picked = Object.fromEntries(CONFIGURATION_KEYS.map((key) => [key, configuration[key]]));
  // An empty element reads back as an empty string; absent and empty are the same config.
  return Object.fromEntries(Object.entries(flatten(picked)).filter(([, value]) => value !== ''));
}

const xmlBuilder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });
const xmlParser = new XMLParser({ parseTagValue: false, trimValues: true, processEntities: true, isArray: (name) => name === 'Field' });
const XML_HEADERS = { 'Content-Type': 'application/xml' };

/** The inventory config API of OBS over a signed client. */
export function createObsInventoryConfigApi(client: BucketClient): InventoryConfigApi {
  const request = (method: 'PUT' | 'GET' | 'DELETE', t: ManagedInventoryTarget, body?: string) => client({
    method, bucket: t.bucket, region: t.region, query: { inventory: '', id: t.id },
    ...(body !== undefined ? { headers: XML_HEADERS, body: Buffer.from(body, 'utf8') } : {}),
  });
  return {
    async put(spec) {
      await request('PUT', spec, obsPutXml(spec));
    },
    async read(t) {
      const answer = await unlessNotFound(request('GET', t));
      return answer === undefined ? undefined : comparable(xmlParser.parse(answer.body.toString('utf8'))?.InventoryConfiguration ?? {});
    },
    expected(spec) {
      return comparable(obsConfiguration(spec));
    },
    async delete(t) {
      return (await unlessNotFound(request('DELETE', t))) !== undefined;
    },
  };
}
