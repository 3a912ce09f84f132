// A fake OBS on 127.0.0.1 for the handler's tests, reached with the real Host (`<bucket>.obs.<region>.myhuaweicloud.com`)
// through OBS_INVENTORY_CONNECT_TO. It verifies every
// signature (obs-signature.ts), keeps inventory configs per bucket, and answers with the PUT Bucket Inventory
// seed's error codes: MalformedXML, InvalidArgument, InventoryCountOverLimit, PrefixExistInclusionRelationship.
// It also holds objects (tests put them) for GET Object and for ListObjects (prefix, delimiter, marker, max-keys,
// paged at `listPageSize`), which the report reader uses to find and fetch reports.
import { IncomingMessage, ServerResponse } from 'node:http';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { createHash } from 'node:crypto';
import { checkContentMd5, escapeXml, FakeServer, parseInventoryConfiguration, RecordedRequest, ServiceError } from './fake-server';
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
  /** Objects per bucket: key to body. */
  readonly objects = new Map<string, Map<string, Buffer>>();
  /** The most entries one ListObjects page answers with, whatever max-keys asks (small in tests, to page). */
  listPageSize = 1000;
  protected readonly requestIdHeader = 'x-obs-request-id';

  /** Puts an object, as a report delivery would. */
  putObject(bucket: string, key: string, body: Buffer | string): void {
    const objects = this.objects.get(bucket) ?? new Map<string, Buffer>();
    objects.set(key, Buffer.from(body));
    this.objects.set(bucket, objects);
  }

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
    if (!('inventory' in record.query)) return this.routeObjects(record, body, res);
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

  /** GET, PUT and DELETE Object, and ListObjects on the bucket root; nothing else outside `?inventory` is faked. */
  private routeObjects(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    const objects = this.objects.get(record.bucket) ?? new Map<string, Buffer>();
    if (record.path !== '/' && record.method === 'PUT') {
      this.putObject(record.bucket, record.path.slice(1), body);
      return this.ok(record, res, undefined, { ETag: `"${createHash('md5').update(body).digest('hex')}"` });
    }
    if (record.path !== '/' && record.method === 'DELETE') {
      // DeleteObject answers 204 whether or not the key existed.
      objects.delete(record.path.slice(1));
      return this.ok(record, res, undefined, {}, 204);
    }
    if (record.method !== 'GET') throw new ServiceError(405, 'MethodNotAllowed', `${record.method} without ?inventory is not faked`);
    if (record.path === '/') return this.ok(record, res, this.listObjects(record.bucket, objects, record.query), { 'Content-Type': 'application/xml' });
    const object = objects.get(record.path.slice(1));
    if (!object) throw new ServiceError(404, 'NoSuchKey', 'The specified key does not exist.');
    this.ok(record, res, object, { 'Content-Type': 'application/octet-stream', ETag: `"${createHash('md5').update(object).digest('hex')}"` });
  }

  /** ListBucketResult as OBS answers it: keys after `marker` under `prefix`, rolled up at `delimiter`, paged. */
  private listObjects(bucket: string, objects: Map<string, Buffer>, query: Record<string, string>): string {
    const prefix = query.prefix ?? '';
    const delimiter = query.delimiter ?? '';
    const marker = query.marker ?? '';
    const max = Math.min(Number(query['max-keys'] ?? 1000), this.listPageSize);
    const entries: Array<{ key: string; common: boolean }> = [];
    for (const key of [...objects.keys()].filter((k) => k.startsWith(prefix)).sort()) {
      const rest = key.slice(prefix.length);
      const cut = delimiter ? rest.indexOf(delimiter) : -1;
      const entry = cut >= 0 ? { key: prefix + rest.slice(0, cut + delimiter.length), common: true } : { key, common: false };
      if (entry.key <= marker || entries.some((e) => e.key === entry.key)) continue;
      entries.push(entry);
    }
    const page = entries.slice(0, max);
    const truncated = entries.length > page.length;
    const contents = page.filter((e) => !e.common).map((e) => {
      const object = objects.get(e.key)!;
      return `<Contents><Key>${escapeXml(e.key)}</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>`
        + `<ETag>"${createHash('md5').update(object).digest('hex')}"</ETag><Size>${object.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
    }).join('');
    const common = page.filter((e) => e.common).map((e) => `<CommonPrefixes><Prefix>${escapeXml(e.key)}</Prefix></CommonPrefixes>`).join('');
    return `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://obs.myhwclouds.com/doc/2015-06-30/"><Name>${escapeXml(bucket)}</Name>`
      + `<Prefix>${escapeXml(prefix)}</Prefix><Marker>${escapeXml(marker)}</Marker><MaxKeys>${max}</MaxKeys>`
      + (delimiter ? `<Delimiter>${escapeXml(delimiter)}</Delimiter>` : '')
      + `<IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextMarker>${escapeXml(page[page.length - 1].key)}</NextMarker>` : ''}`
      + `${contents}${common}</ListBucketResult>`;
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
