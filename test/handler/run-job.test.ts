// Behaviour of the handler against the fake COS, through the handler's own COS client (which signs; the fake verifies).
import { createCosApi } from '../../src/handler/cos-api';
import { ServiceRequestError } from '../../src/handler/service-error';
import { SPEC } from '../support/seed-job';
import { JobDependencies, runInventoryJob } from '../../src/handler/run-job';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../support/fake-cos';

const RUN_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const JOB_ID = 'audit-3f2504e04f89';

let cos: FakeCos;
let lines: string[];

function deps(overrides: Partial<JobDependencies> = {}): JobDependencies {
  return {
    api: createCosApi({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY }, { proxy: cos.proxyUrl, protocol: 'http:', timeoutMs: 2000 }),
    log: (line) => lines.push(line),
    now: () => new Date(),
    sleep: async () => undefined,
    random: () => 0.5,
    ...overrides,
  };
}

async function withFake(options: ConstructorParameters<typeof FakeCos>[0], body: () => Promise<void>) {
  cos = await new FakeCos(options).start();
  lines = [];
  try {
    await body();
  } finally {
    await cos.stop();
  }
}

describe('runInventoryJob', () => {
  test('submits one signed POST with the documented body and returns the JobId', () => withFake({}, async () => {
    const result = await runInventoryJob(SPEC, RUN_ID, deps());
    expect(result).toMatchObject({ jobId: JOB_ID, alreadySubmitted: false, reportLocation: 'cos://inventorybucket-1250000000/cos_bucket_inventory/1250000000/examplebucket/audit-3f2504e04f89' });
    expect(result.cosJobId).toMatch(/^job-[0-9a-f]{16}$/);
    expect(cos.inventoryPosts).toHaveLength(1);
    const post = cos.inventoryPosts[0];
    expect(post).toMatchObject({ status: 200, bucket: 'examplebucket-1250000000', region: 'ap-guangzhou', query: { inventory: '', id: JOB_ID } });
    expect(post.headers.host).toBe('examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com');
    expect(post.body).toContain('<Id>audit-3f2504e04f89</Id>');
    expect(lines).toContain(`JobId: ${result.cosJobId}`);
    expect(lines).toContain('manifest: cos://inventorybucket-1250000000/cos_bucket_inventory/1250000000/examplebucket/audit-3f2504e04f89/<yyyymmdd>/manifest.json');
  }));

  test('a security token is sent as x-cos-security-token', () => withFake({}, async () => {
    const api = createCosApi({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY, securityToken: 'sts-token' }, { proxy: cos.proxyUrl, protocol: 'http:' });
    await runInventoryJob(SPEC, RUN_ID, deps({ api }));
    expect(cos.inventoryPosts[0].headers['x-cos-security-token']).toBe('sts-token');
  }));

  test('retries 500s and connection resets with jittered backoff, then succeeds', () => withFake({}, async () => {
    cos.inject({ kind: 'status', status: 500, code: 'InternalError' }, { kind: 'reset' }, { kind: 'status', status: 503, code: 'SlowDown' });
    const sleeps: number[] = [];
    const result = await runInventoryJob(SPEC, RUN_ID, deps({ sleep: async (ms) => { sleeps.push(ms); }, random: () => 0.5 }));
    expect(result.jobId).toBe(JOB_ID);
    expect(cos.requests.map((r) => r.status)).toEqual([500, -1, 503, 200]);
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(lines.filter((l) => l.includes('retrying'))).toHaveLength(3);
  }));

  test('gives up after the bounded attempts with the code, message, request id, bucket and job id', () => withFake({}, async () => {
    cos.inject(...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 500, code: 'InternalError', message: 'try later' })));
    await expect(runInventoryJob(SPEC, RUN_ID, deps())).rejects.toThrow(
      /^POST Bucket inventory failed: InternalError \(HTTP 500\): try later; request id fake-4-[0-9a-f]{8}; bucket examplebucket-1250000000; job id audit-3f2504e04f89$/,
    );
    expect(cos.requests).toHaveLength(4);
  }));

  test('a 403 is not retried', () => withFake({}, async () => {
    cos.inject({ kind: 'status', status: 403, code: 'AccessDenied', message: 'Access Denied.' });
    await expect(runInventoryJob(SPEC, RUN_ID, deps())).rejects.toThrow(/AccessDenied \(HTTP 403\): Access Denied\.; request id fake-1-/);
    expect(cos.requests).toHaveLength(1);
  }));

  test('a wrong secret key is refused by the signature check', () => withFake({}, async () => {
    const api = createCosApi({ secretId: FAKE_SECRET_ID, secretKey: 'wrong' }, { proxy: cos.proxyUrl, protocol: 'http:' });
    await expect(runInventoryJob(SPEC, RUN_ID, deps({ api }))).rejects.toThrow(/SignatureDoesNotMatch \(HTTP 403\): signature does not match/);
  }));

  test('a duplicate id for the same run (the answer to an earlier attempt was lost) is success', () => withFake({}, async () => {
    // The first POST reaches COS, but its answer is lost; the retry meets the id it registered.
    const api = createCosApi({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY }, { proxy: cos.proxyUrl, protocol: 'http:' });
    const lossy = { ...api, postInventory: async (...args: Parameters<typeof api.postInventory>) => {
      if (cos.inventoryPosts.length === 0) {
        await api.postInventory(...args);
        throw new ServiceRequestError('socket hang up', undefined, undefined, undefined, 'ECONNRESET');
      }
      return api.postInventory(...args);
    } };
    const result = await runInventoryJob(SPEC, RUN_ID, deps({ api: lossy }));
    expect(result).toMatchObject({ jobId: JOB_ID, alreadySubmitted: true, cosJobId: undefined });
    expect(cos.inventoryPosts.map((r) => r.status)).toEqual([200, 409]);
    expect(lines).toContain('job id audit-3f2504e04f89 was already submitted by this run (HTTP 409); not submitting it again');
  }));

  test('an empty answer, as the Chinese POST Bucket inventory page documents it, is success without a JobId', () => withFake({ emptyPostInventoryBody: true }, async () => {
    const result = await runInventoryJob(SPEC, RUN_ID, deps());
    expect(result).toMatchObject({ jobId: JOB_ID, cosJobId: undefined, alreadySubmitted: false });
    expect(lines).toContain('JobId: (none returned)');
    expect(lines.some((line) => line.startsWith('warning:'))).toBe(false);
  }));

  test('a 2xx whose body does not parse is success with a warning naming the status and request id', () => withFake({}, async () => {
    const api = { postInventory: async () => ({ statusCode: 200, requestId: 'req-7', body: '<PostInventoryResult><JobId>cut' }) } as any;
    const result = await runInventoryJob(SPEC, RUN_ID, deps({ api }));
    expect(result).toMatchObject({ jobId: JOB_ID, cosJobId: undefined, alreadySubmitted: false });
    expect(lines.find((line) => line.startsWith('warning:'))).toMatch(/^warning: COS accepted the job \(HTTP 200, request id req-7\) but its answer is not the documented XML/);
  }));

  test('a 409 on the first attempt is a clash with another id, not success', () => withFake({}, async () => {
    const api = createCosApi({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY }, { proxy: cos.proxyUrl, protocol: 'http:' });
    await runInventoryJob(SPEC, RUN_ID, deps({ api }));
    await expect(runInventoryJob(SPEC, RUN_ID, deps({ api }))).rejects.toThrow(
      /POST Bucket inventory failed: \w+ \(HTTP 409\): .*; request id fake-\d+-[0-9a-f]{8}; bucket examplebucket-1250000000; job id audit-3f2504e04f89 \(the id is taken: a periodic config or another job on this bucket has it\)/,
    );
  }));

  test('the seed rules are enforced by the fake: IsEnabled is refused with InvalidArgument', () => withFake({}, async () => {
    const api = createCosApi({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY }, { proxy: cos.proxyUrl, protocol: 'http:' });
    const xml = '<InventoryConfiguration><Id>x1</Id><IsEnabled>true</IsEnabled></InventoryConfiguration>';
    await expect(api.postInventory('examplebucket-1250000000', 'ap-guangzhou', 'x1', xml)).rejects.toMatchObject({
      statusCode: 400, code: 'InvalidArgument', message: 'a one-time inventory job cannot include IsEnabled or Schedule',
    });
    await expect(api.postInventory('examplebucket-1250000000', 'ap-guangzhou', 'x2', '<Inventory')).rejects.toMatchObject({ statusCode: 400, code: 'MalformedXML' });
  }));

  test('a slow answer beyond the timeout is a network error that is retried', () => withFake({}, async () => {
    cos.inject({ kind: 'delay', ms: 2500 });
    const api = createCosApi({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY }, { proxy: cos.proxyUrl, protocol: 'http:', timeoutMs: 500 });
    const result = await runInventoryJob(SPEC, RUN_ID, deps({ api }));
    expect(result.jobId).toBe(JOB_ID);
    expect(lines.some((l) => /attempt 1 failed: network error E(SOCKET)?TIMEDOUT/.test(l))).toBe(true);
  }));
});

