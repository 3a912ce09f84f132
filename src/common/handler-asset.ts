import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { AssetType, Construct, TerraformAsset, TerraformStack } from '../core';

/**
 * The bundled handler, built by `npm run compile` and shipped in the package beside lib/: a directory holding
 * `index.js` (the command) and `report.js` (the report reader, which only `report` and job summaries load).
 */
const HANDLER_DIRECTORY = path.resolve(__dirname, '..', '..', 'assets', 'handler');
const ENTRY = 'index.js';
const CONSTRUCT_ID = 'CosInventoryHandler';

/**
 * The stack's one copy of the bundled handler directory, as a `TerraformAsset`: it travels inside `cdktf.out`, so a
 * stack synthesized on one machine applies on another.
 */
function handlerAsset(scope: Construct): TerraformAsset {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(CONSTRUCT_ID) as TerraformAsset | undefined;
  if (existing) return existing;
  if (!existsSync(path.join(HANDLER_DIRECTORY, ENTRY))) {
    throw new Error(`[${scope.node.path}] the handler bundle ${path.join(HANDLER_DIRECTORY, ENTRY)} is missing: run \`npm run compile\` (it bundles src/handler)`);
  }
  return new TerraformAsset(stack, CONSTRUCT_ID, { path: HANDLER_DIRECTORY, type: AssetType.DIRECTORY });
}

/** The path of the handler's `index.js` inside the stack's asset, relative to the stack directory terraform runs in. */
export function handlerScriptPath(scope: Construct): string {
  return path.posix.join(handlerAsset(scope).path, ENTRY);
}
