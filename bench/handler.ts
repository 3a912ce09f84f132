// The handler's cost per run: start-up time against a bare `node -e ''`, requests per run (submit only, and
// submit + wait + verify) against the fake COS, and peak memory. Prints figures and ratios; asserts nothing.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../test/support/fake-cos';
import { SPEC } from '../test/support/seed-job';

const run = promisify(execFile);
const BUNDLE = path.resolve(__dirname, '..', 'assets', 'handler', 'index.js');
const PRELOAD = path.resolve(__dirname, 'peak-rss.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function timed(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ ms: number; peakKb: number }> {
  const start = process.hrtime.bigint();
  const { stderr } = await run(process.execPath, ['--require', PRELOAD, ...args], { env: { PATH: process.env.PATH, ...env } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, peakKb: Number(/PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1]) };
}

async function median(args: string[], env?: NodeJS.ProcessEnv) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await timed(args, env));
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { ms: mid(samples.map((s) => s.ms)), peakMb: mid(samples.map((s) => s.peakKb)) / 1024 };
}

async function requestsPerRun(spec: object, runId: string): Promise<{ requests: number; peakMb: number; ms: number }> {
  const cos = await new FakeCos({ deliverReports: true }).start();
  try {
    const env = {
      TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, COS_INVENTORY_PROXY: cos.proxyUrl,
      COS_INVENTORY_JOB: JSON.stringify(spec), COS_INVENTORY_RUN_ID: runId,
    };
    const result = await timed([BUNDLE, 'run'], env);
    return { requests: cos.requests.length, peakMb: result.peakKb / 1024, ms: result.ms };
  } finally {
    await cos.stop();
  }
}

async function main() {
  const bare = await median(['-e', '']);
  const help = await median([BUNDLE, '--help']);
  const submit = await requestsPerRun(SPEC, '3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  const verify = await requestsPerRun({ ...SPEC, wait: { timeoutSeconds: 60, pollIntervalSeconds: 1 } }, '9b2c1e7a-0000-4000-8000-000000000000');
  console.log(`handler benchmark (start-up: median of ${RUNS} processes)`);
  console.log(`  start-up     node -e '': ${bare.ms.toFixed(1)} ms, ${bare.peakMb.toFixed(1)} MB peak`);
  console.log(`  start-up     handler --help: ${help.ms.toFixed(1)} ms, ${help.peakMb.toFixed(1)} MB peak (ratio ${(help.ms / bare.ms).toFixed(2)}x time, ${(help.peakMb / bare.peakMb).toFixed(2)}x memory)`);
  console.log(`  run (submit only): ${submit.requests} request(s), ${submit.ms.toFixed(1)} ms, ${submit.peakMb.toFixed(1)} MB peak`);
  console.log(`  run (submit, wait, verify): ${verify.requests} request(s), ${verify.ms.toFixed(1)} ms, ${verify.peakMb.toFixed(1)} MB peak`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
