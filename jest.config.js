// The whole suite runs once per build. `cdktf` tests src/ on cdktf 0.21 (the repository root is that build); `cdktn`
// tests build/cdktn/src (src/ with core.ts importing cdktn and bindings from @cdktn/provider-generator, laid out by
// scripts/build-variant.js) on cdktn 0.24. Tests and examples import 'cdktf', '../src' and the package name
// 'cdktf-cos-inventory' as they are; in the cdktn project all three resolve to the cdktn build at run time, while type
// checking stays on the cdktf types (the two APIs are the same but for the core's name: scripts/api-diff.js checks the
// assemblies). CORE_NEXT=1 adds `cdktn-next`, the same on the newest cdktn pre-release (scripts/check-next-core.sh).
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
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    project('cdktf', 'cdktf', ''),
    project('cdktn', 'cdktn', 'build/cdktn'),
    ...(process.env.CORE_NEXT ? [project('cdktn-next', 'cdktn', 'build/cdktn-next', 'build/cdktn-next/node_modules')] : []),
  ],
};
