import { CosBucketInventory } from '../src/.gen/providers/tencentcloud/cos-bucket-inventory';
import { CosBucket } from '../src/.gen/providers/tencentcloud/cos-bucket';
import { BucketInventory, InventoryDestination, InventoryField, InventoryFrequency, InventoryObjectVersions } from '../src';
import { bucketPolicyDocument, schemaProblems, synth, synthJson } from './support/synth';

const destinationProps = { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001' };

describe('BucketInventory', () => {
  test('defaults: daily, current versions, SSE-COS reports, after the destination policy', () => {
    const out = synth((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', destinationProps);
      new BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000' });
    });
    expect(out).toHaveResourceWithProperties(CosBucketInventory, {
      name: 'inventory-daily',
      bucket: 'logs-1250000000',
      is_enabled: 'true',
      included_object_versions: 'Current',
      schedule: { frequency: 'Daily' },
      destination: {
        bucket: 'qcs::cos:ap-guangzhou::reports-1250000000',
        account_id: '100000000001',
        format: 'CSV',
        prefix: 'cos_bucket_inventory',
        encryption: { sse_cos: '' },
      },
      depends_on: ['tencentcloud_cos_bucket_policy.Dest_Policy_3D9F23C0'],
    });
    expect(out).toMatchSnapshot();
  });

  test('every field: weekly, all versions, every optional field, prefix and period filters, own report prefix', () => {
    let inventory!: BucketInventory;
    const json = synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', destinationProps);
      inventory = new BucketInventory(scope, 'Media', {
        destination,
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
    });
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
    expect(bucketPolicyDocument(json).statement[0].resource).toEqual(['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/media-reports/1250000000/media/*']);
    expect(json).toMatchSnapshot();
    expect(schemaProblems(json)).toEqual([]);
  });

  test('a daily and a weekly config on one bucket share one policy statement', () => {
    const json = synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', destinationProps);
      new BucketInventory(scope, 'Daily', { destination, bucketName: 'logs-1250000000' });
      new BucketInventory(scope, 'Weekly', { destination, bucketName: 'logs-1250000000', frequency: InventoryFrequency.WEEKLY });
    });
    expect(Object.values(json.resource.tencentcloud_cos_bucket_inventory).map((r: any) => r.name)).toEqual(['inventory-daily', 'inventory-weekly']);
    expect(bucketPolicyDocument(json).statement).toHaveLength(1);
  });

  test('a source bucket created in the same stack is referenced, its APPID given', () => {
    const json = synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', destinationProps);
      const source = new CosBucket(scope, 'Source', { bucket: 'fresh-1250000000', acl: 'private' });
      new BucketInventory(scope, 'Fresh', { destination, bucketName: source.bucket, appId: '1250000000' });
    });
    const resource = Object.values(json.resource.tencentcloud_cos_bucket_inventory)[0] as any;
    expect(resource.bucket).toBe('${tencentcloud_cos_bucket.Source.bucket}');
    // Terraform splits the name at apply time; the template is valid once evaluated, not before.
    const policy = (Object.values(json.resource.tencentcloud_cos_bucket_policy)[0] as any).policy;
    expect(policy).toContain(
      '"resource":["qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/'
      + '${element(regex("^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-([0-9]{5,12})$", tencentcloud_cos_bucket.Source.bucket), 0)}/*"]',
    );
    expect(schemaProblems(json)).toEqual([]);
  });

  test('a tag filter, which the provider resource cannot express, is managed by the handler', () => {
    const json = synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', destinationProps);
      new BucketInventory(scope, 'Tagged', { destination, bucketName: 'logs-1250000000', tags: { team: 'media' }, prefix: 'photos/', frequency: InventoryFrequency.WEEKLY });
    });
    expect(json.resource.tencentcloud_cos_bucket_inventory).toBeUndefined();
    const config = Object.entries(json.resource.terraform_data).find(([name]) => name.includes('_Managed_Config_'))![1] as any;
    expect(JSON.parse(config.input.config)).toEqual({
      version: 1, service: 'cos', bucket: 'logs-1250000000', region: 'ap-guangzhou', id: 'inventory-weekly', enabled: true, frequency: 'Weekly',
      includedObjectVersions: 'Current', optionalFields: [], filter: { prefix: 'photos/', tags: [{ key: 'team', value: 'media' }] },
      destination: { bucket: 'reports-1250000000', prefix: 'cos_bucket_inventory', accountId: '100000000001', encryption: true },
    });
    const owner = Object.entries(json.resource.terraform_data).find(([name]) => name.includes('_Managed_Owner_'))![1] as any;
    expect(owner.depends_on).toEqual(['tencentcloud_cos_bucket_policy.Dest_Policy_3D9F23C0']);
    expect(bucketPolicyDocument(json).statement).toHaveLength(1);
  });
});
