import { synthInventory } from '../support/build';

describe('rule: tag filters on periodic configs', () => {
  test('are refused, saying why and where tag filters do work', () => {
    expect(() => synthInventory({ tags: { age: '18' } })).toThrow(
      '[test/Inv] tags = {"age":"18"}: tencentcloud_cos_bucket_inventory cannot filter by tag (its filter has prefix and period only); '
      + 'for a one-off report with a tag filter use InventoryJob, which sends POST Bucket inventory itself',
    );
  });

  test('an empty tag map is no filter', () => {
    expect(() => synthInventory({ tags: {} })).not.toThrow();
  });
});
