// The packages as users install them. Each package is packed exactly as `npm publish` would publish it
// (scripts/pack.js), installed by its tarball into a fresh app in a temporary directory outside the repository, with
// README's own install line (the tarball in place of the registry name) plus the app template's dev tools; nothing of
// the repository is reachable from there (no node_modules above it, PATH and npm variables cleaned). In that app:
// `npm ls` finds every dependency, the user's main.ts (every example, the report reader) type-checks with the app
// template's tsconfig and under node16 and bundler resolution, every published declaration resolves, the app
// synthesizes on each supported Node version (`cdktn synth` of cdktn-cli for the cdktn app), every stack passes
// `terraform validate` with the real providers, and the installed `cos-inventory` command and `<package>/report` run.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { installRealProviders, realProviders } from '../support/real-provider';
import { NODE_VERSIONS, nodeBinary } from '../support/node-versions';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pack } = require('../../scripts/pack.js') as { pack: (names: string[]) => Record<string, string> };

interface Framework {
  readonly core: 'cdktf' | 'cdktn';
  readonly packageName: string;
  /** Dev tools of the framework's TypeScript app template, at the versions this repository tests. */
  readonly devTools: string[];
  /** The app template's tsconfig.json, from the framework's CLI. */
  readonly templateTsconfig: (app: string) => string;
  /** Synthesizes the app in `app` with `node` (an absolute path); writes cdktf.out. */
  readonly synth: (app: string, node: string, env: NodeJS.ProcessEnv) => void;
}

const TYPESCRIPT = `typescript@${require('typescript/package.json').version}`;
const FRAMEWORKS: Framework[] = [
  {
    core: 'cdktf',
    packageName: 'cdktf-cos-inventory',
    devTools: [TYPESCRIPT, '@types/node@22'],
    // cdktf-cli is archived and heavy; the repository's copy is read for its template file only.
    templateTsconfig: () => path.join(ROOT, 'node_modules', 'cdktf-cli', 'bundle', 'templates', 'typescript', 'tsconfig.json'),
    // What `cdktf synth` runs: the app command, here the compiled main.js.
    synth: (app, node, env) => run(node, ['main.js'], app, env),
  },
  {
    core: 'cdktn',
    packageName: 'cdktn-cos-inventory',
    devTools: [TYPESCRIPT, '@types/node@22', 'cdktn-cli@0.24.0'],
    templateTsconfig: (app) => path.join(app, 'node_modules', 'cdktn-cli', 'bundle', 'templates', 'typescript', 'tsconfig.json'),
    synth: (app, node, env) => run(node, [path.join(app, 'node_modules', 'cdktn-cli', 'bundle', 'bin', 'cdktn'), 'synth'], app, env),
  },
];

