#!/usr/bin/env node
// Synth time and peak memory for stacks with 1, 100 and 1,000 source buckets, built with the library and with the
// same resources declared directly with the generated classes. Each measurement runs in a fresh process so peak
// memory (max RSS) belongs to that stack alone. Prints figures and ratios; asserts nothing.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const SIZES = [1, 100, 1000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function buildWithLibrary(stack, count) {
  const { cos } = require('../lib');
  const destination = new cos.InventoryDestination(stack, 'Destination', { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001' });
  new cos.CentralInventory(stack, 'Inventory', { destination, sources: Array.from({ length: count }, (_, i) => `source-${i}-1250000000`) });
}

// The same JSON the library produces, written by hand against the generated bindings.
function buildDirect(stack, count) {
  const { CosBucket } = require('../lib/.gen/providers/tencentcloud/cos-bucket');
  const { CosBucketPolicy } = require('../lib/.gen/providers/tencentcloud/cos-bucket-policy');
  const { CosBucketInventory } = require('../lib/.gen/providers/tencentcloud/cos-bucket-inventory');
  const bucket = new CosBucket(stack, 'Bucket', { bucket: 'reports-1250000000', acl: 'private', encryptionAlgorithm: 'AES256', forceClean: false });
  const statement = (i) => ({
    effect: 'allow',
    principal: { qcs: ['qcs::cam::uin/100000000001:roleName/COS_QcsRole'] },
    action: ['name/cos:PutObject'],
    resource: [`qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/source-${i}/*`],
  });
  const policy = new CosBucketPolicy(stack, 'Policy', {
    bucket: bucket.bucket,
    policy: JSON.stringify({ version: '2.0', statement: Array.from({ length: count }, (_, i) => statement(i)) }),
  });
  for (let i = 0; i < count; i++) {
    new CosBucketInventory(stack, `Inventory${i}`, {
      name: 'inventory-daily', bucket: `source-${i}-1250000000`, isEnabled: 'true', includedObjectVersions: 'Current',
      schedule: { frequency: 'Daily' },
      destination: { bucket: 'qcs::cos:ap-guangzhou::reports-1250000000', accountId: '100000000001', format: 'CSV', prefix: 'cos_bucket_inventory', encryption: { sseCos: '' } },
      dependsOn: [policy],
    });
  }
}

/** Child: build and synthesize one stack, print elapsed ms and max RSS. */
function measure(kind, count) {
  const { App, TerraformStack } = require('cdktf');
  const { TencentcloudProvider } = require('../lib/.gen/providers/tencentcloud/provider');
  const outdir = require('node:fs').mkdtempSync(path.join(require('node:os').tmpdir(), 'bench-'));
  const start = process.hrtime.bigint();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });
  (kind === 'library' ? buildWithLibrary : buildDirect)(stack, count);
  app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  require('node:fs').rmSync(outdir, { recursive: true, force: true });
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function runChild(kind, count) {
  const results = [];
  for (let run = 0; run < RUNS; run++) {
    results.push(JSON.parse(execFileSync(process.execPath, [__filename, 'measure', kind, String(count)], { encoding: 'utf8' })));
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { ms: median(results.map((r) => r.ms)), maxRssMb: median(results.map((r) => r.maxRssMb)) };
}

function main() {
  const rows = SIZES.map((count) => ({ count, library: runChild('library', count), direct: runChild('direct', count) }));
  const fmt = (n, digits = 1) => n.toFixed(digits).padStart(9);
  console.log(`synth benchmark (median of ${RUNS} fresh processes each)`);
  console.log('  buckets | library ms | direct ms | time ratio | library MB | direct MB | mem ratio | library ms/bucket');
  for (const { count, library, direct } of rows) {
    console.log(`  ${String(count).padStart(7)} | ${fmt(library.ms)}  | ${fmt(direct.ms)} | ${fmt(library.ms / direct.ms, 2)}  | ${fmt(library.maxRssMb)}  | ${fmt(direct.maxRssMb)} | ${fmt(library.maxRssMb / direct.maxRssMb, 2)} | ${fmt(library.ms / count, 3)}`);
  }
  const [one, hundred, thousand] = rows;
  const perBucket = (a, b) => (b.library.ms - a.library.ms) / (b.count - a.count);
  console.log(`  marginal ms per bucket: ${perBucket(one, hundred).toFixed(3)} (1-100), ${perBucket(hundred, thousand).toFixed(3)} (100-1000);`
    + ` ratio ${(perBucket(hundred, thousand) / perBucket(one, hundred)).toFixed(2)} (about 1 or less is linear growth)`);
}

if (process.argv[2] === 'measure') measure(process.argv[3], Number(process.argv[4]));
else main();
