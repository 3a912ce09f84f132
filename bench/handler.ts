// The handler's cost, printed side by side; asserts nothing.
//   1. Start-up: a bare `node -e ''` against the bundled command: `--help`, a COS `put` against the fake COS, an OBS
//      `put` against the fake OBS (each a whole process: start, requests to a local fake, exit). Median of
//      BENCH_RUNS processes. BENCH_BASELINE_BUNDLE=<path of an older index.js> adds that bundle's figures beside them.
//   2. Signing, in this one process: cos-nodejs-sdk-v5's COS.getAuthorization against the handler's cosAuthorization,
//      and a whole signed HEAD request against the fake COS through the SDK and through the handler's client.
//   3. Requests per run of a one-off job (submit only; submit, wait and verify).
//   4. Apply time of N periodic inventory configs (BENCH_CONFIGS, default 100,1000) with real `terraform apply`
//      against the fake COS: N BucketInventory through the handler (one reconciling terraform_data, one handler
//      process for all of them) against N tencentcloud_cos_bucket_inventory through the real tencentcloud provider
//      (../shared/providers); then one config of the N changed and applied again, counting the PUTs that reach the fake.
import { execFile } from 'node:child_process';
import { createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import COS = require('cos-nodejs-sdk-v5');
import { BucketPolicyOwner, cos as tencent } from '../src';
import { CosBucketInventory } from '../src/.gen/providers/tencentcloud/cos-bucket-inventory';
import { TencentcloudProvider } from '../src/.gen/providers/tencentcloud/provider';
import { cosAuthorization, createCosClient } from '../src/handler/cos-client';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../test/support/fake-cos';
import { FAKE_OBS_ACCESS_KEY, FAKE_OBS_SECRET_KEY, FakeObs } from '../test/support/fake-obs';
import { SPEC } from '../test/support/seed-job';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'assets', 'handler', 'index.js');
const BASELINE = process.env.BENCH_BASELINE_BUNDLE ? path.resolve(process.env.BENCH_BASELINE_BUNDLE) : undefined;
const PRELOAD = path.resolve(__dirname, 'peak-rss.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CONFIG_COUNTS = (process.env.BENCH_CONFIGS ?? '100,1000').split(',').map(Number).filter((n) => n > 0);
/** Also apply the handler stack with `true` in place of the handler (terraform's own share); adds minutes at 1,000. */
const NOOP_CONTROL = process.env.BENCH_NOOP_CONTROL === '1';
const REGION = 'ap-guangzhou';
const OWNER_UIN = '100000000001';
const DESTINATION = 'reports-1250000000';

const fmt = (n: number, digits = 1, width = 8) => n.toFixed(digits).padStart(width);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// ---------------------------------------------------------------------------------------------------------------
// 1. Start-up

interface Sample { ms: number; firstRequestMs?: number; peakKb: number; cpuMs: number }

/**
 * Forwards every request, unchanged, to a fake, and notes when the first one of a process arrives: the command's
 * start-up proper (spawn to its first request), apart from the requests themselves.
 */
class ArrivalClock {
  firstArrival?: bigint;
  lastArrival?: bigint;
  private server?: Server;
  constructor(private readonly target: string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    const target = new URL(this.target);
    this.server = createServer((req, res) => {
      this.lastArrival = process.hrtime.bigint();
      this.firstArrival ??= this.lastArrival;
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      });
      upstream.on('error', () => req.socket.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

async function timed(args: string[], env: NodeJS.ProcessEnv = {}, clock?: ArrivalClock): Promise<Sample> {
  if (clock) clock.firstArrival = clock.lastArrival = undefined;
  const start = process.hrtime.bigint();
  const { stderr } = await run(process.execPath, ['--require', PRELOAD, ...args], { env: { PATH: process.env.PATH, ...env } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const firstRequestMs = clock?.firstArrival !== undefined ? Number(clock.firstArrival - start) / 1e6 : undefined;
  return { ms, firstRequestMs, peakKb: Number(/PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1]), cpuMs: Number(/CPU_US=(\d+)/.exec(stderr)?.[1]) / 1000 };
}

const COS_CONFIG = {
  version: 1, service: 'cos', bucket: 'examplebucket-1250000000', region: REGION, id: 'bench', enabled: true, frequency: 'Daily',
  includedObjectVersions: 'Current', optionalFields: [tencent.InventoryField.SIZE], filter: { prefix: 'logs/', tags: [{ key: 'team', value: 'bench' }] },
  destination: { bucket: DESTINATION, prefix: 'cos_bucket_inventory', accountId: OWNER_UIN, encryption: true },
};
const OBS_CONFIG = {
  version: 1, service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', id: 'bench', enabled: true, frequency: 'Daily',
  includedObjectVersions: 'Current', optionalFields: [tencent.InventoryField.SIZE], filter: { prefix: 'logs/' }, destination: { bucket: 'destbucket', prefix: 'reports' },
};

interface Probe { readonly name: string; readonly args: string[]; readonly env?: NodeJS.ProcessEnv; readonly clock?: ArrivalClock }

function probes(label: string, bundle: string, cosClock: ArrivalClock, obsClock: ArrivalClock): Probe[] {
  return [
    { name: `${label} --help`, args: [bundle, '--help'] },
    {
      name: `${label} COS put`, args: [bundle, 'put'], clock: cosClock,
      env: { TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, COS_INVENTORY_PROXY: cosClock.url, INVENTORY_CONFIG: JSON.stringify(COS_CONFIG) },
    },
    {
      name: `${label} OBS put`, args: [bundle, 'put'], clock: obsClock,
      env: { HW_ACCESS_KEY: FAKE_OBS_ACCESS_KEY, HW_SECRET_KEY: FAKE_OBS_SECRET_KEY, OBS_INVENTORY_CONNECT_TO: obsClock.url.replace(/^http:\/\//, ''), INVENTORY_CONFIG: JSON.stringify(OBS_CONFIG) },
    },
  ];
}

async function startupSection(): Promise<void> {
  const cos = await new FakeCos().start();
  const obs = await new FakeObs().start();
  const cosClock = await new ArrivalClock(cos.url).start();
  const obsClock = await new ArrivalClock(obs.url).start();
  try {
    const all: Probe[] = [
      { name: "node -e ''", args: ['-e', ''] },
      ...probes('handler', BUNDLE, cosClock, obsClock),
      ...(BASELINE ? probes('baseline', BASELINE, cosClock, obsClock) : []),
    ];
    // Interleaved rounds: a machine that gets busier or quieter during the run shifts every probe alike.
    const samples = new Map<string, Sample[]>(all.map((p) => [p.name, []]));
    for (let round = 0; round <= RUNS; round++) {
      for (const probe of all) {
        const sample = await timed(probe.args, probe.env, probe.clock);
        if (round > 0) samples.get(probe.name)!.push(sample); // round 0 warms the file cache
      }
    }
    const failed = cos.requests.filter((r) => r.status >= 300).length + obs.requests.filter((r) => r.status >= 300).length;
    const bare = median(samples.get("node -e ''")!.map((s) => s.ms));
    console.log(`\nstart-up (median of ${RUNS} interleaved rounds; "first request" is spawn to the first request reaching the fake,`);
    console.log('  "whole process" is spawn to exit, with a PUT and a GET against a local fake in between; CPU is user + system, all threads)');
    const bareCpu = median(samples.get("node -e ''")!.map((s) => s.cpuMs));
    console.log(`  ${'process'.padEnd(20)} | first request ms | x node -e '' | whole process ms | x node -e '' | CPU ms | x node -e '' | peak MB`);
    for (const probe of all) {
      const list = samples.get(probe.name)!;
      const ms = median(list.map((s) => s.ms));
      const cpu = median(list.map((s) => s.cpuMs));
      const first = list.every((s) => s.firstRequestMs !== undefined) ? median(list.map((s) => s.firstRequestMs!)) : undefined;
      console.log(`  ${probe.name.padEnd(20)} | ${first !== undefined ? fmt(first, 1, 16) : ' '.repeat(16)} | ${first !== undefined ? fmt(first / bare, 2, 12) : ' '.repeat(12)}`
        + ` | ${fmt(ms, 1, 16)} | ${fmt(ms / bare, 2, 12)} | ${fmt(cpu, 1, 6)} | ${fmt(cpu / bareCpu, 2, 12)} | ${fmt(median(list.map((s) => s.peakKb)) / 1024, 1, 7)}`);
    }
    if (BASELINE) console.log(`  baseline: ${BASELINE}`);
    if (failed > 0) console.log(`  NOTE: ${failed} request(s) to the fakes failed; the figures include failing runs`);
  } finally {
    await cosClock.stop();
    await obsClock.stop();
    await cos.stop();
    await obs.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Signing

async function signingSection(): Promise<void> {
  const signInput = {
    method: 'POST', key: '', query: { inventory: '', id: 'audit-3f2504e04f89' },
    headers: { Host: 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com', 'Content-Type': 'application/xml', 'Content-MD5': '1B2M2Y8AsgTpgAmY7PhCfg==', 'Content-Length': '512' },
  };
  const keyTime = `${Math.floor(Date.now() / 1000)};${Math.floor(Date.now() / 1000) + 900}`;
  const perOp = (iterations: number, fn: () => unknown) => {
    for (let i = 0; i < 1000; i++) fn();
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    return Number(process.hrtime.bigint() - start) / 1e3 / iterations;
  };
  const SIGNS = 20_000;
  const sdkSign = perOp(SIGNS, () => COS.getAuthorization({ SecretId: FAKE_SECRET_ID, SecretKey: FAKE_SECRET_KEY, Method: signInput.method, Key: signInput.key, Query: signInput.query, Headers: signInput.headers, KeyTime: keyTime } as any));
  const ownSign = perOp(SIGNS, () => cosAuthorization({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY, ...signInput, keyTime }));

  const cos = await new FakeCos().start();
  const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
  const key = 'cos_bucket_inventory/1250000000/examplebucket/bench/20260101/manifest.json';
  cos.putObject('examplebucket-1250000000', key, '{"files":[]}');
  try {
    const sdkClient = (keepAlive: boolean) => {
      const sdk = new COS({ SecretId: FAKE_SECRET_ID, SecretKey: FAKE_SECRET_KEY, Protocol: 'http:', Proxy: cos.proxyUrl, AutoSwitchHost: false, KeepAlive: keepAlive } as COS.COSOptions);
      return () => new Promise((resolve, reject) => sdk.request({ Method: 'HEAD', Bucket: 'examplebucket-1250000000', Region: REGION, Key: key } as any, (err: any, data: any) => (err ? reject(err) : resolve(data))));
    };
    const own = createCosClient({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY }, { proxy: cos.proxyUrl, protocol: 'http:' });
    const ownHead = () => own({ method: 'HEAD', bucket: 'examplebucket-1250000000', region: REGION, key });
    const perRequest = async (fn: () => Promise<unknown>) => {
      for (let i = 0; i < 20; i++) await fn();
      const start = process.hrtime.bigint();
      for (let i = 0; i < REQUESTS; i++) await fn();
      return Number(process.hrtime.bigint() - start) / 1e6 / REQUESTS;
    };
    const sdkDefault = await perRequest(sdkClient(false));
    const sdkKeepAlive = await perRequest(sdkClient(true));
    const ownRequest = await perRequest(ownHead);
    const refused = cos.requests.filter((r) => r.status !== 200).length;

    console.log('\nsigning, in one process (POST Bucket inventory headers; then HEAD Object against the fake COS, which verifies each signature)');
    console.log(`  Authorization only, ${SIGNS} signatures:  SDK COS.getAuthorization ${fmt(sdkSign, 2, 6)} µs, own cosAuthorization ${fmt(ownSign, 2, 6)} µs, ratio SDK/own ${(sdkSign / ownSign).toFixed(2)}x`);
    console.log(`  signed request, ${REQUESTS} sequential HEADs: SDK (its default, no keep-alive) ${fmt(sdkDefault, 3, 6)} ms, SDK with KeepAlive ${fmt(sdkKeepAlive, 3, 6)} ms, own client ${fmt(ownRequest, 3, 6)} ms;`
      + ` ratio SDK/own ${(sdkDefault / ownRequest).toFixed(2)}x (${(sdkKeepAlive / ownRequest).toFixed(2)}x with KeepAlive)`);
    if (refused > 0) console.log(`  NOTE: ${refused} request(s) were refused by the fake`);
  } finally {
    await cos.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Requests per run

async function requestsPerRun(spec: object, runId: string): Promise<{ requests: number; peakMb: number; ms: number }> {
  const cos = await new FakeCos({ deliverReports: true }).start();
  try {
    const env = {
      TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, COS_INVENTORY_PROXY: cos.proxyUrl,
      INVENTORY_JOB: JSON.stringify(spec), INVENTORY_RUN_ID: runId,
    };
    const result = await timed([BUNDLE, 'run'], env);
    return { requests: cos.requests.length, peakMb: result.peakKb / 1024, ms: result.ms };
  } finally {
    await cos.stop();
  }
}

async function requestsSection(): Promise<void> {
  const submit = await requestsPerRun(SPEC, '3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  const verify = await requestsPerRun({ ...SPEC, wait: { timeoutSeconds: 60, pollIntervalSeconds: 1 } }, '9b2c1e7a-0000-4000-8000-000000000000');
  console.log('\none-off job runs (one process each, against the fake COS)');
  console.log(`  run (submit only): ${submit.requests} request(s), ${submit.ms.toFixed(1)} ms, ${submit.peakMb.toFixed(1)} MB peak`);
  console.log(`  run (submit, wait, verify): ${verify.requests} request(s), ${verify.ms.toFixed(1)} ms, ${verify.peakMb.toFixed(1)} MB peak`);
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Apply time: handler path against provider path

interface ApplyResult {
  ms?: number;
  /** Apply start to the first and the last request reaching the fake: terraform's own work before and after. */
  firstRequestMs?: number;
  lastRequestMs?: number;
  why?: string;
  requests: number;
  failed: number;
}

/** Synthesizes a stack into `root` (by default a fresh directory) and returns the stack directory. */
function synthStack(name: string, build: (stack: TerraformStack, dir: string) => void, root = mkdtempSync(path.join(tmpdir(), `bench-apply-${name}-`))): { root: string; stackDir: string } {
  // Validations skipped: cdktf validates each terraform_data by running `terraform version` (one process per resource),
  // which at 2,000 resources takes minutes; synth is not what is timed here.
  const app = new App({ outdir: root, skipValidation: true });
  const stack = new TerraformStack(app, name);
  new LocalBackend(stack, { path: path.join(root, 'terraform.tfstate') });
  build(stack, root);
  app.synth();
  return { root, stackDir: path.join(root, 'stacks', name) };
}

async function terraform(stackDir: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<void> {
  await run('terraform', [`-chdir=${stackDir}`, ...args, '-no-color'], {
    env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', ...env }, maxBuffer: 256 * 1024 * 1024,
  });
}

/** `terraform init`, then the timed `terraform apply`; the fake counts what arrived, the clock notes when. */
async function timedApply(stackDir: string, env: NodeJS.ProcessEnv, cos: FakeCos, clock: ArrivalClock): Promise<ApplyResult> {
  await terraform(stackDir, env, 'init', '-input=false');
  const before = cos.requests.length;
  clock.firstArrival = clock.lastArrival = undefined;
  const start = process.hrtime.bigint();
  const since = (at: bigint | undefined) => (at === undefined ? undefined : Number(at - start) / 1e6);
  try {
    await terraform(stackDir, env, 'apply', '-auto-approve', '-input=false');
  } catch (err) {
    const failed = err as { stderr?: string; message: string };
    const why = (failed.stderr || failed.message).split('\n').map((l) => l.trim()).filter((l) => /Error|error:/.test(l)).slice(0, 3).join(' | ');
    return { why: `apply failed: ${why || failed.message.slice(0, 300)}`, requests: cos.requests.length - before, failed: countFailed(cos, before) };
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, firstRequestMs: since(clock.firstArrival), lastRequestMs: since(clock.lastArrival), requests: cos.requests.length - before, failed: countFailed(cos, before) };
}

/** Requests refused or lost; a GET answered 404 (a config or the ledger not there yet) is an answer, not a failure. */
function countFailed(cos: FakeCos, from: number): number {
  return cos.requests.slice(from).filter((r) => (r.status >= 300 && !(r.method === 'GET' && r.status === 404)) || r.status < 0).length;
}

/** The handler stack of `count` configs; `changed` gives config 0 another tag value. */
function handlerStack(count: number, changed = false) {
  return (stack: TerraformStack) => {
    // An existing destination whose policy is managed elsewhere: the stack holds nothing but the configs.
    const destination = tencent.InventoryDestination.fromBucketAttributes(stack, 'Destination', { bucketName: DESTINATION, region: REGION, ownerUin: OWNER_UIN, policyOwner: BucketPolicyOwner.ELSEWHERE });
    for (let i = 0; i < count; i++) {
      // The tag filter sends it through the handler whatever the routing of plain configs.
      new tencent.BucketInventory(stack, `Source${i}`, {
        destination, bucketName: `source${i}-1250000000`, optionalFields: [tencent.InventoryField.SIZE], filter: { prefix: 'logs/', objectTags: { team: changed && i === 0 ? 'changed' : 'bench' } },
      });
    }
  };
}

/** PUT Bucket inventory requests the fake answered since request `from`. */
function inventoryPutsSince(cos: FakeCos, from: number): number {
  return cos.requests.slice(from).filter((r) => r.method === 'PUT' && 'inventory' in r.query).length;
}

/**
 * The handler stack, applied, then applied again with one config changed (`change`: its time and the PUTs it sent);
 * with `noop`, each provisioner runs `true` instead of the handler: the same resources, graph and provisioners, so
 * what is left is terraform's own cost of the handler path.
 */
async function handlerApply(count: number, noop = false): Promise<ApplyResult & { change?: ApplyResult & { puts: number } }> {
  const cos = await new FakeCos().start();
  const clock = await new ArrivalClock(cos.url).start();
  const { root, stackDir } = synthStack('handler', handlerStack(count));
  if (noop) {
    const file = path.join(stackDir, 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    for (const resource of Object.values(json.resource.terraform_data) as any[]) {
      for (const provisioner of resource.provisioner ?? []) provisioner['local-exec'].interpreter = ['true'];
    }
    writeFileSync(file, JSON.stringify(json));
  }
  const env = { TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, COS_INVENTORY_PROXY: clock.url };
  try {
    const first = await timedApply(stackDir, env, cos, clock);
    if (noop || first.ms === undefined) return first;
    synthStack('handler', handlerStack(count, true), root);
    const before = cos.requests.length;
    const change = await timedApply(stackDir, env, cos, clock);
    return { ...first, change: { ...change, puts: inventoryPutsSince(cos, before) } };
  } finally {
    await clock.stop();
    await cos.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The real tencentcloud provider from ../shared/providers, through test/support/real-provider.ts. */
function realProviderEnv(): { env?: Record<string, string>; why?: string } {
  try {
    const support = require('../test/support/real-provider') as { realProviders: { available: boolean; reason?: string }; installRealProviders: () => { env: Record<string, string> } };
    if (!support.realProviders.available) return { why: support.realProviders.reason };
    return { env: support.installRealProviders().env };
  } catch (err) {
    return { why: (err as Error).message };
  }
}

async function providerApply(count: number): Promise<ApplyResult> {
  const provider = realProviderEnv();
  if (!provider.env) return { why: `the real provider cannot be installed: ${provider.why}`, requests: 0, failed: 0 };
  const cos = await new FakeCos().start();
  const clock = await new ArrivalClock(cos.url).start();
  const { root, stackDir } = synthStack('provider', (stack) => {
    new TencentcloudProvider(stack, 'tencentcloud', { region: REGION, cosDomain: `http://cos.${REGION}.myqcloud.com`, protocol: 'HTTP' });
    for (let i = 0; i < count; i++) {
      new CosBucketInventory(stack, `Source${i}`, {
        name: 'inventory-daily', bucket: `source${i}-1250000000`, isEnabled: 'true', includedObjectVersions: 'Current',
        schedule: { frequency: 'Daily' }, filter: { prefix: 'logs/' }, optionalFields: { fields: ['Size'] },
        destination: { bucket: `qcs::cos:${REGION}::${DESTINATION}`, accountId: OWNER_UIN, format: 'CSV', prefix: 'cos_bucket_inventory' },
      });
    }
  });
  try {
    return await timedApply(stackDir, {
      ...provider.env,
      HTTP_PROXY: clock.url, http_proxy: clock.url,
      // Nothing may leave over HTTPS: CONNECT is not served, so such a call fails the apply rather than leaving.
      HTTPS_PROXY: clock.url, https_proxy: clock.url, NO_PROXY: '', no_proxy: '',
      TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, TENCENTCLOUD_SECURITY_TOKEN: '',
    }, cos, clock);
  } finally {
    await clock.stop();
    await cos.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

async function applySection(): Promise<void> {
  if (CONFIG_COUNTS.length === 0) return;
  const rows: Array<{ count: number; handler: Awaited<ReturnType<typeof handlerApply>>; provider: ApplyResult; noop?: ApplyResult }> = [];
  for (const count of CONFIG_COUNTS) {
    const handler = await handlerApply(count);
    const provider = await providerApply(count);
    const noop = NOOP_CONTROL ? await handlerApply(count, true) : undefined;
    rows.push({ count, handler, provider, noop });
  }
  const cell = (r: ApplyResult) => (r.ms !== undefined ? fmt(r.ms / 1000, 1, 10) : '       n/a');
  console.log('\napply time of N periodic inventory configs (real terraform apply, default parallelism 10, against the fake COS; init not timed)');
  console.log('  handler:  N BucketInventory with a tag filter -> 1 reconciling terraform_data, 1 handler process (ledger, GET each, PUT + read back, 16 at a time)');
  console.log('  provider: N tencentcloud_cos_bucket_inventory, real tencentcloud provider 1.82.102 (PUT + read back by the provider)');
  console.log('  "requests" is when the first and the last request reached the fake, in s from the apply\'s start: before the first,');
  console.log('  terraform plans and starts; the span between is the configs being put');
  console.log('  configs | handler s | provider s | handler/provider | handler requests (first-last s) | provider requests (first-last s)');
  const requests = (r: ApplyResult) => `${r.requests}${r.failed ? ` (${r.failed} failed)` : ''}`
    + (r.firstRequestMs !== undefined ? ` (${(r.firstRequestMs / 1000).toFixed(1)}-${(r.lastRequestMs! / 1000).toFixed(1)})` : '');
  for (const { count, handler, provider } of rows) {
    const ratio = handler.ms !== undefined && provider.ms !== undefined ? `${(handler.ms / provider.ms).toFixed(2)}x` : 'n/a';
    console.log(`  ${String(count).padStart(7)} | ${cell(handler)} | ${cell(provider)} | ${ratio.padStart(16)} | ${requests(handler).padStart(30)} | ${requests(provider).padStart(31)}`);
  }
  console.log('  then config 0 of the N changed (its tag value) and applied again through the handler:');
  for (const { count, handler } of rows) {
    const change = handler.change;
    if (change?.ms === undefined) continue;
    console.log(`  ${String(count).padStart(7)} configs, one changed: ${(change.ms / 1000).toFixed(1)} s, ${change.requests} request(s), of them ${change.puts} PUT Bucket inventory`);
  }
  if (NOOP_CONTROL) {
    console.log('  control: the handler stack with `true` in place of the handler (terraform\'s own cost of that path)');
    for (const { count, handler, noop } of rows) {
      if (noop?.ms === undefined || handler.ms === undefined) continue;
      console.log(`  ${String(count).padStart(7)} configs: no-op ${(noop.ms / 1000).toFixed(1)} s, so the handler processes add ${((handler.ms - noop.ms) / 1000).toFixed(1)} s`
        + ` (${((handler.ms - noop.ms) / count).toFixed(0)} ms per config at parallelism 10)`);
    }
  } else {
    console.log('  (BENCH_NOOP_CONTROL=1 adds the handler stack applied with `true` in place of the handler: terraform\'s own share)');
  }
  for (const { count, handler, provider } of rows) {
    if (handler.why) console.log(`  handler path, ${count} configs, did not run: ${handler.why}`);
    if (provider.why) console.log(`  provider path, ${count} configs, did not run: ${provider.why}`);
  }
}

async function main() {
  console.log(`handler benchmark (node ${process.version}; bundle ${path.relative(process.cwd(), BUNDLE)})`);
  await startupSection();
  await signingSection();
  await requestsSection();
  await applySection();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
