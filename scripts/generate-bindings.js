#!/usr/bin/env node
// Generates the cdktf provider bindings from the trimmed schemas in schema/ with cdktf's own generator.
// The registry is not needed (and not reachable in CI); `cdktf get` produces the same classes online.
// Output goes to src/.gen, which is git-ignored and never edited by hand. Runs from `npm ci` (prepare).
// The bindings name a provider version range, not one version: see scripts/provider-bindings.js.
const { rmSync } = require('node:fs');
const path = require('node:path');
const { generateBindings } = require('./provider-bindings');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'src', '.gen');

async function main() {
  rmSync(outdir, { recursive: true, force: true });
  await generateBindings(require('@cdktf/provider-generator'), outdir);
  console.log(`provider bindings generated in ${path.relative(root, outdir)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
