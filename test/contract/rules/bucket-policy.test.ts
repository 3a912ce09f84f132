import { Construct } from 'constructs';
import { cos, obs, PolicyEffect } from '../../../src';
import { MAX_POLICY_BYTES } from '../../../src/contract/rules/bucket-policy';
import { camPolicyDocument, COS_DESTINATION, cosPolicyDocument, OBS_DESTINATION } from '../../support/build';
import { onlyResource, synth, synthJson } from '../../support/synth';

const STATEMENT = { principals: ['qcs::cam::uin/100000000001:uin/100000000002'], actions: ['name/cos:GetObject'], resources: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/shared/*'] };

function addStatement(statement: Record<string, unknown>) {
  return () => synth((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).addToResourcePolicy(statement as any));
}

/** A COS destination with `count` sources, alternating between two source accounts. */
function manySources(count: number, serviceRole?: (scope: Construct) => cos.IServiceRole) {
  let destination!: cos.InventoryDestination;
  const json = synthJson((scope) => {
    destination = new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, serviceRole: serviceRole?.(scope) });
    for (let i = 0; i < count; i++) destination.allowInventoryReportsFrom({ bucketName: `source-${i}-${i % 2 === 0 ? '1250000000' : '1300000000'}` });
  });
  const policy = onlyResource(json, 'tencentcloud_cos_bucket_policy').policy as string;
  return { destination, json, policy, document: cosPolicyDocument(json) };
}

/** The warnings a construct recorded at synth time. */
function warningsOf(construct: Construct): string[] {
  return construct.node.metadata.filter((entry) => /warn/i.test(entry.type)).map((entry) => String(entry.data));
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

  test('each principal, action and resource is a non-empty string', () => {
    expect(addStatement({ ...STATEMENT, principals: [42] })).toThrow('[test/Dest] addToResourcePolicy(statement 0).principals[0] = 42: must be a non-empty string');
  });

  test('effect is allow or deny', () => {
    expect(addStatement({ ...STATEMENT, effect: 'maybe' })).toThrow('[test/Dest] addToResourcePolicy(statement 0).effect = "maybe": must be allow or deny');
    expect(addStatement({ ...STATEMENT, effect: PolicyEffect.DENY })).not.toThrow();
  });
});

describe('rule: the whole COS bucket policy fits 20 KB', () => {
  test('a few sources get one statement each, scoped to their report path', () => {
    const { document } = manySources(3);
    expect(document.Statement.map((s: any) => s.Resource)).toEqual([0, 1, 2].map((i) => [
      `qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/${i % 2 === 0 ? '1250000000' : '1300000000'}/source-${i}/*`,
    ]));
  });

  test('a few sources raise no warning', () => {
    expect(warningsOf(manySources(3).destination)).toEqual([]);
  });

  test('before widening, the same per-source resources are packed into fewer statements', () => {
    const { document } = manySources(100);
    const resources = document.Statement.flatMap((s: any) => s.Resource);
    expect(resources).toHaveLength(100);
    expect(document.Statement.length).toBeLessThan(100);
    for (const statement of document.Statement) expect(Buffer.byteLength(JSON.stringify(statement))).toBeLessThanOrEqual(4095);
  });

  test('1,000 sources synthesize a policy within the budget, widened per source account', () => {
    const { policy, document } = manySources(1000);
    expect(Buffer.byteLength(policy)).toBeLessThanOrEqual(MAX_POLICY_BYTES);
    expect(document.Statement.flatMap((s: any) => s.Resource)).toEqual([
      'qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/*',
      'qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1300000000/*',
    ]);
  });

  test('widening is announced by a warning at synth time', () => {
    expect(warningsOf(manySources(1000).destination)).toEqual([expect.stringContaining('one bucket policy statement per source (1000 sources) would exceed the 20480-byte policy budget')]);
  });

  test('a created COS_QcsRole may write exactly where the bucket policy lets COS write, no wider', () => {
    const { json, document } = manySources(3, (scope) => cos.ServiceRole.create(scope, 'Role', { ownerUin: '100000000001' }));
    expect(camPolicyDocument(json).statement.flatMap((s: any) => s.resource)).toEqual(document.Statement.flatMap((s: any) => s.Resource));
  });

  test('a created COS_QcsRole follows the widening', () => {
    const { json, document } = manySources(1000, (scope) => cos.ServiceRole.create(scope, 'Role', { ownerUin: '100000000001' }));
    expect(camPolicyDocument(json).statement.flatMap((s: any) => s.resource)).toEqual(document.Statement.flatMap((s: any) => s.Resource));
  });

  test('statements of your own that overflow the budget fail synth', () => {
    expect(() => synth((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      for (let i = 0; i < 200; i++) destination.addToResourcePolicy({ ...STATEMENT, resources: [`qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/team-${i}/*`] });
    })).toThrow(/\[test\/Dest\] policy = ".*\.\.\.": is \d+ bytes; a bucket policy may have at most 20480/);
  });

  test('a policy owned elsewhere is held to the same budget', () => {
    expect(() => synth((scope) => {
      const destination = cos.InventoryDestination.fromBucketName(scope, 'Dest', 'reports-1250000000', 'ap-guangzhou');
      for (let i = 0; i < 200; i++) destination.addToResourcePolicy({ ...STATEMENT, resources: [`qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/team-${i}/*`] });
    })).toThrow(/\[test\/Dest\] policy = ".*\.\.\.": is \d+ bytes; a bucket policy may have at most 20480/);
  });
});

describe('rule: an OBS bucket policy fits OBS\'s 20 KB', () => {
  function obsPolicy(prefixCount: number, prefixLength: number) {
    return synthJson((scope) => {
      const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
      for (let i = 0; i < prefixCount; i++) destination.allowInventoryReportsFrom({ bucketName: 'examplebucket', reportPrefix: `${'r'.repeat(prefixLength)}-${i}` });
    });
  }

  test('a few report prefixes get one statement each', () => {
    const statements = JSON.parse(onlyResource(obsPolicy(3, 5), 'huaweicloud_obs_bucket_policy').policy).Statement;
    expect(statements.map((s: any) => s.Sid)).toEqual(['obs-inventory-0', 'obs-inventory-1', 'obs-inventory-2']);
  });

  test('many report prefixes share one statement when one each would not fit', () => {
    const policy = onlyResource(obsPolicy(200, 20), 'huaweicloud_obs_bucket_policy').policy as string;
    expect(Buffer.byteLength(policy)).toBeLessThanOrEqual(MAX_POLICY_BYTES);
    expect(JSON.parse(policy).Statement).toHaveLength(1);
    expect(JSON.parse(policy).Statement[0]).toMatchObject({ Sid: 'obs-inventory', Resource: expect.any(Array) });
    expect(JSON.parse(policy).Statement[0].Resource).toHaveLength(200);
  });

  test('a policy that does not fit even then fails synth', () => {
    expect(() => obsPolicy(100, 300)).toThrow(/\[test\/Dest\] policy = ".*\.\.\.": is \d+ bytes; a bucket policy may have at most 20480/);
  });
});
