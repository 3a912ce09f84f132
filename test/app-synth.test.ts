// Each example as a user runs it: its main.ts, importing the core and the published build by name, run by node on
// its own (`app.synth()` when it is the main module, as `cdktf synth` / `cdktn synth` run it) against the build under
// test: cdktf + lib/ here, cdktn + build/cdktn/lib in the cdktn project. No jest module mapping is involved: the
// example is transpiled, its imports pointed at the core and the package, and run in a fresh directory. And the two
// builds do not mix: each in the other framework's app is refused by the first construct, naming the package to install.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { CORE, PACKAGE_DIR } from './support/core';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = readdirSync(path.join(ROOT, 'examples'));
const BUILDS = { cdktf: ROOT, cdktn: path.join(ROOT, 'build', 'cdktn') } as const;

/** The example's main.ts as CommonJS, requiring `core` and the library build in `packageDir` by absolute path. */
function appScript(example: string, core: string, packageDir: string): string {
  const source = readFileSync(path.join(ROOT, 'examples', example, 'main.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const resolved = (name: string) => JSON.stringify(require.resolve(name, { paths: [PACKAGE_DIR] }));
  return js
    .replace(/require\("cdktf"\)/g, `require(${resolved(core)})`)
    .replace(/require\("constructs"\)/g, `require(${resolved('constructs')})`)
    .replace(/require\("cdktf-cos-inventory"\)/g, `require(${JSON.stringify(path.join(packageDir, 'lib'))})`);
}

/** Runs the example in a fresh directory; returns the directory, or the error output when synth fails. */
function runExample(example: string, core: string, packageDir: string): { dir: string; error?: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `app-synth-${example}-`));
  writeFileSync(path.join(dir, 'main.js'), appScript(example, core, packageDir));
  try {
    execFileSync(process.execPath, ['main.js'], { cwd: dir, stdio: 'pipe', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    return { dir };
  } catch (err) {
    return { dir, error: String((err as { stderr?: Buffer }).stderr ?? err) };
  }
}

describe.each(EXAMPLES)(`${CORE} app with the ${CORE} build: example %s`, (example) => {
  let dir: string;
  beforeAll(() => {
    const run = runExample(example, CORE, PACKAGE_DIR);
    dir = run.dir;
    expect(run.error).toBeUndefined();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('app.synth() writes the manifest and every stack', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'cdktf.out', 'manifest.json'), 'utf8'));
    const stacks = Object.values(manifest.stacks) as Array<{ synthesizedStackPath: string }>;
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      const json = JSON.parse(readFileSync(path.join(dir, 'cdktf.out', stack.synthesizedStackPath), 'utf8'));
      expect(Object.keys(json.resource ?? {}).length + Object.keys(json.output ?? {}).length).toBeGreaterThan(0);
    }
  });

  test('a stack with a handler resource carries the handler directory asset', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'cdktf.out', 'manifest.json'), 'utf8'));
    for (const stack of Object.values(manifest.stacks) as Array<{ synthesizedStackPath: string; workingDirectory: string }>) {
      const json = JSON.parse(readFileSync(path.join(dir, 'cdktf.out', stack.synthesizedStackPath), 'utf8'));
      if (!json.resource?.terraform_data) continue;
      const assets = path.join(dir, 'cdktf.out', stack.workingDirectory, 'assets', 'CosInventoryHandler');
      const [hash] = readdirSync(assets);
      expect(readdirSync(path.join(assets, hash))).toEqual(expect.arrayContaining(['index.js', 'report.js']));
      expect(JSON.stringify(json.resource.terraform_data)).toContain(`assets/CosInventoryHandler/${hash}/index.js`);
      expect(existsSync(path.join(assets, hash, 'index.js'))).toBe(true);
    }
  });
});

// Once, from the cdktf project: both builds exist by then (npm run compile makes both).
const describeOnce = CORE === 'cdktf' ? describe : describe.skip;
describeOnce('the two builds do not mix', () => {
  test('the cdktf build in a cdktn app is refused when a construct is created, naming the package to install', () => {
    const run = runExample('new-destination', 'cdktn', BUILDS.cdktf);
    rmSync(run.dir, { recursive: true, force: true });
    expect(run.error).toContain('this is cdktf-cos-inventory, built for CDK for Terraform (cdktf); '
      + 'in a CDK Terrain (cdktn) app (its stack is a cdktn.TerraformStack) install cdktn-cos-inventory');
  });

  test('the cdktn build in a cdktf app is refused when a construct is created, naming the package to install', () => {
    const run = runExample('one-off-job', 'cdktf', BUILDS.cdktn);
    rmSync(run.dir, { recursive: true, force: true });
    expect(run.error).toContain('this is cdktn-cos-inventory, built for CDK Terrain (cdktn); '
      + 'in a CDK for Terraform (cdktf) app (its stack is a cdktf.TerraformStack) install cdktf-cos-inventory');
  });
});
