import { TerraformVariable } from 'cdktf';
import { CosBucketInventory } from '../src/.gen/providers/tencentcloud/cos-bucket-inventory';
import { CosBucket } from '../src/.gen/providers/tencentcloud/cos-bucket';
import { BucketInventory, BucketInventoryProps, InventoryDestination, InventoryField, InventoryFrequency, InventoryManagement, InventoryObjectVersions } from '../src';
import { bucketPolicyDocument, schemaProblems, synth, synthJson } from './support/synth';

const destinationProps = { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001' };
/** What the provider resource sends exactly: unencrypted reports, a prefix and optional fields. */
const PROVIDER_EXACT = { encryptReports: false, prefix: 'photos/', optionalFields: [InventoryField.SIZE] };

function managedResources(json: any): { owner: any; config: any } {
  const find = (kind: string) => (Object.entries(json.resource.terraform_data).find(([name]) => name.includes(`_Managed_${kind}_`)) as any)[1];
  return { owner: find('Owner'), config: find('Config') };
}

function build(props: Omit<BucketInventoryProps, 'destination'>) {
  let inventory!: BucketInventory;
  const json = synthJson((scope) => {
    const destination = new InventoryDestination(scope, 'Dest', destinationProps);
    inventory = new BucketInventory(scope, 'Logs', { destination, ...props });
  });
  return { inventory, json };
}

describe('BucketInventory', () => {
  test('defaults (SSE-COS reports) go through the handler: the provider resource cannot send an empty <SSE-COS>', () => {
    const { inventory, json } = build({ bucketName: 'logs-1250000000' });
    expect(inventory.management).toBe(InventoryManagement.HANDLER);
    expect(json.resource.tencentcloud_cos_bucket_inventory).toBeUndefined();
    const { owner, config } = managedResources(json);
    expect(config.input.config).toEqual({
      version: 1, service: 'cos', bucket: 'logs-1250000000', region: 'ap-guangzhou', id: 'inventory-daily', enabled: true, frequency: 'Daily',
      includedObjectVersions: 'Current', optionalFields: [],
      destination: { bucket: 'reports-1250000000', prefix: 'cos_bucket_inventory', accountId: '100000000001', encryption: true },
    });
    expect(owner.depends_on).toEqual(['tencentcloud_cos_bucket_policy.Dest_Policy_3D9F23C0']);
    expect({ owner, config }).toMatchSnapshot();
  });

  test('a config the provider resource sends exactly is a tencentcloud_cos_bucket_inventory', () => {
    const { inventory, json } = build({
      bucketName: 'media-1250000000',
      inventoryId: 'media.weekly_v2',
      enabled: false,
      frequency: InventoryFrequency.WEEKLY,
      includedObjectVersions: InventoryObjectVersions.ALL,
      optionalFields: [
        InventoryField.SIZE, InventoryField.LAST_MODIFIED_DATE, InventoryField.ETAG, InventoryField.STORAGE_CLASS,
        InventoryField.IS_MULTIPART_UPLOADED, InventoryField.REPLICATION_STATUS, InventoryField.TAG, InventoryField.CRC64,
        InventoryField.USER_METADATA,
      ],
      prefix: 'photos/2024/',
      createdAfter: 1704067200,
      createdBefore: 1735689600,
      reportPrefix: 'media-reports',
      encryptReports: false,
    });
    expect(inventory.management).toBe(InventoryManagement.PROVIDER);
    expect(json.resource.terraform_data).toBeUndefined();
    const resource = Object.values(json.resource.tencentcloud_cos_bucket_inventory)[0];
    expect(resource).toEqual({
      name: 'media.weekly_v2',
      bucket: 'media-1250000000',
      is_enabled: 'false',
      included_object_versions: 'All',
      schedule: { frequency: 'Weekly' },
      filter: { prefix: 'photos/2024/', period: { start_time: '1704067200', end_time: '1735689600' } },
      optional_fields: { fields: ['Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'Tag', 'Crc64', 'x-cos-meta-*'] },
      destination: { bucket: 'qcs::cos:ap-guangzhou::reports-1250000000', account_id: '100000000001', format: 'CSV', prefix: 'media-reports' },
      depends_on: ['tencentcloud_cos_bucket_policy.Dest_Policy_3D9F23C0'],
    });
    expect(inventory.reportPath).toBe('media-reports/1250000000/media/media.weekly_v2');
    expect(resource).toMatchSnapshot();
    expect(schemaProblems(json)).toEqual([]);
  });

  test.each([
    ['encrypted reports', { encryptReports: true }],
    ['no prefix', { prefix: undefined }],
    ['no optional fields', { optionalFields: [] }],
    ['a tag filter', { tags: { team: 'media' } }],
  ])('%s: the handler puts the config', (_, override) => {
    const { inventory, json } = build({ bucketName: 'logs-1250000000', ...PROVIDER_EXACT, ...override });
    expect(inventory.management).toBe(InventoryManagement.HANDLER);
    expect(json.resource.tencentcloud_cos_bucket_inventory).toBeUndefined();
  });

  test('the handler runs with no shell: node and the script are an argument vector', () => {
    const { json } = build({ bucketName: 'logs-1250000000', nodeExecutable: '/opt/my node/bin/node; touch x' });
    const { owner, config } = managedResources(json);
    const put = config.provisioner[0]['local-exec'];
    expect(put.interpreter).toEqual(['/opt/my node/bin/node; touch x', expect.stringMatching(/^assets\/CosInventoryHandler\/[0-9A-F]{32}\/index\.js$/)]);
    expect(put.command).toBe('put');
    expect(put.environment).toEqual({ COS_INVENTORY_CONFIG: '${jsonencode(self.input.config)}' });
    const remove = owner.provisioner[0]['local-exec'];
    expect(remove).toMatchObject({ command: 'delete', when: 'destroy', environment: { COS_INVENTORY_TARGET: '${jsonencode(self.input.target)}' } });
    expect(owner.input.target).toEqual({ version: 1, service: 'cos', bucket: 'logs-1250000000', region: 'ap-guangzhou', id: 'inventory-daily' });
  });

  test('literal text stays text: ${ and %{ are escaped, variables stay references', () => {
    const json = synthJson((scope) => {
      const team = new TerraformVariable(scope, 'team', { type: 'string' });
      const destination = new InventoryDestination(scope, 'Dest', destinationProps);
      new BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000', prefix: 'a/${path.cwd}/%{ if true }b"\\', tags: { team: team.stringValue } });
    });
    const { config } = managedResources(json);
    expect(config.input.config.filter).toEqual({ prefix: 'a/$${path.cwd}/%%{ if true }b"\\', tags: [{ key: 'team', value: '${var.team}' }] });
  });

  test('a daily and a weekly config on one bucket share one policy statement', () => {
    const json = synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', destinationProps);
      new BucketInventory(scope, 'Daily', { destination, bucketName: 'logs-1250000000', ...PROVIDER_EXACT });
      new BucketInventory(scope, 'Weekly', { destination, bucketName: 'logs-1250000000', frequency: InventoryFrequency.WEEKLY, ...PROVIDER_EXACT });
    });
    expect(Object.values(json.resource.tencentcloud_cos_bucket_inventory).map((r: any) => r.name)).toEqual(['inventory-daily', 'inventory-weekly']);
    expect(bucketPolicyDocument(json).Statement).toHaveLength(1);
  });

  test('a source bucket created in the same stack is referenced, its APPID given', () => {
    const out = synth((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', destinationProps);
      const source = new CosBucket(scope, 'Source', { bucket: 'fresh-1250000000', acl: 'private' });
      new BucketInventory(scope, 'Fresh', { destination, bucketName: source.bucket, appId: '1250000000', ...PROVIDER_EXACT });
    });
    expect(out).toHaveResourceWithProperties(CosBucketInventory, { bucket: '${tencentcloud_cos_bucket.Source.bucket}' });
    // Terraform splits the name at apply time; the template is valid once evaluated, not before.
    const policy = (Object.values(JSON.parse(out).resource.tencentcloud_cos_bucket_policy)[0] as any).policy;
    expect(policy).toContain(
      '"Resource":["qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/'
      + '${element(regex("^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-([0-9]{5,12})$", tencentcloud_cos_bucket.Source.bucket), 0)}/*"]',
    );
    expect(schemaProblems(JSON.parse(out))).toEqual([]);
  });
});
