// The published library must load with its peer dependencies alone: the SDKs and XML library the handler uses are
// bundled into assets/handler/ and are not dependencies of the package. Runs against the jsii output (lib/) of the
// build under test.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { CORE, PACKAGE_DIR } from './support/core';

const HANDLER_ONLY = ['cos-nodejs-sdk-v5', 'esdk-obs-nodejs', 'fast-xml-parser', 'hyparquet-writer'];

test(`${CORE} build: lib/index.js loads without the handler-only packages`, () => {
  const script = `
    const Module = require('module');
    const load = Module._load;
    Module._load = function (request, ...rest) {
      if (${JSON.stringify(HANDLER_ONLY)}.includes(request)) throw new Error('library code loaded ' + request);
      return load.call(this, request, ...rest);
    };
    const lib = require(${JSON.stringify(path.join(PACKAGE_DIR, 'lib', 'index.js'))});
    process.stdout.write(Object.keys(lib).sort().join(','));
  `;
  const exported = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(exported.split(',')).toEqual(expect.arrayContaining(['cos', 'obs', 'InventoryErrors', 'InventoryFrequency', 'TencentcloudProvider']));
});

test(`${CORE} build: the report reader loads from its own entry point, <package>/report`, () => {
  const name = require(path.join(PACKAGE_DIR, 'package.json')).name;
  const script = `process.stdout.write(typeof require(${JSON.stringify(`${name}/report`)}).openReport)`;
  expect(execFileSync(process.execPath, ['-e', script], { cwd: PACKAGE_DIR, encoding: 'utf8' })).toBe('function');
});
