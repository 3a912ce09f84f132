// End to end with the REAL tencentcloud provider (1.82.102, from ../shared/providers) against the fake COS: what
// the provider and the bundled handler actually send to COS for the library's constructs, and whether Terraform
// then sees no drift. Each test synthesizes a stack with the constructs, runs its own `terraform init` from the
// filesystem mirror in its own directory, and talks to its own fakes through one HTTP proxy (HTTP_PROXY for the
// provider, and the handler alike) that routes by Host. Lifecycle under test, every time: apply; the
// exact inventory XML and policy document COS received; an empty `plan -detailed-exitcode`; one prop changed, a plan
// showing exactly that one change, its apply, an empty plan again; destroy, and nothing left behind.
//
// The first block checks the fake itself (SigV4, policy normalization, inventory rules) and needs no provider.
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { TerraformStack } from 'cdktf';
import { XMLParser } from 'fast-xml-parser';
import { BucketPolicyOwner, cos, InventoryFrequency } from '../../src';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../support/fake-cos';
import { FakeProxy } from '../support/fake-proxy';
import { describeWithRealProviders } from '../support/real-provider';
import { RealProviderWorld } from '../support/real-provider-world';
import { expectedSigV4Signature, parseSigV4Authorization, signSigV4 } from '../support/sigv4';
import { cli } from '../support/cli';

const REGION = 'ap-guangzhou';
const OWNER_UIN = '100000000001';
const REPORTS = 'reports-1250000000';
const LOGS = 'logs-1250000000';
const ROLE = `qcs::cam::uin/${OWNER_UIN}:roleName/COS_QcsRole`;
const DESTINATION_REFERENCE = `qcs::cos:${REGION}::${REPORTS}`;
const COS_HOSTS = /^[a-z0-9-]+\.cos\.[a-z0-9-]+\.myqcloud\.com$/;
const STACK = 'real-provider';
const xml = new XMLParser({ parseTagValue: false });

// ---------------------------------------------------------------------------------------------------------------
// Expected bodies
// ---------------------------------------------------------------------------------------------------------------

/** The PUT Bucket inventory body tencentcloud_cos_bucket_inventory 1.82.102 sends (fields in its set's order). */
function providerInventoryXml(id: string, prefix: string, fields: string[], period = ''): string {
  return `<InventoryConfiguration><Id>${id}</Id><IsEnabled>true</IsEnabled><IncludedObjectVersions>Current</IncludedObjectVersions>`
    + `<Filter><And><Prefix>${prefix}</Prefix></And>${period}</Filter>`
    + `<OptionalFields>${fields.map((f) => `<Field>${f}</Field>`).join('')}</OptionalFields><Schedule><Frequency>Daily</Frequency></Schedule>`
    + `<Destination><COSBucketDestination><Bucket>${DESTINATION_REFERENCE}</Bucket><AccountId>${OWNER_UIN}</AccountId>`
    + '<Prefix>cos_bucket_inventory</Prefix><Format>CSV</Format></COSBucketDestination></Destination></InventoryConfiguration>';
}

