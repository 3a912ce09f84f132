import { CosServiceRole, InventoryDestination, ObsInventoryDestination, PolicyEffect } from '../../src';
import { MAX_POLICY_BYTES } from '../../src/contract/rules/bucket-policy';
import { DESTINATION } from '../support/build';
import { synth, synthJson } from '../support/synth';

const STATEMENT = { principals: ['qcs::cam::uin/100000000001:uin/100000000002'], actions: ['name/cos:GetObject'], resources: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/*'] };

function addStatement(statement: Record<string, unknown>) {
  return () => synth((scope) => new InventoryDestination(scope, 'Dest', DESTINATION).addToResourcePolicy(statement as any));
}

function manySources(count: number, serviceRole?: (scope: any) => CosServiceRole) {
  let destination!: InventoryDestination;
  const json = synthJson((scope) => {
    destination = new InventoryDestination(scope, 'Dest', { ...DESTINATION, serviceRole: serviceRole?.(scope) });
    for (let i = 0; i < count; i++) destination.grantInventoryReports({ bucketName: `source-${i}-${i % 2 === 0 ? '1250000000' : '1300000000'}` });
  });
  const policy = (Object.values(json.resource.tencentcloud_cos_bucket_policy)[0] as any).policy as string;
  return { destination, json, policy, document: JSON.parse(policy) };
}

describe('rule: bucket policy statements you add', () => {
  test('resources is an array, not a string', () => {
    expect(addStatement({ ...STATEMENT, resources: 'qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/*' })).toThrow(
      '[test/Dest] addToResourcePolicy(statement 0).resources = "qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/*": must be an array of strings',
    );
  });

  test('principals, actions and resources are not empty', () => {
    expect(addStatement({ ...STATEMENT, actions: [] })).toThrow('[test/Dest] addToResourcePolicy(statement 0).actions = []: must not be empty');
  });

  test('effect is allow or deny', () => {
    expect(addStatement({ ...STATEMENT, effect: 'maybe' })).toThrow('[test/Dest] addToResourcePolicy(statement 0).effect = "maybe": must be allow or deny');
    expect(addStatement({ ...STATEMENT, effect: PolicyEffect.DENY })).not.toThrow();
  });
});

describe('rule: the whole bucket policy fits 20 KB', () => {
  test('a few sources get one statement each, scoped to their report path', () => {
    const { document } = manySources(3);
    expect(document.Statement.map((s: any) => s.Resource)).toEqual([0, 1, 2].map((i) => [
      `qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/${i % 2 === 0 ? '1250000000' : '1300000000'}/source-${i}/*`,
    ]));
  });

  test('1,000 sources synthesize a policy within the budget, widened per source account, with a warning', () => {
    const { policy, document } = manySources(1000);
    expect(Buffer.byteLength(policy)).toBeLessThanOrEqual(MAX_POLICY_BYTES);
    expect(document.Statement.flatMap((s: any) => s.Resource)).toEqual([
      'qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/*',
      'qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1300000000/*',
    ]);
  });

  test('before widening, the same per-source resources are packed into fewer statements', () => {
    const { document } = manySources(100);
    const resources = document.Statement.flatMap((s: any) => s.Resource);
    expect(resources).toHaveLength(100);
    expect(document.Statement.length).toBeLessThan(100);
    for (const statement of document.Statement) expect(Buffer.byteLength(JSON.stringify(statement))).toBeLessThanOrEqual(4095);
  });

  test('a created COS_QcsRole may write exactly where the bucket policy lets COS write, no wider', () => {
    const { json, document } = manySources(3, (scope) => new CosServiceRole(scope, 'Role', { create: true, ownerUin: '100000000001' }));
    const role = JSON.parse((Object.values(json.resource.tencentcloud_cam_policy)[0] as any).document);
    expect(role.statement.flatMap((s: any) => s.resource)).toEqual(document.Statement.flatMap((s: any) => s.Resource));
  });

  test('statements of your own that overflow the budget fail synth', () => {
    expect(() => synth((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', DESTINATION);
      for (let i = 0; i < 200; i++) destination.addToResourcePolicy({ ...STATEMENT, resources: [`qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/team-${i}/*`] });
    })).toThrow(/\[test\/Dest\] policy = ".*\.\.\.": is \d+ bytes; a bucket policy may have at most 20480/);
  });
});

describe('rule: an OBS bucket policy fits OBS\'s 20 KB', () => {
  function obsPolicy(prefixCount: number, prefixLength: number) {
    return synthJson((scope) => {
      const destination = new ObsInventoryDestination(scope, 'Dest', { bucketName: 'destbucket', region: 'cn-north-4' });
      for (let i = 0; i < prefixCount; i++) destination.grantInventoryReports(`${'r'.repeat(prefixLength)}-${i}`);
    });
  }

  test('many report prefixes share one statement when one each would not fit', () => {
    const json = obsPolicy(200, 20);
    const policy = (Object.values(json.resource.huaweicloud_obs_bucket_policy)[0] as any).policy as string;
    expect(Buffer.byteLength(policy)).toBeLessThanOrEqual(MAX_POLICY_BYTES);
    expect(JSON.parse(policy).Statement).toHaveLength(1);
    expect(JSON.parse(policy).Statement[0].Resource).toHaveLength(200);
  });

  test('a policy that does not fit even then fails synth', () => {
    expect(() => obsPolicy(100, 300)).toThrow(/\[test\/Dest\] policy = ".*\.\.\.": is \d+ bytes; a bucket policy may have at most 20480/);
  });
});
