/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] },
  // Examples and tests import the library by its package name, as users do; here that name is the source.
  moduleNameMapper: { '^cdktf-cos-inventory$': '<rootDir>/src/index.ts' },
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
