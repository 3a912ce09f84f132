import { synthCosInventory, synthObsInventory } from '../../support/build';

describe('rule: report expiry', () => {
  test('is a whole number of days', () => {
    expect(() => synthCosInventory({}, { reportExpirationDays: 1.5 })).toThrow('[test/Dest] reportExpirationDays = 1.5: must be a whole number of days, 1 or more');
  });

  test('is at least one day', () => {
    expect(() => synthCosInventory({}, { reportExpirationDays: 0 })).toThrow('[test/Dest] reportExpirationDays = 0: must be a whole number of days, 1 or more');
  });

  test('applies to OBS destinations too', () => {
    expect(() => synthObsInventory({}, { reportExpirationDays: -1 })).toThrow('[test/Dest] reportExpirationDays = -1: must be a whole number of days, 1 or more');
  });

  test('one day is accepted', () => {
    expect(() => synthCosInventory({}, { reportExpirationDays: 1 })).not.toThrow();
  });
});
