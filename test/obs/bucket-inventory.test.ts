import { Construct } from 'constructs';
import { InventoryFrequency, InventoryManagement, InventoryObjectVersions, obs } from '../../src';
import { handlerConfig, OBS_DESTINATION, obsPolicyDocument, problemsThrownBy, reconciler } from '../support/build';
import { schemaProblems, synthJson } from '../support/synth';

const SCRIPT = expect.stringMatching(/^assets\/CosInventoryHandler\/[0-9A-F]{32}\/index\.js$/);

function build(props: Partial<obs.BucketInventoryProps> = {}) {
  let inventory!: obs.BucketInventory;
  const json = synthJson((scope) => {
    const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
    inventory = new obs.BucketInventory(scope, 'Inv', { destination, bucketName: 'examplebucket', ...props });
  });
  return { inventory, json, config: handlerConfig(json), reconciler: reconciler(json) };
}

/** Several inventories `Inv0`, `Inv1`, … on one destination, each with its own id unless told otherwise. */
function buildMany(inventories: Array<Partial<obs.BucketInventoryProps>>) {
  return () => synthJson((scope: Construct) => {
    const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
    inventories.forEach((props, i) => new obs.BucketInventory(scope, `Inv${i}`, { destination, bucketName: 'examplebucket', inventoryId: `id${i}`, ...props }));
  });
}

describe('obs.BucketInventory: the config', () => {
  test('the handler puts it: no provider has an OBS inventory resource', () => {
    const { inventory } = build();
    expect(inventory.management).toBe(InventoryManagement.HANDLER);
  });

  test('stores the whole config, every default resolved, without the COS-only destination fields', () => {
    const { config } = build();
    expect(config).toEqual({
      version: 1, service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', id: 'inventory-daily', enabled: true, frequency: 'Daily',
      includedObjectVersions: 'Current', optionalFields: [], destination: { bucket: 'destbucket', prefix: 'BucketInventory' },
    });
  });

  test('carries every setting given', () => {
    const { config } = build({
      inventoryId: 'daily',
      enabled: false,
      frequency: InventoryFrequency.WEEKLY,
      includedObjectVersions: InventoryObjectVersions.ALL,
      optionalFields: [obs.InventoryField.SIZE, obs.InventoryField.ETAG],
      filter: { prefix: 'logs/' },
      reportPrefix: 'weekly-reports',
    });
    expect(config).toEqual({
      version: 1, service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', id: 'daily', enabled: false, frequency: 'Weekly',
      includedObjectVersions: 'All', optionalFields: ['Size', 'ETag'], filter: { prefix: 'logs/' },
      destination: { bucket: 'destbucket', prefix: 'weekly-reports' },
    });
  });

  test('the reconciler', () => {
    const { reconciler } = build({ filter: { prefix: 'logs/' }, optionalFields: [obs.InventoryField.SIZE] });
    expect(reconciler).toMatchSnapshot();
  });

  test('the handler resources fit Terraform\'s schema', () => {
    const { json } = build();
    expect(schemaProblems(json)).toEqual([]);
  });
});

describe('obs.BucketInventory: the handler resources', () => {
  test('the reconciler reconciles on create and releases on destroy, from the document it stored on itself', () => {
    const { reconciler } = build();
    expect(reconciler.input.reconcile.ledger).toEqual({ bucket: 'destbucket', region: 'cn-north-4', key: '.cos-inventory/ledgers/test.json' });
    const [reconcile, release] = reconciler.provisioner.map((provisioner: any) => provisioner['local-exec']);
    const environment = { INVENTORY_RECONCILE: '${jsonencode(merge(self.input.reconcile, { configs = {}, provider = {} }))}', INVENTORY_GENERATION: '${self.id}', INVENTORY_KEEP: '[]' };
    // The configs travel in slices of the map, each its own variable (one environment string is at most 128 KiB).
    const configs = { INVENTORY_RECONCILE_CONFIGS_0: '${jsonencode({ for k in slice(keys(self.input.reconcile.configs), 0, 1) : k => self.input.reconcile.configs[k] })}' };
    expect(reconcile).toEqual({ command: 'reconcile', interpreter: ['node', SCRIPT], environment: { ...environment, ...configs } });
    expect(release).toEqual({ command: 'release', when: 'destroy', interpreter: ['node', SCRIPT], environment });
  });

  test('the reconciler is applied after the destination bucket and policy, and no removed block is written (no provider resource to forget)', () => {
    const { reconciler, json } = build();
    expect(reconciler.depends_on).toEqual(['huaweicloud_obs_bucket.Dest_Bucket_48F3BC68', 'huaweicloud_obs_bucket_policy.Dest_Policy_3D9F23C0']);
    expect(json.removed).toBeUndefined();
  });

  test('a handler endpoint reaches the handler as OBS_INVENTORY_* settings, on reconcile and release', () => {
    const { reconciler } = build({ handler: { endpoint: { domain: '{Bucket}.obs.{Region}.internal.example', connectTo: '127.0.0.1:9000' } } });
    for (const { 'local-exec': exec } of reconciler.provisioner) {
      expect(exec.environment).toMatchObject({
        OBS_INVENTORY_DOMAIN: '{Bucket}.obs.{Region}.internal.example', OBS_INVENTORY_CONNECT_TO: '127.0.0.1:9000',
      });
    }
  });

  test('the handler runs with the node executable given, with no shell', () => {
    const { reconciler } = build({ handler: { nodeExecutable: '/opt/my node/bin/node' } });
    for (const { 'local-exec': exec } of reconciler.provisioner) expect(exec.interpreter).toEqual(['/opt/my node/bin/node', SCRIPT]);
  });
});

