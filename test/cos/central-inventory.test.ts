import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { CosBucketPolicy } from '../../src/.gen/providers/tencentcloud/cos-bucket-policy';
import { cos, InventoryErrors, InventoryFrequency } from '../../src';
import { COS_DESTINATION, COS_SERVICE_PRINCIPAL, cosPolicyDocument, cosResource, handlerConfigs, reconciler, thrownBy } from '../support/build';
import { schemaProblems, synth, synthJson } from '../support/synth';

/** A central inventory `Central` on a created destination, and what `more` adds to it. */
function build(props: Omit<cos.CentralInventoryProps, 'destination'>, more: (central: cos.CentralInventory) => void = () => {}) {
  let central!: cos.CentralInventory;
  const out = synth((scope: Construct) => {
    const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
    central = new cos.CentralInventory(scope, 'Central', { destination, ...props });
    more(central);
  });
  return { central, out, json: JSON.parse(out) };
}

/** The config the handler puts for one source bucket. */
function configOf(json: any, bucket: string): any {
  const configs = handlerConfigs(json).filter((config) => config.bucket === bucket);
  expect(configs).toHaveLength(1);
  return configs[0];
}

describe('cos.CentralInventory: sources', () => {
  test('three sources give one policy resource with three statements, each scoped to its source', () => {
    const { json } = build({ sources: ['a-1250000000', 'b-1250000000', 'c-1300000000'] });
    expect(Object.keys(json.resource.tencentcloud_cos_bucket_policy)).toHaveLength(1);
    expect(cosPolicyDocument(json).Statement.map((s: any) => s.Resource)).toEqual([
      [cosResource('cos_bucket_inventory/1250000000/a/*')],
      [cosResource('cos_bucket_inventory/1250000000/b/*')],
      [cosResource('cos_bucket_inventory/1300000000/c/*')],
    ]);
  });

  test('every statement lets COS_QcsRole put objects, nothing more', () => {
    const { json } = build({ sources: ['a-1250000000', 'b-1250000000'] });
    for (const statement of cosPolicyDocument(json).Statement) {
      expect(statement).toMatchObject({ Effect: 'allow', Action: ['name/cos:PutObject'], Principal: { qcs: [COS_SERVICE_PRINCIPAL] } });
    }
  });

  test('the shared inventory settings reach every source\'s config', () => {
    const { json } = build({ sources: ['a-1250000000', 'b-1250000000', 'c-1300000000'], inventory: { frequency: InventoryFrequency.WEEKLY } });
    expect(handlerConfigs(json).map((c) => [c.bucket, c.id, c.frequency])).toEqual([
      ['a-1250000000', 'inventory-weekly', 'Weekly'],
      ['b-1250000000', 'inventory-weekly', 'Weekly'],
      ['c-1300000000', 'inventory-weekly', 'Weekly'],
    ]);
  });

  test('the stack fits the provider schemas', () => {
    const { json } = build({ sources: ['a-1250000000', 'b-1250000000'] });
    expect(schemaProblems(json)).toEqual([]);
  });

  test('no sources: no inventories and no policy resource', () => {
    const { central, out } = build({});
    expect(central.inventories).toEqual([]);
    expect(out).not.toHaveResource(CosBucketPolicy);
  });

  test('inventories lists one inventory per source, in the order added', () => {
    const { central } = build({ sources: ['b-1250000000', 'a-1250000000'] }, (c) => c.addSource('c-1250000000'));
    expect(central.inventories.map((inventory) => inventory.bucketName)).toEqual(['b-1250000000', 'a-1250000000', 'c-1250000000']);
  });

  test('each inventory\'s construct id is its bucket name, so reordering the sources replaces nothing', () => {
    const { central } = build({ sources: ['a-1250000000', 'b-1250000000'] });
    expect(central.inventories.map((inventory) => inventory.node.path)).toEqual(['test/Central/a-1250000000', 'test/Central/b-1250000000']);
  });

  test('a source named by a reference needs its sourceId, which names its resources whatever comes before it', () => {
    const addresses = (withFirst: boolean) => {
      let central!: cos.CentralInventory;
      synth((scope) => {
        const name = new TerraformVariable(scope, 'source', { type: 'string' }).stringValue;
        const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
        central = new cos.CentralInventory(scope, 'Central', { destination, sources: withFirst ? ['a-1250000000'] : [] });
        central.addSource(name, { appId: '1250000000', sourceId: 'created-logs' });
      });
      return central.inventories.map((inventory) => inventory.node.path);
    };
    expect(addresses(true)).toEqual(['test/Central/a-1250000000', 'test/Central/created-logs']);
    expect(addresses(false)).toEqual(['test/Central/created-logs']);
    expect(() => synth((scope) => {
      const name = new TerraformVariable(scope, 'source', { type: 'string' }).stringValue;
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.CentralInventory(scope, 'Central', { destination }).addSource(name, { appId: '1250000000' });
    })).toThrow(/^\[test\/Central\] sourceId = undefined: is required for a source whose bucketName is a reference/);
  });

  test('works with an imported destination', () => {
    const json = synthJson((scope) => {
      const destination = cos.InventoryDestination.fromBucketName(scope, 'Dest', 'reports-1250000000', 'ap-guangzhou');
      new cos.CentralInventory(scope, 'Central', { destination, sources: ['a-1250000000'] });
    });
    expect(handlerConfigs(json).map((c) => c.destination.bucket)).toEqual(['reports-1250000000']);
  });
});

