// The bundled handler as operators and terraform run it: `cos-inventory run|verify`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cli } from '../support/cli';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../support/fake-cos';
import { SPEC } from '../support/seed-job';


let cos: FakeCos;
beforeEach(async () => { cos = await new FakeCos({ deliverReports: true }).start(); });
afterEach(() => cos.stop());

const credentials = () => ({ TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, ...cos.handlerEnv });

test('run submits the job from INVENTORY_JOB: the result on stdout, the JobId and manifest location on stderr, never a secret', async () => {
  const result = await cli(['run'], { ...credentials(), INVENTORY_JOB: JSON.stringify(SPEC), INVENTORY_RUN_ID: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' });
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('cos-inventory: done: job audit-3f2504e04f89\n');
  expect(result.stderr).toMatch(/^cos-inventory: JobId: job-[0-9a-f]{16}$/m);
  expect(result.stderr).toContain('cos-inventory: manifest: cos://inventorybucket-1250000000/cos_bucket_inventory/1250000000/examplebucket/audit-3f2504e04f89/<yyyymmdd>/manifest.json');
  expect(result.stdout + result.stderr).not.toContain(FAKE_SECRET_KEY);
  expect(result.stdout + result.stderr).not.toContain(FAKE_SECRET_ID);
  expect(cos.inventoryPosts).toHaveLength(1);
});

test('verify checks the report of an earlier job', async () => {
  await cli(['run'], { ...credentials(), INVENTORY_JOB: JSON.stringify(SPEC), INVENTORY_RUN_ID: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' });
  const result = await cli(['verify', '--job-id', 'audit-3f2504e04f89'], { ...credentials(), INVENTORY_JOB: JSON.stringify(SPEC) });
  expect(result.stderr).toContain('cos-inventory: report verified: checksum matches, 1 data file(s) present with their stated sizes');
  expect(result.stdout).toBe('cos-inventory: done: report of job audit-3f2504e04f89 verified\n');
  expect(result.code).toBe(0);
});

test('without credentials it exits 2 before any request and says which variables to set, without the usage', async () => {
  const result = await cli(['run'], { INVENTORY_JOB: JSON.stringify(SPEC) });
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('cos-inventory: error: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set (the variables the tencentcloud provider reads)\n');
  expect(result.stdout).toBe('');
});

test('a run id without 12 hex digits is a bad flag: exit 2 before any request', async () => {
  const result = await cli(['run', '--run-id', 'xyz'], { ...credentials(), INVENTORY_JOB: JSON.stringify(SPEC) });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('--run-id = "xyz": must hold at least 12 hex digits');
  expect(cos.requests).toHaveLength(0);
});

test('--version prints the package version on stdout', async () => {
  const result = await cli(['--version'], {});
  expect(result.code).toBe(0);
  expect(result.stdout).toBe(`${require('../../package.json').version}\n`);
});

test.each([
  ['$(touch x)'],
  ['evil.example.com'],
  ['user@{Bucket}.cos.{Region}.myqcloud.com'],
  ['{Bucket}.cos.{Region}.myqcloud.com:8443'],
  ['{Bucket}.cos.{Region}.myqcloud.com\n'],
])('COS_INVENTORY_DOMAIN = %j is refused: exit 2 before any signed request', async (domain) => {
  const result = await cli(['run'], { ...credentials(), COS_INVENTORY_DOMAIN: domain, INVENTORY_JOB: JSON.stringify(SPEC) });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`COS_INVENTORY_DOMAIN = ${JSON.stringify(domain)}: must`);
  expect(cos.requests).toHaveLength(0);
});

test('OBS_INVENTORY_DOMAIN = "http://user@evil.example.com" is refused: exit 2 before any signed request', async () => {
  const config = {
    version: 1, service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', id: 'x', enabled: true, frequency: 'Daily',
    includedObjectVersions: 'Current', optionalFields: [], destination: { bucket: 'destbucket' },
  };
  const result = await cli(['put'], { HW_ACCESS_KEY: 'a', HW_SECRET_KEY: 'b', OBS_INVENTORY_DOMAIN: 'http://user@evil.example.com', INVENTORY_CONFIG: JSON.stringify(config) });
  expect(result.stderr).toContain('OBS_INVENTORY_DOMAIN = "http://user@evil.example.com": must be a host name template');
  expect(result.code).toBe(2);
});

test('a bad job description exits 2; an unknown command exits 2 with the usage', async () => {
  const bad = await cli(['run'], { ...credentials(), INVENTORY_JOB: JSON.stringify({ ...SPEC, schedule: 'Daily' }) });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('schedule = "Daily": is not a field of this document');
  const unknown = await cli(['explode'], {});
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('unknown command "explode"');
  expect(unknown.stderr).toContain('usage:');
  expect(bad.stderr).not.toContain('usage:');
});

test('a wrong protocol setting is bad input (exit 2), not a failed request', async () => {
  const result = await cli(['run'], { ...credentials(), COS_INVENTORY_PROTOCOL: 'ftp:', INVENTORY_JOB: JSON.stringify(SPEC) });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('COS_INVENTORY_PROTOCOL = "ftp:": must be http: or https:');
  expect(cos.requests).toHaveLength(0);
});

test('verify bounds --since, --job-id and the wait before any request', async () => {
  const verify = (...flags: string[]) => cli(['verify', ...flags], { ...credentials(), INVENTORY_JOB: JSON.stringify(SPEC) });
  const old = await verify('--job-id', 'audit-3f2504e04f89', '--since', '2000-01-01');
  expect(old.code).toBe(2);
  expect(old.stderr).toContain('--since = "2000-01-01": must be at most 7 days ago');
  const badId = await verify('--job-id', 'x/../y');
  expect(badId.stderr).toContain('--job-id = "x/../y": must use only the characters a-z A-Z 0-9 - _ .');
  const spin = await verify('--job-id', 'audit-3f2504e04f89', '--timeout', '60', '--interval', '0');
  expect(spin.stderr).toContain('--interval = 0: must be a whole number of seconds from 1 to 600');
  const notNumber = await verify('--job-id', 'audit-3f2504e04f89', '--timeout', 'soon');
  expect(notNumber.stderr).toContain('--timeout = "soon": must be a whole number of seconds from 1 to 86400');
  expect(cos.requests).toHaveLength(0);
});

test('output larger than a pipe buffer reaches the reader whole before the process exits', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cli-')), 'job.json');
  writeFileSync(file, JSON.stringify({ ...SPEC, optionalFields: Array.from({ length: 2000 }, (_, i) => `Field${i}`) }));
  const result = await cli(['run', '--job', file], credentials());
  expect(result.code).toBe(2);
  expect(result.stderr.length).toBeGreaterThan(128 * 1024);
  expect(result.stderr).toContain('optionalFields[1999] = "Field1999": must be one of');
  // The last line arrives too: the error itself (no usage follows a bad document).
  expect(result.stderr.trimEnd()).toMatch(/optionalFields\[1999\] = "Field1999": must be one of [^\n]*\(pass a file or set INVENTORY_JOB\)$/);
});
