import { TerraformVariable } from 'cdktf';
import { CosBucket } from '../../src/.gen/providers/tencentcloud/cos-bucket';
import { CosBucketInventory } from '../../src/.gen/providers/tencentcloud/cos-bucket-inventory';
import { BucketPolicyOwner, cos, InventoryFrequency, InventoryManagement, InventoryObjectVersions } from '../../src';
import { COS_DESTINATION, cosPolicyDocument, cosResource, handlerConfig, reconciler } from '../support/build';
import { onlyResource, schemaProblems, synth, synthJson } from '../support/synth';

/** What the provider resource sends exactly: unencrypted reports, a prefix and optional fields. */
const PROVIDER_EXACT: Partial<cos.BucketInventoryProps> = { encryptReports: false, filter: { prefix: 'photos/' }, optionalFields: [cos.InventoryField.SIZE] };

const SCRIPT = expect.stringMatching(/^assets\/CosInventoryHandler\/[0-9A-F]{32}\/index\.js$/);

function build(props: Omit<cos.BucketInventoryProps, 'destination'>) {
  let inventory!: cos.BucketInventory;
  const out = synth((scope) => {
    const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
    inventory = new cos.BucketInventory(scope, 'Logs', { destination, ...props });
  });
  return { inventory, out, json: JSON.parse(out) };
}

describe('cos.BucketInventory: who puts the config', () => {
  test('the defaults (SSE-COS reports) go through the handler: the provider resource cannot send an empty <SSE-COS>', () => {
    const { inventory, out } = build({ bucketName: 'logs-1250000000' });
    expect(inventory.management).toBe(InventoryManagement.HANDLER);
    expect(out).not.toHaveResource(CosBucketInventory);
  });

  test('a config the provider resource sends exactly is a tencentcloud_cos_bucket_inventory, which the reconciler only records', () => {
    const { inventory, out, json } = build({ bucketName: 'logs-1250000000', ...PROVIDER_EXACT });
    expect(inventory.management).toBe(InventoryManagement.PROVIDER);
    expect(out).toHaveResource(CosBucketInventory);
    expect(reconciler(json).input.reconcile.configs).toEqual({});
    expect(Object.keys(reconciler(json).input.reconcile.provider)).toEqual(['logs-1250000000/inventory-daily']);
  });

  test('the provider resource applies after the reconciler, which refuses a config the stack did not put before it is overwritten', () => {
    const { json } = build({ bucketName: 'logs-1250000000', ...PROVIDER_EXACT });
    expect(onlyResource(json, 'tencentcloud_cos_bucket_inventory').depends_on).toEqual([
      'tencentcloud_cos_bucket_policy.Dest_Policy_3D9F23C0', 'terraform_data.Dest_InventoryConfigs_Reconciler_A16E3694',
    ]);
    expect(json.removed).toBeUndefined();
  });

  test.each<[string, Partial<cos.BucketInventoryProps>]>([
    ['encrypted reports', { encryptReports: true }],
    ['no filter prefix', { filter: {} }],
    ['no optional fields', { optionalFields: [] }],
    ['an object tag filter', { filter: { prefix: 'photos/', objectTags: { team: 'media' } } }],
  ])('%s: the handler puts the config', (_, override) => {
    const { inventory, out } = build({ bucketName: 'logs-1250000000', ...PROVIDER_EXACT, ...override });
    expect(inventory.management).toBe(InventoryManagement.HANDLER);
    expect(out).not.toHaveResource(CosBucketInventory);
  });
});

