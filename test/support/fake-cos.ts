// A fake COS on 127.0.0.1 for the handler's tests and the real-provider end-to-end tests. Requests reach it through
// an HTTP proxy setting (the SDK's Proxy option, or HTTP_PROXY for the tencentcloud provider, possibly via
// fake-proxy.ts) with their real Host (`<bucket>.cos.<region>.myqcloud.com`). It verifies every signature: COS's own
// q-sign-algorithm=sha1 (cos-signature.ts) and AWS SigV4 (sigv4.ts), which COS accepts too and the provider's S3
// client uses. It answers like COS, per the COS API documents, for:
// - POST Bucket inventory (one-off jobs): the documents' rules and error shape, a JobId (or the empty body the
//   Chinese page documents), duplicate ids (of jobs and of periodic configs) refused; reports delivered on request;
// - PUT, GET and DELETE Bucket inventory (periodic configs), the exact XML kept and recorded;
// - the bucket operations `tencentcloud_cos_bucket` and `tencentcloud_cos_bucket_policy` call: PUT/HEAD/DELETE
//   Bucket, GET Bucket (list) and ?versions, POST ?delete, ?acl, ?policy (normalized into the shape GET Bucket
//   policy documents), ?lifecycle, ?cors, ?website, ?encryption, ?tagging, ?versioning, ?accelerate, ?logging,
//   ?intelligenttiering, ?intelligent-tiering, ?object-lock, each with its documented "not configured" answer;
// - GET and HEAD Object of stored objects (so a delivered report can be checked); PUT and DELETE Object (the
//   handler's ledger).
// Anything else is refused with 501 NotImplemented naming the operation, and listed in `unfaked`, so a gap shows.
// It injects faults too: 5xx, slow answers, connection resets, 403s.
import { createHash, randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { signatureProblem } from './cos-signature';
import { checkContentMd5, escapeXml, FakeServer, parseInventoryConfiguration, RecordedRequest, ServiceError } from './fake-server';
import { sigV4Problem } from './sigv4';

export const FAKE_SECRET_ID = 'AKIDfakeCosInventoryTest000000000000';
export const FAKE_SECRET_KEY = 'fakeSecretKeyThatMustNeverBeLogged0000';
/** The owner UIN of the fake account (the same account as fake-cloud-api.ts's): bucket ACLs name it. */
const FAKE_OWNER_UIN = '100000000001';

const HOST_PATTERN = /^([a-z0-9-]+-\d+)\.cos\.([a-z0-9-]+)\.myqcloud\.com(?::\d+)?$/;
const ALLOWED_FIELDS = ['Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'Tag', 'Crc64', 'x-cos-meta-*'];
const INVENTORY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const CANNED_ACLS = ['private', 'public-read', 'public-read-write'];
const ALL_USERS = 'http://cam.qcloud.com/groups/global/AllUsers';
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['Field', 'Tag'].includes(name) });
/** For bucket sub-resource configs: namespaces dropped, repeated elements arrays where they repeat. */
const configParser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, ignoreDeclaration: true });
const configBuilder = new XMLBuilder({ suppressEmptyNode: false });

export interface FakeCosOptions {
  /** Write a report (manifest, checksum, one data file) after each accepted job. */
  readonly deliverReports?: boolean;
  /** Break the delivered report: a wrong checksum, or a data file missing or of another size. */
  readonly corruptReport?: 'checksum' | 'missing-file' | 'size';
  /**
   * Buckets exist only once created (PUT Bucket, or `addBucket`), and are gone once deleted; otherwise NoSuchBucket.
   * @default false - every bucket exists, as the handler's tests assume
   */
  readonly requireBuckets?: boolean;
  /**
   * Answer POST Bucket inventory with an empty body, as the Chinese page documents, instead of the English page's
   * `PostInventoryResult/JobId`.
   * @default false
   */
  readonly emptyPostInventoryBody?: boolean;
}

/** A bucket as the fake keeps it. */
export interface FakeBucket {
  readonly name: string;
  readonly region: string;
  readonly createdAt: Date;
  acl: string;
  /** The bucket policy as GET Bucket policy answers it (normalized JSON), if any. */
  policy?: string;
  /** Sub-resource configs (`lifecycle`, `cors`, `tagging` ...) as GET answers them (namespace-free XML). */
  readonly subresources: Map<string, string>;
}

