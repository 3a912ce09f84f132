#!/usr/bin/env node
// Lays out the CDK Terrain (cdktn) build of this library in build/cdktn/ from the one source tree:
//   build/cdktn/package.json   the root package.json with the other package identity (name, jsii targets' names,
//                              peer dependencies); jsii compiles in that directory, so the assembly is named after it
//   build/cdktn/tsconfig.json  the root tsconfig.json, unchanged
//   build/cdktn/README.md ...  README.md, LICENSE and CHANGELOG.md, unchanged
//   build/cdktn/src/           src/ copied; src/core.ts's `from 'cdktf'` becomes `from 'cdktn'` and it names the
//                              cdktn build as this one, the cdktf build as the other; src/.gen generated
//                              again by @cdktn/provider-generator (its bindings import `cdktn`), with the same
//                              provider version ranges (scripts/provider-bindings.js)
//   build/cdktn/assets         a symlink to assets/ (handler-asset.ts resolves ../assets/handler from src/ and lib/)
// Nothing else differs between the builds; the script fails if any file but src/core.ts names the core.
// Usage: node scripts/build-variant.js [cdktn] [--core-from DIR]   then   jsii build/cdktn --silence-warnings=...
//   --core-from DIR: a node_modules directory holding another cdktn and @cdktn/provider-generator (the pre-release
//   check, scripts/check-next-core.sh); build/<name>/node_modules links to it, so the build resolves that core first.
const fs = require('node:fs');
const path = require('node:path');
const { generateBindings } = require('./provider-bindings');

const root = path.resolve(__dirname, '..');

/** What each build differs in. The cdktf build is the repository root itself. */
const VARIANTS = {
  cdktn: {
    core: 'cdktn',
    generator: '@cdktn/provider-generator',
    name: 'cdktn-cos-inventory',
    description: (d) => d.replace('CDK for Terraform', 'CDK Terrain (cdktn)'),
    peerDependencies: { cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' },
  },
};

/** jsii target names follow the package name: cdktf -> cdktn in every string of jsii.targets. */
function renameTargets(value, from, to) {
  if (typeof value === 'string') {
    const cap = (s) => s[0].toUpperCase() + s.slice(1);
    return value.split(from).join(to).split(cap(from)).join(cap(to));
  }
  if (Array.isArray(value)) return value.map((v) => renameTargets(v, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameTargets(v, from, to)]));
  return value;
}

/** Every .ts file under dir except generated bindings. */
function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '.gen' ? [] : sources(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

const CORE_IMPORT = /(from\s+|require\(\s*|import\s+)(['"])cdktf(\/[^'"]*)?\2/g;

/** core.ts names this build and the other one (for the error a mixed-up app gets): the variant is the other one. */
const BUILD_IDENTITY = 'const [THIS_BUILD, OTHER_BUILD] = [CDKTF_BUILD, CDKTN_BUILD];';
function swapBuildIdentity(coreFile) {
  const text = fs.readFileSync(coreFile, 'utf8');
  if (!text.includes(BUILD_IDENTITY)) throw new Error(`src/core.ts does not say \`${BUILD_IDENTITY}\``);
  fs.writeFileSync(coreFile, text.replace(BUILD_IDENTITY, 'const [THIS_BUILD, OTHER_BUILD] = [CDKTN_BUILD, CDKTF_BUILD];'));
}

async function main() {
  const args = process.argv.slice(2);
  const coreFrom = args.includes('--core-from') ? path.resolve(args[args.indexOf('--core-from') + 1]) : undefined;
  const variantName = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--core-from') ?? 'cdktn';
  const variant = VARIANTS[variantName.replace(/-next$/, '')];
  if (!variant) throw new Error(`unknown variant ${variantName}: one of ${Object.keys(VARIANTS).join(', ')}`);
  const out = path.join(root, 'build', variantName);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });

  // package.json: same package, other identity.
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const variantPkg = {
    ...pkg,
    name: variant.name,
    description: variant.description(pkg.description),
    keywords: pkg.keywords.map((k) => (k === 'cdktf' ? variant.core : k)),
    peerDependencies: variant.peerDependencies,
    jsii: { ...pkg.jsii, targets: renameTargets(pkg.jsii.targets, 'cdktf', variant.core) },
  };
  delete variantPkg.devDependencies; // resolved from the root node_modules (build/ is inside the repository)
  delete variantPkg.scripts;
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(variantPkg, null, 2)}\n`);
  fs.copyFileSync(path.join(root, 'tsconfig.json'), path.join(out, 'tsconfig.json'));
  for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md']) fs.copyFileSync(path.join(root, file), path.join(out, file));
  fs.symlinkSync(path.join('..', '..', 'assets'), path.join(out, 'assets'));
  if (coreFrom) fs.symlinkSync(coreFrom, path.join(out, 'node_modules'));

  // src/: copied; only core.ts may name the core, and it is the only file rewritten.
  const srcOut = path.join(out, 'src');
  fs.cpSync(path.join(root, 'src'), srcOut, { recursive: true, filter: (p) => path.basename(p) !== '.gen' });
  const rewritten = [];
  for (const file of sources(srcOut)) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.search(CORE_IMPORT) === -1) continue;
    const rel = path.relative(srcOut, file);
    if (rel !== 'core.ts') throw new Error(`src/${rel} imports cdktf: only src/core.ts may name the core`);
    fs.writeFileSync(file, text.replace(CORE_IMPORT, (_m, kw, q, sub) => `${kw}${q}${variant.core}${sub ?? ''}${q}`));
    rewritten.push(rel);
  }
  if (rewritten.length !== 1) throw new Error('src/core.ts does not import cdktf');
  swapBuildIdentity(path.join(srcOut, 'core.ts'));

  // src/.gen: the variant's own generator, from the same trimmed schemas.
  await generateBindings(require(require.resolve(variant.generator, { paths: [out] })), path.join(srcOut, '.gen'));
  const stray = sources(path.join(srcOut, '.gen')).concat(sources(srcOut)).filter((f) => /['"]cdktf['"]/.test(fs.readFileSync(f, 'utf8')));
  if (stray.length) throw new Error(`still importing cdktf: ${stray.join(', ')}`);
  const coreVersion = require(require.resolve(`${variant.core}/package.json`, { paths: [out] })).version;
  console.log(`${variant.name} laid out in ${path.relative(root, out)} (core: ${variant.core} ${coreVersion})`);
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
