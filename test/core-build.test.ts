// The jest project runs on the build it names: its core, the library source of that build, and the two cores never
// meet in one process of this project.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { cos, TencentcloudProvider } from '../src';
import { CORE, PACKAGE_DIR } from './support/core';

test(`the ${CORE} project runs on ${CORE}`, () => {
  expect(require('cdktf/package.json').name).toBe(CORE);
  expect(require.resolve('cdktf')).toBe(require.resolve(CORE, { paths: [PACKAGE_DIR] }));
  expect(require.resolve('../src/core')).toBe(path.join(PACKAGE_DIR, 'src', 'core.ts'));
  expect(require(path.join(PACKAGE_DIR, 'package.json')).peerDependencies).toHaveProperty(CORE);
});

test(`a ${CORE} App synthesizes a construct of the ${CORE} build`, () => {
  const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'core-build-')) });
  try {
    const stack = new TerraformStack(app, 'core');
    new TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });
    const destination = new cos.InventoryDestination(stack, 'Destination', { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001' });
    new cos.BucketInventory(stack, 'Logs', { destination, bucketName: 'logs-1250000000' });
    expect(() => app.synth()).not.toThrow();
  } finally {
    rmSync(app.outdir, { recursive: true, force: true });
  }
});
