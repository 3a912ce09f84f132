// A fake OBS on 127.0.0.1 for the handler's tests, reached with the real Host (`<bucket>.obs.<region>.myhuaweicloud.com`)
// through OBS_INVENTORY_CONNECT_TO with OBS_INVENTORY_PROTOCOL=http: (`handlerEnv`). It verifies every
// signature (obs-signature.ts), keeps inventory configs per bucket, and answers with the PUT Bucket Inventory
// seed's error codes: MalformedXML, InvalidArgument, InventoryCountOverLimit, PrefixExistInclusionRelationship.
// It also holds objects (tests put them) for GET Object and for ListObjects (prefix, delimiter, marker, max-keys,
// paged at `listPageSize`), which the report reader uses to find and fetch reports. For the real huaweicloud
// provider (huaweicloud_obs_bucket, huaweicloud_obs_bucket_policy) it keeps buckets: Create, Head and Delete Bucket,
// and the bucket sub-resources the provider writes (lifecycle, policy, tagging) and reads (those, and the ones it
// only reads, answered as for a new bucket: versioning, storage policy, logging, quota, storage info, encryption,
// website, CORS, custom domains), with the documented "not configured" error codes. Any other bucket operation is
// answered 501 and listed in `unfaked`. `FakeHuaweiBss` answers the one BSS call the provider makes at start.
import { IncomingMessage, ServerResponse } from 'node:http';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { createHash } from 'node:crypto';
import { checkContentMd5, escapeXml, FakeServer, parseInventoryConfiguration, RecordedRequest, ServiceError } from './fake-server';
import { obsQuerySignatureProblem, obsSignatureProblem } from './obs-signature';

export const FAKE_OBS_ACCESS_KEY = 'FAKEOBSACCESSKEY00000';
export const FAKE_OBS_SECRET_KEY = 'fakeObsSecretThatMustNeverBeLogged000';

const MAX_CONFIGS = 10;
/** The parameters of ListObjects, a GET on the bucket root that is not a sub-resource. */
const LIST_PARAMETERS = ['prefix', 'delimiter', 'marker', 'max-keys', 'encoding-type'];
const FIELDS = ['Size', 'LastModifiedDate', 'ETag', 'IsMultipartUploaded', 'ReplicationStatus'];
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Field' });
const builder = new XMLBuilder({});

/** A bucket as the fake holds it: created with its region, ACL and storage class, and sub-resources as sent. */
export interface FakeObsBucket {
  readonly region: string;
  readonly acl: string;
  readonly storageClass: string;
  /** Sub-resource to the exact body last PUT (`policy`: the policy document OBS received). */
  readonly subresources: Map<string, string>;
}

/** Sub-resources the provider writes and reads back, with OBS's error code when none is configured. */
const WRITABLE_SUBRESOURCES: Record<string, string> = {
  lifecycle: 'NoSuchLifecycleConfiguration', policy: 'NoSuchBucketPolicy', tagging: 'NoSuchTagSet',
};
const XMLNS = 'xmlns="http://obs.myhwclouds.com/doc/2015-06-30/"';
/** Sub-resources the provider only reads: how a new bucket answers (an XML body, or the "not configured" error). */
const NEW_BUCKET_ANSWERS: Record<string, { xml?: (bucket: FakeObsBucket) => string; missing?: string }> = {
  versioning: { xml: () => `<VersioningConfiguration ${XMLNS}></VersioningConfiguration>` },
  storagePolicy: { xml: (bucket) => `<StorageClass ${XMLNS}>${bucket.storageClass}</StorageClass>` },
  logging: { xml: () => `<BucketLoggingStatus ${XMLNS}></BucketLoggingStatus>` },
  quota: { xml: () => `<Quota ${XMLNS}><StorageQuota>0</StorageQuota></Quota>` },
  storageinfo: { xml: () => `<GetBucketStorageInfoResult ${XMLNS}><Size>0</Size><ObjectNumber>0</ObjectNumber></GetBucketStorageInfoResult>` },
  customdomain: { xml: () => `<ListBucketCustomDomainsResult ${XMLNS}></ListBucketCustomDomainsResult>` },
  encryption: { missing: 'NoSuchEncryptionConfiguration' },
  website: { missing: 'NoSuchWebsiteConfiguration' },
  cors: { missing: 'NoSuchCORSConfiguration' },
};

export class FakeObs extends FakeServer {
  /** Buckets created through Create Bucket (the handler's inventory calls need none). */
  readonly buckets = new Map<string, FakeObsBucket>();
  /** Bucket operations the fake does not implement, as `<METHOD> Bucket ?<sub-resource>`. */
  readonly unfaked: string[] = [];
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

  /** The handler's endpoint for this fake: dial it, in plain http (the test-only switch; connectTo never implies it). */
  get endpoint(): { connectTo: string; protocol: 'http:' } {
    return { connectTo: this.connectTo, protocol: 'http:' };
  }

