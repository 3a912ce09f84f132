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

// The same resources and values the library produces, declared with the raw classes: the generated bucket and
// policy, cdktf's own `DataResource` (terraform_data) and `TerraformAsset`, and `removed` blocks as an override. The
// policy document is computed with the library's pure layout functions (free of constructs), so the two sides
// differ only by the constructs; `main` checks that both synthesize the same JSON.
function buildDirect(stack, count) {
  const { AssetType, DataResource, TerraformAsset } = require('cdktf');
  const { CosBucket } = require('../lib/.gen/providers/tencentcloud/cos-bucket');
  const { CosBucketPolicy } = require('../lib/.gen/providers/tencentcloud/cos-bucket-policy');
  const bucket = new CosBucket(stack, 'Bucket', { bucket: 'reports-1250000000', acl: 'private', encryptionAlgorithm: 'AES256', forceClean: false });
  const policy = new CosBucketPolicy(stack, 'Policy', { bucket: bucket.bucket, policy: directPolicy(count) });
  const script = `${new TerraformAsset(stack, 'Handler', { path: path.join(__dirname, '..', 'assets', 'handler'), type: AssetType.DIRECTORY }).path}/index.js`;
  const configs = {};
  for (let i = 0; i < count; i++) {
    configs[`source-${i}-1250000000/inventory-daily`] = {
      version: 1, service: 'cos', bucket: `source-${i}-1250000000`, region: 'ap-guangzhou', id: 'inventory-daily', enabled: true, frequency: 'Daily',
      includedObjectVersions: 'Current', optionalFields: [],
      destination: { bucket: 'reports-1250000000', prefix: 'cos_bucket_inventory', accountId: '100000000001', encryption: true },
    };
  }
  const input = { reconcile: { version: 1, service: 'cos', ledger: { bucket: 'reports-1250000000', region: 'ap-guangzhou', key: '.cos-inventory/ledgers/bench.json' }, configs, provider: {}, adopt: [] } };
  const environment = { INVENTORY_RECONCILE: '${jsonencode(merge(self.input.reconcile, { configs = {}, provider = {} }))}', INVENTORY_GENERATION: '${self.id}', INVENTORY_KEEP: '[]' };
  new DataResource(stack, 'Reconciler', {
    input, triggersReplace: input, dependsOn: [bucket, policy], lifecycle: { createBeforeDestroy: true },
    provisioners: [
      { type: 'local-exec', interpreter: ['node', script], command: 'reconcile', environment: { ...environment, ...configSlices(configs) } },
      { type: 'local-exec', interpreter: ['node', script], command: 'release', environment, when: 'destroy' },
    ],
  });
  stack.addOverride('removed', Array.from({ length: count }, (_, i) => ({ from: `tencentcloud_cos_bucket_inventory.Inventory${i}`, lifecycle: { destroy: false } })));
}

/** `INVENTORY_RECONCILE_CONFIGS_<n>`: the configs in ranges of their sorted keys, each range under the slice budget. */
function configSlices(configs) {
  const { RECONCILE_SLICE_BYTES, reconcileSliceVariable } = require('../lib/contract/environment');
  const keys = Object.keys(configs).sort();
  const ranges = [];
  let start = 0;
  let bytes = 0;
  keys.forEach((key, index) => {
    const size = key.length + JSON.stringify(configs[key]).length;
    if (index > start && bytes + size > RECONCILE_SLICE_BYTES) {
      ranges.push([start, index]);
      start = index;
      bytes = 0;
    }
    bytes += size;
  });
  if (keys.length > 0) ranges.push([start, keys.length]);
  return Object.fromEntries(ranges.map(([from, to], n) => [reconcileSliceVariable('configs', n),
    `\${jsonencode({ for k in slice(keys(self.input.reconcile.configs), ${from}, ${to}) : k => self.input.reconcile.configs[k] })}`]));
}

