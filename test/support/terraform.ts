// Runs the real terraform CLI in a synthesized stack's directory for the end-to-end tests. Asynchronous, so a fake
// server in the test process keeps answering while terraform and the handler run.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { App, LocalBackend, TerraformStack } from 'cdktf';

const run = promisify(execFile);

export interface TerraformRunner {
  /** Runs `terraform -chdir=<stack> <args> -no-color`; resolves with stdout, rejects with the failed process. */
  (...args: string[]): Promise<string>;
  /** Everything terraform printed so far, for checks that no secret was logged. */
  readonly log: () => string;
}

export function terraformRunner(stackDir: () => string, environment: () => Record<string, string>): TerraformRunner {
  let log = '';
  const terraform = async (...args: string[]) => {
    const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', ...environment() };
    try {
      const { stdout, stderr } = await run('terraform', [`-chdir=${stackDir()}`, ...args, '-no-color'], { env, maxBuffer: 16 * 1024 * 1024 });
      log += stdout + stderr;
      return stdout;
    } catch (err) {
      const failed = err as { stdout?: string; stderr?: string };
      log += (failed.stdout ?? '') + (failed.stderr ?? '');
      throw err;
    }
  };
  return Object.assign(terraform, { log: () => log });
}

/**
 * Keeps each stack's local state inside `dir`: cdktf's default local backend writes `terraform.<stack>.tfstate` into
 * the directory the synth ran from (the repository), where runs would share and leave it.
 */
export function keepStateIn(app: App, dir: string): App {
  for (const child of app.node.children) {
    if (child instanceof TerraformStack) new LocalBackend(child, { path: path.join(dir, `terraform.${child.node.id}.tfstate`) });
  }
  return app;
}

/** `terraform plan -detailed-exitcode`: 0 when the plan is empty, 2 when it has changes (the text says which). */
export async function planExitCode(terraform: TerraformRunner, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    return { code: 0, output: await terraform('plan', '-detailed-exitcode', '-input=false', ...args) };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string };
    if (failed.code !== 2) throw err;
    return { code: 2, output: failed.stdout ?? '' };
  }
}
