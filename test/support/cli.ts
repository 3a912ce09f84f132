// Runs the bundled handler as operators and terraform run it: a fresh `node` process with only the given environment.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

export const BUNDLE = path.resolve(__dirname, '..', '..', 'assets', 'handler', 'index.js');
const execFileAsync = promisify(execFile);

export interface CliResult { code: number; stdout: string; stderr: string }

export async function cli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [BUNDLE, ...args], { env: { PATH: process.env.PATH, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
