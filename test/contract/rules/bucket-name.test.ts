import { cos } from '../../../src';
import { synthCosInventory } from '../../support/build';
import { synth } from '../../support/synth';

describe('rule: COS bucket names carry -APPID', () => {
  test('refuses a source bucket name without the APPID suffix', () => {
    expect(() => synthCosInventory({ bucketName: 'logs' })).toThrow(
      '[test/Inv] bucketName = "logs": must be <name>-<APPID> (for example examplebucket-1250000000): lowercase letters, digits and hyphens, then the numeric APPID suffix',
    );
  });

  test('refuses a destination bucket name without the APPID suffix', () => {
    expect(() => synthCosInventory({}, { bucketName: 'Reports' })).toThrow('[test/Dest] bucketName = "Reports": must be <name>-<APPID>');
  });

  test('refuses an imported destination bucket name without the APPID suffix', () => {
    expect(() => synth((scope) => cos.InventoryDestination.fromBucketName(scope, 'Dest', 'Reports', 'ap-guangzhou'))).toThrow(
      '[test/Dest] bucketName = "Reports": must be <name>-<APPID>',
    );
  });

  test('refuses a name longer than 50 characters', () => {
    const bucketName = `${'a'.repeat(40)}-1250000000`;
    expect(() => synthCosInventory({ bucketName })).toThrow(`[test/Inv] bucketName = "${bucketName}": must be at most 50 characters including -APPID`);
  });

  test('refuses an APPID that does not match the name', () => {
    expect(() => synthCosInventory({ appId: '1300000000' })).toThrow('[test/Inv] appId = "1300000000": must match the -APPID suffix of bucket "logs-1250000000"');
  });

  test('refuses an APPID that is not a number', () => {
    expect(() => synthCosInventory({}, { appId: 'app' })).toThrow('[test/Dest] appId = "app": must be the numeric APPID of the account');
  });
});
