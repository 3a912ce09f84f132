#!/usr/bin/env node
// Bundles the handler (src/handler/main.ts) into assets/handler/, which InventoryJob and ManagedInventoryConfig ship
// as one directory TerraformAsset (so `terraform apply` needs only Node.js where it runs) and which is also the
// `cos-inventory` command:
//   index.js  the command: the handler, its own COS and OBS clients, fast-xml-parser, and the proxy libraries
//             (proxy-from-env, https-proxy-agent, loaded only when a proxy is set). It loads neither SDK.
//   report.js the report reader and `cos-inventory report` (src/handler/report-command.ts, src/report/**, with
//             hyparquet-writer), required from index.js only for `report` and a job's summary; also the script of
//             its summary worker threads.
// It also bundles the reader's Node API (src/handler/report-api.ts) to assets/report/index.js, with its declarations
// (tsc) in assets/report/types and assets/report/index.d.ts: `require('cdktf-cos-inventory/assets/report')`.
// cos-nodejs-sdk-v5 and esdk-obs-nodejs are in none: they stay devDependencies, the references the clients' signing is
// tested against.
// The build fails if a bundle holds a package it must not (checked in esbuild's metafile).
const { build } = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'assets', 'handler');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  // `cos-inventory --version`.
  define: { PACKAGE_VERSION: JSON.stringify(require(path.join(root, 'package.json')).version) },
};

const SDKS = ['cos-nodejs-sdk-v5', 'esdk-obs-nodejs'];

/** In index.js, `require('./report-command')` becomes `require('./report.js')`: the reader loads only when used. */
const reportAsSibling = {
  name: 'report-as-sibling',
  setup(build) {
    build.onResolve({ filter: /^\.\/report-command$/ }, () => ({ path: './report.js', external: true }));
  },
};

/** Packages (by node_modules directory) that went into a bundle, with their bytes in it. */
function packagesIn(metafile, outfile) {
  const output = Object.entries(metafile.outputs).find(([file]) => path.resolve(file) === outfile)?.[1];
  const packages = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const name = match ? match[1] : '(project)';
    packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
  }
  return { bytes: output?.bytes ?? 0, packages };
}

const bundles = [
  { name: 'index.js', entry: path.join(root, 'src', 'handler', 'main.ts'), plugins: [reportAsSibling], forbidden: [...SDKS, 'hyparquet-writer'] },
  { name: 'report.js', entry: path.join(root, 'src', 'handler', 'report-command.ts'), plugins: [], forbidden: SDKS },
];

async function main() {
  // The directory is the asset: only what this script writes belongs in it.
  fs.rmSync(outdir, { recursive: true, force: true });
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  for (const bundle of bundles) {
    const outfile = path.join(outdir, bundle.name);
    const result = await build({ ...common, entryPoints: [bundle.entry], outfile, plugins: bundle.plugins });
    const { bytes, packages } = packagesIn(result.metafile, outfile);
    const present = bundle.forbidden.filter((name) => packages.has(name));
    if (present.length > 0) throw new Error(`handler bundle ${bundle.name} must not contain ${present.join(', ')}`);
    const parts = [...packages].sort(([, a], [, b]) => b - a).map(([name, size]) => `${name} ${kib(size)}`).join(', ');
    console.log(`handler bundled: ${path.relative(root, outfile)} (${kib(bytes)}: ${parts})`);
  }
  fs.chmodSync(path.join(outdir, 'index.js'), 0o755);
  await bundleReportApi(kib);
}

/** assets/report/: the reader's Node API, index.js (esbuild) and its declarations (tsc). */
async function bundleReportApi(kib) {
  const reportDir = path.join(root, 'assets', 'report');
  fs.rmSync(reportDir, { recursive: true, force: true });
  const outfile = path.join(reportDir, 'index.js');
  const result = await build({ ...common, entryPoints: [path.join(root, 'src', 'handler', 'report-api.ts')], outfile });
  const { bytes, packages } = packagesIn(result.metafile, outfile);
  for (const name of SDKS) if (packages.has(name)) throw new Error(`report bundle index.js must not contain ${name}`);
  console.log(`report API bundled: ${path.relative(root, outfile)} (${kib(bytes)})`);
  const { execFileSync } = require('node:child_process');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }),
    '--declaration', '--emitDeclarationOnly', '--skipLibCheck', '--strict', '--esModuleInterop', '--target', 'es2022',
    '--module', 'commonjs', '--moduleResolution', 'node', '--types', 'node', '--rootDir', path.join(root, 'src'),
    '--outDir', path.join(reportDir, 'types'), path.join(root, 'src', 'handler', 'report-api.ts'), path.join(root, 'src', 'handler', 'proxy-from-env.d.ts')], { stdio: 'inherit' });
  fs.writeFileSync(path.join(reportDir, 'index.d.ts'), "export * from './types/handler/report-api';\n");
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
