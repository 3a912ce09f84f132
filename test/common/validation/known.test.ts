import { TerraformVariable } from 'cdktf';
import { cos, obs } from '../../../src';
import { synth } from '../../support/synth';

describe('rule: unresolved tokens', () => {
  test('are accepted without false errors on COS', () => {
    expect(() => synth((scope) => {
      const name = new TerraformVariable(scope, 'dest', { type: 'string' }).stringValue;
      const region = new TerraformVariable(scope, 'region', { type: 'string' }).stringValue;
      const id = new TerraformVariable(scope, 'id', { type: 'string' }).stringValue;
      const after = new TerraformVariable(scope, 'after', { type: 'number' }).numberValue;
      const destination = new cos.InventoryDestination(scope, 'Dest', { bucketName: name, region, appId: '1250000000', reportPrefix: id });
      new cos.BucketInventory(scope, 'Inv', {
        destination, bucketName: name, appId: '1250000000', inventoryId: id, region,
        filter: { prefix: id, createdAfter: after, createdBefore: after, objectTags: { [id]: id } }, optionalFields: [id as cos.InventoryField],
      });
    })).not.toThrow();
  });

  test('are accepted without false errors on OBS', () => {
    expect(() => synth((scope) => {
      const name = new TerraformVariable(scope, 'dest', { type: 'string' }).stringValue;
      const region = new TerraformVariable(scope, 'region', { type: 'string' }).stringValue;
      const id = new TerraformVariable(scope, 'id', { type: 'string' }).stringValue;
      const destination = new obs.InventoryDestination(scope, 'Dest', { bucketName: name, region, reportPrefix: id });
      new obs.BucketInventory(scope, 'Inv', { destination, bucketName: name, inventoryId: id, region, filter: { prefix: id }, optionalFields: [id as obs.InventoryField] });
      new obs.BucketInventory(scope, 'Other', { destination, bucketName: name, inventoryId: 'other', region, filter: { prefix: id } });
    })).not.toThrow();
  });
});
