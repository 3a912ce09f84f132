import { synthCosInventory, synthObsInventory } from '../../support/build';

describe('rule: regions', () => {
  test('source and destination must share a region', () => {
    expect(() => synthCosInventory({ region: 'ap-beijing' })).toThrow(
      '[test/Inv] region = "ap-beijing": must equal the destination bucket\'s region "ap-guangzhou": COS delivers inventory reports only within one region',
    );
  });

  test('a region must look like a COS region id', () => {
    expect(() => synthCosInventory({}, { region: 'Guangzhou' })).toThrow('[test/Dest] region = "Guangzhou": must be a COS region id such as ap-guangzhou');
  });

  test('an OBS source and destination must share a region', () => {
    expect(() => synthObsInventory({ region: 'cn-south-1' })).toThrow('[test/Inv] region = "cn-south-1": must equal the destination bucket\'s region "cn-north-4": OBS delivers inventory reports only within one region');
  });

  test('an OBS region must look like an OBS region id', () => {
    expect(() => synthObsInventory({}, { region: 'cn-north' })).toThrow('[test/Dest] region = "cn-north": must be an OBS region id such as cn-north-4');
  });
});
