// Which build the running jest project tests (jest.config.js sets __CORE__ and __BUILD__ per project), and where that
// build's package is: the repository root for cdktf, build/<build> (scripts/build-variant.js) for the others.
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const globals = globalThis as { __CORE__?: 'cdktf' | 'cdktn'; __BUILD__?: string };

/** The core package the build under test imports: 'cdktf' or 'cdktn'. */
export const CORE: 'cdktf' | 'cdktn' = globals.__CORE__ ?? 'cdktf';

/** The package directory of the build under test (package.json, lib/, .jsii); its core resolves from there. */
export const PACKAGE_DIR = CORE === 'cdktf' ? ROOT : path.join(ROOT, 'build', globals.__BUILD__ ?? CORE);
