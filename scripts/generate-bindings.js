#!/usr/bin/env node
// Generates the cdktf provider bindings from the trimmed schemas in schema/ with cdktf's own generator.
// The registry is not needed (and not reachable in CI); `cdktf get` produces the same classes online.
// Output goes to src/.gen, which is git-ignored and never edited by hand. Runs from `npm ci` (prepare).
const { readFileSync, rmSync, existsSync } = require('node:fs');
const path = require('node:path');
const { generateProviderBindingsFromSchema } = require('@cdktf/provider-generator');

const SCHEMAS = ['tencentcloud.json', 'huaweicloud.json'];
const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'src', '.gen');

async function main() {
  rmSync(outdir, { recursive: true, force: true });
  for (const file of SCHEMAS) {
    const schema = JSON.parse(readFileSync(path.join(root, 'schema', file), 'utf8'));
    await generateProviderBindingsFromSchema(outdir, schema);
  }
  if (!existsSync(outdir)) throw new Error(`generator wrote nothing to ${outdir}`);
  console.log(`provider bindings generated in ${path.relative(root, outdir)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
