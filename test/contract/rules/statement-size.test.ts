import { cos } from '../../../src';
import { COS_DESTINATION } from '../../support/build';
import { synth } from '../../support/synth';

describe('rule: policy statements fit CAM', () => {
  test('a statement of your own over 4095 bytes fails synth', () => {
    expect(() => synth((scope) => {
      new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).addToResourcePolicy({
        principals: Array.from({ length: 100 }, (_, i) => `qcs::cam::uin/100000000001:uin/${100000000100 + i}`),
        actions: ['name/cos:GetObject'],
        resources: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/shared/*'],
      });
    })).toThrow(/\[test\/Dest\] addToResourcePolicy\(statement 0\) = ".*\.\.\.": is \d+ bytes; a policy statement may have at most 4095/);
  });

  test('a statement of your own within 4095 bytes passes', () => {
    expect(() => synth((scope) => {
      new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).addToResourcePolicy({
        principals: Array.from({ length: 10 }, (_, i) => `qcs::cam::uin/100000000001:uin/${100000000100 + i}`),
        actions: ['name/cos:GetObject'],
        resources: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/shared/*'],
      });
    })).not.toThrow();
  });
});
