import { cos } from '../../../src';
import { COS_DESTINATION, synthCosInventory } from '../../support/build';
import { synth } from '../../support/synth';

describe('rule: creation period filter', () => {
  test('start must come before end', () => {
    expect(() => synthCosInventory({ filter: { createdAfter: 1735689600, createdBefore: 1704067200 } })).toThrow(
      '[test/Inv] filter.createdBefore = 1704067200: must be after filter.createdAfter (1735689600)',
    );
  });

  test('times are whole seconds', () => {
    expect(() => synthCosInventory({ filter: { createdAfter: 1.5 } })).toThrow(
      '[test/Inv] filter.createdAfter = 1.5: must be a whole number of seconds since 1970-01-01 UTC',
    );
  });

  test('times are not before 1970', () => {
    expect(() => synthCosInventory({ filter: { createdBefore: -1 } })).toThrow(
      '[test/Inv] filter.createdBefore = -1: must be a whole number of seconds since 1970-01-01 UTC',
    );
  });

  test('applies to one-off jobs too', () => {
    expect(() => synth((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.InventoryJob(scope, 'Job', { destination, bucketName: 'logs-1250000000', filter: { createdAfter: 10, createdBefore: 10 } });
    })).toThrow('[test/Job] filter.createdBefore = 10: must be after filter.createdAfter (10)');
  });
});
