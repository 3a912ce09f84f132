#!/usr/bin/env node
// Packs the cdktn build (build/cdktn, compiled by `npm run compile`) as its own npm package: stages it in
// build/pack/cdktn with real copies of what `files` and `bundledDependencies` need (npm pack follows no symlink and
// bundles only from the package's own node_modules), generates its API.md with jsii-docgen, and writes the tarball
// to dist/js/. Usage: node scripts/pack-variant.js [cdktn]
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const variant = process.argv[2] ?? 'cdktn';
const build = path.join(root, 'build', variant);
const stage = path.join(root, 'build', 'pack', variant);
const pkg = JSON.parse(fs.readFileSync(path.join(build, 'package.json'), 'utf8'));

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
for (const entry of ['package.json', '.jsii', 'lib', 'README.md']) {
  fs.cpSync(path.join(build, entry), path.join(stage, entry), { recursive: true, dereference: true });
}
fs.cpSync(path.join(root, 'assets'), path.join(stage, 'assets'), { recursive: true, dereference: true });
for (const dep of pkg.bundledDependencies ?? []) {
  fs.cpSync(path.join(root, 'node_modules', dep), path.join(stage, 'node_modules', dep), { recursive: true, dereference: true });
}
// jsii-docgen finds the dependencies' assemblies only in <project>/node_modules: lend it the root's for the run.
const lent = !fs.existsSync(path.join(build, 'node_modules'));
if (lent) fs.symlinkSync(path.join(root, 'node_modules'), path.join(build, 'node_modules'));
try {
  execFileSync(path.join(root, 'node_modules', '.bin', 'jsii-docgen'), ['-o', 'API.md'], { cwd: build, stdio: 'inherit' });
} finally {
  if (lent) fs.unlinkSync(path.join(build, 'node_modules'));
}
fs.copyFileSync(path.join(build, 'API.md'), path.join(stage, 'API.md'));
const out = path.join(root, 'dist', 'js');
fs.mkdirSync(out, { recursive: true });
const tarball = execFileSync('npm', ['pack', '--pack-destination', out], { cwd: stage, encoding: 'utf8' }).trim().split('\n').pop();
console.log(`packed ${pkg.name}: ${path.relative(root, path.join(out, tarball))}`);