describe('cos.CentralInventory: a source added twice', () => {
  test('in sources is refused, naming bucketName', () => {
    expect(() => build({ sources: ['a-1250000000', 'a-1250000000'] })).toThrow(
      '[test/Central] bucketName = "a-1250000000": is already a source of this inventory; add each source once',
    );
  });

  test('with addSource is refused, naming bucketName', () => {
    expect(() => build({ sources: ['a-1250000000'] }, (central) => central.addSource('a-1250000000', { frequency: InventoryFrequency.WEEKLY }))).toThrow(
      '[test/Central] bucketName = "a-1250000000": is already a source of this inventory; add each source once',
    );
  });

  test('is a validation error with one problem', () => {
    const error = thrownBy(() => build({ sources: ['a-1250000000', 'a-1250000000'] }));
    expect(InventoryErrors.isValidationError(error)).toBe(true);
    expect(InventoryErrors.problemsOf(error)).toEqual([{
      constructPath: 'test/Central', field: 'bucketName', value: 'a-1250000000', rule: 'is already a source of this inventory; add each source once',
    }]);
  });
});

describe('cos.CentralInventory.addSource', () => {
  const SHARED: cos.InventoryOptions = { frequency: InventoryFrequency.WEEKLY, optionalFields: [cos.InventoryField.SIZE], filter: { prefix: 'logs/' } };

  test('returns the source\'s inventory', () => {
    let added!: cos.BucketInventory;
    const { central } = build({ inventory: SHARED }, (c) => {
      added = c.addSource('a-1250000000');
    });
    expect(central.inventories).toEqual([added]);
    expect(added.inventoryId).toBe('inventory-weekly');
  });

  test('a source without overrides takes the shared settings', () => {
    const { json } = build({ inventory: SHARED }, (central) => central.addSource('a-1250000000'));
    expect(configOf(json, 'a-1250000000')).toMatchObject({ frequency: 'Weekly', optionalFields: ['Size'], filter: { prefix: 'logs/' } });
  });

  test('an override wins for its field, the other fields keep the shared values', () => {
    const { json } = build({ inventory: SHARED }, (central) => central.addSource('b-1250000000', { optionalFields: [cos.InventoryField.ETAG] }));
    expect(configOf(json, 'b-1250000000')).toMatchObject({ frequency: 'Weekly', optionalFields: ['ETag'], filter: { prefix: 'logs/' } });
  });

  test('an override applies to its source only', () => {
    const { json } = build({ inventory: SHARED, sources: ['a-1250000000'] }, (central) => {
      central.addSource('b-1250000000', { frequency: InventoryFrequency.DAILY });
    });
    expect(configOf(json, 'a-1250000000').frequency).toBe('Weekly');
    expect(configOf(json, 'b-1250000000').frequency).toBe('Daily');
  });

  test('an override left undefined keeps the shared value', () => {
    const { json } = build({ inventory: SHARED }, (central) => central.addSource('b-1250000000', { frequency: undefined, optionalFields: undefined }));
    expect(configOf(json, 'b-1250000000')).toMatchObject({ frequency: 'Weekly', optionalFields: ['Size'] });
  });

  test('a filter override replaces the shared filter as a whole', () => {
    const { json } = build({ inventory: SHARED }, (central) => central.addSource('b-1250000000', { filter: { objectTags: { team: 'media' } } }));
    expect(configOf(json, 'b-1250000000').filter).toEqual({ tags: [{ key: 'team', value: 'media' }] });
  });

  test('a report prefix override gets the source its own statement', () => {
    const { json } = build({ sources: ['a-1250000000'] }, (central) => central.addSource('b-1250000000', { reportPrefix: 'media' }));
    expect(cosPolicyDocument(json).Statement.map((s: any) => s.Resource)).toEqual([
      [cosResource('cos_bucket_inventory/1250000000/a/*')],
      [cosResource('media/1250000000/b/*')],
    ]);
  });

  test('an inventory id override names that source\'s config', () => {
    const { central } = build({ inventory: SHARED }, (c) => c.addSource('b-1250000000', { inventoryId: 'audit' }));
    expect(central.inventories[0].reportPath).toBe('cos_bucket_inventory/1250000000/b/audit');
  });
});

describe('cos.CentralInventory: handler options', () => {
  test('reach every config the handler puts', () => {
    const { json } = build({
      sources: ['a-1250000000', 'b-1250000000'],
      handler: { nodeExecutable: '/opt/node/bin/node', endpoint: { domain: '{Bucket}.cos-internal.{Region}.tencentcos.cn' } },
    });
    expect(handlerConfigs(json)).toHaveLength(2);
    // One reconciler puts both: its reconcile and release runs.
    for (const { 'local-exec': exec } of reconciler(json).provisioner) {
      expect(exec.interpreter[0]).toBe('/opt/node/bin/node');
      expect(exec.environment.COS_INVENTORY_DOMAIN).toBe('{Bucket}.cos-internal.{Region}.tencentcos.cn');
    }
  });

  test('reach sources added later too', () => {
    const { json } = build({ handler: { nodeExecutable: '/opt/node/bin/node' } }, (central) => central.addSource('a-1250000000', { frequency: InventoryFrequency.WEEKLY }));
    expect(handlerConfigs(json)).toHaveLength(1);
    expect(reconciler(json).provisioner[0]['local-exec'].interpreter[0]).toBe('/opt/node/bin/node');
  });
});
