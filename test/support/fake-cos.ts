// A fake COS on 127.0.0.1 for the handler's tests. Requests reach it through the SDK's Proxy option with their real
// Host (`<bucket>.cos.<region>.myqcloud.com`). It verifies every signature (cos-signature.ts), enforces the rules of
// the POST Bucket inventory documents with COS's documented error shape, answers with a JobId, keeps periodic configs
// (PUT, GET and DELETE Bucket inventory), serves and stores
// objects (so a delivered report can be checked), and injects faults: 5xx, slow answers, connection resets, 403s,
// duplicate-id errors.
import { createHash, randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { signatureProblem } from './cos-signature';
import { checkContentMd5, FakeServer, parseInventoryConfiguration, RecordedRequest, ServiceError } from './fake-server';

export const FAKE_SECRET_ID = 'AKIDfakeCosInventoryTest000000000000';
export const FAKE_SECRET_KEY = 'fakeSecretKeyThatMustNeverBeLogged0000';

const HOST_PATTERN = /^([a-z0-9-]+-\d+)\.cos\.([a-z0-9-]+)\.myqcloud\.com(?::\d+)?$/;
const ALLOWED_FIELDS = ['Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'Tag', 'Crc64', 'x-cos-meta-*'];
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['Field', 'Tag'].includes(name) });

export interface FakeCosOptions {
  /** Write a report (manifest, checksum, one data file) after each accepted job. */
  readonly deliverReports?: boolean;
  /** Break the delivered report: a wrong checksum, or a data file missing or of another size. */
  readonly corruptReport?: 'checksum' | 'missing-file' | 'size';
}

export class FakeCos extends FakeServer {
  readonly objects = new Map<string, Buffer>();
  /** One-off job ids seen per bucket, as COS remembers them for a day. */
  readonly jobIds = new Map<string, Set<string>>();
  /** Periodic configs per bucket: id to the XML put. */
  readonly configs = new Map<string, Map<string, string>>();
  protected readonly requestIdHeader = 'x-cos-request-id';

  constructor(private readonly options: FakeCosOptions = {}) {
    super();
  }

  /** The proxy URL to give the SDK (`COS_INVENTORY_PROXY`). */
  get proxyUrl(): string {
    return this.url;
  }

