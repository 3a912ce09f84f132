import { Construct } from '../core';
import { handlerScriptPath } from './handler-asset';
import { literalTemplate, literalTemplates } from './terraform-literal';

/** What one run of the bundled handler needs. */
export interface HandlerRun {
  /** The handler command: `run`, `put` or `delete`. */
  readonly command: string;
  /**
   * Environment of the handler. Values are Terraform templates: documents the handler reads are passed as
   * `${jsonencode(self.input.…)}`, so Terraform itself encodes them, byte for byte, whatever they contain.
   */
  readonly environment: Record<string, string>;
  /** Literal settings (endpoints) added to the environment as text, never evaluated. */
  readonly settings?: Record<string, string>;
  readonly nodeExecutable?: string;
  readonly when?: 'destroy';
}

/**
 * A `local-exec` provisioner that runs the handler with no shell in between: `interpreter` is the argument vector
 * (`node`, the script), and the command is its last argument, so a path with spaces or a `nodeExecutable` with `;` is
 * only ever a path.
 */
export function handlerProvisioner(scope: Construct, run: HandlerRun) {
  return {
    type: 'local-exec' as const,
    interpreter: [literalTemplate(run.nodeExecutable ?? 'node'), literalTemplate(handlerScriptPath(scope))],
    command: run.command,
    environment: { ...literalTemplates(run.settings ?? {}), ...run.environment },
    ...(run.when ? { when: run.when } : {}),
  };
}