/** The destination policy for `count` sources: the narrowest report-write layout that fits the policy budget. */
function directPolicy(count) {
  const { packResourceGroups, REPORT_GRANT_SCOPES, reportGrantPaths } = require('../lib/common/report-write-grants');
  const { renderCosPolicy, renderCosStatement } = require('../lib/cos/bucket-policy');
  const { checkPolicySize } = require('../lib/contract/rules/bucket-policy');
  const { MAX_STATEMENT_BYTES } = require('../lib/contract/rules/statement-size');
  const grants = Array.from({ length: count }, (_, i) => ({ shortName: `source-${i}`, appId: '1250000000', reportPrefix: 'cos_bucket_inventory' }));
  const statementFor = (resources) => ({ principals: ['qcs::cam::uin/100000000001:roleName/COS_QcsRole'], actions: ['name/cos:PutObject'], resources });
  let document;
  for (const scope of REPORT_GRANT_SCOPES) {
    const resources = reportGrantPaths(grants, scope).map((grant) => `qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/${grant}/*`);
    for (const packed of scope === REPORT_GRANT_SCOPES[0] ? [false, true] : [true]) {
      const groups = packed ? packResourceGroups(resources, (group) => renderCosStatement(statementFor(group)), MAX_STATEMENT_BYTES) : resources.map((r) => [r]);
      document = renderCosPolicy(groups.map(statementFor));
      if (checkPolicySize('policy', document).length === 0) return document;
    }
  }
  return document;
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
  if (process.env.BENCH_DUMP) require('node:fs').copyFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), `${process.env.BENCH_DUMP}.${kind}.json`);
  const shape = shapeOf(JSON.parse(require('node:fs').readFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8')));
  require('node:fs').rmSync(outdir, { recursive: true, force: true });
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, shape }));
}

/**
 * A synthesized stack with names and construct metadata left out: resources by type in order, `removed` blocks, the
 * asset directory hash: equal for the two builders when they declare the same resources with the same values.
 */
function shapeOf(json) {
  const renamed = JSON.stringify(json, (key, value) => (key === '//' ? undefined : value))
    .replace(/"[A-Za-z0-9_-]+_[0-9A-F]{8}"|"(Bucket|Policy|Reconciler)"/g, '"<name>"')
    .replace(/\.(Destination_[A-Za-z]+_[0-9A-F]{8}|Bucket|Policy)\b/g, '.<name>')
    .replace(/tencentcloud_cos_bucket_inventory\.[A-Za-z0-9_-]+"/g, 'tencentcloud_cos_bucket_inventory.<name>"')
    .replace(/assets\/[A-Za-z]+\//g, 'assets/<name>/');
  return require('node:crypto').createHash('sha256').update(renamed).digest('hex').slice(0, 16);
}

function runChild(kind, count) {
  const results = [];
  for (let run = 0; run < RUNS; run++) {
    results.push(JSON.parse(execFileSync(process.execPath, [__filename, 'measure', kind, String(count)], { encoding: 'utf8' })));
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { ms: median(results.map((r) => r.ms)), maxRssMb: median(results.map((r) => r.maxRssMb)), shape: results[0].shape };
}

function main() {
  const rows = SIZES.map((count) => ({ count, library: runChild('library', count), direct: runChild('direct', count) }));
  const fmt = (n, digits = 1) => n.toFixed(digits).padStart(9);
  console.log(`synth benchmark (median of ${RUNS} fresh processes each)`);
  console.log('  library: InventoryDestination + CentralInventory of N sources (handler path: one reconciler, N removed blocks)');
  console.log('  direct:  the same resources and values with the raw classes (bucket, policy, DataResource, TerraformAsset, removed override)');
  console.log('  buckets | library ms | direct ms | time ratio | library MB | direct MB | mem ratio | library ms/bucket | same JSON');
  for (const { count, library, direct } of rows) {
    console.log(`  ${String(count).padStart(7)} | ${fmt(library.ms)}  | ${fmt(direct.ms)} | ${fmt(library.ms / direct.ms, 2)}  | ${fmt(library.maxRssMb)}  | ${fmt(direct.maxRssMb)} | ${fmt(library.maxRssMb / direct.maxRssMb, 2)} | ${fmt(library.ms / count, 3)}         | ${library.shape === direct.shape ? 'yes' : 'NO'}`);
  }
  const [one, hundred, thousand] = rows;
  const perBucket = (a, b) => (b.library.ms - a.library.ms) / (b.count - a.count);
  console.log(`  marginal ms per bucket: ${perBucket(one, hundred).toFixed(3)} (1-100), ${perBucket(hundred, thousand).toFixed(3)} (100-1000);`
    + ` ratio ${(perBucket(hundred, thousand) / perBucket(one, hundred)).toFixed(2)} (about 1 or less is linear growth)`);
}

if (process.argv[2] === 'measure') measure(process.argv[3], Number(process.argv[4]));
else main();