  /** POSTs of inventory jobs the fake accepted or refused (not counting injected faults). */
  get inventoryPosts(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && 'inventory' in r.query);
  }

  putObject(bucket: string, key: string, body: Buffer | string): void {
    this.objects.set(`${bucket}/${key}`, Buffer.from(body));
  }

  protected locate(req: IncomingMessage, url: URL) {
    const host = HOST_PATTERN.exec(req.headers.host ?? '');
    return host ? { bucket: host[1], region: host[2], path: decodeURIComponent(url.pathname) } : undefined;
  }

  protected signatureProblem(record: RecordedRequest, req: IncomingMessage, url: URL): string | undefined {
    return signatureProblem(
      { method: record.method, path: record.path, query: url.searchParams, headers: req.headers },
      req.headers.authorization, { [FAKE_SECRET_ID]: FAKE_SECRET_KEY }, Math.floor(Date.now() / 1000),
    );
  }

  protected route(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    if (record.method === 'POST' && 'inventory' in record.query) return this.postInventory(record, body, res);
    if ('inventory' in record.query) return this.periodicInventory(record, body, res);
    if ((record.method === 'GET' || record.method === 'HEAD') && record.path !== '/') {
      const object = this.objects.get(`${record.bucket}${record.path}`);
      if (!object) throw new ServiceError(404, 'NoSuchKey', 'The specified key does not exist.');
      return this.ok(record, res, record.method === 'HEAD' ? undefined : object, { 'Content-Length': object.length, ETag: `"${createHash('md5').update(object).digest('hex')}"` });
    }
    throw new ServiceError(405, 'MethodNotAllowed', `${record.method} ${record.path} is not faked`);
  }

  private postInventory(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    const id = record.query.id;
    if (!id || !/^[A-Za-z0-9._-]+$/.test(id)) throw new ServiceError(400, 'InvalidArgument', 'id must use a-z A-Z 0-9 - _ .');
    checkContentMd5(record, body);
    const configuration = parseInventoryConfiguration(parser, body.toString('utf8'));
    checkConfiguration(configuration, id, record.region);
    const seen = this.jobIds.get(record.bucket) ?? new Set<string>();
    if (seen.has(id)) throw new ServiceError(409, 'InventoryAlreadyExist', `inventory job ${id} already exists today`);
    seen.add(id);
    this.jobIds.set(record.bucket, seen);
    if (this.options.deliverReports) this.deliverReport(record.bucket, configuration, id);
    this.ok(record, res, `<PostInventoryResult><JobId>job-${createHash('sha1').update(`${record.bucket}/${id}`).digest('hex').slice(0, 16)}</JobId></PostInventoryResult>`, { 'Content-Type': 'application/xml' });
  }

  /** PUT, GET and DELETE Bucket inventory: periodic configs, which need IsEnabled and Schedule. */
  private periodicInventory(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    const id = record.query.id;
    const configs = this.configs.get(record.bucket) ?? new Map<string, string>();
    this.configs.set(record.bucket, configs);
    if (record.method === 'GET') {
      const xml = configs.get(id);
      if (xml === undefined) throw new ServiceError(404, 'NoSuchInventoryConfiguration', `no inventory ${id}`);
      return this.ok(record, res, xml, { 'Content-Type': 'application/xml' });
    }
    if (record.method === 'DELETE') {
      if (!configs.delete(id)) throw new ServiceError(404, 'NoSuchInventoryConfiguration', `no inventory ${id}`);
      return this.ok(record, res, undefined, {}, 204);
    }
    if (record.method !== 'PUT') throw new ServiceError(405, 'MethodNotAllowed', `${record.method} ?inventory`);
    checkContentMd5(record, body);
    const configuration = parseInventoryConfiguration(parser, body.toString('utf8'));
    if (!['true', 'false'].includes(configuration.IsEnabled)) throw new ServiceError(400, 'InvalidArgument', 'IsEnabled must be true or false');
    if (!['Daily', 'Weekly'].includes(configuration.Schedule?.Frequency)) throw new ServiceError(400, 'InvalidArgument', 'Schedule/Frequency must be Daily or Weekly');
    const { IsEnabled: _enabled, Schedule: _schedule, ...rest } = configuration;
    checkConfiguration(rest, id, record.region);
    configs.set(id, body.toString('utf8'));
    this.ok(record, res);
  }

  /** Writes what COS would: a gzip CSV data file, `manifest.json`, and `manifest.checksum` (the manifest's MD5). */
  private deliverReport(sourceBucket: string, configuration: any, id: string): void {
    const destination = configuration.Destination.COSBucketDestination;
    const destinationBucket = String(destination.Bucket).split('::').pop()!;
    const [, shortName, appId] = /^(.*)-(\d+)$/.exec(sourceBucket)!;
    const date = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const directory = `${destination.Prefix}/${appId}/${shortName}/${id}`;
    const data = gzipSync(`"${appId}","${shortName}","photos%2Fcat.jpg","1024"\n`);
    const dataKey = `${directory}/data/${randomUUID()}.csv.gz`;
    const manifest = Buffer.from(JSON.stringify({
      sourceAppid: appId, sourceBucket: shortName, destinationBucket, fileFormat: 'CSV',
      fileSchema: ['Appid', 'Bucket', 'Key', ...(configuration.OptionalFields?.Field ?? [])].join(', '),
      files: [{ key: dataKey, size: data.length + (this.options.corruptReport === 'size' ? 1 : 0), md5Checksum: createHash('md5').update(data).digest('hex') }],
    }));
    if (this.options.corruptReport !== 'missing-file') this.putObject(destinationBucket, dataKey, data);
    this.putObject(destinationBucket, `${directory}/${date}/manifest.json`, manifest);
    const checksum = this.options.corruptReport === 'checksum' ? '0'.repeat(32) : createHash('md5').update(manifest).digest('hex');
    this.putObject(destinationBucket, `${directory}/${date}/manifest.checksum`, checksum);
  }
}

/** The rules of the POST Bucket inventory documents. */
function checkConfiguration(configuration: any, id: string, region: string): void {
  const invalid = (message: string) => new ServiceError(400, 'InvalidArgument', message);
  if (configuration.Id !== id) throw invalid(`Id ${configuration.Id} differs from the id parameter ${id}`);
  if ('IsEnabled' in configuration || 'Schedule' in configuration) throw invalid('a one-time inventory job cannot include IsEnabled or Schedule');
  const destination = configuration.Destination?.COSBucketDestination;
  if (!destination) throw new ServiceError(400, 'MalformedXML', 'Destination/COSBucketDestination is required');
  if (destination.Format !== 'CSV') throw invalid(`Format ${destination.Format} is not CSV`);
  if (!/^\d+$/.test(String(destination.AccountId ?? ''))) throw invalid('AccountId must be the owner UIN');
  const bucket = /^qcs::cos:([a-z0-9-]+)::([a-z0-9-]+-\d+)$/.exec(String(destination.Bucket ?? ''));
  if (!bucket) throw invalid(`Bucket ${destination.Bucket} is not qcs::cos:<region>::<bucket>`);
  if (bucket[1] !== region) throw invalid(`destination region ${bucket[1]} differs from the source region ${region}`);
  if (destination.Encryption !== undefined && !('SSE-COS' in destination.Encryption)) throw invalid('Encryption supports SSE-COS only');
  if (!['All', 'Current'].includes(configuration.IncludedObjectVersions)) throw invalid('IncludedObjectVersions must be All or Current');
  for (const field of configuration.OptionalFields?.Field ?? []) {
    if (!ALLOWED_FIELDS.includes(field)) throw invalid(`unknown optional field ${field}`);
  }
  for (const tag of configuration.Filter?.And?.Tag ?? []) {
    if (typeof tag.Key !== 'string' || tag.Key.length === 0) throw invalid('a Tag needs a Key');
  }
}
