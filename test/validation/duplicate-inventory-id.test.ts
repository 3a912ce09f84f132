import { BucketInventory, InventoryDestination } from '../../src';
import { DESTINATION } from '../support/build';
import { synth } from '../support/synth';

describe('rule: inventory ids are unique per bucket', () => {
  test('refuses the same id twice on one bucket, naming the first owner', () => {
    expect(() => synth((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', DESTINATION);
      new BucketInventory(scope, 'First', { destination, bucketName: 'logs-1250000000', inventoryId: 'audit' });
      new BucketInventory(scope, 'Second', { destination, bucketName: 'logs-1250000000', inventoryId: 'audit' });
    })).toThrow('[test/Second] inventoryId = "audit": is already used on bucket logs-1250000000 by test/First; ids must be unique per bucket');
  });

  test('allows the same id on two buckets, and in two stacks', () => {
    expect(() => synth((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', DESTINATION);
      new BucketInventory(scope, 'A', { destination, bucketName: 'logs-1250000000', inventoryId: 'audit' });
      new BucketInventory(scope, 'B', { destination, bucketName: 'media-1250000000', inventoryId: 'audit' });
    })).not.toThrow();
    expect(() => synth((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', DESTINATION);
      new BucketInventory(scope, 'A', { destination, bucketName: 'logs-1250000000', inventoryId: 'audit' });
    })).not.toThrow();
  });
});