/** Bucket sub-resources kept as XML documents: their root element, and the answer to a GET when none was put. */
interface SubresourceRule {
  readonly root: string;
  /** 404 with this code when not configured; otherwise `empty` is answered. */
  readonly missingCode?: string;
  readonly empty?: string;
  /** DELETE allowed (answers 204). */
  readonly deletable: boolean;
  /** Content-MD5 must come with the PUT. */
  readonly md5Required?: boolean;
  /** What COS refuses in a PUT body, or undefined. */
  readonly check?: (config: any) => string | undefined;
}

const SUBRESOURCES: Record<string, SubresourceRule> = {
  lifecycle: { root: 'LifecycleConfiguration', missingCode: 'NoSuchLifecycleConfiguration', deletable: true, md5Required: true, check: lifecycleProblem },
  cors: { root: 'CORSConfiguration', missingCode: 'NoSuchCORSConfiguration', deletable: true, md5Required: true },
  website: { root: 'WebsiteConfiguration', missingCode: 'NoSuchWebsiteConfiguration', deletable: true },
  encryption: { root: 'ServerSideEncryptionConfiguration', missingCode: 'NoSuchEncryptionConfiguration', deletable: true, check: encryptionProblem },
  tagging: { root: 'Tagging', missingCode: 'NoSuchTagSet', deletable: true, md5Required: true, check: taggingProblem },
  versioning: { root: 'VersioningConfiguration', empty: '<VersioningConfiguration/>', deletable: false, check: (c) => statusProblem(c, ['Enabled', 'Suspended']) },
  accelerate: { root: 'AccelerateConfiguration', empty: '<AccelerateConfiguration/>', deletable: false, check: (c) => statusProblem(c, ['Enabled', 'Suspended']) },
  logging: { root: 'BucketLoggingStatus', empty: '<BucketLoggingStatus/>', deletable: false },
  intelligenttiering: { root: 'IntelligentTieringConfiguration', empty: '<IntelligentTieringConfiguration/>', deletable: false },
  // Not documented for a bucket without object lock; S3's code, which the provider reads as "none" (any 404).
  'object-lock': { root: 'ObjectLockConfiguration', missingCode: 'ObjectLockConfigurationNotFoundError', deletable: false, check: (c) => (c.ObjectLockEnabled === 'Enabled' ? undefined : 'ObjectLockEnabled must be Enabled') },
};

/** Every bucket sub-resource query this fake knows; the first present names the operation. */
const BUCKET_OPERATIONS = ['inventory', 'policy', 'acl', 'versions', 'delete', 'intelligent-tiering', ...Object.keys(SUBRESOURCES)];
/** The parameters of GET Bucket (List Objects) and GET Bucket Object versions. */
const LIST_PARAMETERS = ['prefix', 'delimiter', 'marker', 'max-keys', 'encoding-type', 'key-marker', 'version-id-marker'];

export class FakeCos extends FakeServer {
  readonly objects = new Map<string, Buffer>();
  /** One-off job ids seen per bucket, as COS remembers them for a day. */
  readonly jobIds = new Map<string, Set<string>>();
  /** Periodic configs per bucket: id to the XML put. */
  readonly configs = new Map<string, Map<string, string>>();
  /** Buckets created (PUT Bucket, `addBucket`) or, without `requireBuckets`, first addressed. */
  readonly buckets = new Map<string, FakeBucket>();
  /** Operations the fake was asked for and does not implement (`GET ?replication` ...): each answered 501. */
  readonly unfaked: string[] = [];
  protected readonly requestIdHeader = 'x-cos-request-id';
  private sidCounter = 0;

  constructor(private readonly options: FakeCosOptions = {}) {
    super();
  }

  /**
   * The handler's environment for this fake: it as the proxy, and plain http (the test-only switch; a proxy never
   * implies it).
   */
  get handlerEnv(): Record<string, string> {
    return { COS_INVENTORY_PROXY: this.proxyUrl, COS_INVENTORY_PROTOCOL: 'http:' };
  }

  /** The proxy URL to give the SDK (`COS_INVENTORY_PROXY`). */
  get proxyUrl(): string {
    return this.url;
  }