describe('waiting for and verifying the report', () => {
  const waiting = { ...SPEC, wait: { timeoutSeconds: 60, pollIntervalSeconds: 1 } };

  test('finds the manifest at the documented path and checks checksum and data files', () => withFake({ deliverReports: true }, async () => {
    const result = await runInventoryJob(waiting, RUN_ID, deps());
    expect(result.report?.manifestKey).toMatch(/^cos_bucket_inventory\/1250000000\/examplebucket\/audit-3f2504e04f89\/\d{8}\/manifest\.json$/);
    expect(result.report?.fileSchema).toBe('Appid, Bucket, Key, Size, LastModifiedDate, StorageClass, ETag, Tag');
    expect(lines.at(-1)).toBe('report verified: checksum matches, 1 data file(s) present with their stated sizes');
  }));

  test.each([
    ['checksum', /manifest\.checksum says 0{32}, but manifest\.json has MD5 [0-9a-f]{32}/],
    ['missing-file', /data file .*\.csv\.gz is missing/],
    ['size', /data file .*\.csv\.gz has \d+ bytes, the manifest says \d+/],
  ] as const)('a report with a bad %s fails', (corruptReport, message) => withFake({ deliverReports: true, corruptReport }, async () => {
    await expect(runInventoryJob(waiting, RUN_ID, deps())).rejects.toThrow(message);
  }));

  test('no report before the deadline fails, after backing off', () => withFake({}, async () => {
    let clock = Date.parse('2026-11-22T10:00:00Z');
    const sleeps: number[] = [];
    const run = runInventoryJob({ ...SPEC, wait: { timeoutSeconds: 30, pollIntervalSeconds: 4 } }, RUN_ID, deps({
      now: () => new Date(clock),
      sleep: async (ms) => { sleeps.push(ms); clock += ms; },
    }));
    await expect(run).rejects.toThrow('waiting for the report failed: no report for job audit-3f2504e04f89 after 30s');
    expect(sleeps).toEqual([4000, 8000, 16000, 2000]);
  }));
});
