import { synthInventory } from '../support/build';

describe('rule: creation period filter', () => {
  test('start must come before end', () => {
    expect(() => synthInventory({ createdAfter: 1735689600, createdBefore: 1704067200 })).toThrow(
      '[test/Inv] createdBefore = 1704067200: must be after createdAfter (1735689600)',
    );
  });

  test('times are whole seconds', () => {
    expect(() => synthInventory({ createdAfter: 1.5 })).toThrow('[test/Inv] createdAfter = 1.5: must be a whole number of seconds since 1970-01-01 UTC');
  });
});