describe('cos.BucketInventory: the handler-managed config', () => {
  test('stores the whole config, every default resolved, for the handler to put', () => {
    const { json } = build({ bucketName: 'logs-1250000000' });
    expect(reconciler(json).input.reconcile.configs['logs-1250000000/inventory-daily']).toEqual({
      version: 1, service: 'cos', bucket: 'logs-1250000000', region: 'ap-guangzhou', id: 'inventory-daily', enabled: true, frequency: 'Daily',
      includedObjectVersions: 'Current', optionalFields: [],
      destination: { bucket: 'reports-1250000000', prefix: 'cos_bucket_inventory', accountId: '100000000001', encryption: true },
    });
  });

  test('the destination\'s reconciler', () => {
    const { json } = build({ bucketName: 'logs-1250000000' });
    expect(reconciler(json)).toMatchSnapshot();
  });

  test('the reconciler is replaced on any change, the new one created first, after the destination bucket and policy', () => {
    const { json } = build({ bucketName: 'logs-1250000000' });
    const resource = reconciler(json);
    expect(resource.triggers_replace).toEqual(resource.input);
    expect(resource.lifecycle).toEqual({ create_before_destroy: true });
    expect(resource.depends_on).toEqual(['tencentcloud_cos_bucket.Dest_Bucket_48F3BC68', 'tencentcloud_cos_bucket_policy.Dest_Policy_3D9F23C0']);
  });

  test('the ledger is an object of the destination bucket, one per stack', () => {
    const { json } = build({ bucketName: 'logs-1250000000' });
    expect(reconciler(json).input.reconcile.ledger).toEqual({ bucket: 'reports-1250000000', region: 'ap-guangzhou', key: '.cos-inventory/ledgers/test.json' });
  });

  test('reconciles on create and releases on destroy, handing the handler its stored document, Terraform-encoded, and its own id', () => {
    const { json } = build({ bucketName: 'logs-1250000000' });
    const [reconcile, release] = reconciler(json).provisioner.map((provisioner: any) => provisioner['local-exec']);
    const environment = { INVENTORY_RECONCILE: '${jsonencode(merge(self.input.reconcile, { configs = {}, provider = {} }))}', INVENTORY_GENERATION: '${self.id}', INVENTORY_KEEP: '[]' };
    // The configs travel in slices of the map, each its own variable (one environment string is at most 128 KiB).
    const configs = { INVENTORY_RECONCILE_CONFIGS_0: '${jsonencode({ for k in slice(keys(self.input.reconcile.configs), 0, 1) : k => self.input.reconcile.configs[k] })}' };
    expect(reconcile).toEqual({ command: 'reconcile', interpreter: ['node', SCRIPT], environment: { ...environment, ...configs } });
    expect(release).toEqual({ command: 'release', when: 'destroy', interpreter: ['node', SCRIPT], environment });
  });

  test('a provider resource of the same address is forgotten, not destroyed, when the config moves to the handler', () => {
    const { json } = build({ bucketName: 'logs-1250000000' });
    expect(json.removed).toEqual([{ from: 'tencentcloud_cos_bucket_inventory.Logs_6819BB44', lifecycle: { destroy: false } }]);
  });

  test('adoptExisting lists the config in the document\'s adopt', () => {
    const { json } = build({ bucketName: 'logs-1250000000', adoptExisting: true });
    expect(reconciler(json).input.reconcile.adopt).toEqual(['logs-1250000000/inventory-daily']);
  });

  test('the handler runs with no shell: node and the script are an argument vector', () => {
    const { json } = build({ bucketName: 'logs-1250000000', handler: { nodeExecutable: '/opt/my node/bin/node; touch x' } });
    for (const provisioner of reconciler(json).provisioner) expect(provisioner['local-exec'].interpreter).toEqual(['/opt/my node/bin/node; touch x', SCRIPT]);
  });

  test('a handler endpoint reaches the handler as COS_INVENTORY_* settings, on reconcile and release', () => {
    const { json } = build({
      bucketName: 'logs-1250000000',
      handler: { endpoint: { domain: '{Bucket}.cos-internal.{Region}.tencentcos.cn', proxy: 'http://127.0.0.1:8080', protocol: cos.HandlerProtocol.HTTPS } },
    });
    for (const provisioner of reconciler(json).provisioner) {
      expect(provisioner['local-exec'].environment).toMatchObject({
        COS_INVENTORY_DOMAIN: '{Bucket}.cos-internal.{Region}.tencentcos.cn',
        COS_INVENTORY_PROXY: 'http://127.0.0.1:8080',
        COS_INVENTORY_PROTOCOL: 'https:',
      });
    }
  });

  test('a handler protocol other than http: or https: is refused', () => {
    expect(() => build({ bucketName: 'logs-1250000000', handler: { endpoint: { protocol: 'ftp:' as cos.HandlerProtocol } } })).toThrow(
      '[test/Logs] handler.endpoint.protocol = "ftp:": must be http: or https:',
    );
  });

  test('literal text stays text: ${ and %{ are escaped, variables stay references', () => {
    const json = synthJson((scope) => {
      const team = new TerraformVariable(scope, 'team', { type: 'string' });
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.BucketInventory(scope, 'Logs', {
        destination, bucketName: 'logs-1250000000', filter: { prefix: 'a/${path.cwd}/%{ if true }b"\\', objectTags: { team: team.stringValue } },
      });
    });
    expect(handlerConfig(json).filter).toEqual({ prefix: 'a/$${path.cwd}/%%{ if true }b"\\', tags: [{ key: 'team', value: '${var.team}' }] });
  });

  test('an object tag filter keeps the tags in the order given', () => {
    const { json } = build({ bucketName: 'logs-1250000000', filter: { objectTags: { team: 'media', env: 'prod' } } });
    expect(handlerConfig(json).filter).toEqual({ tags: [{ key: 'team', value: 'media' }, { key: 'env', value: 'prod' }] });
  });

  test('the handler resources fit Terraform\'s schema', () => {
    const { json } = build({ bucketName: 'logs-1250000000' });
    expect(schemaProblems(json)).toEqual([]);
  });
});

