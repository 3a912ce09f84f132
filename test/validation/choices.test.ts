import { CosServiceRole, ObsBucketInventory, ObsInventoryDestination } from '../../src';
import { synthInventory } from '../support/build';
import { synth } from '../support/synth';

// The seed documents allow exactly these values; a JavaScript caller (or another jsii language) can pass anything.
describe('rule: documented values only', () => {
  test('IncludedObjectVersions is All or Current', () => {
    expect(() => synthInventory({ includedObjectVersions: 'Both' as any })).toThrow('[test/Inv] includedObjectVersions = "Both": must be one of All, Current');
  });

  test('Frequency is Daily or Weekly', () => {
    expect(() => synthInventory({ frequency: 'Monthly' as any, inventoryId: 'monthly' })).toThrow('[test/Inv] frequency = "Monthly": must be one of Daily, Weekly');
  });

  test('enabled is a boolean', () => {
    expect(() => synthInventory({ enabled: 'maybe' as any })).toThrow('[test/Inv] enabled = "maybe": must be true or false');
  });

  test('an owner UIN is digits', () => {
    expect(() => synthInventory({}, { ownerUin: 'not-a-uin' })).toThrow('[test/Dest] ownerUin = "not-a-uin": must be the numeric owner UIN of the account (5 to 20 digits)');
    expect(() => synth((scope) => new CosServiceRole(scope, 'Role', { ownerUin: '12ab' }))).toThrow('[test/Role] ownerUin = "12ab": must be the numeric owner UIN');
  });

  test('an OBS region is a region id, never a host or path', () => {
    expect(() => synth((scope) => new ObsInventoryDestination(scope, 'Dest', { bucketName: 'destbucket', region: 'attacker.example/#' }))).toThrow(
      '[test/Dest] region = "attacker.example/#": must be an OBS region id such as cn-north-4',
    );
    expect(() => synth((scope) => {
      const destination = new ObsInventoryDestination(scope, 'Dest', { bucketName: 'destbucket', region: 'cn-north-4' });
      new ObsBucketInventory(scope, 'Inv', { destination, bucketName: 'src', inventoryId: 'a', region: 'x.y', frequency: 'Hourly' as any });
    })).toThrow(/region = "x\.y": must be an OBS region id[\s\S]*frequency = "Hourly": must be one of Daily, Weekly/);
  });
});
