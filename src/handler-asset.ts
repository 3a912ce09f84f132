import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { AssetType, Construct, TerraformAsset, TerraformStack } from './core';

/** The bundled handler, built by `npm run compile` and shipped in the package beside lib/. */
const HANDLER_BUNDLE = path.resolve(__dirname, '..', 'assets', 'handler', 'index.js');
const CONSTRUCT_ID = 'CosInventoryHandler';

/**
 * The stack's one copy of the bundled handler, as a `TerraformAsset`: it travels inside `cdktf.out`, so a stack
 * synthesized on one machine applies on another. Returns the command prefix that runs it.
 */
export function handlerCommand(scope: Construct, nodeExecutable = 'node'): string {
  const stack = TerraformStack.of(scope);
  let asset = stack.node.tryFindChild(CONSTRUCT_ID) as TerraformAsset | undefined;
  if (!asset) {
    if (!existsSync(HANDLER_BUNDLE)) {
      throw new Error(`[${scope.node.path}] the handler bundle ${HANDLER_BUNDLE} is missing: run \`npm run compile\` (it bundles src/handler)`);
    }
    asset = new TerraformAsset(stack, CONSTRUCT_ID, { path: HANDLER_BUNDLE, type: AssetType.FILE });
  }
  return `${nodeExecutable} "${asset.path}"`;
}
