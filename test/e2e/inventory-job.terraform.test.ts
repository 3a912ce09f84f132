// End to end: synthesize the one-off job example, then run the real `terraform init`, `apply` and `destroy`
// (terraform_data is built in, so this works offline) with the handler talking to the fake COS on 127.0.0.1.
// Lifecycle under test: one POST on the first apply, none on an unchanged apply, one after a config change,
// none on destroy; and no credential anywhere in the synthesized JSON, the state or the apply log. Every test has
// its own fake COS and its own directory, so each runs alone (`jest -t`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { keepStateIn, planExitCode, terraformRunner } from '../support/terraform';
import { OneOffJobOptions, synthesize } from '../../examples/one-off-job/main';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../support/fake-cos';

const STACK = 'cos-inventory-one-off-job';

let cos: FakeCos;
let outdir: string;

const stackDir = () => path.join(outdir, 'stacks', STACK);

function synthInto(options: OneOffJobOptions): void {
  keepStateIn(synthesize(new App({ outdir }), options), outdir).synth();
}

const terraform = terraformRunner(stackDir, () => ({
  TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID,
  TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY,
  ...cos.handlerEnv,
}));

/** Synthesizes the example and runs `terraform init` in its own directory. */
async function initWith(options: OneOffJobOptions): Promise<void> {
  synthInto(options);
  await terraform('init', '-input=false');
}

beforeEach(async () => {
  cos = await new FakeCos().start();
  outdir = mkdtempSync(path.join(tmpdir(), 'cos-inventory-e2e-'));
});

afterEach(async () => {
  await cos.stop();
  rmSync(outdir, { recursive: true, force: true });
});

test('create runs the job once, an unchanged apply runs nothing, a change runs it again, destroy runs nothing', async () => {
  await initWith({ prefix: 'myPrefix' });

  const firstApply = await terraform('apply', '-auto-approve', '-input=false');
  expect(cos.inventoryPosts).toHaveLength(1);
  const first = cos.inventoryPosts[0];
  expect(first.status).toBe(200);
  expect(first.bucket).toBe('examplebucket-1250000000');
  expect(first.body).toContain('<Filter><And><Prefix>myPrefix</Prefix><Tag><Key>age</Key><Value>18</Value></Tag></And></Filter>');
  expect(first.query.id).toMatch(/^pre-migration-audit-[0-9a-f]{12}$/);
  expect(firstApply).toContain(`cos-inventory: JobId: job-`);
  expect(JSON.parse(await terraform('output', '-json')).job_id.value).toBe(first.query.id);
  const state = await terraform('state', 'pull');
  expect(state).toContain('terraform_data');
  expect(state).not.toContain(FAKE_SECRET_KEY);
  expect(state).not.toContain(FAKE_SECRET_ID);

  await terraform('apply', '-auto-approve', '-input=false');
  expect(cos.inventoryPosts).toHaveLength(1);
  expect(await planExitCode(terraform)).toMatchObject({ code: 0 });

  synthInto({ prefix: 'otherPrefix' });
  await terraform('apply', '-auto-approve', '-input=false');
  expect(cos.inventoryPosts).toHaveLength(2);
  const second = cos.inventoryPosts[1];
  expect(second.body).toContain('<Prefix>otherPrefix</Prefix>');
  expect(second.query.id).not.toBe(first.query.id);

  await terraform('destroy', '-auto-approve', '-input=false');
  expect(cos.inventoryPosts).toHaveLength(2);

  const synthesized = readFileSync(path.join(stackDir(), 'cdk.tf.json'), 'utf8');
  for (const text of [synthesized, terraform.log()]) {
    expect(text).not.toContain(FAKE_SECRET_KEY);
    expect(text).not.toContain(FAKE_SECRET_ID);
  }
}, 240_000);

test('only what defines the job re-runs it: a failed wait taints only the wait, a wait-setting change submits nothing, rerunKey does', async () => {
  await cos.stop();
  cos = await new FakeCos({ deliverReports: true, corruptReport: 'missing-file' }).start();
  await initWith({ waitTimeoutSeconds: 5 });
  const failure = await terraform('apply', '-auto-approve', '-input=false').then(() => undefined, (err: { stderr: string }) => err);
  expect(failure?.stderr.replace(/\s+/g, ' ')).toMatch(/waiting for the report failed/);
  expect(cos.inventoryPosts).toHaveLength(1);
  const jobId = cos.inventoryPosts[0].query.id;

  // COS finishes writing the report; the next apply waits again for the same job and submits nothing.
  const manifestKey = [...cos.objects.keys()].find((key) => key.includes(jobId) && key.endsWith('/manifest.json'))!;
  const { files } = JSON.parse(cos.objects.get(manifestKey)!.toString('utf8'));
  const [bucket] = manifestKey.split('/');
  cos.putObject(bucket, files[0].key, Buffer.alloc(Number(files[0].size)));
  const resumed = await terraform('apply', '-auto-approve', '-input=false');
  expect(resumed).toContain('report verified');
  expect(resumed).toMatch(/terraform_data\.Audit_Wait_[0-9A-F]{8}: Creation complete/);
  expect(cos.inventoryPosts).toHaveLength(1);
  expect(await planExitCode(terraform)).toMatchObject({ code: 0 });

  // How long to wait is not the job: an in-place update, nothing submitted, nothing waited for.
  synthInto({ waitTimeoutSeconds: 60 });
  const changed = await planExitCode(terraform);
  expect(changed.output).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  await terraform('apply', '-auto-approve', '-input=false');
  expect(cos.inventoryPosts).toHaveLength(1);
  expect(await planExitCode(terraform)).toMatchObject({ code: 0 });

  // An explicit rerun key runs it again, under a new id.
  synthInto({ waitTimeoutSeconds: 60, rerunKey: 'second' });
  await terraform('apply', '-auto-approve', '-input=false').catch(() => undefined);
  expect(cos.inventoryPosts).toHaveLength(2);
  expect(cos.inventoryPosts[1].query.id).not.toBe(jobId);
  await terraform('destroy', '-auto-approve', '-input=false');
  expect(cos.inventoryPosts).toHaveLength(2);
}, 300_000);

test('runOnEveryDeploy runs the job on every apply', async () => {
  await initWith({ runOnEveryDeploy: true });
  await terraform('apply', '-auto-approve', '-input=false');
  await terraform('apply', '-auto-approve', '-input=false');
  expect(cos.inventoryPosts).toHaveLength(2);
  await terraform('destroy', '-auto-approve', '-input=false');
  expect(cos.inventoryPosts).toHaveLength(2);
}, 240_000);

test('a refused job fails the apply with the COS error code and request id', async () => {
  await initWith({ prefix: 'denied' });
  cos.inject({ kind: 'status', status: 403, code: 'AccessDenied', message: 'Access Denied.' });
  const failure = await terraform('apply', '-auto-approve', '-input=false').then(() => undefined, (err: { stderr: string }) => err);
  // Terraform wraps the provisioner's output; join its lines before matching.
  expect(failure?.stderr.replace(/\s+/g, ' ')).toMatch(/cos-inventory: error: POST Bucket inventory failed: AccessDenied \(HTTP 403\): Access Denied\.; request id fake-\d+-[0-9a-f]{8}; bucket examplebucket-1250000000; job id pre-migration-audit-[0-9a-f]{12}/);
  await terraform('destroy', '-auto-approve', '-input=false');
}, 240_000);
