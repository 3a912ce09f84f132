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
// in one assets/report/index.d.ts: `require('cdktf-cos-inventory/report')`.
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
  const directories = new Set();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    // The innermost node_modules/<package>: a nested copy is its own package, with its own license.
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    const name = match ? match[2] : '(project)';
    if (match) directories.add(path.resolve(match[1]));
    packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
  }
  return { bytes: output?.bytes ?? 0, packages, directories };
}

/**
 * THIRD_PARTY_NOTICES beside the bundles: each bundled package's name, version, license and license text (the
 * bundles are minified, so this file is where the notices their licenses require travel).
 */
function writeNotices(dir, packageDirectories) {
  const notices = [...packageDirectories].sort().map((pkgDir) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    const licenseFile = fs.readdirSync(pkgDir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    if (!licenseFile && !pkg.license) throw new Error(`bundled package ${pkg.name} states no license`);
    const text = licenseFile ? fs.readFileSync(path.join(pkgDir, licenseFile), 'utf8').trim() : `(no license file in the package; package.json: "license": "${pkg.license}")`;
    return `${pkg.name} ${pkg.version} (${pkg.license ?? 'see text'})\n${'-'.repeat(79)}\n${text}\n`;
  });
  const header = 'Third-party software bundled (minified) into the files of this directory, with the license of each.\n\n';
  fs.writeFileSync(path.join(dir, 'THIRD_PARTY_NOTICES'), header + notices.join('\n'));
}

const bundles = [
  { name: 'index.js', entry: path.join(root, 'src', 'handler', 'main.ts'), plugins: [reportAsSibling], forbidden: [...SDKS, 'hyparquet-writer'] },
  { name: 'report.js', entry: path.join(root, 'src', 'handler', 'report-command.ts'), plugins: [], forbidden: SDKS },
];

async function main() {
  // The directory is the asset: only what this script writes belongs in it.
  fs.rmSync(outdir, { recursive: true, force: true });
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  const bundled = new Set();
  for (const bundle of bundles) {
    const outfile = path.join(outdir, bundle.name);
    const result = await build({ ...common, entryPoints: [bundle.entry], outfile, plugins: bundle.plugins });
    const { bytes, packages, directories } = packagesIn(result.metafile, outfile);
    for (const dir of directories) bundled.add(dir);
    const present = bundle.forbidden.filter((name) => packages.has(name));
    if (present.length > 0) throw new Error(`handler bundle ${bundle.name} must not contain ${present.join(', ')}`);
    const parts = [...packages].sort(([, a], [, b]) => b - a).map(([name, size]) => `${name} ${kib(size)}`).join(', ');
    console.log(`handler bundled: ${path.relative(root, outfile)} (${kib(bytes)}: ${parts})`);
  }
  fs.chmodSync(path.join(outdir, 'index.js'), 0o755);
  writeNotices(outdir, bundled);
  await bundleReportApi(kib);
}

/** assets/report/: the reader's Node API, index.js (esbuild), its declarations and notices. */
async function bundleReportApi(kib) {
  const reportDir = path.join(root, 'assets', 'report');
  fs.rmSync(reportDir, { recursive: true, force: true });
  const outfile = path.join(reportDir, 'index.js');
  const result = await build({ ...common, entryPoints: [path.join(root, 'src', 'handler', 'report-api.ts')], outfile });
  const { bytes, packages, directories } = packagesIn(result.metafile, outfile);
  writeNotices(reportDir, directories);
  for (const name of SDKS) if (packages.has(name)) throw new Error(`report bundle index.js must not contain ${name}`);
  console.log(`report API bundled: ${path.relative(root, outfile)} (${kib(bytes)})`);
  writeReportDeclarations(path.join(reportDir, 'index.d.ts'));
}

/**
 * One self-contained index.d.ts: what the API exports and the types it reaches, valibot's inlined (a user's compiler
 * must resolve every import of a published declaration, and the handler's SDKs are no dependency of the package).
 */
function writeReportDeclarations(file) {
  const { generateDtsBundle } = require('dts-bundle-generator');
  const [text] = generateDtsBundle(
    [{ filePath: path.join(root, 'src', 'handler', 'report-api.ts'), noCheck: true, libraries: { inlinedLibraries: ['valibot'] }, output: { noBanner: true } }],
    { preferredConfigPath: path.join(__dirname, 'report-types.tsconfig.json') },
  );
  const imported = [...text.matchAll(/^import .* from ['"]([^'"]+)['"];?$/gm)].map((m) => m[1]).filter((name) => !name.startsWith('node:'));
  if (imported.length > 0) throw new Error(`assets/report/index.d.ts must import nothing but node:*, imports ${imported.join(', ')}`);
  fs.writeFileSync(file, text);
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
