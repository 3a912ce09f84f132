// Put, read back and delete of periodic configs: the handler's own OBS client against the fake OBS, and the handler's own COS
// client (cos-client.ts) against the fake COS. Both fakes verify every signature.
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';
import { createCosInventoryConfigApi } from '../../src/handler/cos-config-api';
import { parseConfig as parseManagedSpec, parseTarget } from '../../src/contract/config';
import type { ManagedInventorySpec } from '../../src/contract/spec';
import { deleteConfig, InventoryConfigApi, ManagedDependencies, putAndVerify } from '../../src/handler/managed-inventory';
import { createObsInventoryConfigApi } from '../../src/handler/obs-api';
import { createObsClient } from '../../src/handler/obs-client';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../support/fake-cos';
import { FAKE_OBS_ACCESS_KEY, FAKE_OBS_SECRET_KEY, FakeObs } from '../support/fake-obs';
import { obsStringToSign } from '../support/obs-signature';

const OBS_SPEC: ManagedInventorySpec = {
  version: 1, service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', id: 'test_id', enabled: true, frequency: 'Daily',
  includedObjectVersions: 'All', optionalFields: ['Size', 'LastModifiedDate', 'ETag', 'IsMultipartUploaded', 'ReplicationStatus'],
  filter: { prefix: 'inventoryTestPrefix' }, destination: { bucket: 'destbucket', prefix: 'dest-prefix' },
};

const COS_SPEC: ManagedInventorySpec = {
  version: 1, service: 'cos', bucket: 'examplebucket-1250000000', region: 'ap-guangzhou', id: 'tagged', enabled: true, frequency: 'Weekly',
  includedObjectVersions: 'Current', optionalFields: ['Size', 'Tag'],
  filter: { prefix: 'photos/', tags: [{ key: 'team', value: 'media' }] },
  destination: { bucket: 'inventorybucket-1250000000', prefix: 'cos_bucket_inventory', accountId: '100000000001', encryption: true },
};

let lines: string[];
const deps = (api: InventoryConfigApi): ManagedDependencies => ({ api, log: (l) => lines.push(l), sleep: async () => undefined, random: () => 0.5 });
beforeEach(() => { lines = []; });

