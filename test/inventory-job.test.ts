import { InventoryDestination, InventoryJob } from '../src';
import { synthJson } from './support/synth';

test('probe', () => {
  const json = synthJson((scope) => {
    const destination = new InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001', existingBucket: true, managePolicy: false });
    new InventoryJob(scope, 'Job', { destination, bucketName: 'logs-1250000000', tags: { age: '18' }, prefix: 'myPrefix' });
  });
  console.log(JSON.stringify(json, null, 2));
});
