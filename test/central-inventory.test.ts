import { CentralInventory, InventoryFrequency } from '../src';
import { bucketPolicyDocument, schemaProblems, synthJson } from './support/synth';

describe('CentralInventory', () => {
  test('three sources give one policy resource with three statements, each scoped to its source', () => {
    const json = synthJson((scope) => {
      new CentralInventory(scope, 'Central', {
        destination: { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001' },
        sourceBuckets: ['a-1250000000', 'b-1250000000', 'c-1300000000'],
        inventory: { frequency: InventoryFrequency.WEEKLY },
      });
    });
    expect(Object.keys(json.resource.tencentcloud_cos_bucket_policy)).toHaveLength(1);
    const statements = bucketPolicyDocument(json).Statement;
    expect(statements.map((s: any) => s.Resource)).toEqual([
      ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/a/*'],
      ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/b/*'],
      ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1300000000/c/*'],
    ]);
    for (const statement of statements) {
      expect(statement).toMatchObject({ Effect: 'allow', Action: ['name/cos:PutObject'], Principal: { qcs: ['qcs::cam::uin/100000000001:roleName/COS_QcsRole'] } });
    }
    const configs = Object.entries(json.resource.terraform_data).filter(([name]) => name.includes('_Managed_Config_')).map(([, r]: any) => r.input.config);
    expect(configs.map((c) => [c.bucket, c.id, c.frequency])).toEqual([
      ['a-1250000000', 'inventory-weekly', 'Weekly'],
      ['b-1250000000', 'inventory-weekly', 'Weekly'],
      ['c-1300000000', 'inventory-weekly', 'Weekly'],
    ]);
    expect(schemaProblems(json)).toEqual([]);
  });

  test('a source listed twice is refused', () => {
    expect(() => synthJson((scope) => {
      new CentralInventory(scope, 'Central', {
        destination: { bucketName: 'reports-1250000000', region: 'ap-guangzhou' },
        sourceBuckets: ['a-1250000000', 'a-1250000000'],
      });
    })).toThrow('[test/Central] sourceBuckets[1] = "a-1250000000": is listed twice; list each source once');
  });

  test('handler options reach every config the handler puts', () => {
    const json = synthJson((scope) => {
      new CentralInventory(scope, 'Central', {
        destination: { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001' },
        sourceBuckets: ['a-1250000000', 'b-1250000000'],
        handler: { nodeExecutable: '/opt/node/bin/node', endpoint: { domain: '{Bucket}.cos-internal.{Region}.tencentcos.cn' } },
      });
    });
    const configs = Object.entries(json.resource.terraform_data).filter(([name]) => name.includes('_Managed_Config_')).map(([, r]: any) => r.provisioner[0]['local-exec']);
    expect(configs).toHaveLength(2);
    for (const exec of configs) {
      expect(exec.interpreter[0]).toBe('/opt/node/bin/node');
      expect(exec.environment.COS_INVENTORY_DOMAIN).toBe('{Bucket}.cos-internal.{Region}.tencentcos.cn');
    }
  });
});
