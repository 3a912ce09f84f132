#!/usr/bin/env node
// Packs the packages exactly as `npm publish` would publish them, into dist/js/ (run `npm run compile` first):
//   cdktf-cos-inventory  the repository root (npm packs its `files`, README, LICENSE, and the bundled dependencies
//                        from the root node_modules)
//   cdktn-cos-inventory  build/cdktn (laid out by scripts/build-variant.js), staged in build/pack/cdktn with real
//                        copies of its `files` and bundled dependencies (npm pack follows no symlink and bundles only
//                        from the package's own node_modules) and its own API.md, written by jsii-docgen
// Usage: node scripts/pack.js [cdktf|cdktn ...]   (both by default); prints one tarball path a line.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist', 'js');

/** The packed tarball's absolute path. */
function npmPack(dir) {
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: dir, encoding: 'utf8' }));
  return path.join(out, info.filename);
}

/** A package directory holding real copies of what the cdktn package publishes. */
function stageCdktn() {
  const build = path.join(root, 'build', 'cdktn');
  const stage = path.join(root, 'build', 'pack', 'cdktn');
  const pkg = JSON.parse(fs.readFileSync(path.join(build, 'package.json'), 'utf8'));
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  writeApiMd(build);
  // Negated entries (`!lib/handler`) are applied by npm pack itself, from the staged package.json.
  for (const entry of ['package.json', ...pkg.files.filter((f) => !f.startsWith('!'))]) {
    if (!fs.existsSync(path.join(build, entry))) throw new Error(`${pkg.name}: "${entry}" is in files but build/cdktn has none`);
    fs.cpSync(path.join(build, entry), path.join(stage, entry), { recursive: true, dereference: true });
  }
  for (const dep of pkg.bundleDependencies ?? []) {
    fs.cpSync(path.join(root, 'node_modules', dep), path.join(stage, 'node_modules', dep), { recursive: true, dereference: true });
  }
  return stage;
}

/** API.md of the cdktn build (jsii-docgen finds dependency assemblies only in <project>/node_modules: lent for the run). */
function writeApiMd(build) {
  const lent = !fs.existsSync(path.join(build, 'node_modules'));
  if (lent) fs.symlinkSync(path.join(root, 'node_modules'), path.join(build, 'node_modules'));
  try {
    execFileSync(path.join(root, 'node_modules', '.bin', 'jsii-docgen'), ['-o', 'API.md'], { cwd: build, stdio: 'inherit' });
  } finally {
    if (lent) fs.unlinkSync(path.join(build, 'node_modules'));
  }
}

const PACKAGES = { cdktf: () => root, cdktn: stageCdktn };

/** Packs the named packages; returns { name: tarball }. */
function pack(names = Object.keys(PACKAGES)) {
  fs.mkdirSync(out, { recursive: true });
  return Object.fromEntries(names.map((name) => {
    if (!PACKAGES[name]) throw new Error(`unknown package ${name}: one of ${Object.keys(PACKAGES).join(', ')}`);
    return [name, npmPack(PACKAGES[name]())];
  }));
}

module.exports = { pack };

if (require.main === module) {
  for (const tarball of Object.values(pack(process.argv.slice(2).length ? process.argv.slice(2) : undefined))) console.log(tarball);
}
