// Three projects. `package` packs both packages and tests them installed into fresh apps (test/package). `cdktf` runs
// the whole suite on src/ with cdktf 0.21 (the repository root is that build). `cdktn` runs the tests that go through
// the core (CORE_TESTS) on build/cdktn/src (src/ with core.ts importing cdktn and bindings from
// @cdktn/provider-generator, laid out by scripts/build-variant.js) with cdktn 0.24. Tests and examples import 'cdktf',
// '../src' and the package name 'cdktf-cos-inventory' as they are; in the cdktn project all three resolve to the cdktn
// build at run time, while type checking stays on the cdktf types (the two APIs are the same but for the core's name:
// scripts/api-diff.js checks the assemblies). CORE_NEXT=1 adds `cdktn-next`, the same on the newest cdktn pre-release
// (scripts/check-next-core.sh).
const fs = require('node:fs');
const path = require('node:path');

const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] },
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};

/**
 * What a second build runs: the tests that synthesize through the core. The handler, the report reader, the contract
 * rules and the end-to-end suites run code no build changes (src/handler, src/report and src/contract import no core;
 * the handler is one bundle for both), so they run once, in the cdktf project; that both builds write the same
 * Terraform for every example is checked by test/package/published.test.ts on the installed packages.
 */
const CORE_TESTS = [
  '<rootDir>/test/{cos,obs,common}/**/*.test.ts',
  '<rootDir>/test/{api,core-build,examples,provider-schema,readme}.test.ts',
  '<rootDir>/test/handler/check.test.ts',
];

/** A project running the suite on the build in `dir` (relative to the repository), on the core named `core`. */
function project(build, core, dir, modules = 'node_modules') {
  const own = (name) => (fs.existsSync(path.join(__dirname, modules, name)) ? `<rootDir>/${modules}/${name}` : name);
  const coreMapping = core === 'cdktf' ? {} : {
    '^cdktf$': own(core),
    '^cdktf/(.*)$': `${own(core)}/$1`,
    '^constructs$': own('constructs'),
    // '../src', '../../src/.gen/providers/x', '../src/handler/y' from test/ and examples/: the build's copy.
    '^(?:\\.\\./)+src(/.*)?$': `<rootDir>/${dir}/src$1`,
  };
  return {
    ...common,
    ...(core === 'cdktf' ? { testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/package/'] } : { testMatch: CORE_TESTS }),
    displayName: build,
    globals: { __CORE__: core, __BUILD__: build },
    moduleNameMapper: {
      ...coreMapping,
      // Examples and tests import the library by its package name, as users do; here that name is the build's source.
      '^cdktf-cos-inventory$': `<rootDir>/${dir ? `${dir}/` : ''}src/index.ts`,
    },
  };
}

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  // Three workers on two cores: the end-to-end suites spend most of their time waiting (terraform, the providers'
  // built-in delays after CAM and COS writes), so they overlap well with each other and with CPU-bound suites.
  maxWorkers: 3,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    // The packed packages, installed into fresh apps (both frameworks in one run): once, not per build.
    { ...common, displayName: 'package', testMatch: ['<rootDir>/test/package/**/*.test.ts'] },
    project('cdktf', 'cdktf', ''),
    project('cdktn', 'cdktn', 'build/cdktn'),
    ...(process.env.CORE_NEXT ? [project('cdktn-next', 'cdktn', 'build/cdktn-next', 'build/cdktn-next/node_modules')] : []),
  ],
};
