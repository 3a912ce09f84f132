// A fake COS on 127.0.0.1 for the handler's tests. Requests reach it through the SDK's Proxy option with their real
// Host (`<bucket>.cos.<region>.myqcloud.com`). It verifies every signature (cos-signature.ts), enforces the rules of
// the POST Bucket inventory documents with COS's documented error shape, answers with a JobId, serves and stores
// objects (so a delivered report can be checked), and injects faults: 5xx, slow answers, connection resets, 403s,
// duplicate-id errors.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { signatureProblem } from './cos-signature';

export const FAKE_SECRET_ID = 'AKIDfakeCosInventoryTest000000000000';
export const FAKE_SECRET_KEY = 'fakeSecretKeyThatMustNeverBeLogged0000';

const HOST_PATTERN = /^([a-z0-9-]+-\d+)\.cos\.([a-z0-9-]+)\.myqcloud\.com(?::\d+)?$/;
const ALLOWED_FIELDS = ['Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'Tag', 'Crc64', 'x-cos-meta-*'];
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['Field', 'Tag'].includes(name) });

/** A fault served instead of the next request's normal answer. */
export type Fault =
  | { kind: 'status'; status: number; code: string; message?: string }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number };

export interface RecordedRequest {
  readonly method: string;
  readonly bucket: string;
  readonly region: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** What the fake answered. */
  status: number;
  errorCode?: string;
}

export interface FakeCosOptions {
  /** Write a report (manifest, checksum, one data file) after each accepted job. */
  readonly deliverReports?: boolean;
  /** Break the delivered report: a wrong checksum, or a data file missing or of another size. */
  readonly corruptReport?: 'checksum' | 'missing-file' | 'size';
}

class CosError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export class FakeCos {
  readonly requests: RecordedRequest[] = [];
  readonly objects = new Map<string, Buffer>();
  /** Job ids seen per bucket, as COS remembers them for a day. */
  readonly jobIds = new Map<string, Set<string>>();
  private readonly faults: Fault[] = [];
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  private requestCounter = 0;

  constructor(private readonly options: FakeCosOptions = {}) {}

  /** The proxy URL to give the SDK (`COS_INVENTORY_PROXY`). */
  get proxyUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** POSTs of inventory jobs the fake accepted or refused (not counting injected faults). */
  get inventoryPosts(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && 'inventory' in r.query);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Serve these faults, in order, to the next requests. */
  inject(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  putObject(bucket: string, key: string, body: Buffer | string): void {
    this.objects.set(`${bucket}/${key}`, Buffer.from(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const host = HOST_PATTERN.exec(req.headers.host ?? '');
    const record: RecordedRequest = {
      method: req.method ?? '', bucket: host?.[1] ?? '', region: host?.[2] ?? '', path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams), headers: req.headers, body: body.toString('utf8'), status: 0,
    };
    this.requests.push(record);
    const requestId = `fake-${++this.requestCounter}-${randomUUID().slice(0, 8)}`;
    res.setHeader('x-cos-request-id', requestId);
    res.setHeader('Server', 'tencent-cos');

    const fault = this.faults.shift();
    if (fault?.kind === 'reset') {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    // unref: a delayed answer must not keep the test process alive after stop().
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms).unref());
    try {
      if (fault?.kind === 'status') throw new CosError(fault.status, fault.code, fault.message ?? `injected ${fault.code}`);
      if (!host) throw new CosError(400, 'InvalidURI', `host ${req.headers.host} is not <bucket>-<appid>.cos.<region>.myqcloud.com`);
      const problem = signatureProblem(
        { method: record.method, path: record.path, query: url.searchParams, headers: req.headers },
        req.headers.authorization, { [FAKE_SECRET_ID]: FAKE_SECRET_KEY }, Math.floor(Date.now() / 1000),
      );
      if (problem) throw new CosError(403, 'SignatureDoesNotMatch', problem);
      this.route(record, body, res);
    } catch (err) {
      const e = err instanceof CosError ? err : new CosError(500, 'InternalError', String(err));
      record.status = e.status;
      record.errorCode = e.code;
      res.writeHead(e.status, { 'Content-Type': 'application/xml' });
      res.end(`<?xml version='1.0' encoding='utf-8' ?><Error><Code>${e.code}</Code><Message>${escapeXml(e.message)}</Message>`
        + `<Resource>${escapeXml(req.headers.host ?? '')}${escapeXml(url.pathname)}</Resource><RequestId>${requestId}</RequestId><TraceId>fake-trace</TraceId></Error>`);
    }
  }

  private route(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    if (record.method === 'POST' && 'inventory' in record.query) return this.postInventory(record, body, res);
    if ((record.method === 'GET' || record.method === 'HEAD') && record.path !== '/') {
      const object = this.objects.get(`${record.bucket}${record.path}`);
      if (!object) throw new CosError(404, 'NoSuchKey', 'The specified key does not exist.');
      record.status = 200;
      res.writeHead(200, { 'Content-Length': object.length, ETag: `"${createHash('md5').update(object).digest('hex')}"` });
      res.end(record.method === 'HEAD' ? undefined : object);
      return;
    }
    throw new CosError(405, 'MethodNotAllowed', `${record.method} ${record.path} is not faked`);
  }

  private postInventory(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    const id = record.query.id;
    if (!id || !/^[A-Za-z0-9._-]+$/.test(id)) throw new CosError(400, 'InvalidArgument', 'id must use a-z A-Z 0-9 - _ .');
    const md5 = record.headers['content-md5'];
    if (!md5) throw new CosError(400, 'MissingContentMD5', 'Content-MD5 is required');
    if (md5 !== createHash('md5').update(body).digest('base64')) throw new CosError(400, 'BadDigest', 'Content-MD5 does not match the body');
    const configuration = parseConfiguration(body.toString('utf8'));
    checkConfiguration(configuration, id, record.region);
    const seen = this.jobIds.get(record.bucket) ?? new Set<string>();
    if (seen.has(id)) throw new CosError(409, 'InventoryAlreadyExist', `inventory job ${id} already exists today`);
    seen.add(id);
    this.jobIds.set(record.bucket, seen);
    if (this.options.deliverReports) this.deliverReport(record.bucket, configuration, id);
    record.status = 200;
    res.writeHead(200, { 'Content-Type': 'application/xml' });
    res.end(`<PostInventoryResult><JobId>job-${createHash('sha1').update(`${record.bucket}/${id}`).digest('hex').slice(0, 16)}</JobId></PostInventoryResult>`);
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

function parseConfiguration(xml: string): any {
  let parsed: any;
  try {
    parsed = parser.parse(xml, true);
  } catch (err) {
    throw new CosError(400, 'MalformedXML', `the XML is not well-formed: ${(err as Error).message}`);
  }
  if (!parsed?.InventoryConfiguration) throw new CosError(400, 'MalformedXML', 'the body has no InventoryConfiguration');
  return parsed.InventoryConfiguration;
}

/** The rules of the POST Bucket inventory documents. */
function checkConfiguration(configuration: any, id: string, region: string): void {
  const invalid = (message: string) => new CosError(400, 'InvalidArgument', message);
  if (configuration.Id !== id) throw invalid(`Id ${configuration.Id} differs from the id parameter ${id}`);
  if ('IsEnabled' in configuration || 'Schedule' in configuration) throw invalid('a one-time inventory job cannot include IsEnabled or Schedule');
  const destination = configuration.Destination?.COSBucketDestination;
  if (!destination) throw new CosError(400, 'MalformedXML', 'Destination/COSBucketDestination is required');
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

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
