// A fake OBS on 127.0.0.1 for the handler's tests, reached with the real Host (`<bucket>.obs.<region>.myhuaweicloud.com`)
// through OBS_INVENTORY_CONNECT_TO. It verifies every
// signature (obs-signature.ts), keeps inventory configs per bucket, and answers with the PUT Bucket Inventory
// seed's error codes: MalformedXML, InvalidArgument, InventoryCountOverLimit, PrefixExistInclusionRelationship.
import { IncomingMessage, ServerResponse } from 'node:http';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { checkContentMd5, FakeServer, parseInventoryConfiguration, RecordedRequest, ServiceError } from './fake-server';
import { obsQuerySignatureProblem, obsSignatureProblem } from './obs-signature';

export const FAKE_OBS_ACCESS_KEY = 'FAKEOBSACCESSKEY00000';
export const FAKE_OBS_SECRET_KEY = 'fakeObsSecretThatMustNeverBeLogged000';

const MAX_CONFIGS = 10;
const FIELDS = ['Size', 'LastModifiedDate', 'ETag', 'IsMultipartUploaded', 'ReplicationStatus'];
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Field' });
const builder = new XMLBuilder({});

export class FakeObs extends FakeServer {
  /** Configs per bucket: id to the parsed configuration. */
  readonly configs = new Map<string, Map<string, any>>();
  protected readonly requestIdHeader = 'x-obs-request-id';

  /** What a request did, for assertions: `PUT`, `GET` or `DELETE` with the inventory id. */
  get inventoryCalls(): string[] {
    return this.requests.filter((r) => 'inventory' in r.query).map((r) => `${r.method} ${r.bucket} ${r.query.id} ${r.status}`);
  }

  /** `host:port` to give the handler as OBS_INVENTORY_CONNECT_TO. */
  get connectTo(): string {
    return this.url.replace(/^http:\/\//, '');
  }

  protected locate(req: IncomingMessage, url: URL) {
    const host = /^([a-z0-9.-]+)\.obs\.([a-z0-9-]+)\.myhuaweicloud\.com(?::\d+)?$/.exec(req.headers.host ?? '');
    return host ? { bucket: host[1], region: host[2], path: decodeURIComponent(url.pathname) } : undefined;
  }

  protected signatureProblem(record: RecordedRequest, req: IncomingMessage, url: URL): string | undefined {
    const input = { method: record.method, bucket: record.bucket, key: record.path.slice(1), query: url.searchParams, headers: req.headers };
    const secrets = { [FAKE_OBS_ACCESS_KEY]: FAKE_OBS_SECRET_KEY };
    return url.searchParams.has('Signature')
      ? obsQuerySignatureProblem(input, secrets, Math.floor(Date.now() / 1000))
      : obsSignatureProblem(input, req.headers.authorization, secrets);
  }

  protected route(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    if (!('inventory' in record.query)) throw new ServiceError(405, 'MethodNotAllowed', `${record.method} without ?inventory is not faked`);
    const id = record.query.id;
    const configs = this.configs.get(record.bucket) ?? new Map<string, any>();
    this.configs.set(record.bucket, configs);
    if (record.method === 'GET') {
      const configuration = configs.get(id);
      if (!configuration) throw new ServiceError(404, 'NoSuchInventoryConfiguration', `no inventory configuration ${id}`);
      return this.ok(record, res, builder.build({ InventoryConfiguration: configuration }), { 'Content-Type': 'application/xml' });
    }
    if (record.method === 'DELETE') {
      if (!configs.delete(id)) throw new ServiceError(404, 'NoSuchInventoryConfiguration', `no inventory configuration ${id}`);
      return this.ok(record, res, undefined, {}, 204);
    }
    if (record.method !== 'PUT') throw new ServiceError(405, 'MethodNotAllowed', `${record.method} ?inventory`);
    checkContentMd5(record, body);
    const configuration = parseInventoryConfiguration(parser, body.toString('utf8'));
    checkConfiguration(configuration, id);
    checkAgainstOthers(configuration, id, configs);
    configs.set(id, configuration);
    this.ok(record, res);
  }
}

/** The element rules of the PUT Bucket Inventory seed. */
function checkConfiguration(configuration: any, id: string): void {
  const invalid = (message: string) => new ServiceError(400, 'InvalidArgument', message);
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) throw invalid('id must be at most 64 letters, digits, - . _');
  if (configuration.Id !== id) throw invalid(`Id ${configuration.Id} differs from the id parameter ${id}`);
  if (!['true', 'false'].includes(configuration.IsEnabled)) throw invalid('IsEnabled must be true or false');
  if (configuration.Destination?.Format !== 'CSV') throw invalid('Destination/Format must be CSV');
  if (!configuration.Destination?.Bucket) throw new ServiceError(400, 'MalformedXML', 'Destination/Bucket is required');
  if (!['Daily', 'Weekly'].includes(configuration.Schedule?.Frequency)) throw invalid('Schedule/Frequency must be Daily or Weekly');
  if (!['All', 'Current'].includes(configuration.IncludedObjectVersions)) throw invalid('IncludedObjectVersions must be All or Current');
  for (const field of configuration.OptionalFields?.Field ?? []) {
    if (!FIELDS.includes(field)) throw invalid(`unknown optional field ${field}`);
  }
}

/** At most 10 configs a bucket, and no two whose prefixes contain each other (no prefix contains every prefix). */
function checkAgainstOthers(configuration: any, id: string, configs: Map<string, any>): void {
  if (!configs.has(id) && configs.size >= MAX_CONFIGS) throw new ServiceError(400, 'InventoryCountOverLimit', `a bucket has at most ${MAX_CONFIGS} inventory configurations`);
  const prefix = String(configuration.Filter?.Prefix ?? '');
  for (const [otherId, other] of configs) {
    if (otherId === id) continue;
    const otherPrefix = String(other.Filter?.Prefix ?? '');
    if (prefix.startsWith(otherPrefix) || otherPrefix.startsWith(prefix)) {
      throw new ServiceError(400, 'PrefixExistInclusionRelationship', `prefix "${prefix}" overlaps the prefix "${otherPrefix}" of inventory ${otherId}`);
    }
  }
}