describe('OBS (the handler\'s own OBS client against the fake OBS)', () => {
  let obs: FakeObs;
  let api: InventoryConfigApi;
  beforeEach(async () => {
    obs = await new FakeObs().start();
    api = createObsInventoryConfigApi(createObsClient({ accessKey: FAKE_OBS_ACCESS_KEY, secretKey: FAKE_OBS_SECRET_KEY }, obs.endpoint));
  });
  afterEach(() => obs.stop());

  test('puts the seed config, reads it back, deletes it', async () => {
    await putAndVerify(OBS_SPEC, deps(api));
    expect(obs.configs.get('examplebucket')?.get('test_id')).toEqual({
      Id: 'test_id', IsEnabled: 'true', Filter: { Prefix: 'inventoryTestPrefix' },
      Destination: { Format: 'CSV', Bucket: 'destbucket', Prefix: 'dest-prefix' }, Schedule: { Frequency: 'Daily' },
      IncludedObjectVersions: 'All', OptionalFields: { Field: OBS_SPEC.optionalFields },
    });
    await deleteConfig(OBS_SPEC, deps(api));
    expect(obs.configs.get('examplebucket')?.size).toBe(0);
    expect(obs.inventoryCalls).toEqual(['PUT examplebucket test_id 200', 'GET examplebucket test_id 200', 'DELETE examplebucket test_id 204']);
    expect(lines).toEqual([
      'putting OBS bucket examplebucket (cn-north-4), inventory test_id',
      'put and read back OBS bucket examplebucket (cn-north-4), inventory test_id',
      'deleted OBS bucket examplebucket (cn-north-4), inventory test_id',
    ]);
  });

  test('deleting a config that is already gone succeeds', async () => {
    await deleteConfig(OBS_SPEC, deps(api));
    expect(lines).toEqual(['OBS bucket examplebucket (cn-north-4), inventory test_id was already gone']);
  });

  test('overlapping prefixes are refused with PrefixExistInclusionRelationship', async () => {
    await putAndVerify(OBS_SPEC, deps(api));
    await expect(putAndVerify({ ...OBS_SPEC, id: 'other', filter: { prefix: 'inventoryTest' } }, deps(api))).rejects.toThrow(
      /^PUT Bucket inventory failed: PrefixExistInclusionRelationship \(HTTP 400\): prefix "inventoryTest" overlaps the prefix "inventoryTestPrefix" of inventory test_id; request id fake-\d+-[0-9a-f]{8}; OBS bucket examplebucket \(cn-north-4\), inventory other$/,
    );
  });

  test('an eleventh config is refused with InventoryCountOverLimit', async () => {
    for (let i = 0; i < 10; i++) await putAndVerify({ ...OBS_SPEC, id: `c${i}`, filter: { prefix: `p${i}/` } }, deps(api));
    await expect(putAndVerify({ ...OBS_SPEC, id: 'c10', filter: { prefix: 'p10/' } }, deps(api))).rejects.toThrow(/InventoryCountOverLimit \(HTTP 400\)/);
  });

  test('a wrong secret is refused by the signature check', async () => {
    const bad = createObsInventoryConfigApi(createObsClient({ accessKey: FAKE_OBS_ACCESS_KEY, secretKey: 'wrong' }, obs.endpoint));
    await expect(putAndVerify(OBS_SPEC, deps(bad))).rejects.toThrow(/SignatureDoesNotMatch \(HTTP 403\): signature does not match/);
  });

  test('a 500 is retried, then the put goes through', async () => {
    obs.inject({ kind: 'status', status: 500, code: 'InternalError' });
    await putAndVerify(OBS_SPEC, deps(api));
    expect(obs.inventoryCalls).toEqual(['PUT examplebucket test_id 500', 'PUT examplebucket test_id 200', 'GET examplebucket test_id 200']);
  });

  test('the fake answers the seed\'s error codes: InvalidArgument and MalformedXML', async () => {
    await expect(putAndVerify({ ...OBS_SPEC, frequency: 'Monthly' as 'Daily' }, deps(api))).rejects.toThrow(/InvalidArgument \(HTTP 400\): Schedule\/Frequency must be Daily or Weekly/);
    const body = '<InventoryConfiguration><Id>';
    const headers: Record<string, string> = {
      host: 'examplebucket.obs.cn-north-4.myhuaweicloud.com', date: new Date().toUTCString(),
      'content-md5': createHash('md5').update(body).digest('base64'), 'content-type': 'application/xml',
    };
    const input = { method: 'PUT', bucket: 'examplebucket', key: '', query: new URLSearchParams('inventory&id=x'), headers };
    headers.authorization = `OBS ${FAKE_OBS_ACCESS_KEY}:${createHmac('sha1', FAKE_OBS_SECRET_KEY).update(obsStringToSign(input)).digest('base64')}`;
    const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const req = request(`${obs.url}/?inventory&id=x`, { method: 'PUT', headers }, (res) => {
        let text = '';
        res.on('data', (chunk) => { text += chunk; });
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<Code>MalformedXML</Code>');
  });

  test('values with XML syntax reach OBS intact: the body is built and escaped by fast-xml-parser, signed by the SDK', async () => {
    const awkward = { ...OBS_SPEC, filter: { prefix: 'a<b/&"\'>]]>/' }, destination: { ...OBS_SPEC.destination, prefix: 'rep&‹ü>' } };
    await putAndVerify(awkward, deps(api));
    const stored = obs.configs.get('examplebucket')?.get('test_id');
    expect(stored.Filter.Prefix).toBe('a<b/&"\'>]]>/');
    expect(stored.Destination.Prefix).toBe('rep&‹ü>');
    expect(obs.requests.find((r) => r.method === 'PUT')?.body).toContain('<Prefix>a&lt;b/&amp;&quot;&apos;&gt;]]&gt;/</Prefix>');
  });

  test('an OBS region that is not a region id never becomes a host', async () => {
    await expect(api.read({ ...OBS_SPEC, region: 'attacker.example/#' })).rejects.toThrow('OBS region "attacker.example/#" is not an OBS region id such as cn-north-4');
    expect(obs.requests).toHaveLength(0);
  });

  test('a read-back that differs from what was put fails', async () => {
    const drifting: InventoryConfigApi = { ...api, read: async (t) => ({ ...(await api.read(t)), 'Schedule.Frequency': 'Weekly' }) };
    await expect(putAndVerify(OBS_SPEC, deps(drifting))).rejects.toThrow(
      'read-back failed for OBS bucket examplebucket (cn-north-4), inventory test_id: the service holds another config:\n  Schedule.Frequency: declared "Daily", live "Weekly"',
    );
  });
});

describe('COS periodic configs with a tag filter (the handler client against the fake COS)', () => {
  let cos: FakeCos;
  let api: InventoryConfigApi;
  beforeEach(async () => {
    cos = await new FakeCos().start();
    api = createCosInventoryConfigApi({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY }, { proxy: cos.proxyUrl, protocol: 'http:' });
  });
  afterEach(() => cos.stop());

  test('puts with IsEnabled, Schedule and the tag filter, reads back, deletes', async () => {
    await putAndVerify(COS_SPEC, deps(api));
    const xml = cos.configs.get('examplebucket-1250000000')?.get('tagged');
    expect(xml).toContain('<Id>tagged</Id><IsEnabled>true</IsEnabled>');
    expect(xml).toContain('<Schedule><Frequency>Weekly</Frequency></Schedule><Filter><And><Prefix>photos/</Prefix><Tag><Key>team</Key><Value>media</Value></Tag></And></Filter>');
    await deleteConfig(COS_SPEC, deps(api));
    expect(cos.configs.get('examplebucket-1250000000')?.size).toBe(0);
    expect(cos.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 200', 'GET 200', 'DELETE 204']);
  });

  test('every request is tried at most 4 times in all, whichever method: PUT, read-back GET, DELETE', async () => {
    const unavailable = () => Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 503, code: 'ServiceUnavailable' }));
    const attempts = (method: string) => cos.requests.filter((r) => r.method === method).length;
    cos.inject(...unavailable());
    await expect(putAndVerify(COS_SPEC, deps(api))).rejects.toThrow(/PUT Bucket inventory failed: ServiceUnavailable \(HTTP 503\): .*; request id fake-/);
    expect(attempts('PUT')).toBe(4);
    cos.inject({ kind: 'pass' }, ...unavailable());
    await expect(putAndVerify(COS_SPEC, deps(api))).rejects.toThrow(/GET Bucket inventory failed: ServiceUnavailable \(HTTP 503\)/);
    expect(attempts('GET')).toBe(4);
    cos.inject(...unavailable());
    await expect(deleteConfig(COS_SPEC, deps(api))).rejects.toThrow(/DELETE Bucket inventory failed: ServiceUnavailable \(HTTP 503\)/);
    expect(attempts('DELETE')).toBe(4);
  });

  test('a config readable only a moment after its PUT: the read-back is tried again on 404, with backoff, at most 4 times', async () => {
    const notYet = (n: number) => Array.from({ length: n }, () => ({ kind: 'status' as const, status: 404, code: 'NoSuchInventoryConfiguration' }));
    cos.inject({ kind: 'pass' }, ...notYet(2));
    await putAndVerify(COS_SPEC, deps(api));
    expect(cos.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 200', 'GET 404', 'GET 404', 'GET 200']);
    expect(lines.filter((l) => l.includes('not readable yet'))).toEqual([
      'COS bucket examplebucket-1250000000 (ap-guangzhou), inventory tagged is not readable yet (404 on read 1); reading again in 250 ms',
      'COS bucket examplebucket-1250000000 (ap-guangzhou), inventory tagged is not readable yet (404 on read 2); reading again in 500 ms',
    ]);
    cos.requests.length = 0;
    cos.inject({ kind: 'pass' }, ...notYet(4));
    await expect(putAndVerify(COS_SPEC, deps(api))).rejects.toThrow(
      'read-back failed for COS bucket examplebucket-1250000000 (ap-guangzhou), inventory tagged: the config is missing right after it was put (4 reads)',
    );
    expect(cos.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 200', 'GET 404', 'GET 404', 'GET 404', 'GET 404']);
  });

  test('encrypted reports are sent as the documented empty <SSE-COS>, and a read-back without it fails', async () => {
    const encrypted = { ...COS_SPEC, destination: { ...COS_SPEC.destination, encryption: true } };
    await putAndVerify(encrypted, deps(api));
    expect(cos.configs.get('examplebucket-1250000000')?.get('tagged')).toContain('<Encryption><SSE-COS></SSE-COS></Encryption>');
    const dropping: InventoryConfigApi = { ...api, read: async (t) => Object.fromEntries(Object.entries((await api.read(t))!).filter(([key]) => !key.includes('Encryption'))) };
    await expect(putAndVerify(encrypted, deps(dropping))).rejects.toThrow('Destination.COSBucketDestination.Encryption: declared "SSE-COS", live (none)');
  });
});

describe('parseManagedSpec', () => {
  test('refuses what each service cannot take', () => {
    expect(() => parseManagedSpec(JSON.stringify({ ...OBS_SPEC, optionalFields: ['StorageClass'], filter: { tags: [{ key: 'a', value: 'b' }] } }))).toThrow([
      'inventory config refused:',
      '  optionalFields[0] = "StorageClass": must be one of Size, LastModifiedDate, ETag, IsMultipartUploaded, ReplicationStatus',
      '  filter = {"tags":[{"key":"a","value":"b"}]}: OBS inventories filter by prefix only',
    ].join('\n'));
    expect(() => parseManagedSpec(JSON.stringify({ ...COS_SPEC, destination: { bucket: 'inventorybucket-1250000000' } }))).toThrow(
      'destination.accountId = undefined: is required for COS: the numeric owner UIN of the destination account',
    );
  });
});

describe('parseTarget', () => {
  test('a delete target names a service the handler knows, and a bucket, region and id that service could hold', () => {
    expect(() => parseTarget(JSON.stringify({ version: 1, service: 'gcs', bucket: 'b', region: 'r', id: 'i' }))).toThrow('service = "gcs": must be one of cos, obs');
    expect(() => parseTarget(JSON.stringify({ version: 1, service: 'obs', bucket: 'examplebucket', region: 'attacker.example/#', id: 'i' }))).toThrow(
      'region = "attacker.example/#": must be an OBS region id such as cn-north-4',
    );
    expect(() => parseTarget(JSON.stringify({ version: 1, service: 'cos', bucket: 'nosuffix', region: 'ap-guangzhou', id: 'bad id' }))).toThrow(
      /bucket = "nosuffix": must be <name>-<APPID>[\s\S]*id = "bad id": must use only the characters/,
    );
  });
});