/** The PUT Bucket inventory body the bundled handler sends: the documented element order, SSE-COS encryption. */
function handlerInventoryXml(id: string, frequency: string, filter: string, fields: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><InventoryConfiguration><Id>${id}</Id><IsEnabled>true</IsEnabled>`
    + `<Destination><COSBucketDestination><Format>CSV</Format><AccountId>${OWNER_UIN}</AccountId><Bucket>${DESTINATION_REFERENCE}</Bucket>`
    + '<Prefix>cos_bucket_inventory</Prefix><Encryption><SSE-COS></SSE-COS></Encryption></COSBucketDestination></Destination>'
    + `<Schedule><Frequency>${frequency}</Frequency></Schedule><Filter>${filter}</Filter><IncludedObjectVersions>Current</IncludedObjectVersions>`
    + `<OptionalFields>${fields.map((f) => `<Field>${f}</Field>`).join('')}</OptionalFields></InventoryConfiguration>`;
}

/** The one statement a destination grants for LOGS: COS_QcsRole may PutObject under the source's report path. */
const REPORT_STATEMENT = {
  Principal: { qcs: [ROLE] },
  Effect: 'allow',
  Action: ['name/cos:PutObject'],
  Resource: [`qcs::cos:${REGION}:uid/1250000000:${REPORTS}/cos_bucket_inventory/1250000000/logs/*`],
};

// ---------------------------------------------------------------------------------------------------------------
// Direct requests to the fake (through the proxy, as a client with HTTP_PROXY sends them)
// ---------------------------------------------------------------------------------------------------------------

interface Answer { status: number; body: string }

function send(proxyUrl: string, method: string, url: string, headers: Record<string, string> = {}, body = ''): Promise<Answer> {
  const proxy = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: proxy.hostname, port: proxy.port, method, path: url, headers: { host: new URL(url).host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A SigV4-signed request (the provider's S3 client signs this way), optionally with a broken signature. */
function sendSigned(proxyUrl: string, method: string, url: string, body = '', extra: Record<string, string> = {}, breakSignature = false): Promise<Answer> {
  const target = new URL(url);
  const headers = signSigV4({ method, rawPath: target.pathname, query: target.searchParams, body: Buffer.from(body), headers: { host: target.host, ...extra } },
    { accessKeyId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY }, REGION);
  if (breakSignature) headers.authorization = headers.authorization.replace(/Signature=([0-9a-f])/, (_, c) => `Signature=${c === '0' ? '1' : '0'}`);
  return send(proxyUrl, method, url, headers, body);
}

const md5 = (body: string) => createHash('md5').update(body).digest('base64');
const bucketUrl = (bucket: string, query: string) => `http://${bucket}.cos.${REGION}.myqcloud.com/?${query}`;

describe('fake COS behaviour the real-provider suite relies on', () => {
  let cos: FakeCos;
  let proxy: FakeProxy;

  beforeAll(async () => {
    cos = await new FakeCos({ requireBuckets: true }).start();
    proxy = await new FakeProxy([{ host: COS_HOSTS, target: cos.url }]).start();
    cos.addBucket(REPORTS);
    cos.addBucket(LOGS);
  });

  afterAll(async () => {
    await proxy.stop();
    await cos.stop();
  });

  test('its SigV4 verifier reproduces the documented AWS example signature', () => {
    const authorization = 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,'
      + 'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';
    const signature = expectedSigV4Signature({
      method: 'GET', rawPath: '/test.txt', query: new URLSearchParams(), body: Buffer.alloc(0),
      headers: {
        'host': 'examplebucket.s3.amazonaws.com', 'range': 'bytes=0-9', 'x-amz-date': '20130524T000000Z',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      },
    }, parseSigV4Authorization(authorization)!, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  test('a SigV4 request with a wrong signature gets 403 SignatureDoesNotMatch; a right one is served', async () => {
    const wrong = await sendSigned(proxy.url, 'GET', bucketUrl(REPORTS, 'policy'), '', {}, true);
    expect(wrong.status).toBe(403);
    expect(wrong.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    const right = await sendSigned(proxy.url, 'GET', bucketUrl(REPORTS, 'policy'));
    expect(right.status).toBe(404);
    expect(right.body).toContain('<Code>NoSuchBucketPolicy</Code>');
  });

  test('PUT Bucket policy in lowercase keys is answered by GET in the documented shape, with a Sid per statement', async () => {
    const lowercase = JSON.stringify({ version: '2.0', statement: [{ effect: 'Allow', principal: { qcs: ROLE }, action: 'name/cos:PutObject', resource: REPORT_STATEMENT.Resource }] });
    expect((await sendSigned(proxy.url, 'PUT', bucketUrl(REPORTS, 'policy'), lowercase, { 'content-md5': md5(lowercase) })).status).toBe(204);
    const read = await sendSigned(proxy.url, 'GET', bucketUrl(REPORTS, 'policy'));
    expect(Object.keys(JSON.parse(read.body))).toEqual(['Statement', 'version']);
    expect(JSON.parse(read.body)).toEqual({ Statement: [{ ...REPORT_STATEMENT, Sid: expect.any(String) }], version: '2.0' });
    const elsewhere = JSON.stringify({ version: '2.0', statement: [{ ...REPORT_STATEMENT, Resource: [`qcs::cos:${REGION}:uid/1250000000:other-1250000000/*`] }] });
    expect((await sendSigned(proxy.url, 'PUT', bucketUrl(REPORTS, 'policy'), elsewhere)).body).toContain('<Code>MalformedPolicy</Code>');
    expect((await sendSigned(proxy.url, 'DELETE', bucketUrl(REPORTS, 'policy'))).status).toBe(204);
    expect(cos.policyOf(REPORTS)).toBeUndefined();
  });

  test('PUT Bucket inventory takes the provider\'s empty And and OptionalFields, refuses bad ids and Encryption without SSE-COS', async () => {
    const put = (id: string, xml: string) => sendSigned(proxy.url, 'PUT', bucketUrl(LOGS, `inventory&id=${encodeURIComponent(id)}`), xml, { 'content-md5': md5(xml) });
    const xml = (id: string, destinationExtra = '') => `<InventoryConfiguration><Id>${id}</Id><IsEnabled>true</IsEnabled><IncludedObjectVersions>Current</IncludedObjectVersions>`
      + '<Filter><And></And></Filter><OptionalFields></OptionalFields><Schedule><Frequency>Daily</Frequency></Schedule><Destination><COSBucketDestination>'
      + `<Bucket>${DESTINATION_REFERENCE}</Bucket><AccountId>${OWNER_UIN}</AccountId><Prefix>p</Prefix><Format>CSV</Format>${destinationExtra}</COSBucketDestination></Destination></InventoryConfiguration>`;
    expect((await put('ok-1', xml('ok-1'))).status).toBe(200);
    expect(cos.inventoryConfigsOf(LOGS).get('ok-1')).toBe(xml('ok-1'));
    expect((await put('bad id', xml('bad id'))).body).toContain('<Code>InvalidArgument</Code>');
    expect((await put('x'.repeat(65), xml('x'.repeat(65)))).body).toContain('<Code>InvalidArgument</Code>');
    expect((await put('enc', xml('enc', '<Encryption></Encryption>'))).body).toMatch(/InvalidArgument.*SSE-COS/);
    expect((await put('enc', xml('enc', '<Encryption><SSE-COS></SSE-COS></Encryption>'))).status).toBe(200);
    expect((await put('broken', '<InventoryConfiguration><Id>broken</Id>')).body).toContain('<Code>MalformedXML</Code>');
    expect(cos.inventoryPuts.map((r) => r.status)).toEqual([200, 400, 400, 400, 200, 400]);
  });

  test('POST Bucket inventory with the id of a periodic config is a duplication error (409)', async () => {
    const job = '<InventoryConfiguration><Id>ok-1</Id><Destination><COSBucketDestination><Format>CSV</Format>'
      + `<AccountId>${OWNER_UIN}</AccountId><Bucket>${DESTINATION_REFERENCE}</Bucket><Prefix>p</Prefix></COSBucketDestination></Destination>`
      + '<IncludedObjectVersions>Current</IncludedObjectVersions></InventoryConfiguration>';
    const answer = await sendSigned(proxy.url, 'POST', bucketUrl(LOGS, 'inventory&id=ok-1'), job, { 'content-md5': md5(job) });
    expect(answer.status).toBe(409);
    expect(answer.body).toContain('<Code>InventoryAlreadyExist</Code>');
  });

  test('POST Bucket inventory can be answered with the empty body of the Chinese document', async () => {
    const quiet = await new FakeCos({ emptyPostInventoryBody: true }).start();
    try {
      const job = '<InventoryConfiguration><Id>job-1</Id><Destination><COSBucketDestination><Format>CSV</Format>'
        + `<AccountId>${OWNER_UIN}</AccountId><Bucket>${DESTINATION_REFERENCE}</Bucket><Prefix>p</Prefix></COSBucketDestination></Destination>`
        + '<IncludedObjectVersions>Current</IncludedObjectVersions></InventoryConfiguration>';
      const answer = await sendSigned(quiet.url, 'POST', bucketUrl(LOGS, 'inventory&id=job-1'), job, { 'content-md5': md5(job) });
      expect(answer).toEqual({ status: 200, body: '' });
    } finally {
      await quiet.stop();
    }
  });

  test('an operation the fake does not know is answered 501 naming it; a host no fake serves gets 502 from the proxy', async () => {
    const replication = await sendSigned(proxy.url, 'GET', bucketUrl(LOGS, 'replication'));
    expect(replication.status).toBe(501);
    expect(replication.body).toContain('does not implement GET Bucket (replication)');
    expect(cos.unfaked).toEqual(['GET Bucket (replication)']);
    const api = await send(proxy.url, 'POST', 'http://cam.tencentcloudapi.com/', { 'content-type': 'application/json' }, '{}');
    expect(api.status).toBe(502);
    expect(api.body).toContain('no fake serves host "cam.tencentcloudapi.com"');
    expect(proxy.refused).toEqual(['POST cam.tencentcloudapi.com/']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The real provider
// ---------------------------------------------------------------------------------------------------------------

/** The destination of a test: REPORTS created here with these props, or imported with a policy owner. */
type DestinationSetup = Partial<cos.InventoryDestinationProps> & { readonly imported?: BucketPolicyOwner };

function buildDestination(stack: TerraformStack, { imported, ...props }: DestinationSetup): cos.IInventoryDestination {
  const attributes = { bucketName: REPORTS, region: REGION, ownerUin: OWNER_UIN };
  return imported
    ? cos.InventoryDestination.fromBucketAttributes(stack, 'Destination', { ...attributes, policyOwner: imported })
    : new cos.InventoryDestination(stack, 'Destination', { ...attributes, ...props });
}

/** A destination and one inventory of LOGS into it. */
function buildInventoryStack(destination: DestinationSetup, inventory: Partial<cos.BucketInventoryProps>) {
  return (stack: TerraformStack) => {
    new cos.BucketInventory(stack, 'Inventory', { destination: buildDestination(stack, destination), bucketName: LOGS, ...inventory });
  };
}

describeWithRealProviders('real tencentcloud provider', () => {
  let world: RealProviderWorld | undefined;

  async function open(existingBuckets: string[]): Promise<RealProviderWorld> {
    world = await new RealProviderWorld().start(existingBuckets.map((name) => ({ name, region: REGION })));
    return world;
  }

  afterEach(async () => {
    await world?.stop();
    world = undefined;
  });

  test('created destination with its policy; an unencrypted config with prefix and fields goes through the provider resource', async () => {
    const w = await open([LOGS]);
    const inventory: Partial<cos.BucketInventoryProps> = { inventoryId: 'daily-logs', filter: { prefix: 'logs/' }, optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.ETAG], encryptReports: false };
    const destination: DestinationSetup = { reportExpirationDays: 7, bucketTags: { team: 'data' }, forceDestroy: true };
    w.synth(STACK, REGION, buildInventoryStack(destination, inventory));
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    w.expectCleanTraffic();

    // The bucket as COS holds it: private, SSE-COS by default, the report expiry, the tags.
    const bucket = w.cos.buckets.get(REPORTS)!;
    expect(bucket.acl).toBe('private');
    expect(bucket.subresources.get('encryption')).toContain('<SSEAlgorithm>AES256</SSEAlgorithm>');
    // The provider's S3 client writes these elements in no fixed order: compare them parsed.
    expect(xml.parse(bucket.subresources.get('lifecycle')!)).toEqual({
      LifecycleConfiguration: { Rule: { ID: 'expire-inventory-reports', Status: 'Enabled', Filter: { Prefix: 'cos_bucket_inventory/' }, Expiration: { Days: '7' } } },
    });
    expect(xml.parse(bucket.subresources.get('tagging')!)).toEqual({ Tagging: { TagSet: { Tag: { Key: 'team', Value: 'data' } } } });
    // The policy as sent (COS's answer shape, no Sid) and as COS keeps it.
    const policyPuts = w.cos.requests.filter((r) => 'policy' in r.query && r.method === 'PUT');
    expect(policyPuts.map((r) => JSON.parse(r.body))).toEqual([{ Statement: [REPORT_STATEMENT], version: '2.0' }]);
    expect(w.cos.policyOf(REPORTS)).toEqual({ Statement: [{ ...REPORT_STATEMENT, Sid: expect.any(String) }], version: '2.0' });
    // The config, byte for byte as the provider sent it, after the policy.
    expect(w.cos.inventoryPuts.map((r) => r.body)).toEqual([providerInventoryXml('daily-logs', 'logs/', ['Size', 'ETag'])]);
    expect(w.cos.requests.findIndex((r) => 'inventory' in r.query)).toBeGreaterThan(w.cos.requests.findIndex((r) => 'policy' in r.query && r.method === 'PUT'));
    expect((await w.plan()).code).toBe(0);

    w.synth(STACK, REGION, buildInventoryStack(destination, { ...inventory, filter: { prefix: 'logs/2024/' } }));
    // The provider resource changes in place; the reconciler, which records it, is replaced.
    expect(await w.plan()).toMatchObject({ code: 2, summary: 'Plan: 1 to add, 1 to change, 1 to destroy.' });
    await w.applyPlan();
    expect(w.cos.inventoryPuts.map((r) => r.body)).toEqual([
      providerInventoryXml('daily-logs', 'logs/', ['Size', 'ETag']),
      providerInventoryXml('daily-logs', 'logs/2024/', ['Size', 'ETag']),
    ]);
    expect((await w.plan()).code).toBe(0);

    await w.terraform('destroy', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
    expect(w.cos.buckets.has(REPORTS)).toBe(false);
    expect(w.cos.inventoryConfigsOf(LOGS).size).toBe(0);
    expect(w.cos.buckets.has(LOGS)).toBe(true);
    expect(w.terraform.log()).not.toContain(FAKE_SECRET_KEY);
  }, 240_000);

  test('existing destination, policy managed elsewhere; encrypted reports with a tag filter go through the handler', async () => {
    const w = await open([REPORTS, LOGS]);
    const destination: DestinationSetup = { imported: BucketPolicyOwner.ELSEWHERE };
    const inventory: Partial<cos.BucketInventoryProps> = { inventoryId: 'tagged', filter: { prefix: 'logs/', objectTags: { env: 'prod' } }, optionalFields: [cos.InventoryField.SIZE] };
    w.synth(STACK, REGION, buildInventoryStack(destination, inventory));
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    w.expectCleanTraffic();

    const tagged = (value: string) => handlerInventoryXml('tagged', 'Daily', `<And><Prefix>logs/</Prefix><Tag><Key>env</Key><Value>${value}</Value></Tag></And>`, ['Size']);
    expect(w.cos.inventoryPuts.map((r) => r.body)).toEqual([tagged('prod')]);
    expect(w.cos.inventoryConfigsOf(LOGS).get('tagged')).toBe(tagged('prod'));
    // The existing bucket and its policy are not touched: only the stack's ledger object in it is written.
    expect(w.cos.requests.filter((r) => r.bucket === REPORTS && !isLedgerRequest(r))).toEqual([]);
    expect((await w.plan()).code).toBe(0);

    w.synth(STACK, REGION, buildInventoryStack(destination, { ...inventory, filter: { prefix: 'logs/', objectTags: { env: 'staging' } } }));
    expect(await w.plan()).toMatchObject({ code: 2, summary: 'Plan: 1 to add, 0 to change, 1 to destroy.' });
    await w.applyPlan();
    expect(w.writes('inventory')).toEqual([`PUT ${LOGS} tagged 200`, `PUT ${LOGS} tagged 200`]);
    expect(w.cos.inventoryConfigsOf(LOGS).get('tagged')).toBe(tagged('staging'));
    expect((await w.plan()).code).toBe(0);

    await w.terraform('destroy', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
    expect(w.writes('inventory')).toEqual([`PUT ${LOGS} tagged 200`, `PUT ${LOGS} tagged 200`, `DELETE ${LOGS} tagged 204`]);
    expect(w.cos.inventoryConfigsOf(LOGS).size).toBe(0);
    expect([...w.cos.buckets.keys()].sort()).toEqual([LOGS, REPORTS]);
    expect(w.cos.policyOf(REPORTS)).toBeUndefined();
    const log = w.terraform.log();
    expect(log).not.toContain(FAKE_SECRET_KEY);
    expect(log).not.toContain(FAKE_SECRET_ID);
  }, 240_000);

  test('created destination with its policy; a weekly encrypted config with a creation period goes through the handler', async () => {
    const w = await open([LOGS]);
    const inventory: Partial<cos.BucketInventoryProps> = {
      inventoryId: 'weekly-period', frequency: InventoryFrequency.WEEKLY, filter: { prefix: 'data/', createdAfter: 1700000000, createdBefore: 1800000000 },
      optionalFields: [cos.InventoryField.LAST_MODIFIED_DATE],
    };
    w.synth(STACK, REGION, buildInventoryStack({}, inventory));
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    w.expectCleanTraffic();

    const periodic = (end: number) => handlerInventoryXml('weekly-period', 'Weekly',
      `<Prefix>data/</Prefix><Period><StartTime>1700000000</StartTime><EndTime>${end}</EndTime></Period>`, ['LastModifiedDate']);
    expect(w.cos.inventoryPuts.map((r) => r.body)).toEqual([periodic(1800000000)]);
    expect(w.cos.policyOf(REPORTS)).toEqual({ Statement: [{ ...REPORT_STATEMENT, Sid: expect.any(String) }], version: '2.0' });
    expect((await w.plan()).code).toBe(0);

    w.synth(STACK, REGION, buildInventoryStack({}, { ...inventory, filter: { ...inventory.filter, createdBefore: 1900000000 } }));
    expect(await w.plan()).toMatchObject({ code: 2, summary: 'Plan: 1 to add, 0 to change, 1 to destroy.' });
    await w.applyPlan();
    expect(w.cos.inventoryPuts.map((r) => r.body)).toEqual([periodic(1800000000), periodic(1900000000)]);
    expect((await w.plan()).code).toBe(0);

    await w.terraform('destroy', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
    expect(w.cos.inventoryConfigsOf(LOGS).size).toBe(0);
    expect(w.cos.buckets.has(REPORTS)).toBe(false);
  }, 240_000);

  test('created destination, policy managed elsewhere; the provider resource round-trips a creation period, and a new field', async () => {
    const w = await open([LOGS]);
    const inventory: Partial<cos.BucketInventoryProps> = {
      inventoryId: 'period-fields', filter: { prefix: 'logs/', createdAfter: 1568688761, createdBefore: 1568688762 },
      optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.ETAG], encryptReports: false,
    };
    const destination: DestinationSetup = { policyOwner: BucketPolicyOwner.ELSEWHERE, defaultEncryption: false };
    w.synth(STACK, REGION, buildInventoryStack(destination, inventory));
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    w.expectCleanTraffic();

    const period = '<Period><StartTime>1568688761</StartTime><EndTime>1568688762</EndTime></Period>';
    expect(w.cos.inventoryPuts.map((r) => r.body)).toEqual([providerInventoryXml('period-fields', 'logs/', ['Size', 'ETag'], period)]);
    expect(w.cos.buckets.get(REPORTS)?.subresources.has('encryption')).toBe(false);
    expect(w.writes('policy')).toEqual([]);
    expect(w.cos.policyOf(REPORTS)).toBeUndefined();
    expect((await w.plan()).code).toBe(0);

    w.synth(STACK, REGION, buildInventoryStack(destination, { ...inventory, optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.ETAG, cos.InventoryField.STORAGE_CLASS] }));
    expect(await w.plan()).toMatchObject({ code: 2, summary: 'Plan: 1 to add, 1 to change, 1 to destroy.' });
    await w.applyPlan();
    expect(w.cos.inventoryPuts).toHaveLength(2);
    expect(w.cos.inventoryPuts[1].body).toMatch(/^<InventoryConfiguration><Id>period-fields<\/Id>.*<OptionalFields>(<Field>(Size|ETag|StorageClass)<\/Field>){3}<\/OptionalFields>/);
    expect((await w.plan()).code).toBe(0);

    await w.terraform('destroy', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
    expect(w.cos.inventoryConfigsOf(LOGS).size).toBe(0);
    expect(w.cos.buckets.has(REPORTS)).toBe(false);
  }, 240_000);

  test('report expiry reaches every report prefix in use: a lifecycle rule per inventory reportPrefix, and the next plan is empty', async () => {
    const w = await open([LOGS]);
    w.synth(STACK, REGION, (stack) => {
      const destination = buildDestination(stack, { reportExpirationDays: 7, forceDestroy: true });
      new cos.BucketInventory(stack, 'Default', { destination, bucketName: LOGS, inventoryId: 'default-prefix' });
      new cos.BucketInventory(stack, 'Audit', { destination, bucketName: LOGS, inventoryId: 'audit-prefix', reportPrefix: 'audit' });
    });
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
    const rules = xml.parse(w.cos.buckets.get(REPORTS)!.subresources.get('lifecycle')!).LifecycleConfiguration.Rule;
    expect(rules).toEqual([
      { ID: 'expire-inventory-reports', Status: 'Enabled', Filter: { Prefix: 'cos_bucket_inventory/' }, Expiration: { Days: '7' } },
      { ID: 'expire-inventory-reports-audit', Status: 'Enabled', Filter: { Prefix: 'audit/' }, Expiration: { Days: '7' } },
    ]);
    expect((await w.plan()).code).toBe(0);
    await w.terraform('destroy', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
  }, 240_000);

  test('check --repair puts back a provider-managed and a handler-managed config so that check and terraform plan both find nothing', async () => {
    const w = await open([LOGS]);
    w.synth(STACK, REGION, (stack) => {
      const destination = buildDestination(stack, {});
      new cos.BucketInventory(stack, 'ByProvider', { destination, bucketName: LOGS, inventoryId: 'by-provider', filter: { prefix: 'logs/' }, optionalFields: [cos.InventoryField.SIZE], encryptReports: false });
      new cos.BucketInventory(stack, 'ByHandler', { destination, bucketName: LOGS, inventoryId: 'by-handler', filter: { prefix: 'data/' }, optionalFields: [cos.InventoryField.SIZE] });
    });
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
    const stackDir = path.join(w.dir, 'stacks', STACK);
    const env = { TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, COS_INVENTORY_PROXY: w.proxy.url };
    expect((await cli(['check', stackDir], env)).code).toBe(0);

    // Deleted in the console, both of them: check finds it, terraform plan only the provider's.
    w.cos.inventoryConfigsOf(LOGS).clear();
    const drift = await cli(['check', stackDir, '--json'], env);
    expect(drift.code).toBe(3);
    expect(JSON.parse(drift.stdout).configs.map((c: { path: string; id: string; status: string }) => `${c.path} ${c.id} ${c.status}`).sort())
      .toEqual(['handler by-handler missing', 'provider by-provider missing']);

    const repair = await cli(['check', stackDir, '--repair'], env);
    expect(repair.stdout).toContain('checked 2 inventory config(s): 0 match, 0 drifted, 2 missing, 2 repaired');
    expect(repair.code).toBe(0);
    // Put back in the form its owner puts: the prefix of the provider's config inside Filter/And, where the provider reads it.
    expect(w.cos.inventoryConfigsOf(LOGS).get('by-provider')).toContain('<Filter><And><Prefix>logs/</Prefix></And></Filter>');
    expect(w.cos.inventoryConfigsOf(LOGS).get('by-handler')).toContain('<Filter><Prefix>data/</Prefix></Filter>');
    expect((await cli(['check', stackDir], env)).code).toBe(0);
    expect((await w.plan()).code).toBe(0);

    // A provider config in the handler's form (as repair put it before): the provider would plan a change, so check says drift.
    const held = w.cos.inventoryConfigsOf(LOGS);
    held.set('by-provider', held.get('by-provider')!.replace('<And><Prefix>logs/</Prefix></And>', '<Prefix>logs/</Prefix>'));
    expect((await w.plan()).code).toBe(2);
    const reshaped = await cli(['check', stackDir], env);
    expect(reshaped.stdout).toContain('cos logs-1250000000 by-provider: Filter.And.Prefix: declared "logs/", live (none)');
    expect(reshaped.code).toBe(3);
    expect((await cli(['check', stackDir, '--repair'], env)).code).toBe(0);
    expect((await w.plan()).code).toBe(0);
    w.expectCleanTraffic();
    await w.terraform('destroy', '-auto-approve', '-input=false');
  }, 300_000);

  test('existing destination with its policy; turning on encryption moves the config from the provider resource to the handler, intact', async () => {
    const w = await open([REPORTS, LOGS]);
    const destination: DestinationSetup = { imported: BucketPolicyOwner.THIS_STACK };
    const inventory: Partial<cos.BucketInventoryProps> = { inventoryId: 'moving', filter: { prefix: 'logs/' }, optionalFields: [cos.InventoryField.SIZE], encryptReports: false };
    w.synth(STACK, REGION, buildInventoryStack(destination, inventory));
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
    expect(w.cos.inventoryPuts.map((r) => r.body)).toEqual([providerInventoryXml('moving', 'logs/', ['Size'])]);
    expect(w.cos.policyOf(REPORTS)).toEqual({ Statement: [{ ...REPORT_STATEMENT, Sid: expect.any(String) }], version: '2.0' });
    expect(w.cos.requests.filter((r) => r.bucket === REPORTS && !('policy' in r.query) && !isLedgerRequest(r))).toEqual([]);
    expect((await w.plan()).code).toBe(0);

    w.synth(STACK, REGION, buildInventoryStack(destination, { ...inventory, encryptReports: true }));
    // The reconciler is replaced and the provider resource forgotten (a `removed` block), not destroyed.
    expect(await w.plan()).toMatchObject({ code: 2, summary: 'Plan: 1 to add, 0 to change, 1 to destroy.' });
    await w.applyPlan();
    // Nothing deletes the config: the reconciler puts the encrypted one over the provider's.
    expect(w.cos.inventoryConfigsOf(LOGS).get('moving')).toBe(handlerInventoryXml('moving', 'Daily', '<Prefix>logs/</Prefix>', ['Size']));
    expect((await w.plan()).code).toBe(0);

    await w.terraform('destroy', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
    expect(w.cos.inventoryConfigsOf(LOGS).size).toBe(0);
    expect(w.cos.policyOf(REPORTS)).toBeUndefined();
    expect([...w.cos.buckets.keys()].sort()).toEqual([LOGS, REPORTS]);
  }, 240_000);
});

/** A request for the handler's ledger object, which lives in the destination bucket. */
function isLedgerRequest(request: { path: string; query: Record<string, string> }): boolean {
  return request.path.startsWith('/.cos-inventory/ledgers/') && Object.keys(request.query).length === 0;
}
