import { TerraformVariable } from 'cdktf';
import { BucketInventory, InventoryDestination } from '../../src';
import { synth } from '../support/synth';

describe('rule: unresolved tokens', () => {
  test('are accepted without false errors', () => {
    expect(() => synth((scope) => {
      const name = new TerraformVariable(scope, 'dest', { type: 'string' }).stringValue;
      const region = new TerraformVariable(scope, 'region', { type: 'string' }).stringValue;
      const id = new TerraformVariable(scope, 'id', { type: 'string' }).stringValue;
      const after = new TerraformVariable(scope, 'after', { type: 'number' }).numberValue;
      const destination = new InventoryDestination(scope, 'Dest', { bucketName: name, region, appId: '1250000000', reportPrefix: id });
      new BucketInventory(scope, 'Inv', { destination, bucketName: name, inventoryId: id, region, prefix: id, createdAfter: after, createdBefore: after, optionalFields: [id] });
    })).not.toThrow();
  });
});
