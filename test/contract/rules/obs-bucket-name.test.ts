import { obs } from '../../../src';
import { synthObsInventory } from '../../support/build';
import { synth } from '../../support/synth';

const RULE = 'must be 3-63 lowercase letters, digits, hyphens and periods, start and end with a letter or digit, with no "..", ".-" or "-." and not like an IP address';

describe('rule: OBS bucket names', () => {
  test('allow lowercase letters, digits, hyphens and periods', () => {
    expect(() => synthObsInventory({ bucketName: 'my-bucket.2024' })).not.toThrow();
  });

  test.each(['Bad_Bucket', 'ab', 'a'.repeat(64), '-bucket', 'bucket-', 'my..bucket', 'my.-bucket', 'my-.bucket', '192.168.0.1'])('refuses %j', (bucketName) => {
    expect(() => synthObsInventory({ bucketName })).toThrow(`[test/Inv] bucketName = ${JSON.stringify(bucketName)}: ${RULE}`);
  });

  test('apply to the destination bucket', () => {
    expect(() => synth((scope) => obs.InventoryDestination.fromBucketName(scope, 'Dest', 'Dest_Bucket', 'cn-north-4'))).toThrow(
      `[test/Dest] bucketName = "Dest_Bucket": ${RULE}`,
    );
  });
});
