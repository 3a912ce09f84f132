import { Construct } from 'constructs';
import { CamPolicy } from '../../src/.gen/providers/tencentcloud/cam-policy';
import { CamRole } from '../../src/.gen/providers/tencentcloud/cam-role';
import { CamRolePolicyAttachment } from '../../src/.gen/providers/tencentcloud/cam-role-policy-attachment';
import { DataTencentcloudUserInfo } from '../../src/.gen/providers/tencentcloud/data-tencentcloud-user-info';
import { BucketPolicyOwner, cos } from '../../src';
import { camPolicyDocument, COS_DESTINATION, cosPolicyDocument, cosResource } from '../support/build';
import { onlyResource, schemaProblems, synth, synthJson } from '../support/synth';

/** A created role `Role`, used by a destination `Dest` with one source per name in `sources`. */
function synthCreated(sources: string[] = ['logs-1250000000'], roleProps: cos.ServiceRoleProps = { ownerUin: '100000000001' }): string {
  return synth((scope: Construct) => {
    const serviceRole = cos.ServiceRole.create(scope, 'Role', roleProps);
    const destination = new cos.InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: 'ap-guangzhou', serviceRole });
    for (const bucketName of sources) new cos.BucketInventory(scope, bucketName, { destination, bucketName });
  });
}

describe('cos.ServiceRole.create', () => {
  test('creates COS_QcsRole trusting only the COS service', () => {
    const out = synthCreated();
    expect(out).toHaveResourceWithProperties(CamRole, { name: 'COS_QcsRole' });
    expect(JSON.parse(onlyResource(JSON.parse(out), 'tencentcloud_cam_role').document)).toEqual({
      version: '2.0',
      statement: [{ action: ['name/sts:AssumeRole'], effect: 'allow', principal: { service: ['cos.cloud.tencent.com'] } }],
    });
  });

  test('the role', () => {
    expect(onlyResource(JSON.parse(synthCreated()), 'tencentcloud_cam_role')).toMatchSnapshot();
  });

  test('attaches its policy to the role', () => {
    expect(synthCreated()).toHaveResourceWithProperties(CamRolePolicyAttachment, {
      role_id: '${tencentcloud_cam_role.Role_7FEADFAB.id}',
      policy_id: '${tencentcloud_cam_policy.Role_Policy_C696881B.id}',
    });
  });

  test('the role, its policy and the attachment survive the stack: prevent_destroy unless allowDestroy', () => {
    const lifecycles = (out: string) => ['tencentcloud_cam_role', 'tencentcloud_cam_policy', 'tencentcloud_cam_role_policy_attachment']
      .map((type) => onlyResource(JSON.parse(out), type).lifecycle);
    expect(lifecycles(synthCreated())).toEqual(Array(3).fill({ prevent_destroy: true }));
    expect(lifecycles(synthCreated(undefined, { ownerUin: '100000000001', allowDestroy: true }))).toEqual(Array(3).fill({ prevent_destroy: false }));
  });

  test('the policy is named CosInventoryReportWriter unless told otherwise', () => {
    expect(synthCreated()).toHaveResourceWithProperties(CamPolicy, { name: 'CosInventoryReportWriter' });
    expect(synthCreated(undefined, { ownerUin: '100000000001', policyName: 'ReportWriter' })).toHaveResourceWithProperties(CamPolicy, { name: 'ReportWriter' });
  });

  test('the policy', () => {
    expect(onlyResource(JSON.parse(synthCreated()), 'tencentcloud_cam_policy')).toMatchSnapshot();
  });

  test('the policy grants PutObject exactly where the destinations let COS write, and nowhere else', () => {
    const json = JSON.parse(synthCreated(['a-1250000000', 'b-1250000000']));
    expect(camPolicyDocument(json)).toEqual({
      version: '2.0',
      statement: [{
        effect: 'allow',
        action: ['name/cos:PutObject'],
        resource: [cosResource('cos_bucket_inventory/1250000000/a/*'), cosResource('cos_bucket_inventory/1250000000/b/*')],
      }],
    });
    expect(camPolicyDocument(json).statement.flatMap((s: any) => s.resource)).toEqual(cosPolicyDocument(json).Statement.flatMap((s: any) => s.Resource));
  });

  test('the policy covers every destination using the role, including ones whose policy is owned elsewhere', () => {
    const json = synthJson((scope) => {
      const serviceRole = cos.ServiceRole.create(scope, 'Role', { ownerUin: '100000000001' });
      new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, serviceRole }).allowInventoryReportsFrom({ bucketName: 'a-1250000000' });
      cos.InventoryDestination.fromBucketAttributes(scope, 'Other', {
        bucketName: 'other-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001', serviceRole, policyOwner: BucketPolicyOwner.ELSEWHERE,
      }).allowInventoryReportsFrom({ bucketName: 'b-1250000000' });
    });
    expect(camPolicyDocument(json).statement.flatMap((s: any) => s.resource)).toEqual([
      cosResource('cos_bucket_inventory/1250000000/a/*'),
      'qcs::cos:ap-guangzhou:uid/1250000000:other-1250000000/cos_bucket_inventory/1250000000/b/*',
    ]);
  });

  test('the destinations\' bucket policies name the created role as their principal', () => {
    const json = JSON.parse(synthCreated());
    expect(cosPolicyDocument(json).Statement[0].Principal).toEqual({ qcs: ['qcs::cam::uin/100000000001:roleName/COS_QcsRole'] });
  });

  test('many report locations are split into statements under 4095 bytes each', () => {
    const json = synthJson((scope) => {
      const serviceRole = cos.ServiceRole.create(scope, 'Role', { ownerUin: '100000000001' });
      for (let i = 0; i < 60; i++) {
        cos.InventoryDestination.fromBucketAttributes(scope, `Dest${i}`, {
          bucketName: `reports-${i}-1250000000`, region: 'ap-guangzhou', serviceRole, policyOwner: BucketPolicyOwner.ELSEWHERE,
        }).allowInventoryReportsFrom({ bucketName: 'src-1250000000' });
      }
    });
    const policy = camPolicyDocument(json);
    expect(policy.statement.length).toBeGreaterThan(1);
    for (const statement of policy.statement) expect(Buffer.byteLength(JSON.stringify(statement))).toBeLessThanOrEqual(4095);
    expect(policy.statement.flatMap((s: any) => s.resource)).toHaveLength(60);
    expect(policy.statement[0].resource[0]).toBe('qcs::cos:ap-guangzhou:uid/1250000000:reports-0-1250000000/cos_bucket_inventory/1250000000/src/*');
  });

  test('the CAM resources fit the provider schema', () => {
    expect(schemaProblems(JSON.parse(synthCreated()))).toEqual([]);
  });

  test('a created role used by no destination fails validation: its policy would be empty', () => {
    expect(() => synth((scope) => {
      cos.ServiceRole.create(scope, 'Role', { ownerUin: '100000000001' });
    })).toThrow('[test/Role] a created COS_QcsRole needs at least one InventoryDestination with a source using it; its policy would be empty');
  });

  test('a created role whose destinations have no source fails validation', () => {
    expect(() => synthCreated([])).toThrow('[test/Role] a created COS_QcsRole needs at least one InventoryDestination with a source using it');
  });

  test('exposes its role and policy resources', () => {
    let role!: cos.ServiceRole;
    synth((scope) => {
      role = cos.ServiceRole.create(scope, 'Role', { ownerUin: '100000000001' });
      new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, serviceRole: role }).allowInventoryReportsFrom({ bucketName: 'a-1250000000' });
    });
    expect(role.role).toBeInstanceOf(CamRole);
    expect(role.policy).toBeInstanceOf(CamPolicy);
  });
});