describe('obs.BucketInventory: attributes', () => {
  test('bucketName is the source bucket', () => {
    expect(build().inventory.bucketName).toBe('examplebucket');
  });

  test('inventoryId defaults to inventory-daily', () => {
    expect(build().inventory.inventoryId).toBe('inventory-daily');
  });

  test('inventoryId defaults to inventory-weekly for a weekly inventory', () => {
    expect(build({ frequency: InventoryFrequency.WEEKLY }).inventory.inventoryId).toBe('inventory-weekly');
  });

  test('reportPath is <prefix>/<source bucket>/<inventory id>', () => {
    expect(build().inventory.reportPath).toBe('BucketInventory/examplebucket/inventory-daily');
    expect(build({ reportPrefix: 'weekly-reports', inventoryId: 'weekly' }).inventory.reportPath).toBe('weekly-reports/examplebucket/weekly');
  });

  test('resource is the destination\'s reconciler', () => {
    const { inventory } = build();
    expect(inventory.resource.terraformResourceType).toBe('terraform_data');
    expect(inventory.resource.node.path).toBe('test/Dest/InventoryConfigs/Reconciler');
  });
});

describe('obs.BucketInventory: the filter', () => {
  test('filters by prefix', () => {
    expect(build({ filter: { prefix: 'logs/' } }).config.filter).toEqual({ prefix: 'logs/' });
  });

  test.each<[string, obs.BucketInventoryProps['filter'], unknown]>([
    ['objectTags', { objectTags: { team: 'media' } }, { team: 'media' }],
    ['createdAfter', { createdAfter: 1704067200 }, 1704067200],
    ['createdBefore', { createdBefore: 1735689600 }, 1735689600],
  ])('refuses %s: OBS filters by prefix only', (field, filter, value) => {
    expect(problemsThrownBy(() => build({ filter }))).toEqual([
      { constructPath: 'test/Inv', field: `filter.${field}`, value, rule: 'OBS inventories filter by prefix only' },
    ]);
  });

  test('names every refused filter field at once', () => {
    expect(() => build({ filter: { prefix: 'logs/', objectTags: { team: 'media' }, createdAfter: 1, createdBefore: 2 } })).toThrow([
      '[test/Inv] filter.objectTags = {"team":"media"}: OBS inventories filter by prefix only',
      '[test/Inv] filter.createdAfter = 1: OBS inventories filter by prefix only',
      '[test/Inv] filter.createdBefore = 2: OBS inventories filter by prefix only',
    ].join('\n'));
  });

  test('the filter prefix follows the prefix rules', () => {
    expect(() => build({ filter: { prefix: '/logs' } })).toThrow('[test/Inv] filter.prefix = "/logs": must not start with "/"');
  });
});

describe('obs.BucketInventory: OBS rules', () => {
  test('only the OBS optional fields', () => {
    expect(buildMany([{ optionalFields: ['StorageClass' as obs.InventoryField] }])).toThrow(
      '[test/Inv0] optionalFields[0] = "StorageClass": must be one of Size, LastModifiedDate, ETag, IsMultipartUploaded, ReplicationStatus',
    );
  });

  test('source and destination in the same region', () => {
    expect(buildMany([{ region: 'cn-south-1' }])).toThrow('[test/Inv0] region = "cn-south-1": must equal the destination bucket\'s region "cn-north-4"');
  });

  test('OBS bucket names', () => {
    expect(buildMany([{ bucketName: 'Bad_Bucket' }])).toThrow('[test/Inv0] bucketName = "Bad_Bucket": must be 3-63 lowercase letters, digits, hyphens and periods');
  });

  test('reports are CSV: there is no format option to set, and one given is refused', () => {
    expect(() => build({
      // @ts-expect-error OBS inventories support only CSV
      format: 'Parquet',
    })).toThrow('[test/Inv] format = "Parquet": is not a prop of obs.BucketInventory: 1.0 removed it: OBS writes only CSV');
  });
});

describe('obs.BucketInventory: on a shared destination', () => {
  test('inventories with different report prefixes each get a statement', () => {
    const json = buildMany([
      { filter: { prefix: 'logs/' } },
      { filter: { prefix: 'media/' }, frequency: InventoryFrequency.WEEKLY, reportPrefix: 'weekly-reports' },
    ])();
    expect(obsPolicyDocument(json).Statement.map((s: any) => s.Resource)).toEqual([['destbucket/BucketInventory/*'], ['destbucket/weekly-reports/*']]);
  });
});
