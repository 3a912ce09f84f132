import { synthInventory } from '../support/build';

describe('rule: tag filters', () => {
  test('keys of 1-128 and values of 0-256 allowed characters', () => {
    expect(() => synthInventory({ tags: { 'a*b': 'x' } })).toThrow('[test/Inv] tags[0].key = "a*b": must be 1-128 letters, digits, spaces or + - = . _ : / @');
    expect(() => synthInventory({ tags: { k: 'v'.repeat(257) } })).toThrow(`[test/Inv] tags[0].value = "${'v'.repeat(199)}… (259 characters): must be 0-256 letters, digits, spaces or + - = . _ : / @`);
  });

  test('at most 10 tags: an object carries no more', () => {
    const tags = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
    expect(() => synthInventory({ tags })).toThrow('[test/Inv] tags = 11: at most 10 tags: an object carries no more');
  });

  test('an empty tag map is no filter', () => {
    expect(() => synthInventory({ tags: {} })).not.toThrow();
  });
});

describe('messages', () => {
  test('a refused value is echoed in part, with its length, never whole', () => {
    expect(() => synthInventory({ prefix: `/${'p'.repeat(1_000_000)}` })).toThrow(/^\[test\/Inv\] prefix = "\/p{198}… \(1000003 characters\): must not start with "\/"/);
  });
});