describe('cos.ServiceRole.fromAccount', () => {
  test('synthesizes no CAM resources', () => {
    const json = synthJson((scope) => {
      const serviceRole = cos.ServiceRole.fromAccount(scope, 'Role', { ownerUin: '100000000001' });
      new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, serviceRole }).allowInventoryReportsFrom({ bucketName: 'a-1250000000' });
    });
    expect(Object.keys(json.resource)).toEqual(['tencentcloud_cos_bucket', 'tencentcloud_cos_bucket_policy']);
  });

  test('alone, synthesizes nothing at all', () => {
    const json = synthJson((scope) => {
      cos.ServiceRole.fromAccount(scope, 'Role', { ownerUin: '100000000001' });
    });
    expect(json.resource).toBeUndefined();
    expect(json.data).toBeUndefined();
  });

  test('names the role in the given account as the principal', () => {
    let role!: cos.IServiceRole;
    synth((scope) => {
      role = cos.ServiceRole.fromAccount(scope, 'Role', { ownerUin: '100000000001' });
    });
    expect(role.principal).toBe('qcs::cam::uin/100000000001:roleName/COS_QcsRole');
    expect(role.ownerUin).toBe('100000000001');
  });
});

describe('cos.ServiceRole: the owner UIN', () => {
  test('defaults to the tencentcloud_user_info data source (fromAccount)', () => {
    let role!: cos.IServiceRole;
    const out = synth((scope) => {
      role = cos.ServiceRole.fromAccount(scope, 'Role');
    });
    expect(out).toHaveDataSource(DataTencentcloudUserInfo);
    expect(Object.keys(JSON.parse(out).data.tencentcloud_user_info)).toEqual(['CosInventoryCurrentAccount']);
    expect(role.principal).toMatch(/^qcs::cam::uin\/\$\{TfToken\[TOKEN\.\d+\]\}:roleName\/COS_QcsRole$/);
  });

  test('defaults to the tencentcloud_user_info data source (create)', () => {
    const out = synthCreated(undefined, {});
    expect(out).toHaveDataSource(DataTencentcloudUserInfo);
    expect(cosPolicyDocument(JSON.parse(out)).Statement[0].Principal.qcs[0]).toBe('qcs::cam::uin/${data.tencentcloud_user_info.CosInventoryCurrentAccount.owner_uin}:roleName/COS_QcsRole');
  });

  test.each([
    ['create', (scope: Construct) => cos.ServiceRole.create(scope, 'Role', { ownerUin: '12ab' })],
    ['fromAccount', (scope: Construct) => cos.ServiceRole.fromAccount(scope, 'Role', { ownerUin: '12ab' })],
  ])('is digits (%s)', (_, make) => {
    expect(() => synth(make)).toThrow('[test/Role] ownerUin = "12ab": must be the numeric owner UIN of the account (5 to 20 digits)');
  });
});

describe('cos.ServiceRole constants', () => {
  test('the role name COS assumes and the service it trusts', () => {
    expect(cos.ServiceRole.ROLE_NAME).toBe('COS_QcsRole');
    expect(cos.ServiceRole.SERVICE_PRINCIPAL).toBe('cos.cloud.tencent.com');
  });
});