  /** The same as the handler's environment. */
  get handlerEnv(): Record<string, string> {
    return { OBS_INVENTORY_CONNECT_TO: this.connectTo, OBS_INVENTORY_PROTOCOL: 'http:' };
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
    const subresources = Object.keys(record.query);
    if (record.path === '/' && !(record.method === 'GET' && subresources.every((name) => LIST_PARAMETERS.includes(name))) && !('inventory' in record.query)) {
      return this.bucketOperation(record, subresources, body, res);
    }
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

  /** Create, Head and Delete Bucket, and the sub-resources the huaweicloud provider writes and reads. */
  private bucketOperation(record: RecordedRequest, subresources: string[], body: Buffer, res: ServerResponse): void {
    const operation = `${record.method} Bucket${subresources.length ? ` ?${subresources.join('&')}` : ''}`;
    const bucket = this.buckets.get(record.bucket);
    if (subresources.length === 0 && record.method === 'PUT') return this.createBucket(record, body, res);
    if (subresources.length === 0 && record.method === 'HEAD') {
      if (!bucket) throw new ServiceError(404, 'NoSuchBucket', 'The specified bucket does not exist');
      return this.ok(record, res, undefined, { 'x-obs-bucket-location': bucket.region });
    }
    if (!bucket) throw new ServiceError(404, 'NoSuchBucket', 'The specified bucket does not exist');
    if (subresources.length === 0 && record.method === 'DELETE') {
      if ((this.objects.get(record.bucket)?.size ?? 0) > 0) throw new ServiceError(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty');
      this.buckets.delete(record.bucket);
      return this.ok(record, res, undefined, {}, 204);
    }
    const [name] = subresources;
    if (subresources.length === 1 && name in WRITABLE_SUBRESOURCES) return this.writableSubresource(record, bucket, name, body, res);
    if (subresources.length === 1 && name in NEW_BUCKET_ANSWERS && record.method === 'GET') {
      const answer = NEW_BUCKET_ANSWERS[name];
      if (answer.missing) throw new ServiceError(404, answer.missing, `the bucket has no ${name} configuration`);
      return this.ok(record, res, `<?xml version="1.0" encoding="UTF-8"?>${answer.xml!(bucket)}`, { 'Content-Type': 'application/xml' });
    }
    this.unfaked.push(operation);
    throw new ServiceError(501, 'NotImplemented', `the fake OBS does not implement ${operation}`);
  }

  /** PUT Bucket: the region in CreateBucketConfiguration must be the endpoint's, as OBS requires outside cn-north-1. */
  private createBucket(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    if (this.buckets.has(record.bucket)) throw new ServiceError(409, 'BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it');
    const location = /<Location>([^<]*)<\/Location>/.exec(body.toString('utf8'))?.[1];
    if (location !== record.region) throw new ServiceError(400, 'InvalidLocationConstraint', `Location ${location} is not the region of the endpoint, ${record.region}`);
    const header = (name: string) => String(record.headers[name] ?? '');
    this.buckets.set(record.bucket, { region: location, acl: header('x-obs-acl') || 'private', storageClass: header('x-obs-storage-class') || 'STANDARD', subresources: new Map() });
    this.ok(record, res);
  }

  private writableSubresource(record: RecordedRequest, bucket: FakeObsBucket, name: string, body: Buffer, res: ServerResponse): void {
    if (record.method === 'PUT') {
      if (name !== 'policy') checkContentMd5(record, body);
      bucket.subresources.set(name, body.toString('utf8'));
      return this.ok(record, res, undefined, {}, name === 'policy' ? 204 : 200);
    }
    if (record.method === 'DELETE') {
      bucket.subresources.delete(name);
      return this.ok(record, res, undefined, {}, 204);
    }
    const held = bucket.subresources.get(name);
    if (held === undefined) throw new ServiceError(404, WRITABLE_SUBRESOURCES[name], `the bucket has no ${name} configuration`);
    this.ok(record, res, held, { 'Content-Type': name === 'policy' ? 'application/json' : 'application/xml' });
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

/**
 * The Huawei Cloud BSS endpoint, for the one call the huaweicloud provider makes when it starts
 * (`GET /v2/products/service-types?limit=1`, ListServiceTypes): answered with one service type, as BSS documents.
 * Requests must carry the provider's `SDK-HMAC-SHA256` authorization with the fake access key; the signature itself
 * is not verified (the OBS fake verifies every OBS request).
 */
export class FakeHuaweiBss extends FakeServer {
  protected readonly requestIdHeader = 'X-Request-Id';

  protected locate(req: IncomingMessage, url: URL) {
    return req.headers.host?.startsWith('bss.') ? { bucket: '', region: '', path: url.pathname } : undefined;
  }

  protected signatureProblem(record: RecordedRequest): string | undefined {
    const authorization = String(record.headers.authorization ?? '');
    return authorization.startsWith(`SDK-HMAC-SHA256 Access=${FAKE_OBS_ACCESS_KEY},`) ? undefined : 'no SDK-HMAC-SHA256 authorization with the fake access key';
  }

  protected route(record: RecordedRequest, _body: Buffer, res: ServerResponse): void {
    if (record.method !== 'GET' || record.path !== '/v2/products/service-types') {
      throw new ServiceError(501, 'NotImplemented', `the fake BSS does not implement ${record.method} ${record.path}`);
    }
    const body = { total_count: 1, service_types: [{ id: 'hws.service.type.obs', name: 'Object Storage Service', abbreviation: 'OBS' }] };
    this.ok(record, res, JSON.stringify(body), { 'Content-Type': 'application/json' });
  }
}