  /** POSTs of inventory jobs the fake accepted or refused (not counting injected faults). */
  get inventoryPosts(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && 'inventory' in r.query);
  }

  /** PUT Bucket inventory requests, accepted or refused: `body` is the exact XML COS received. */
  get inventoryPuts(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'PUT' && 'inventory' in r.query);
  }

  /** Requests signed with AWS SigV4 rather than the COS signature. */
  get sigV4Requests(): RecordedRequest[] {
    return this.requests.filter((r) => String(r.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256'));
  }

  putObject(bucket: string, key: string, body: Buffer | string): void {
    this.objects.set(`${bucket}/${key}`, Buffer.from(body));
  }

  /** A bucket that exists before the test (an `existingBucket`). */
  addBucket(name: string, region = 'ap-guangzhou'): FakeBucket {
    const bucket: FakeBucket = { name, region, createdAt: new Date(), acl: 'private', subresources: new Map() };
    this.buckets.set(name, bucket);
    return bucket;
  }

  /** The bucket policy as GET Bucket policy answers it, parsed; undefined when there is none. */
  policyOf(bucket: string): any {
    const policy = this.buckets.get(bucket)?.policy;
    return policy === undefined ? undefined : JSON.parse(policy);
  }

  /** Periodic inventory configs of a bucket: id to XML (empty when none). */
  inventoryConfigsOf(bucket: string): Map<string, string> {
    return this.configs.get(bucket) ?? new Map();
  }

  protected locate(req: IncomingMessage, url: URL) {
    const host = HOST_PATTERN.exec(req.headers.host ?? '');
    return host ? { bucket: host[1], region: host[2], path: decodeURIComponent(url.pathname) } : undefined;
  }

  protected signatureProblem(record: RecordedRequest, req: IncomingMessage, url: URL): string | undefined {
    const authorization = req.headers.authorization;
    if (authorization?.startsWith('AWS4-HMAC-SHA256')) {
      // The base class keeps the body as UTF-8 text; every body signed here (XML, JSON) is text.
      return sigV4Problem(
        { method: record.method, rawPath: rawPathOf(req.url ?? '/'), query: url.searchParams, headers: req.headers, body: Buffer.from(record.body, 'utf8') },
        authorization, { secrets: { [FAKE_SECRET_ID]: FAKE_SECRET_KEY }, region: record.region, service: 's3', now: new Date() },
      );
    }
    return signatureProblem(
      { method: record.method, path: record.path, query: url.searchParams, headers: req.headers },
      authorization, { [FAKE_SECRET_ID]: FAKE_SECRET_KEY }, Math.floor(Date.now() / 1000),
    );
  }

  protected route(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    if (record.path !== '/') return this.objectOperation(record, res);
    const operation = BUCKET_OPERATIONS.find((name) => name in record.query);
    if (operation === undefined) return this.bucketOperation(record, body, res);
    if (operation === 'inventory') {
      this.bucketOf(record);
      if (record.method === 'POST') return this.postInventory(record, body, res);
      return this.periodicInventory(record, body, res);
    }
    const bucket = this.bucketOf(record);
    if (operation === 'policy') return this.policy(bucket, record, body, res);
    if (operation === 'acl') return this.acl(bucket, record, body, res);
    if (operation === 'versions' && record.method === 'GET' && Object.keys(record.query).every((name) => name === 'versions' || LIST_PARAMETERS.includes(name))) return this.listVersions(bucket, record, res);
    if (operation === 'delete' && record.method === 'POST') return this.deleteMultiple(bucket, record, body, res);
    if (operation in SUBRESOURCES) return this.subresource(bucket, operation, SUBRESOURCES[operation], record, body, res);
    if (operation === 'intelligent-tiering' && record.method === 'GET') return this.archiveTiering(record, res);
    this.unfakedOperation(record, `?${operation}`);
  }

  /** The bucket a request addresses; NoSuchBucket when it does not exist (or lives in another region). */
  private bucketOf(record: RecordedRequest): FakeBucket {
    const bucket = this.buckets.get(record.bucket);
    if (bucket && bucket.region === record.region) return bucket;
    if (!bucket && !this.options.requireBuckets) return this.addBucket(record.bucket, record.region);
    throw new ServiceError(404, 'NoSuchBucket', 'The specified bucket does not exist.');
  }

  private unfakedOperation(record: RecordedRequest, what: string): never {
    const others = Object.keys(record.query).filter((name) => !BUCKET_OPERATIONS.includes(name));
    const operation = [record.method, record.path === '/' ? 'Bucket' : 'Object', what, others.length ? `(${others.join(', ')})` : '']
      .filter(Boolean).join(' ');
    this.unfaked.push(operation);
    throw new ServiceError(501, 'NotImplemented', `the fake COS does not implement ${operation}`);
  }

  private objectOperation(record: RecordedRequest, res: ServerResponse): void {
    if ((record.method === 'GET' || record.method === 'HEAD') && Object.keys(record.query).length === 0) {
      this.bucketOf(record);
      const object = this.objects.get(`${record.bucket}${record.path}`);
      if (!object) throw new ServiceError(404, 'NoSuchKey', 'The specified key does not exist.');
      return this.ok(record, res, record.method === 'HEAD' ? undefined : object, { 'Content-Length': object.length, ETag: etagOf(object) });
    }
    if (record.method === 'PUT' && Object.keys(record.query).length === 0) {
      this.bucketOf(record);
      const object = Buffer.from(record.body, 'utf8');
      this.objects.set(`${record.bucket}${record.path}`, object);
      return this.ok(record, res, undefined, { ETag: etagOf(object) });
    }
    if (record.method === 'DELETE' && Object.keys(record.query).length === 0) {
      // DELETE Object answers 204 whether or not the key existed.
      this.bucketOf(record);
      this.objects.delete(`${record.bucket}${record.path}`);
      return this.ok(record, res, undefined, {}, 204);
    }
    this.unfakedOperation(record, record.path);
  }

  /** PUT, HEAD, DELETE and GET (list objects) Bucket. */
  private bucketOperation(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    if (record.method === 'PUT') return this.createBucket(record, body, res);
    const bucket = this.bucketOf(record);
    if (record.method === 'HEAD') {
      return this.ok(record, res, undefined, { 'x-cos-bucket-region': bucket.region });
    }
    if (record.method === 'DELETE') {
      if (this.objectKeys(bucket.name).length > 0) throw new ServiceError(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty.');
      this.buckets.delete(bucket.name);
      this.configs.delete(bucket.name);
      this.jobIds.delete(bucket.name);
      return this.ok(record, res, undefined, {}, 204);
    }
    if (record.method === 'GET' && Object.keys(record.query).every((name) => LIST_PARAMETERS.includes(name))) return this.listObjects(bucket, record, res);
    this.unfakedOperation(record, '');
  }

  private createBucket(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    const [, shortName] = /^(.*)-\d+$/.exec(record.bucket)!;
    if (shortName.length > 50 - 11 || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(shortName)) {
      throw new ServiceError(400, 'InvalidBucketName', `${record.bucket} is not a valid bucket name`);
    }
    const existing = this.buckets.get(record.bucket);
    if (existing) throw new ServiceError(409, 'BucketAlreadyExists', 'The requested bucket name is not available.');
    const acl = headerOf(record, 'x-cos-acl') ?? headerOf(record, 'x-amz-acl') ?? 'private';
    if (!CANNED_ACLS.includes(acl)) throw new ServiceError(400, 'InvalidArgument', `ACL ${acl} is not private, public-read or public-read-write`);
    if (body.length > 0) {
      const config = parseXml(body, 'CreateBucketConfiguration');
      const location = config.LocationConstraint;
      if (location !== undefined && location !== '' && location !== record.region) {
        throw new ServiceError(400, 'InvalidLocationConstraint', `LocationConstraint ${location} differs from the endpoint region ${record.region}`);
      }
    }
    this.addBucket(record.bucket, record.region).acl = acl;
    this.ok(record, res);
  }

  private objectKeys(bucket: string): string[] {
    return [...this.objects.keys()].filter((key) => key.startsWith(`${bucket}/`)).map((key) => key.slice(bucket.length + 1)).sort();
  }

  private listObjects(bucket: FakeBucket, record: RecordedRequest, res: ServerResponse): void {
    const prefix = record.query.prefix ?? '';
    const contents = this.objectKeys(bucket.name).filter((key) => key.startsWith(prefix)).map((key) => {
      const object = this.objects.get(`${bucket.name}/${key}`)!;
      return `<Contents><Key>${escapeXml(key)}</Key><LastModified>${bucket.createdAt.toISOString()}</LastModified><ETag>${etagOf(object)}</ETag>`
        + `<Size>${object.length}</Size>${ownerXml('Owner')}<StorageClass>STANDARD</StorageClass></Contents>`;
    }).join('');
    this.xml(record, res, `<ListBucketResult><Name>${bucket.name}</Name><Prefix>${escapeXml(prefix)}</Prefix><Marker></Marker>`
      + `<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`);
  }

  /**
   * GET Bucket ?intelligent-tiering: the list of INTELLIGENT_TIERING rules (none here: the fake never enables it),
   * or with an id the rule, which does not exist. The list element is named as the COS Go SDK parses it
   * (`...ConfigurationsOutput`); the document writes `ListBucketIntelligentTieringConfigurationOutput`.
   */
  private archiveTiering(record: RecordedRequest, res: ServerResponse): void {
    if (record.query.id !== undefined) throw new ServiceError(404, 'IntelligentTieringConfigurationNotFoundError', 'The Intelligenttiering configuration was not found.');
    this.xml(record, res, '<ListBucketIntelligentTieringConfigurationsOutput></ListBucketIntelligentTieringConfigurationsOutput>');
  }

  private listVersions(bucket: FakeBucket, record: RecordedRequest, res: ServerResponse): void {
    const prefix = record.query.prefix ?? '';
    const versions = this.objectKeys(bucket.name).filter((key) => key.startsWith(prefix)).map((key) => {
      const object = this.objects.get(`${bucket.name}/${key}`)!;
      return `<Version><Key>${escapeXml(key)}</Key><VersionId>null</VersionId><IsLatest>true</IsLatest><LastModified>${bucket.createdAt.toISOString()}</LastModified>`
        + `<ETag>${etagOf(object)}</ETag><Size>${object.length}</Size><StorageClass>STANDARD</StorageClass>${ownerXml('Owner')}</Version>`;
    }).join('');
    this.xml(record, res, `<ListVersionsResult><Name>${bucket.name}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyMarker></KeyMarker>`
      + `<VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${versions}</ListVersionsResult>`);
  }

  /** POST Bucket ?delete (Delete Multiple Objects): Content-MD5 required, at most 1000 keys. */
  private deleteMultiple(bucket: FakeBucket, record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    checkContentMd5(record, body);
    const request = parseXml(body, 'Delete');
    const objects: any[] = request.Object === undefined ? [] : [request.Object].flat();
    if (objects.length === 0 || objects.length > 1000) throw new ServiceError(400, 'MalformedXML', 'Delete needs 1 to 1000 Object elements');
    const deleted = objects.map((object) => {
      const key = String(object.Key ?? '');
      this.objects.delete(`${bucket.name}/${key}`);
      return `<Deleted><Key>${escapeXml(key)}</Key></Deleted>`;
    });
    this.xml(record, res, `<DeleteResult>${request.Quiet === 'true' ? '' : deleted.join('')}</DeleteResult>`);
  }

  /** GET and PUT Bucket acl: canned ACLs (x-cos-acl or x-amz-acl), answered as an AccessControlPolicy. */
  private acl(bucket: FakeBucket, record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    if (record.method === 'GET') {
      const publicGrants = bucket.acl === 'private' ? [] : ['READ', ...(bucket.acl === 'public-read-write' ? ['WRITE'] : [])];
      const grants = [
        `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">${ownerIdXml()}</Grantee><Permission>FULL_CONTROL</Permission></Grant>`,
        ...publicGrants.map((permission) => `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>${ALL_USERS}</URI></Grantee><Permission>${permission}</Permission></Grant>`),
      ];
      return this.xml(record, res, `<AccessControlPolicy>${ownerXml('Owner')}<AccessControlList>${grants.join('')}</AccessControlList></AccessControlPolicy>`);
    }
    if (record.method === 'PUT') {
      const acl = headerOf(record, 'x-cos-acl') ?? headerOf(record, 'x-amz-acl');
      if (acl === undefined || body.length > 0) this.unfakedOperation(record, '?acl with grant headers or an AccessControlPolicy body');
      if (!CANNED_ACLS.includes(acl)) throw new ServiceError(400, 'InvalidArgument', `ACL ${acl} is not private, public-read or public-read-write`);
      bucket.acl = acl;
      return this.ok(record, res);
    }
    this.unfakedOperation(record, '?acl');
  }

  /**
   * PUT, GET and DELETE Bucket policy. PUT takes the policy in any key case (COS reads `statement` and
   * `Statement` alike) and stores it as GET Bucket policy documents it: capitalized Statement, Principal, Effect,
   * Action, Resource and Condition, lowercase `version`, arrays, and a `Sid` per statement.
   */
  private policy(bucket: FakeBucket, record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    if (record.method === 'GET') {
      if (bucket.policy === undefined) throw new ServiceError(404, 'NoSuchBucketPolicy', 'The bucket policy does not exist.');
      return this.ok(record, res, bucket.policy, { 'Content-Type': 'application/json' });
    }
    if (record.method === 'DELETE') {
      bucket.policy = undefined;
      return this.ok(record, res, undefined, {}, 204);
    }
    if (record.method !== 'PUT') this.unfakedOperation(record, '?policy');
    if (headerOf(record, 'content-md5') !== undefined) checkContentMd5(record, body);
    bucket.policy = JSON.stringify(this.normalizePolicy(bucket, body.toString('utf8')));
    this.ok(record, res, undefined, {}, 204);
  }

  private normalizePolicy(bucket: FakeBucket, text: string): object {
    const malformed = (message: string) => new ServiceError(400, 'MalformedPolicy', message);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (err) {
      throw malformed(`the policy is not JSON: ${(err as Error).message}`);
    }
    const top = keysFolded(document, 'the policy');
    const allowedTop = ['version', 'statement'];
    for (const key of Object.keys(top)) if (!allowedTop.includes(key)) throw malformed(`unknown policy element ${key}`);
    if (top.version !== '2.0') throw malformed(`version must be "2.0", not ${JSON.stringify(top.version)}`);
    if (!Array.isArray(top.statement) || top.statement.length === 0) throw malformed('statement must be a non-empty array');
    const [, appId] = /-(\d+)$/.exec(bucket.name)!;
    const statements = top.statement.map((raw: unknown, index: number) => {
      const statement = keysFolded(raw, `statement ${index}`);
      for (const key of Object.keys(statement)) {
        if (!['sid', 'effect', 'principal', 'action', 'resource', 'condition'].includes(key)) throw malformed(`statement ${index}: unknown element ${key}`);
      }
      const effect = String(statement.effect ?? '').toLowerCase();
      if (!['allow', 'deny'].includes(effect)) throw malformed(`statement ${index}: effect must be allow or deny`);
      const principal = keysFolded(statement.principal ?? {}, `statement ${index} principal`);
      const qcs = stringList(principal.qcs, `statement ${index}: principal.qcs`, malformed);
      const action = stringList(statement.action, `statement ${index}: action`, malformed);
      const resource = stringList(statement.resource, `statement ${index}: resource`, malformed);
      for (const name of resource) {
        if (!name.startsWith(`qcs::cos:${bucket.region}:uid/${appId}:${bucket.name}/`)) {
          throw malformed(`statement ${index}: resource ${name} is not in bucket ${bucket.name} (${bucket.region})`);
        }
      }
      return {
        Principal: { qcs },
        Effect: effect,
        Action: action,
        Resource: resource,
        ...(statement.condition !== undefined ? { Condition: statement.condition } : {}),
        Sid: typeof statement.sid === 'string' ? statement.sid : `costs-${Date.now()}-${++this.sidCounter}`,
      };
    });
    return { Statement: statements, version: '2.0' };
  }

  /** The XML sub-resources: stored as COS answers them (namespace dropped), or their "not configured" answer. */
  private subresource(bucket: FakeBucket, name: string, rule: SubresourceRule, record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    if (record.method === 'GET') {
      const stored = bucket.subresources.get(name);
      if (stored !== undefined) return this.xml(record, res, stored);
      if (rule.missingCode) throw new ServiceError(404, rule.missingCode, `the bucket has no ${name} configuration`);
      return this.xml(record, res, rule.empty!);
    }
    if (record.method === 'DELETE' && rule.deletable) {
      bucket.subresources.delete(name);
      return this.ok(record, res, undefined, {}, 204);
    }
    if (record.method !== 'PUT') this.unfakedOperation(record, `?${name}`);
    if (rule.md5Required || headerOf(record, 'content-md5') !== undefined) checkContentMd5(record, body);
    const config = parseXml(body, rule.root);
    const problem = rule.check?.(config);
    if (problem) throw new ServiceError(400, problem.startsWith('MalformedXML') ? 'MalformedXML' : 'InvalidArgument', problem);
    bucket.subresources.set(name, configBuilder.build({ [rule.root]: config }));
    this.ok(record, res);
  }

  private postInventory(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    const id = record.query.id;
    checkInventoryId(id);
    checkContentMd5(record, body);
    const configuration = parseInventoryConfiguration(parser, body.toString('utf8'));
    checkConfiguration(configuration, id, record.region);
    const duplicate = (what: string) => new ServiceError(409, 'InventoryAlreadyExist', `${what} ${id} already exists`);
    if (this.configs.get(record.bucket)?.has(id)) throw duplicate('a periodic inventory configuration with the id');
    const seen = this.jobIds.get(record.bucket) ?? new Set<string>();
    if (seen.has(id)) throw duplicate('inventory job (today)');
    seen.add(id);
    this.jobIds.set(record.bucket, seen);
    if (this.options.deliverReports) this.deliverReport(record.bucket, configuration, id);
    if (this.options.emptyPostInventoryBody) return this.ok(record, res);
    this.ok(record, res, `<PostInventoryResult><JobId>job-${createHash('sha1').update(`${record.bucket}/${id}`).digest('hex').slice(0, 16)}</JobId></PostInventoryResult>`, { 'Content-Type': 'application/xml' });
  }

  /** PUT, GET and DELETE Bucket inventory: periodic configs, which need IsEnabled and Schedule. */
  private periodicInventory(record: RecordedRequest, body: Buffer, res: ServerResponse): void {
    const id = record.query.id;
    if (id === undefined) this.unfakedOperation(record, '?inventory without id (List Bucket Inventory Configurations)');
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
    if (record.method !== 'PUT') this.unfakedOperation(record, '?inventory');
    checkInventoryId(id);
    checkContentMd5(record, body);
    const configuration = parseInventoryConfiguration(parser, body.toString('utf8'));
    if (!['true', 'false'].includes(configuration.IsEnabled)) throw new ServiceError(400, 'InvalidArgument', 'IsEnabled must be true or false');
    if (!['Daily', 'Weekly'].includes(configuration.Schedule?.Frequency)) throw new ServiceError(400, 'InvalidArgument', 'Schedule/Frequency must be Daily or Weekly');
    const { IsEnabled: _enabled, Schedule: _schedule, ...rest } = configuration;
    checkConfiguration(rest, id, record.region);
    configs.set(id, body.toString('utf8'));
    this.ok(record, res);
  }

  private xml(record: RecordedRequest, res: ServerResponse, body: string): void {
    this.ok(record, res, `<?xml version="1.0" encoding="UTF-8"?>\n${body}`, { 'Content-Type': 'application/xml' });
  }

  /** Writes what COS would: a gzip CSV data file, `manifest.json`, and `manifest.checksum` (the manifest's MD5). */
  private deliverReport(sourceBucket: string, configuration: any, id: string): void {
    const destination = configuration.Destination.COSBucketDestination;
    const destinationBucket = String(destination.Bucket).split('::').pop()!;
    const [, shortName, appId] = /^(.*)-(\d+)$/.exec(sourceBucket)!;
    const date = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const directory = `${destination.Prefix}/${appId}/${shortName}/${id}`;
    const data = gzipSync(`"${appId}","${shortName}","photos%2Fcat.jpg","1024"\n`);
    // Beside the date directories, named by 32 hex digits, as the Inventory Overview's example manifest has it.
    const dataKey = `${directory}/${randomUUID().replace(/-/g, '')}.csv.gz`;
    const manifest = Buffer.from(JSON.stringify({
      sourceAppid: appId, sourceBucket: shortName, destinationAppid: appId, destinationBucket, fileFormat: 'CSV',
      listObjectCount: '1', listStorageSize: '1024', filterObjectCount: '1', filterStorageSize: '1024',
      fileSchema: ['Appid', 'Bucket', 'Key', ...(configuration.OptionalFields?.Field ?? [])].join(', '),
      files: [{ key: dataKey, size: String(data.length + (this.options.corruptReport === 'size' ? 1 : 0)), md5Checksum: createHash('md5').update(data).digest('hex') }],
    }));
    if (this.options.corruptReport !== 'missing-file') this.putObject(destinationBucket, dataKey, data);
    this.putObject(destinationBucket, `${directory}/${date}/manifest.json`, manifest);
    const checksum = this.options.corruptReport === 'checksum' ? '0'.repeat(32) : createHash('md5').update(manifest).digest('hex');
    this.putObject(destinationBucket, `${directory}/${date}/manifest.checksum`, checksum);
  }
}

/** The path of a request line as sent (absolute-URI form through a proxy, or origin form), without the query. */
function rawPathOf(requestTarget: string): string {
  const withoutAuthority = requestTarget.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const path = withoutAuthority.split('?')[0];
  return path === '' ? '/' : path;
}

function headerOf(record: RecordedRequest, name: string): string | undefined {
  const value = record.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function etagOf(object: Buffer): string {
  return `"${createHash('md5').update(object).digest('hex')}"`;
}

function ownerIdXml(): string {
  const id = `qcs::cam::uin/${FAKE_OWNER_UIN}:uin/${FAKE_OWNER_UIN}`;
  return `<ID>${id}</ID><DisplayName>${id}</DisplayName>`;
}

function ownerXml(element: string): string {
  return `<${element}>${ownerIdXml()}</${element}>`;
}

/** A well-formed XML body with this root element, parsed; MalformedXML otherwise. */
function parseXml(body: Buffer, root: string): any {
  let parsed: any;
  try {
    parsed = configParser.parse(body.toString('utf8'), true);
  } catch (err) {
    throw new ServiceError(400, 'MalformedXML', `the XML is not well-formed: ${(err as Error).message}`);
  }
  if (parsed?.[root] === undefined) throw new ServiceError(400, 'MalformedXML', `the body has no ${root}`);
  return parsed[root] === '' ? {} : parsed[root];
}

/** An object's keys lowercased (COS reads policy elements case-insensitively); MalformedPolicy if not an object. */
function keysFolded(value: unknown, what: string): Record<string, any> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ServiceError(400, 'MalformedPolicy', `${what} must be an object`);
  const folded: Record<string, any> = {};
  for (const [key, child] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (lower in folded) throw new ServiceError(400, 'MalformedPolicy', `${what} has ${lower} twice`);
    folded[lower] = child;
  }
  return folded;
}

function stringList(value: unknown, what: string, malformed: (message: string) => ServiceError): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((item) => typeof item !== 'string' || item === '')) {
    throw malformed(`${what} must be a non-empty string or array of strings`);
  }
  return [...list];
}

