import { synthCosInventory, synthObsInventory } from '../../support/build';

describe('rule: inventory id', () => {
  test('allows a-z A-Z 0-9 - _ .', () => {
    expect(() => synthCosInventory({ inventoryId: 'Daily-report_v1.2' })).not.toThrow();
  });

  test.each(['has space', 'slash/id', 'star*', ''])('refuses %j', (inventoryId) => {
    expect(() => synthCosInventory({ inventoryId })).toThrow(
      `[test/Inv] inventoryId = ${JSON.stringify(inventoryId)}: must use only the characters a-z A-Z 0-9 - _ . and not be empty`,
    );
  });

  test('refuses more than 64 characters', () => {
    expect(() => synthCosInventory({ inventoryId: 'a'.repeat(65) })).toThrow(`[test/Inv] inventoryId = "${'a'.repeat(65)}": must be at most 64 characters (it has 65)`);
  });

  test('allows 64 characters', () => {
    expect(() => synthCosInventory({ inventoryId: 'a'.repeat(64) })).not.toThrow();
  });

  test('applies to OBS ids too', () => {
    expect(() => synthObsInventory({ inventoryId: 'slash/id' })).toThrow('[test/Inv] inventoryId = "slash/id": must use only the characters a-z A-Z 0-9 - _ . and not be empty');
  });
});
