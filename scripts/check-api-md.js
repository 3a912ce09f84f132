#!/usr/bin/env node
// Fails when API.md is not what jsii-docgen generates from the current .jsii assembly: API.md is never edited by
// hand, so a stale one means `npm run docgen` was not run after changing the public API.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'api-md-'));
try {
  const fresh = path.join(dir, 'API.md');
  execFileSync(path.join(root, 'node_modules', '.bin', 'jsii-docgen'), ['-o', fresh], { cwd: root, stdio: 'inherit' });
  if (readFileSync(fresh, 'utf8') !== readFileSync(path.join(root, 'API.md'), 'utf8')) {
    console.error('API.md is stale: run `npm run build` (jsii, then jsii-docgen) and commit API.md.');
    process.exit(1);
  }
  console.log('API.md matches the public API.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