function listOf(value: unknown): any[] {
  return value === undefined ? [] : [value].flat();
}

function lifecycleProblem(config: any): string | undefined {
  const rules = listOf(config.Rule);
  if (rules.length === 0) return 'MalformedXML: LifecycleConfiguration needs a Rule';
  for (const rule of rules) {
    if (!['Enabled', 'Disabled'].includes(rule.Status)) return `lifecycle rule ${rule.ID}: Status must be Enabled or Disabled`;
    const actions = ['Expiration', 'Transition', 'NoncurrentVersionExpiration', 'NoncurrentVersionTransition', 'AbortIncompleteMultipartUpload'];
    if (!actions.some((action) => action in rule)) return `lifecycle rule ${rule.ID}: no action`;
    const days = rule.Expiration?.Days;
    if (days !== undefined && !/^[1-9]\d*$/.test(days)) return `lifecycle rule ${rule.ID}: Expiration/Days must be a positive integer`;
  }
  return undefined;
}

function encryptionProblem(config: any): string | undefined {
  const algorithm = config.Rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
  return ['AES256', 'KMS', 'SM4'].includes(algorithm) ? undefined : `SSEAlgorithm ${algorithm} is not AES256, KMS or SM4`;
}

function taggingProblem(config: any): string | undefined {
  const tags = listOf(config.TagSet?.Tag);
  if (tags.length > 50) return 'a bucket has at most 50 tags';
  const keys = new Set<string>();
  for (const tag of tags) {
    if (typeof tag.Key !== 'string' || tag.Key === '') return 'MalformedXML: a Tag needs a Key';
    if (keys.has(tag.Key)) return `tag ${tag.Key} is given twice`;
    keys.add(tag.Key);
  }
  return undefined;
}

