#!/usr/bin/env node
// The public API against the last release: jsii-diff from the released assembly (api/released/.jsii, the .jsii that
// was published, kept in the repository) to the current one, with --error-on all. After 1.0.0 no breaking change
// lands without a major version: a change jsii-diff calls breaking fails here unless package.json's major version
// is greater than the released one. Releasing copies the new .jsii over api/released/.jsii (CONTRIBUTING.md).
// Usage: node scripts/api-compat.js   (after jsii compiled .jsii)
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const released = path.join(root, 'api', 'released');
const releasedVersion = JSON.parse(fs.readFileSync(path.join(released, '.jsii'), 'utf8')).version;
const currentVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const major = (version) => Number(version.split('.')[0]);

try {
  execFileSync(path.join(root, 'node_modules', '.bin', 'jsii-diff'), ['--error-on', 'all', released, root], { stdio: 'inherit' });
  console.log(`public API: no breaking change since the released ${releasedVersion}`);
} catch {
  if (major(currentVersion) > major(releasedVersion)) {
    console.log(`public API: breaking changes since ${releasedVersion}, allowed by the new major version ${currentVersion}`);
  } else {
    console.error(`public API: breaking changes since the released ${releasedVersion} (above) need a new major version (package.json says ${currentVersion})`);
    process.exit(1);
  }
}
