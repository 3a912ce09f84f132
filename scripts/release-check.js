#!/usr/bin/env node
// `npm run release:check`: what a release would publish. Packs both packages (scripts/pack.js), runs
// `npm publish --dry-run` on each tarball (npm prints its contents, sizes and the version it would publish) and fails
// when a tarball is over the size budget or the two packages disagree on the version.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pack } = require('./pack');

const MAX_TARBALL_BYTES = 1.5 * 1000 * 1000;

const tarballs = pack();
const versions = new Set();
for (const [name, tarball] of Object.entries(tarballs)) {
  console.log(`\n== ${name}: npm publish --dry-run ${path.relative(process.cwd(), tarball)}`);
  execFileSync('npm', ['publish', '--dry-run', '--tag', 'latest', tarball], { stdio: 'inherit' });
  const bytes = fs.statSync(tarball).size;
  versions.add(/-(\d+\.\d+\.\d+[^/]*)\.tgz$/.exec(tarball)[1]);
  const verdict = bytes <= MAX_TARBALL_BYTES ? 'within' : 'OVER';
  console.log(`${path.basename(tarball)}: ${(bytes / 1e6).toFixed(2)} MB, ${verdict} the ${MAX_TARBALL_BYTES / 1e6} MB budget`);
  if (bytes > MAX_TARBALL_BYTES) process.exitCode = 1;
}
if (versions.size !== 1) {
  console.error(`the packages disagree on the version: ${[...versions].join(', ')}`);
  process.exitCode = 1;
}
