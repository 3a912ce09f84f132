import { synthInventory } from '../support/build';

describe('rule: prefixes', () => {
  test('a report prefix has no trailing slash: COS adds it', () => {
    expect(() => synthInventory({ reportPrefix: 'reports/' })).toThrow('[test/Inv] reportPrefix = "reports/": must not end with "/": COS appends it itself');
  });

  test('a report prefix has no wildcard: the policy would widen', () => {
    expect(() => synthInventory({}, { reportPrefix: 'rep*' })).toThrow('[test/Dest] reportPrefix = "rep*": must not contain "*"');
  });

  test('a filter prefix has no leading slash', () => {
    expect(() => synthInventory({ prefix: '/photos' })).toThrow('[test/Inv] prefix = "/photos": must not start with "/": COS keys have no leading slash');
  });

  test('an empty filter prefix is refused rather than meaning everything by accident', () => {
    expect(() => synthInventory({ prefix: '' })).toThrow('[test/Inv] prefix = "": must not be empty; leave it unset to include every object');
  });
});
