// Values cross into Terraform as data, never as code: a prefix given as a Terraform variable (`-var`) or as literal
// text reaches COS byte-exact, whatever it contains (quotes, backslashes, newlines, `${`, `%{`, unicode); and the
// handler runs with no shell, so a `nodeExecutable` with shell syntax is only ever a (missing) path.
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { XMLParser } from 'fast-xml-parser';
import { BucketPolicyOwner, cos as tencent } from '../../src';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../support/fake-cos';
import { keepStateIn, terraformRunner } from '../support/terraform';

const STACK = 'values-intact';
/** Every kind of text that once changed meaning on its way: JSON and HCL syntax, a newline, templates, unicode. */
const AWKWARD = 'q"uo\\te/new\nline/${path.cwd}/%{ if true }X%{ endif }/$${x}/ü日本/';
const parser = new XMLParser({ parseTagValue: false, trimValues: false, isArray: (name) => ['Field', 'Tag'].includes(name) });

let cos: FakeCos;
let outdir: string;
const stackDir = () => path.join(outdir, 'stacks', STACK);
const terraform = terraformRunner(stackDir, () => ({
  TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, ...cos.handlerEnv,
}));

function synthesize(options: { nodeExecutable?: string } = {}): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  const prefix = new TerraformVariable(stack, 'prefix', { type: 'string' });
  const destination = tencent.InventoryDestination.fromBucketAttributes(stack, 'Dest', {
    bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001', policyOwner: BucketPolicyOwner.ELSEWHERE,
  });
  const handler = { nodeExecutable: options.nodeExecutable };
  new tencent.InventoryJob(stack, 'FromVariable', { destination, bucketName: 'examplebucket-1250000000', filter: { prefix: prefix.stringValue }, handler });
  new tencent.BucketInventory(stack, 'FromLiteral', { destination, bucketName: 'examplebucket-1250000000', filter: { prefix: AWKWARD }, handler });
  keepStateIn(app, outdir).synth();
}

/** The filter prefix of a request body, entities decoded, nothing trimmed. */
function prefixOf(xml: string): string {
  const filter = parser.parse(xml).InventoryConfiguration.Filter;
  return filter.Prefix ?? filter.And.Prefix;
}

beforeEach(async () => {
  cos = await new FakeCos().start();
  outdir = mkdtempSync(path.join(tmpdir(), 'values-intact-'));
});

afterEach(async () => {
  await cos.stop();
  rmSync(outdir, { recursive: true, force: true });
});

test('a -var value and a literal prefix reach COS byte-exact; nothing is evaluated', async () => {
  synthesize();
  await terraform('init', '-input=false');
  await terraform('apply', '-auto-approve', '-input=false', `-var=prefix=${AWKWARD}`);
  expect(cos.inventoryPosts.map((r) => prefixOf(r.body))).toEqual([AWKWARD]);
  expect(cos.inventoryPuts.map((r) => prefixOf(r.body))).toEqual([AWKWARD]);
  await terraform('destroy', '-auto-approve', '-input=false', `-var=prefix=${AWKWARD}`);
}, 120_000);

test('a nodeExecutable whose path has spaces is just a path', async () => {
  const dir = path.join(outdir, 'my node dir');
  mkdirSync(dir);
  symlinkSync(process.execPath, path.join(dir, 'node'));
  synthesize({ nodeExecutable: path.join(dir, 'node') });
  await terraform('init', '-input=false');
  await terraform('apply', '-auto-approve', '-input=false', '-var=prefix=p');
  await terraform('destroy', '-auto-approve', '-input=false', '-var=prefix=p');
}, 120_000);

test('nodeExecutable is run without a shell: shell syntax in it runs nothing', async () => {
  const marker = path.join(outdir, 'shell-ran');
  synthesize({ nodeExecutable: `node; touch ${marker}` });
  await terraform('init', '-input=false');
  const failure = await terraform('apply', '-auto-approve', '-input=false', '-var=prefix=p').then(() => undefined, (err: { stderr: string }) => err);
  expect(failure?.stderr.replace(/\s+/g, ' ')).toMatch(/node; touch .*shell-ran.*(no such file|not found|executable file not found)/i);
  expect(existsSync(marker)).toBe(false);
}, 120_000);