/** README's install line for `packageName`, as words (`npm install <package> <framework> <constructs>`). */
function readmeInstallLine(packageName: string): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const line = readme.split('\n').find((l) => l.startsWith(`npm install ${packageName} `));
  if (!line) throw new Error(`README.md has no line starting "npm install ${packageName} "`);
  // Shell words: README quotes the constructs range ('constructs@>=10.6.0 <10.8.0').
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** The environment of a user's shell: none of the repository's PATH entries or npm's per-run variables. */
function userEnv(node: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_|^NODE_PATH$|^INIT_CWD$/i.test(key)) env[key] = value;
  }
  const outside = (process.env.PATH ?? '').split(':').filter((p) => p && !path.resolve(p).startsWith(ROOT));
  env.PATH = [path.dirname(node), ...outside].join(':');
  env.CHECKPOINT_DISABLE = '1';
  return env;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const failed = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${[command, ...args].join(' ')} (in ${cwd}) failed:\n${failed.stdout ?? ''}\n${failed.stderr ?? failed.message}`);
  }
}

/** The user's app: every example as a module, and a main.ts that synthesizes them all and uses the report reader. */
function writeApp(app: string, fw: Framework): void {
  const rename = (source: string) => (fw.core === 'cdktf' ? source : source
    .replace(/from 'cdktf'/g, "from 'cdktn'")
    .replace(/from 'cdktf-cos-inventory'/g, `from '${fw.packageName}'`));
  mkdirSync(path.join(app, 'examples'));
  const examples = readdirSync(path.join(ROOT, 'examples')).sort();
  for (const example of examples) {
    writeFileSync(path.join(app, 'examples', `${example}.ts`), rename(readFileSync(path.join(ROOT, 'examples', example, 'main.ts'), 'utf8')));
  }
  const names = examples.map((e, i) => ({ module: `./examples/${e}`, alias: `example${i}` }));
  writeFileSync(path.join(app, 'main.ts'), [
    `import { App } from '${fw.core}';`,
    `import { openLocalReport, summarize } from '${fw.packageName}/report';`,
    `import type { InventoryRecord, SummaryJson } from '${fw.packageName}/report';`,
    ...names.map((n) => `import { synthesize as ${n.alias} } from '${n.module}';`),
    '',
    '// The report reader, typed as a user calls it.',
    'export async function largest(dir: string): Promise<InventoryRecord | undefined> {',
    '  const report = await openLocalReport(dir);',
    '  let found: InventoryRecord | undefined;',
    '  for await (const record of report.records()) if (!found || (record.size ?? 0) > (found.size ?? 0)) found = record;',
    '  return found;',
    '}',
    'export type Summary = SummaryJson;',
    'export const summarizeReport = summarize;',
    '',
    'const app = new App();',
    ...names.map((n) => `${n.alias}(app);`),
    'app.synth();',
    '',
  ].join('\n'));
  writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'node main.js', terraformProviders: [], terraformModules: [], context: {} }, null, 2));
}

/**
 * What the user's compiler reports in the installed package's declarations with library checks on (node16
 * resolution, which reads `exports`, so the `/report` declarations are loaded whatever typesVersions says).
 */
function declarationErrors(app: string, fw: Framework, node: string, env: NodeJS.ProcessEnv): string[] {
  try {
    run(node, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit', '--skipLibCheck', 'false', '--module', 'node16', '--moduleResolution', 'node16'], app, env);
    return [];
  } catch (err) {
    return String((err as Error).message).split('\n').filter((l) => l.startsWith(`node_modules/${fw.packageName}/`));
  }
}

/** The stacks of a synthesized cdktf.out: name -> directory. */
function stacks(out: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  return Object.fromEntries(Object.entries(manifest.stacks as Record<string, { workingDirectory: string }>)
    .map(([name, stack]) => [name, path.join(out, stack.workingDirectory)]));
}

/**
 * Every stack's Terraform JSON by stack name, with the app's directory (in the default local backend's state path)
 * as `<app>` and without the one field that names the core's version.
 */
function stackJson(out: string): Record<string, unknown> {
  const app = path.dirname(out);
  return Object.fromEntries(Object.entries(stacks(out)).map(([name, dir]) => {
    const json = JSON.parse(readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8').split(app).join('<app>'));
    delete json['//']?.metadata?.version;
    return [name, json];
  }));
}

/** The newest Node version's synth output of an app. */
const newestOutput = (app: string) => path.join(app, `cdktf.out.node${NODE_VERSIONS[NODE_VERSIONS.length - 1]}`);

/** Each framework's app directory, kept until the two packages' output is compared. */
const apps = new Map<Framework['core'], string>();
afterAll(() => {
  for (const app of apps.values()) rmSync(app, { recursive: true, force: true });
});

describe.each(FRAMEWORKS)('$packageName, installed from its tarball into a fresh $core app', (fw) => {
  const node24 = nodeBinary(24);
  let app: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    const { [fw.core]: tarball } = pack([fw.core]);
    app = mkdtempSync(path.join(tmpdir(), `${fw.packageName}-app-`));
    apps.set(fw.core, app);
    env = userEnv(node24);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'inventory-app', version: '1.0.0', private: true, main: 'main.js' }, null, 2));
    const [, , , ...rest] = readmeInstallLine(fw.packageName);
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, ...rest], app, env);
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', ...fw.devTools], app, env);
    writeApp(app, fw);
    cpSync(fw.templateTsconfig(app), path.join(app, 'tsconfig.json'));
  }, 600_000);

  test('nothing of the repository is reachable from the app', () => {
    const resolved = run(node24, ['-p', `require.resolve('${fw.packageName}') + '\\n' + require.resolve('${fw.core}')`], app, env);
    for (const file of resolved.trim().split('\n')) expect(file.startsWith(path.join(app, 'node_modules'))).toBe(true);
  });

  test('npm finds every dependency the package declares, bundled ones included', () => {
    expect(() => run('npm', ['ls', '--all', '--omit=dev'], app, env)).not.toThrow();
    expect(existsSync(path.join(app, 'node_modules', fw.packageName, 'node_modules', 'valibot', 'package.json'))).toBe(true);
  });

  test('the package carries its license, README, API.md, CHANGELOG and third-party notices', () => {
    const dir = path.join(app, 'node_modules', fw.packageName);
    for (const file of ['LICENSE', 'README.md', 'API.md', 'CHANGELOG.md', '.jsii', 'assets/handler/THIRD_PARTY_NOTICES', 'assets/report/THIRD_PARTY_NOTICES']) {
      expect([file, existsSync(path.join(dir, file))]).toEqual([file, true]);
    }
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version).toBe(require('../../package.json').version);
    expect(readFileSync(path.join(dir, 'API.md'), 'utf8')).toContain(fw.packageName);
  });

  test("main.ts type-checks with the app template's tsconfig plus --strict, and compiles", () => {
    expect(() => run(node24, ['node_modules/typescript/bin/tsc', '-p', '.', '--strict'], app, env)).not.toThrow();
  });

  test.each([
    ['node16', ['--module', 'node16', '--moduleResolution', 'node16']],
    ['bundler', ['--module', 'esnext', '--moduleResolution', 'bundler']],
  ])('main.ts type-checks under %s resolution', (_name, flags) => {
    expect(() => run(node24, ['node_modules/typescript/bin/tsc', '-p', '.', '--strict', '--noEmit', ...flags], app, env)).not.toThrow();
  });

  test('every published declaration resolves with library checks on', () => {
    expect(declarationErrors(app, fw, node24, env)).toEqual([]);
  });

  test.each(NODE_VERSIONS)('the app synthesizes on Node %i, the same on every version', (version) => {
    const node = nodeBinary(version);
    rmSync(path.join(app, 'cdktf.out'), { recursive: true, force: true });
    fw.synth(app, node, userEnv(node));
    const out = path.join(app, `cdktf.out.node${version}`);
    rmSync(out, { recursive: true, force: true });
    renameSync(path.join(app, 'cdktf.out'), out);
    // One stack per example at least (each example's stacks, as the repository's own synth tests know them).
    expect(Object.keys(stacks(out)).length).toBeGreaterThanOrEqual(readdirSync(path.join(ROOT, 'examples')).length);
    const first = path.join(app, `cdktf.out.node${NODE_VERSIONS[0]}`);
    expect(stackJson(out)).toEqual(stackJson(first));
  }, 300_000);

  test('a stack that runs the handler carries its directory asset, third-party notices included', () => {
    const out = newestOutput(app);
    const withHandler = Object.values(stacks(out)).filter((dir) => readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8').includes('CosInventoryHandler'));
    expect(withHandler.length).toBeGreaterThan(0);
    for (const dir of withHandler) {
      const assets = path.join(dir, 'assets', 'CosInventoryHandler');
      const [hash] = readdirSync(assets);
      expect(readdirSync(path.join(assets, hash)).sort()).toEqual(['THIRD_PARTY_NOTICES', 'index.js', 'report.js']);
      expect(readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')).toContain(`assets/CosInventoryHandler/${hash}/index.js`);
    }
  });

  if (!realProviders.available) console.warn(`SKIPPED: terraform validate of the installed ${fw.packageName} app: ${realProviders.reason}.`);
  (realProviders.available ? test : test.skip)('every stack passes terraform validate with the real providers', () => {
    const { env: terraformEnv } = installRealProviders();
    const out = newestOutput(app);
    for (const [name, dir] of Object.entries(stacks(out))) {
      const tfEnv = { ...env, ...terraformEnv };
      run('terraform', ['init', '-input=false', '-backend=false', '-no-color'], dir, tfEnv);
      expect([name, run('terraform', ['validate', '-no-color'], dir, tfEnv).trim()]).toEqual([name, 'Success! The configuration is valid.']);
    }
  }, 300_000);

  test('the installed cos-inventory command runs', () => {
    expect(run(path.join(app, 'node_modules', '.bin', 'cos-inventory'), ['--help'], app, env)).toContain('cos-inventory');
  });

  test(`require('${fw.packageName}/report') loads the reader`, () => {
    const loaded = run(node24, ['-p', `Object.keys(require('${fw.packageName}/report')).filter((k) => ['openReport', 'summarize', 'cosStore', 'obsStore'].includes(k)).sort().join(',')`], app, env);
    expect(loaded.trim()).toBe('cosStore,obsStore,openReport,summarize');
  });
});

// The two builds come from one source tree and must write the same Terraform: this comparison is what lets the
// end-to-end suites (real terraform, real providers) run on one build only.
describe('the two packages', () => {
  test('write the same Terraform JSON for every example, but for the core version in the metadata', () => {
    const [cdktf, cdktn] = [apps.get('cdktf'), apps.get('cdktn')];
    if (!cdktf || !cdktn) throw new Error('both apps must have been installed and synthesized above');
    expect(stackJson(newestOutput(cdktn))).toEqual(stackJson(newestOutput(cdktf)));
  });
});