describe('cos.BucketInventory: the provider resource', () => {
  const EVERYTHING: Omit<cos.BucketInventoryProps, 'destination'> = {
    bucketName: 'media-1250000000',
    inventoryId: 'media.weekly_v2',
    enabled: false,
    frequency: InventoryFrequency.WEEKLY,
    includedObjectVersions: InventoryObjectVersions.ALL,
    optionalFields: [
      cos.InventoryField.SIZE, cos.InventoryField.LAST_MODIFIED_DATE, cos.InventoryField.ETAG, cos.InventoryField.STORAGE_CLASS,
      cos.InventoryField.IS_MULTIPART_UPLOADED, cos.InventoryField.REPLICATION_STATUS, cos.InventoryField.TAG, cos.InventoryField.CRC64,
      cos.InventoryField.USER_METADATA,
    ],
    filter: { prefix: 'photos/2024/', createdAfter: 1704067200, createdBefore: 1735689600 },
    reportPrefix: 'media-reports',
    encryptReports: false,
  };

  test('renders every setting from the same normalized config the handler would take', () => {
    const { out } = build(EVERYTHING);
    expect(out).toHaveResourceWithProperties(CosBucketInventory, {
      name: 'media.weekly_v2',
      bucket: 'media-1250000000',
      is_enabled: 'false',
      included_object_versions: 'All',
      schedule: { frequency: 'Weekly' },
      filter: { prefix: 'photos/2024/', period: { start_time: '1704067200', end_time: '1735689600' } },
      optional_fields: { fields: ['Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'Tag', 'Crc64', 'x-cos-meta-*'] },
      destination: { bucket: 'qcs::cos:ap-guangzhou::reports-1250000000', account_id: '100000000001', format: 'CSV', prefix: 'media-reports' },
      depends_on: ['tencentcloud_cos_bucket_policy.Dest_Policy_3D9F23C0', 'terraform_data.Dest_InventoryConfigs_Reconciler_A16E3694'],
    });
  });

  test('the resource', () => {
    const { json } = build(EVERYTHING);
    expect(onlyResource(json, 'tencentcloud_cos_bucket_inventory')).toMatchSnapshot();
  });

  test('the resource fits the provider schema', () => {
    const { json } = build(EVERYTHING);
    expect(schemaProblems(json)).toEqual([]);
  });

  test('the defaults: enabled, daily, current versions', () => {
    const { out } = build({ bucketName: 'logs-1250000000', ...PROVIDER_EXACT });
    expect(out).toHaveResourceWithProperties(CosBucketInventory, {
      name: 'inventory-daily', is_enabled: 'true', included_object_versions: 'Current', schedule: { frequency: 'Daily' },
    });
  });

  test('a source bucket created in the same stack is referenced, its APPID given', () => {
    const out = synth((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      const source = new CosBucket(scope, 'Source', { bucket: 'fresh-1250000000', acl: 'private' });
      new cos.BucketInventory(scope, 'Fresh', { destination, bucketName: source.bucket, appId: '1250000000', ...PROVIDER_EXACT });
    });
    expect(out).toHaveResourceWithProperties(CosBucketInventory, { bucket: '${tencentcloud_cos_bucket.Source.bucket}' });
    expect(schemaProblems(JSON.parse(out))).toEqual([]);
  });

  test('the policy statement of a referenced source bucket takes its name apart at apply time', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      const source = new CosBucket(scope, 'Source', { bucket: 'fresh-1250000000', acl: 'private' });
      new cos.BucketInventory(scope, 'Fresh', { destination, bucketName: source.bucket, appId: '1250000000', ...PROVIDER_EXACT });
    });
    // Terraform splits the name at apply time; the template is valid once evaluated, not before.
    expect(onlyResource(json, 'tencentcloud_cos_bucket_policy').policy).toContain(
      '"Resource":["qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/'
      + '${element(regex("^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-([0-9]{5,12})$", tencentcloud_cos_bucket.Source.bucket), 0)}/*"]',
    );
  });
});