function statusProblem(config: any, allowed: string[]): string | undefined {
  return allowed.includes(config.Status) ? undefined : `Status must be one of ${allowed.join(', ')}`;
}

/** PUT and POST Bucket inventory: the id parameter uses a-z A-Z 0-9 - _ . and has at most 64 characters. */
function checkInventoryId(id: string | undefined): asserts id is string {
  if (!id || !INVENTORY_ID.test(id)) throw new ServiceError(400, 'InvalidArgument', 'id must be 1 to 64 characters of a-z A-Z 0-9 - _ .');
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
  if (destination.Encryption !== undefined && !(typeof destination.Encryption === 'object' && 'SSE-COS' in destination.Encryption)) {
    throw invalid('Encryption supports SSE-COS only');
  }
  if (!['All', 'Current'].includes(configuration.IncludedObjectVersions)) throw invalid('IncludedObjectVersions must be All or Current');
  const fields = typeof configuration.OptionalFields === 'object' ? configuration.OptionalFields.Field ?? [] : [];
  for (const field of fields) {
    if (!ALLOWED_FIELDS.includes(field)) throw invalid(`unknown optional field ${field}`);
  }
  const and = typeof configuration.Filter === 'object' && typeof configuration.Filter.And === 'object' ? configuration.Filter.And : {};
  for (const tag of and.Tag ?? []) {
    if (typeof tag.Key !== 'string' || tag.Key.length === 0) throw invalid('a Tag needs a Key');
  }
  const period = typeof configuration.Filter === 'object' ? configuration.Filter.Period : undefined;
  if (period !== undefined) {
    for (const bound of ['StartTime', 'EndTime']) {
      if (typeof period === 'object' && period[bound] !== undefined && !/^\d+$/.test(period[bound])) throw invalid(`Period/${bound} must be seconds since the epoch`);
    }
  }
}
