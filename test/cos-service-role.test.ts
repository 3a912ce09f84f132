import { CamRolePolicyAttachment } from '../src/.gen/providers/tencentcloud/cam-role-policy-attachment';
import { BucketInventory, CosServiceRole, InventoryDestination } from '../src';
import { schemaProblems, synth, synthJson } from './support/synth';

describe('CosServiceRole', () => {
  test('created: trusts only the COS service and is attached to its policy', () => {
    const out = synth((scope) => {
      const serviceRole = new CosServiceRole(scope, 'Role', { create: true, ownerUin: '100000000001' });
      const destination = new InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: 'ap-guangzhou', serviceRole });
      new BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000' });
    });
    const json = JSON.parse(out);
    const role = Object.values(json.resource.tencentcloud_cam_role)[0] as any;
    expect(role.name).toBe('COS_QcsRole');
    expect(JSON.parse(role.document)).toEqual({
      version: '2.0',
      statement: [{ action: ['name/sts:AssumeRole'], effect: 'allow', principal: { service: ['cos.cloud.tencent.com'] } }],
    });
    expect(out).toHaveResourceWithProperties(CamRolePolicyAttachment, {
      role_id: '${tencentcloud_cam_role.Role_7FEADFAB.id}',
      policy_id: '${tencentcloud_cam_policy.Role_Policy_C696881B.id}',
    });
    const { tencentcloud_cam_role: roles, tencentcloud_cam_policy: policies, tencentcloud_cam_role_policy_attachment: attachments } = json.resource;
    expect({ roles, policies, attachments }).toMatchSnapshot();
    expect(schemaProblems(json)).toEqual([]);
  });

  test('referenced (the default): no CAM resources, only the principal', () => {
    let role!: CosServiceRole;
    const json = synthJson((scope) => {
      role = new CosServiceRole(scope, 'Role', { ownerUin: '100000000001' });
    });
    expect(json.resource).toBeUndefined();
    expect(role.principal).toBe('qcs::cam::uin/100000000001:roleName/COS_QcsRole');
  });

  test('the owner UIN defaults to the tencentcloud_user_info data source', () => {
    let role!: CosServiceRole;
    const json = synthJson((scope) => {
      role = new CosServiceRole(scope, 'Role');
    });
    expect(Object.keys(json.data.tencentcloud_user_info)).toEqual(['CosInventoryCurrentAccount']);
    expect(role.principal).toMatch(/^qcs::cam::uin\/\$\{TfToken\[TOKEN\.\d+\]\}:roleName\/COS_QcsRole$/);
  });

  test('a created role used by no destination is refused: its policy would be empty', () => {
    expect(() => synth((scope) => {
      new CosServiceRole(scope, 'Role', { create: true, ownerUin: '100000000001' });
    })).toThrow('[test/Role] create = true: a created COS_QcsRole needs at least one InventoryDestination using it; its policy would be empty');
  });

  test('many report locations are split into statements under 4095 bytes each', () => {
    const json = synthJson((scope) => {
      const serviceRole = new CosServiceRole(scope, 'Role', { create: true, ownerUin: '100000000001' });
      for (let i = 0; i < 60; i++) {
        new InventoryDestination(scope, `Dest${i}`, { bucketName: `reports-${i}-1250000000`, region: 'ap-guangzhou', serviceRole, existingBucket: true })
          .grantInventoryReports({ bucketName: 'src-1250000000' });
      }
    });
    const policy = JSON.parse((Object.values(json.resource.tencentcloud_cam_policy)[0] as any).document);
    expect(policy.statement.length).toBeGreaterThan(1);
    for (const statement of policy.statement) expect(Buffer.byteLength(JSON.stringify(statement))).toBeLessThanOrEqual(4095);
    expect(policy.statement.flatMap((s: any) => s.resource)).toHaveLength(60);
    expect(policy.statement[0].resource[0]).toBe('qcs::cos:ap-guangzhou:uid/1250000000:reports-0-1250000000/cos_bucket_inventory/1250000000/src/*');
  });
});
