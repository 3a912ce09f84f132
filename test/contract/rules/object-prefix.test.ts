import { synthCosInventory, synthObsInventory } from '../../support/build';

describe('rule: prefixes', () => {
  test('a report prefix has no trailing slash: COS adds it', () => {
    expect(() => synthCosInventory({ reportPrefix: 'reports/' })).toThrow('[test/Inv] reportPrefix = "reports/": must not end with "/": COS appends it itself');
  });

  test('a report prefix has no wildcard: the policy would widen', () => {
    expect(() => synthCosInventory({}, { reportPrefix: 'rep*' })).toThrow(
      '[test/Dest] reportPrefix = "rep*": must not contain "*": the bucket policy resource would become a wildcard',
    );
  });

  test('an OBS report prefix follows the same rules', () => {
    expect(() => synthObsInventory({ reportPrefix: 'rep*' })).toThrow('[test/Inv] reportPrefix = "rep*": must not contain "*"');
  });

  test('a filter prefix has no leading slash', () => {
    expect(() => synthCosInventory({ filter: { prefix: '/photos' } })).toThrow('[test/Inv] filter.prefix = "/photos": must not start with "/": COS keys have no leading slash');
  });

  test('an empty filter prefix is refused rather than meaning everything by accident', () => {
    expect(() => synthCosInventory({ filter: { prefix: '' } })).toThrow('[test/Inv] filter.prefix = "": must not be empty; leave it unset to include every object');
  });

  test('a filter prefix is no longer than the longest key, 850 bytes', () => {
    expect(() => synthCosInventory({ filter: { prefix: 'p'.repeat(850) } })).not.toThrow();
    expect(() => synthCosInventory({ filter: { prefix: 'p'.repeat(851) } })).toThrow('must be at most 850 bytes, the longest COS key');
  });
});
