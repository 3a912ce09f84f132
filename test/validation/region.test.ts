import { synthInventory } from '../support/build';

describe('rule: regions', () => {
  test('source and destination must share a region', () => {
    expect(() => synthInventory({ region: 'ap-beijing' })).toThrow(
      '[test/Inv] region = "ap-beijing": must equal the destination bucket\'s region "ap-guangzhou": COS delivers inventory reports only within one region',
    );
  });

  test('a region must look like a COS region id', () => {
    expect(() => synthInventory({}, { region: 'Guangzhou' })).toThrow('[test/Dest] region = "Guangzhou": must be a COS region id such as ap-guangzhou');
  });
});
