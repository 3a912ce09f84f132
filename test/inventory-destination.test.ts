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
    expect(bucketPolicyDocument(JSON.parse(out))).toEqual({
      version: '2.0',
      statement: [{
        effect: 'allow',
        principal: { qcs: ['qcs::cam::uin/100000000001:roleName/COS_QcsRole'] },
        action: ['name/cos:PutObject'],
        resource: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/logs/*'],
      }],
    });
    expect(out).toMatchSnapshot();
    expect(schemaProblems(JSON.parse(out))).toEqual([]);
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
    const inventory = Object.values(json.resource.tencentcloud_cos_bucket_inventory)[0] as any;
    expect(inventory.depends_on).toBeUndefined();
    expect(JSON.parse(json.output.policy.value).statement).toEqual([expect.objectContaining({
      resource: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/logs/*'],
    })]);
  });

  test('user statements are merged into the same policy', () => {
    const json = synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: REGION, ownerUin: '100000000001' });
      destination.addToResourcePolicy({
        sid: 'analytics-read',
        principals: ['qcs::cam::uin/100000000001:uin/100000000002'],
        actions: ['name/cos:GetObject'],
        resources: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/*'],
        conditions: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } },
        effect: PolicyEffect.ALLOW,
      });
      new BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000' });
    });
    const document = bucketPolicyDocument(json);
    expect(document.statement).toHaveLength(2);
    expect(document.statement[0]).toEqual({
      sid: 'analytics-read',
      effect: 'allow',
      principal: { qcs: ['qcs::cam::uin/100000000001:uin/100000000002'] },
      action: ['name/cos:GetObject'],
      resource: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/*'],
      condition: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } },
    });
  });

  test('a created service role gets PutObject on the report prefix only, once per prefix', () => {
    const json = synthJson((scope) => {
      const serviceRole = new CosServiceRole(scope, 'Role', { create: true, ownerUin: '100000000001' });
      const destination = new InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: REGION, serviceRole });
      new BucketInventory(scope, 'A', { destination, bucketName: 'a-1250000000' });
      new BucketInventory(scope, 'B', { destination, bucketName: 'b-1250000000' });
    });
    const policy = JSON.parse((Object.values(json.resource.tencentcloud_cam_policy)[0] as any).document);
    expect(policy).toEqual({
      version: '2.0',
      statement: [{ effect: 'allow', action: ['name/cos:PutObject'], resource: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/*'] }],
    });
  });
});
