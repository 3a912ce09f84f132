// The two builds do not mix: each in the other framework's app is refused by the first construct, naming the package
// to install. An example is transpiled, its imports pointed at the other core and at a build's compiled lib/, and run
// by node in a fresh directory (`app.synth()`, as `cdktf synth` / `cdktn synth` run it); the repository's
// node_modules holds both cores, as an app that installed the wrong package does. (Each package in its own
// framework's app: test/package/published.test.ts.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';


const ROOT = path.resolve(__dirname, '..');
const BUILDS = { cdktf: ROOT, cdktn: path.join(ROOT, 'build', 'cdktn') } as const;

/** The example's main.ts as CommonJS, requiring `core` and the library build in `packageDir` by absolute path. */
function appScript(example: string, core: string, packageDir: string): string {
  const source = readFileSync(path.join(ROOT, 'examples', example, 'main.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const resolved = (name: string) => JSON.stringify(require.resolve(name, { paths: [ROOT] }));
  return js
    .replace(/require\("cdktf"\)/g, `require(${resolved(core)})`)
    .replace(/require\("constructs"\)/g, `require(${resolved('constructs')})`)
    .replace(/require\("cdktf-cos-inventory"\)/g, `require(${JSON.stringify(path.join(packageDir, 'lib'))})`);
}

/** Runs the example in a fresh directory; returns the directory, or the error output when synth fails. */
function runExample(example: string, core: string, packageDir: string): { dir: string; error?: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `mixed-builds-${example}-`));
  writeFileSync(path.join(dir, 'main.js'), appScript(example, core, packageDir));
  try {
    execFileSync(process.execPath, ['main.js'], { cwd: dir, stdio: 'pipe', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    return { dir };
  } catch (err) {
    return { dir, error: String((err as { stderr?: Buffer }).stderr ?? err) };
  }
}

describe('the two builds do not mix', () => {
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
