import { synthCosInventory } from '../../support/build';

describe('messages', () => {
  test('a refused value is echoed in part, with its length, never whole', () => {
    expect(() => synthCosInventory({ filter: { prefix: `/${'p'.repeat(1_000_000)}` } })).toThrow(
      /^\[test\/Inv\] filter\.prefix = "\/p{198}… \(1000003 characters\): must not start with "\/"/,
    );
  });

  test('a short value is echoed whole, as JSON', () => {
    expect(() => synthCosInventory({ inventoryId: 'a b' })).toThrow(/^\[test\/Inv\] inventoryId = "a b": /);
  });

  test('every problem of a construct is named at once, one a line', () => {
    expect(() => synthCosInventory({ inventoryId: 'a b', filter: { prefix: '/x' } })).toThrow([
      '[test/Inv] filter.prefix = "/x": must not start with "/": COS keys have no leading slash',
      '[test/Inv] inventoryId = "a b": must use only the characters a-z A-Z 0-9 - _ . and not be empty',
    ].join('\n'));
  });
});
