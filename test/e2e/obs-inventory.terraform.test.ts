// End to end for handler-managed OBS inventories: synthesize examples/obs-inventory, then the real terraform
// against the fake OBS (which verifies every OBS signature). An apply puts once, a change puts once more, a destroy
// deletes once and leaves the bucket without configs, removing an inventory from the code deletes it (the ledger is an
// object of the destination bucket); no credential lands in the JSON, the state or the log. Every
// test has its own fake OBS and its own directory, so each runs alone (`jest -t`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { BucketPolicyOwner, obs as huawei } from '../../src';
import { keepStateIn, planExitCode, terraformRunner } from '../support/terraform';
import { ObsInventoryOptions, synthesize } from '../../examples/obs-inventory/main';
import { FAKE_OBS_ACCESS_KEY, FAKE_OBS_SECRET_KEY, FakeObs } from '../support/fake-obs';

let obs: FakeObs;
let outdir: string;

const stackDir = () => path.join(outdir, 'stacks', 'obs-inventory');

const terraform = terraformRunner(stackDir, () => ({
  HW_ACCESS_KEY: FAKE_OBS_ACCESS_KEY, HW_SECRET_KEY: FAKE_OBS_SECRET_KEY, HW_REGION_NAME: 'cn-north-4', ...obs.handlerEnv,
}));

function synthInto(options: ObsInventoryOptions): void {
  keepStateIn(synthesize(new App({ outdir }), options), outdir).synth();
}

/** Synthesizes the example and runs `terraform init` in its own directory. */
async function initWith(options: ObsInventoryOptions): Promise<void> {
  synthInto(options);
  await terraform('init', '-input=false');
}

beforeEach(async () => {
  obs = await new FakeObs().start();
  outdir = mkdtempSync(path.join(tmpdir(), 'obs-inventory-e2e-'));
});

afterEach(async () => {
  await obs.stop();
  rmSync(outdir, { recursive: true, force: true });
});

const writes = () => obs.inventoryCalls.filter((call) => !call.startsWith('GET'));

test('apply puts, a change puts again, destroy deletes: once each, and nothing is left', async () => {
  await initWith({ prefix: 'inventoryTestPrefix' });
  const applied = await terraform('apply', '-auto-approve', '-input=false');
  expect(writes()).toEqual(['PUT examplebucket test_id 200']);
  expect(obs.configs.get('examplebucket')?.get('test_id')?.Filter).toEqual({ Prefix: 'inventoryTestPrefix' });
  expect(applied).toContain('cos-inventory: put and read back OBS bucket examplebucket (cn-north-4), inventory test_id');

  expect(await planExitCode(terraform)).toMatchObject({ code: 0 });
  await terraform('apply', '-auto-approve', '-input=false');
  expect(writes()).toHaveLength(1);

  synthInto({ prefix: 'otherPrefix' });
  expect((await planExitCode(terraform)).output).toContain('Plan: 1 to add, 0 to change, 1 to destroy.');
  await terraform('apply', '-auto-approve', '-input=false');
  expect(await planExitCode(terraform)).toMatchObject({ code: 0 });
  expect(writes()).toEqual(['PUT examplebucket test_id 200', 'PUT examplebucket test_id 200']);
  expect(obs.configs.get('examplebucket')?.get('test_id')?.Filter).toEqual({ Prefix: 'otherPrefix' });
  const state = await terraform('state', 'pull');

  await terraform('destroy', '-auto-approve', '-input=false');
  expect(writes()).toEqual(['PUT examplebucket test_id 200', 'PUT examplebucket test_id 200', 'DELETE examplebucket test_id 204']);
  expect(obs.configs.get('examplebucket')?.size).toBe(0);

  const synthesized = readFileSync(path.join(stackDir(), 'cdk.tf.json'), 'utf8');
  for (const text of [synthesized, state, terraform.log()]) {
    expect(text).not.toContain(FAKE_OBS_SECRET_KEY);
    expect(text).not.toContain(FAKE_OBS_ACCESS_KEY);
  }
}, 240_000);

test('a config OBS refuses fails the apply with its error code and request id', async () => {
  await initWith({});
  // GET of the ledger, GET of the config and PUT of the ledger pass; the PUT of the config is refused.
  obs.inject({ kind: 'pass' }, { kind: 'pass' }, { kind: 'pass' }, { kind: 'status', status: 400, code: 'InventoryCountOverLimit', message: 'too many inventories' });
  const failure = await terraform('apply', '-auto-approve', '-input=false').then(() => undefined, (err: { stderr: string }) => err);
  expect(failure?.stderr.replace(/\s+/g, ' ')).toMatch(
    /cos-inventory: error: PUT Bucket inventory failed: InventoryCountOverLimit \(HTTP 400\): too many inventories; request id fake-\d+-[0-9a-f]{8}; OBS bucket examplebucket \(cn-north-4\), inventory test_id/,
  );
  await terraform('destroy', '-auto-approve', '-input=false');
  expect(obs.configs.get('examplebucket')?.size).toBe(0);
}, 240_000);

/** A stack with one OBS inventory per source bucket, on the example's destination. */
function synthSources(sources: string[]): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'obs-inventory');
  const destination = huawei.InventoryDestination.fromBucketAttributes(stack, 'Destination', {
    bucketName: 'destbucket', region: 'cn-north-4', reportPrefix: 'dest-prefix', policyOwner: BucketPolicyOwner.ELSEWHERE,
  });
  for (const bucketName of sources) new huawei.BucketInventory(stack, bucketName, { destination, bucketName, inventoryId: 'daily' });
  keepStateIn(app, outdir).synth();
}

test('removing an inventory from the code deletes its config in that apply, the last one too', async () => {
  const ledger = () => obs.objects.get('destbucket')?.get('.cos-inventory/ledgers/obs-inventory.json')?.toString('utf8');
  synthSources(['app-logs', 'user-media']);
  await terraform('init', '-input=false');
  await terraform('apply', '-auto-approve', '-input=false');
  expect(Object.keys(JSON.parse(ledger()!).configs)).toEqual(['app-logs/daily', 'user-media/daily']);

  synthSources(['app-logs']);
  await terraform('apply', '-auto-approve', '-input=false');
  // The two first PUTs go out together, in no fixed order.
  expect(writes().sort()).toEqual(['DELETE user-media daily 204', 'PUT app-logs daily 200', 'PUT user-media daily 200']);
  expect(Object.keys(JSON.parse(ledger()!).configs)).toEqual(['app-logs/daily']);
  expect(await planExitCode(terraform)).toMatchObject({ code: 0 });

  synthSources([]);
  await terraform('apply', '-auto-approve', '-input=false');
  expect(writes().slice(2)).toEqual(['DELETE user-media daily 204', 'DELETE app-logs daily 204']);
  expect(ledger()).toBeUndefined();
  expect(await planExitCode(terraform)).toMatchObject({ code: 0 });
}, 240_000);
