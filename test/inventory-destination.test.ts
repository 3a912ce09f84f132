import { TerraformOutput } from 'cdktf';
import { CosBucket } from '../src/.gen/providers/tencentcloud/cos-bucket';
import { CosBucketPolicy } from '../src/.gen/providers/tencentcloud/cos-bucket-policy';
import { BucketInventory, CosServiceRole, InventoryDestination, PolicyEffect } from '../src';
import { bucketPolicyDocument, schemaProblems, synth, synthJson } from './support/synth';

const REGION = 'ap-guangzhou';

describe('InventoryDestination', () => {
  test('creates a private, encrypted bucket and one policy scoped to each source report path', () => {
    const out = synth((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: REGION, ownerUin: '100000000001' });
      new BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000' });
    });
    expect(out).toHaveResourceWithProperties(CosBucket, { bucket: 'reports-1250000000', acl: 'private', encryption_algorithm: 'AES256', force_clean: false });
    expect(out).toHaveResourceWithProperties(CosBucketPolicy, { bucket: '${tencentcloud_cos_bucket.Dest_Bucket_48F3BC68.bucket}' });
    // The shape GET Bucket policy answers with, so the provider's read-back compares equal and the plan stays empty.
    expect(bucketPolicyDocument(JSON.parse(out))).toEqual({
      Statement: [{
        Principal: { qcs: ['qcs::cam::uin/100000000001:roleName/COS_QcsRole'] },
        Effect: 'allow',
        Action: ['name/cos:PutObject'],
        Resource: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/logs/*'],
      }],
      version: '2.0',
    });
    const json = JSON.parse(out);
    expect({ bucket: json.resource.tencentcloud_cos_bucket, policy: json.resource.tencentcloud_cos_bucket_policy }).toMatchSnapshot();
    expect(schemaProblems(json)).toEqual([]);
  });

  test('report expiry becomes a lifecycle rule on the report prefix', () => {
    const out = synth((scope) => {
      new InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: REGION, reportPrefix: 'inv', reportExpirationDays: 30, tags: { team: 'platform' } });
    });
    expect(out).toHaveResourceWithProperties(CosBucket, {
      tags: { team: 'platform' },
      lifecycle_rules: [{ id: 'expire-inventory-reports', filter_prefix: 'inv/', expiration: { days: 30 } }],
    });
  });

  test('wraps an existing bucket without creating it', () => {
    const json = synthJson((scope) => {
      new InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: REGION, existingBucket: true });
    });
    expect(json.resource.tencentcloud_cos_bucket).toBeUndefined();
    expect(Object.values(json.resource.tencentcloud_cos_bucket_policy)).toEqual([expect.objectContaining({ bucket: 'reports-1250000000' })]);
  });

  test('with policy management off, no policy resource is made and the document is readable', () => {
    const json = synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: REGION, existingBucket: true, managePolicy: false, ownerUin: '100000000001' });
      new BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000' });
      new TerraformOutput(scope, 'policy', { value: destination.policyJson });
      expect(destination.policy).toBeUndefined();
    });
    expect(json.resource.tencentcloud_cos_bucket_policy).toBeUndefined();
    const owner = Object.entries(json.resource.terraform_data).find(([name]) => name.includes('_Managed_Owner_'))![1] as any;
    expect(owner.depends_on).toBeUndefined();
    expect(JSON.parse(json.output.policy.value).Statement).toEqual([expect.objectContaining({
      Resource: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/logs/*'],
    })]);
  });

  test('user statements are merged into the same policy', () => {
    const json = synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: REGION, ownerUin: '100000000001' });
      destination.addToResourcePolicy({
        principals: ['qcs::cam::uin/100000000001:uin/100000000002'],
        actions: ['name/cos:GetObject'],
        resources: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/*'],
        conditions: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } },
        effect: PolicyEffect.ALLOW,
      });
      new BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000' });
    });
    const document = bucketPolicyDocument(json);
    expect(document.Statement).toHaveLength(2);
    expect(document.Statement).toContainEqual({
      Principal: { qcs: ['qcs::cam::uin/100000000001:uin/100000000002'] },
      Effect: 'allow',
      Action: ['name/cos:GetObject'],
      Resource: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/*'],
      Condition: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } },
    });
  });

  test('a created service role gets PutObject where the bucket policy lets COS write, and nowhere else', () => {
    const json = synthJson((scope) => {
      const serviceRole = new CosServiceRole(scope, 'Role', { create: true, ownerUin: '100000000001' });
      const destination = new InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: REGION, serviceRole });
      new BucketInventory(scope, 'A', { destination, bucketName: 'a-1250000000' });
      new BucketInventory(scope, 'B', { destination, bucketName: 'b-1250000000' });
    });
    const policy = JSON.parse((Object.values(json.resource.tencentcloud_cam_policy)[0] as any).document);
    expect(policy).toEqual({
      version: '2.0',
      statement: [{
        effect: 'allow',
        action: ['name/cos:PutObject'],
        resource: ['a', 'b'].map((name) => `qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/${name}/*`),
      }],
    });
  });
});
