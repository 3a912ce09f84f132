import { cos, obs } from '../../../src';
import { OBS_DESTINATION, synthCosInventory, synthObsInventory } from '../../support/build';
import { synth } from '../../support/synth';

// The documents allow exactly these values; a JavaScript caller (or another jsii language) can pass anything.
describe('rule: documented values only', () => {
  test('IncludedObjectVersions is All or Current', () => {
    expect(() => synthCosInventory({ includedObjectVersions: 'Both' as any })).toThrow('[test/Inv] includedObjectVersions = "Both": must be one of All, Current');
  });

  test('Frequency is Daily or Weekly', () => {
    expect(() => synthCosInventory({ frequency: 'Monthly' as any, inventoryId: 'monthly' })).toThrow('[test/Inv] frequency = "Monthly": must be one of Daily, Weekly');
  });

  test('enabled is a boolean', () => {
    expect(() => synthCosInventory({ enabled: 'maybe' as any })).toThrow('[test/Inv] enabled = "maybe": must be true or false');
  });

  test('encryptReports is a boolean', () => {
    expect(() => synthCosInventory({ encryptReports: 1 as any })).toThrow('[test/Inv] encryptReports = 1: must be true or false');
  });

  test('the same values on OBS', () => {
    expect(() => synthObsInventory({ includedObjectVersions: 'Both' as any, frequency: 'Hourly' as any, inventoryId: 'a' })).toThrow([
      '[test/Inv] frequency = "Hourly": must be one of Daily, Weekly',
      '[test/Inv] includedObjectVersions = "Both": must be one of All, Current',
    ].join('\n'));
    // A wrong type is a problem of the props' shape, reported before the values are checked.
    expect(() => synthObsInventory({ enabled: 'yes' as any })).toThrow('[test/Inv] enabled = "yes": must be true or false');
  });

  test('an owner UIN is digits', () => {
    expect(() => synthCosInventory({}, { ownerUin: 'not-a-uin' })).toThrow('[test/Dest] ownerUin = "not-a-uin": must be the numeric owner UIN of the account (5 to 20 digits)');
  });

  test('a service role\'s owner UIN is digits', () => {
    expect(() => synth((scope) => cos.ServiceRole.fromAccount(scope, 'Role', { ownerUin: '12ab' }))).toThrow('[test/Role] ownerUin = "12ab": must be the numeric owner UIN');
  });

  test('the COS handler protocol is http: or https:', () => {
    expect(() => synthCosInventory({ handler: { endpoint: { protocol: 'https' as cos.HandlerProtocol } } })).toThrow('[test/Inv] handler.endpoint.protocol = "https": must be http: or https:');
  });

  test('an OBS region is a region id, never a host or path', () => {
    expect(() => synth((scope) => new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, region: 'attacker.example/#' }))).toThrow(
      '[test/Dest] region = "attacker.example/#": must be an OBS region id such as cn-north-4',
    );
  });

  test('an OBS inventory names every broken rule at once', () => {
    expect(() => synth((scope) => {
      const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
      new obs.BucketInventory(scope, 'Inv', { destination, bucketName: 'src', inventoryId: 'a', region: 'x.y', frequency: 'Hourly' as any });
    })).toThrow(/region = "x\.y": must be an OBS region id[\s\S]*frequency = "Hourly": must be one of Daily, Weekly/);
  });
});
