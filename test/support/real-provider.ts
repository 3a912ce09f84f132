// The real tencentcloud and huaweicloud providers for end-to-end tests, kept outside the project
// (../shared/providers: zstd-compressed binaries and install.sh, which unpacks them as a Terraform filesystem mirror).
// They are unpacked once per machine into a cache under the OS temp directory, and Terraform is pointed at that
// mirror with a CLI config file (TF_CLI_CONFIG_FILE), so `terraform init` never reaches a registry. Without
// ../shared/providers the suite is skipped, loudly; with it but without zstd, it fails saying so.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const PROVIDERS_DIR = process.env.COS_INVENTORY_PROVIDERS_DIR ?? path.resolve(__dirname, '../../../shared/providers');

export interface RealProviders {
  /** Whether ../shared/providers (install.sh and the binaries) is there. */
  readonly available: boolean;
  /** Why not, when it is not. */
  readonly reason?: string;
  readonly dir: string;
}

/** Whether the real providers are there to install; does not install them. */
export function findRealProviders(): RealProviders {
  const installer = path.join(PROVIDERS_DIR, 'install.sh');
  if (!existsSync(installer)) {
    return { available: false, dir: PROVIDERS_DIR, reason: `${installer} not found (set COS_INVENTORY_PROVIDERS_DIR to the directory holding install.sh and the provider .zst files)` };
  }
  return { available: true, dir: PROVIDERS_DIR };
}

export const realProviders = findRealProviders();

export interface InstalledProviders {
  /** The filesystem mirror install.sh filled. */
  readonly mirrorDir: string;
  /** The CLI config file naming the mirror (also as plugin cache, so each init links rather than copies). */
  readonly cliConfigFile: string;
  /** Environment for every terraform run: the CLI config, no checkpoint calls. */
  readonly env: Record<string, string>;
}

let installed: InstalledProviders | undefined;

/**
 * Unpacks the providers (once per machine: the cache is keyed by the compressed files' names, sizes and times) and
 * writes the CLI config; returns the environment to run terraform with. Throws, clearly, without zstd.
 */
export function installRealProviders(): InstalledProviders {
  if (installed) return installed;
  if (!realProviders.available) throw new Error(`real providers unavailable: ${realProviders.reason}`);
  if (spawnSync('zstd', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`zstd is not installed: the real-provider tests unpack ${PROVIDERS_DIR}/*.zst with it. Install it (apt-get install -y zstd; CI does).`);
  }
  const packages = readdirSync(PROVIDERS_DIR).filter((name) => name.endsWith('.zst')).sort();
  const key = createHash('sha256').update(packages.map((name) => {
    const stat = statSync(path.join(PROVIDERS_DIR, name));
    return `${name}:${stat.size}:${stat.mtimeMs}`;
  }).join('\n')).digest('hex').slice(0, 16);
  const cacheRoot = path.join(tmpdir(), 'cdktf-cos-inventory-providers');
  const mirrorDir = path.join(cacheRoot, `mirror-${key}`);
  mkdirSync(cacheRoot, { recursive: true });
  if (!existsSync(mirrorDir)) {
    // Unpack beside the final directory, then rename: a parallel jest worker never sees a half-written binary.
    const staging = mkdtempSync(path.join(cacheRoot, 'staging-'));
    try {
      execFileSync(path.join(PROVIDERS_DIR, 'install.sh'), [staging], { stdio: 'pipe' });
      renameSync(staging, mirrorDir);
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(mirrorDir)) {
        const failed = err as { stderr?: Buffer; message: string };
        throw new Error(`${PROVIDERS_DIR}/install.sh failed: ${failed.stderr?.toString() || failed.message}`);
      }
    }
  }
  const cliConfigFile = path.join(cacheRoot, `terraformrc-${key}`);
  // Written aside and renamed: another worker's terraform may be reading the file at this moment.
  const staged = `${cliConfigFile}.${process.pid}`;
  writeFileSync(staged, [
    'provider_installation {',
    // Only the mirror: there is no direct (registry) installation to fall back to.
    `  filesystem_mirror {`,
    `    path = ${JSON.stringify(mirrorDir)}`,
    '  }',
    '}',
    // The unpacked mirror has the plugin cache's layout, so it serves as the cache too: init links the binary
    // (300 MB) instead of copying it, and never writes there, so parallel inits cannot trip over each other.
    // Every test starts without a lock file, hence the second setting.
    `plugin_cache_dir = ${JSON.stringify(mirrorDir)}`,
    'plugin_cache_may_break_dependency_lock_file = true',
    '',
  ].join('\n'));
  renameSync(staged, cliConfigFile);
  installed = { mirrorDir, cliConfigFile, env: { TF_CLI_CONFIG_FILE: cliConfigFile, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' } };
  return installed;
}

/**
 * A describe block for tests that need the real providers: skipped, with a loud warning, when ../shared/providers
 * is absent (a skipped check must not pass for a checked one); otherwise the providers are installed before its
 * tests run, failing them clearly if that is impossible.
 */
export function describeWithRealProviders(name: string, fn: () => void): void {
  if (!realProviders.available) {
    console.warn(`SKIPPED: the real-provider end-to-end tests "${name}" did not run: ${realProviders.reason}.`);
    describe.skip(`${name} (real providers not found)`, fn);
    return;
  }
  describe(name, () => {
    beforeAll(() => {
      installRealProviders();
    });
    fn();
  });
}
