// Runs the real terraform CLI in a synthesized stack's directory for the end-to-end tests. Asynchronous, so a fake
// server in the test process keeps answering while terraform and the handler run.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

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
