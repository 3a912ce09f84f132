#!/usr/bin/env node
// Bundles the custom resource handler (src/handler/main.ts) with its dependencies (cos-nodejs-sdk-v5,
// fast-xml-parser) into one self-contained file, assets/handler/index.js. InventoryJob ships that file as a
// TerraformAsset, so `terraform apply` needs only Node.js on the machine that runs it; it is also the
// `cos-inventory` command.
const { buildSync } = require('esbuild');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'assets', 'handler', 'index.js');
const result = buildSync({
  entryPoints: [path.join(root, 'src', 'handler', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const bytes = result.metafile.outputs[path.relative(process.cwd(), outfile)]?.bytes
  ?? Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`handler bundled: ${path.relative(root, outfile)} (${Math.round(bytes / 1024)} KiB)`);
