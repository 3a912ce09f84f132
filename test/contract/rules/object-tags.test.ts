import { synthCosInventory } from '../../support/build';

describe('rule: object tag filters', () => {
  test('keys are 1-128 allowed characters', () => {
    expect(() => synthCosInventory({ filter: { objectTags: { 'a*b': 'x' } } })).toThrow(
      '[test/Inv] filter.objectTags[0].key = "a*b": must be 1-128 letters, digits, spaces or + - = . _ : / @',
    );
  });

  test('values are 0-256 allowed characters', () => {
    expect(() => synthCosInventory({ filter: { objectTags: { k: 'v'.repeat(257) } } })).toThrow(
      `[test/Inv] filter.objectTags[0].value = "${'v'.repeat(199)}… (259 characters): must be 0-256 letters, digits, spaces or + - = . _ : / @`,
    );
  });

  test('an empty value is allowed', () => {
    expect(() => synthCosInventory({ filter: { objectTags: { k: '' } } })).not.toThrow();
  });

  test('at most 10 tags: an object carries no more', () => {
    const objectTags = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
    expect(() => synthCosInventory({ filter: { objectTags } })).toThrow('[test/Inv] filter.objectTags = 11: at most 10 tags: an object carries no more');
  });

  test('an empty tag map is no filter', () => {
    expect(() => synthCosInventory({ filter: { objectTags: {} } })).not.toThrow();
  });
});