describe('cos.BucketInventory: attributes', () => {
  test('bucketName is the source bucket', () => {
    expect(build({ bucketName: 'logs-1250000000' }).inventory.bucketName).toBe('logs-1250000000');
  });

  test('inventoryId defaults to inventory-daily', () => {
    expect(build({ bucketName: 'logs-1250000000' }).inventory.inventoryId).toBe('inventory-daily');
  });

  test('inventoryId defaults to inventory-weekly for a weekly inventory', () => {
    expect(build({ bucketName: 'logs-1250000000', frequency: InventoryFrequency.WEEKLY }).inventory.inventoryId).toBe('inventory-weekly');
  });

  test('reportPath is <prefix>/<appid>/<name>/<inventory id>', () => {
    expect(build({ bucketName: 'logs-1250000000' }).inventory.reportPath).toBe('cos_bucket_inventory/1250000000/logs/inventory-daily');
  });

  test('reportPath follows the inventory\'s own report prefix and id', () => {
    const { inventory } = build({ bucketName: 'media-1250000000', inventoryId: 'media.weekly_v2', reportPrefix: 'media-reports' });
    expect(inventory.reportPath).toBe('media-reports/1250000000/media/media.weekly_v2');
  });

  test('resource is the destination\'s reconciler when the handler puts the config', () => {
    const { inventory } = build({ bucketName: 'logs-1250000000' });
    expect(inventory.resource.terraformResourceType).toBe('terraform_data');
    expect(inventory.resource.node.path).toBe('test/Dest/InventoryConfigs/Reconciler');
  });

  test('resource is the tencentcloud_cos_bucket_inventory when the provider puts the config', () => {
    const { inventory } = build({ bucketName: 'logs-1250000000', ...PROVIDER_EXACT });
    expect(inventory.resource).toBeInstanceOf(CosBucketInventory);
  });
});

describe('cos.BucketInventory: the destination', () => {
  test('the region defaults to the destination\'s', () => {
    const { json } = build({ bucketName: 'logs-1250000000' });
    expect(handlerConfig(json).region).toBe('ap-guangzhou');
  });

  test('an inventory\'s report prefix gets its own statement in the destination policy', () => {
    const { json } = build({ bucketName: 'logs-1250000000', reportPrefix: 'audits' });
    expect(cosPolicyDocument(json).Statement.map((s: any) => s.Resource)).toEqual([[cosResource('audits/1250000000/logs/*')]]);
    expect(handlerConfig(json).destination.prefix).toBe('audits');
  });

  test('a daily and a weekly config on one bucket share one policy statement', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.BucketInventory(scope, 'Daily', { destination, bucketName: 'logs-1250000000', ...PROVIDER_EXACT });
      new cos.BucketInventory(scope, 'Weekly', { destination, bucketName: 'logs-1250000000', frequency: InventoryFrequency.WEEKLY, ...PROVIDER_EXACT });
    });
    expect(Object.values(json.resource.tencentcloud_cos_bucket_inventory).map((r: any) => r.name)).toEqual(['inventory-daily', 'inventory-weekly']);
    expect(cosPolicyDocument(json).Statement).toHaveLength(1);
  });

  test('on an imported destination whose policy is owned elsewhere, the config waits for the reconciler only', () => {
    const json = synthJson((scope) => {
      const destination = cos.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...COS_DESTINATION, policyOwner: BucketPolicyOwner.ELSEWHERE });
      new cos.BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000', ...PROVIDER_EXACT });
    });
    expect(onlyResource(json, 'tencentcloud_cos_bucket_inventory').depends_on).toEqual(['terraform_data.Dest_InventoryConfigs_Reconciler_A16E3694']);
    expect(reconciler(json).depends_on).toBeUndefined();
    expect(json.resource.tencentcloud_cos_bucket_policy).toBeUndefined();
  });

  test('on an imported destination whose policy this stack owns, the config waits for that policy', () => {
    const out = synth((scope) => {
      const destination = cos.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...COS_DESTINATION, policyOwner: BucketPolicyOwner.THIS_STACK });
      new cos.BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000', ...PROVIDER_EXACT });
    });
    expect(out).toHaveResourceWithProperties(CosBucketInventory, {
      depends_on: ['tencentcloud_cos_bucket_policy.Dest_Policy_3D9F23C0', 'terraform_data.Dest_InventoryConfigs_Reconciler_A16E3694'],
    });
  });
});
