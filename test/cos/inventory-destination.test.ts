import { TerraformOutput } from 'cdktf';
import { CamRole } from '../../src/.gen/providers/tencentcloud/cam-role';
import { CosBucket } from '../../src/.gen/providers/tencentcloud/cos-bucket';
import { CosBucketPolicy } from '../../src/.gen/providers/tencentcloud/cos-bucket-policy';
import { DataTencentcloudUserInfo } from '../../src/.gen/providers/tencentcloud/data-tencentcloud-user-info';
import { BucketPolicyOwner, cos, PolicyEffect } from '../../src';
import { COS_DESTINATION, COS_SERVICE_PRINCIPAL, cosPolicyDocument, cosResource, reconciler } from '../support/build';
import { onlyResource, schemaProblems, synth, synthJson } from '../support/synth';

const READER = 'qcs::cam::uin/100000000001:uin/100000000002';

describe('cos.InventoryDestination: the bucket', () => {
  test('is private, SSE-COS encrypted, and kept with its reports on destroy', () => {
    const out = synth((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION));
    expect(out).toHaveResourceWithProperties(CosBucket, { bucket: 'reports-1250000000', acl: 'private', encryption_algorithm: 'AES256', force_clean: false });
    expect(onlyResource(JSON.parse(out), 'tencentcloud_cos_bucket')).toMatchSnapshot();
  });

  test('defaultEncryption: false leaves the bucket unencrypted', () => {
    const json = synthJson((scope) => new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, defaultEncryption: false }));
    expect(onlyResource(json, 'tencentcloud_cos_bucket').encryption_algorithm).toBeUndefined();
  });

  test('forceDestroy lets terraform destroy delete the bucket with its reports', () => {
    const out = synth((scope) => new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, forceDestroy: true }));
    expect(out).toHaveResourceWithProperties(CosBucket, { force_clean: true });
  });

  test('bucketTags tag the bucket itself', () => {
    const out = synth((scope) => new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, bucketTags: { team: 'platform' } }));
    expect(out).toHaveResourceWithProperties(CosBucket, { tags: { team: 'platform' } });
  });

  test('report expiry becomes a lifecycle rule on the report prefix', () => {
    const out = synth((scope) => new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, reportPrefix: 'inv', reportExpirationDays: 30 }));
    expect(out).toHaveResourceWithProperties(CosBucket, {
      lifecycle_rules: [{ id: 'expire-inventory-reports', filter_prefix: 'inv/', expiration: { days: 30 } }],
    });
  });

  test('report expiry covers every report prefix in use: one rule per inventory reportPrefix, ids named by prefix', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, reportPrefix: 'inv', reportExpirationDays: 30 });
      new cos.BucketInventory(scope, 'Default', { destination, bucketName: 'a-1250000000' });
      new cos.BucketInventory(scope, 'Audit', { destination, bucketName: 'b-1250000000', reportPrefix: 'audit' });
      new cos.BucketInventory(scope, 'Again', { destination, bucketName: 'c-1250000000', reportPrefix: 'audit' });
      new cos.InventoryJob(scope, 'Job', { destination, bucketName: 'd-1250000000', reportPrefix: 'one off/jobs' });
    });
    expect(onlyResource(json, 'tencentcloud_cos_bucket').lifecycle_rules).toEqual([
      { id: 'expire-inventory-reports', filter_prefix: 'inv/', expiration: { days: 30 } },
      { id: 'expire-inventory-reports-audit', filter_prefix: 'audit/', expiration: { days: 30 } },
      { id: expect.stringMatching(/^expire-inventory-reports-[0-9a-f]{12}$/), filter_prefix: 'one off/jobs/', expiration: { days: 30 } },
    ]);
  });

  test('without report expiry there is no lifecycle rule', () => {
    const json = synthJson((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION));
    expect(onlyResource(json, 'tencentcloud_cos_bucket').lifecycle_rules).toBeUndefined();
  });

  test('the bucket fits the provider schema', () => {
    const json = synthJson((scope) => new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, reportExpirationDays: 30, bucketTags: { team: 'platform' } }));
    expect(schemaProblems(json)).toEqual([]);
  });
});

describe('cos.InventoryDestination: attributes', () => {
  test('the report prefix defaults to cos_bucket_inventory, as the COS console names it', () => {
    let destination!: cos.InventoryDestination;
    synth((scope) => {
      destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
    });
    expect(destination.reportPrefix).toBe('cos_bucket_inventory');
  });

  test('the APPID defaults to the -APPID suffix of the bucket name', () => {
    let destination!: cos.InventoryDestination;
    synth((scope) => {
      destination = new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, bucketName: 'reports-1300000000' });
    });
    expect(destination.appId).toBe('1300000000');
  });

  test('the owner UIN defaults to the tencentcloud_user_info data source, read once per stack', () => {
    let destination!: cos.InventoryDestination;
    const out = synth((scope) => {
      destination = new cos.InventoryDestination(scope, 'Dest', { bucketName: 'reports-1250000000', region: 'ap-guangzhou' });
      new cos.InventoryDestination(scope, 'Other', { bucketName: 'other-1250000000', region: 'ap-guangzhou' });
    });
    expect(out).toHaveDataSource(DataTencentcloudUserInfo);
    expect(Object.keys(JSON.parse(out).data.tencentcloud_user_info)).toEqual(['CosInventoryCurrentAccount']);
    expect(destination.ownerUin).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  test('a given owner UIN reads no data source', () => {
    const json = synthJson((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION));
    expect(json.data).toBeUndefined();
  });

  test('the service role defaults to the account\'s existing COS_QcsRole, with no CAM resources', () => {
    let destination!: cos.InventoryDestination;
    const out = synth((scope) => {
      destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
    });
    expect(destination.serviceRole.principal).toBe(COS_SERVICE_PRINCIPAL);
    expect(out).not.toHaveResource(CamRole);
  });

  test('policyOwner defaults to THIS_STACK', () => {
    let destination!: cos.InventoryDestination;
    synth((scope) => {
      destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
    });
    expect(destination.policyOwner).toBe(BucketPolicyOwner.THIS_STACK);
  });
});

describe('cos.InventoryDestination: the bucket policy', () => {
  test('a destination with no statements synthesizes no policy resource', () => {
    let destination!: cos.InventoryDestination;
    const out = synth((scope) => {
      destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
    });
    expect(out).not.toHaveResource(CosBucketPolicy);
    expect(destination.policy).toBeUndefined();
  });

  test('the first source creates the policy, on the bucket created here', () => {
    let destination!: cos.InventoryDestination;
    const out = synth((scope) => {
      destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      destination.allowInventoryReportsFrom({ bucketName: 'logs-1250000000' });
    });
    expect(out).toHaveResourceWithProperties(CosBucketPolicy, { bucket: '${tencentcloud_cos_bucket.Dest_Bucket_48F3BC68.bucket}' });
    expect(destination.policy).toBeDefined();
  });

  test('a source gets one statement letting COS_QcsRole put objects under its report path only', () => {
    const json = synthJson((scope) => {
      new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).allowInventoryReportsFrom({ bucketName: 'logs-1250000000' });
    });
    // The shape GET Bucket policy answers with, so the provider's read-back compares equal and the plan stays empty.
    expect(cosPolicyDocument(json)).toEqual({
      Statement: [{
        Principal: { qcs: [COS_SERVICE_PRINCIPAL] },
        Effect: 'allow',
        Action: ['name/cos:PutObject'],
        Resource: [cosResource('cos_bucket_inventory/1250000000/logs/*')],
      }],
      version: '2.0',
    });
    expect(onlyResource(json, 'tencentcloud_cos_bucket_policy')).toMatchSnapshot();
    expect(schemaProblems(json)).toEqual([]);
  });

  test('allowInventoryReportsFrom returns the source\'s report path: <prefix>/<appid>/<name without -appid>', () => {
    let path!: string;
    synth((scope) => {
      path = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).allowInventoryReportsFrom({ bucketName: 'logs-1300000000' });
    });
    expect(path).toBe('cos_bucket_inventory/1300000000/logs');
  });

  test('a source\'s own report prefix and APPID scope its statement', () => {
    let path!: string;
    const json = synthJson((scope) => {
      path = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION)
        .allowInventoryReportsFrom({ bucketName: 'logs-1250000000', appId: '1250000000', reportPrefix: 'audits' });
    });
    expect(path).toBe('audits/1250000000/logs');
    expect(cosPolicyDocument(json).Statement[0].Resource).toEqual([cosResource('audits/1250000000/logs/*')]);
  });

  test('granting the same source twice adds one statement', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      destination.allowInventoryReportsFrom({ bucketName: 'logs-1250000000' });
      destination.allowInventoryReportsFrom({ bucketName: 'logs-1250000000' });
    });
    expect(cosPolicyDocument(json).Statement).toHaveLength(1);
  });

  test('statements added with addToResourcePolicy are merged into the same policy', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      destination.addToResourcePolicy({
        principals: [READER],
        actions: ['name/cos:GetObject'],
        resources: [cosResource('cos_bucket_inventory/*')],
        conditions: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } },
        effect: PolicyEffect.ALLOW,
      });
      destination.allowInventoryReportsFrom({ bucketName: 'logs-1250000000' });
    });
    const document = cosPolicyDocument(json);
    expect(document.Statement).toHaveLength(2);
    expect(document.Statement).toContainEqual({
      Principal: { qcs: [READER] },
      Effect: 'allow',
      Action: ['name/cos:GetObject'],
      Resource: [cosResource('cos_bucket_inventory/*')],
      Condition: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } },
    });
  });

  test('a statement of your own creates the policy without any source', () => {
    const out = synth((scope) => {
      new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).addToResourcePolicy({
        principals: [READER], actions: ['name/cos:GetObject'], resources: [cosResource('*')], effect: PolicyEffect.DENY,
      });
    });
    expect(cosPolicyDocument(JSON.parse(out)).Statement).toEqual([
      { Principal: { qcs: [READER] }, Effect: 'deny', Action: ['name/cos:GetObject'], Resource: [cosResource('*')] },
    ]);
  });
});

describe('cos.InventoryDestination: grantRead', () => {
  test('lets a principal get and head the report objects under the report prefix', () => {
    const json = synthJson((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).grantRead(READER));
    expect(cosPolicyDocument(json).Statement).toContainEqual({
      Principal: { qcs: [READER] },
      Effect: 'allow',
      Action: ['name/cos:GetObject', 'name/cos:HeadObject'],
      Resource: [cosResource('cos_bucket_inventory/*')],
    });
  });

  test('lets a principal list the bucket only under the report prefix', () => {
    const json = synthJson((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).grantRead(READER));
    expect(cosPolicyDocument(json).Statement).toContainEqual({
      Principal: { qcs: [READER] },
      Effect: 'allow',
      Action: ['name/cos:GetBucket'],
      Resource: [cosResource('*')],
      Condition: { string_like: { 'cos:prefix': ['cos_bucket_inventory/*'] } },
    });
  });

  test('covers every report prefix a source uses', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      destination.allowInventoryReportsFrom({ bucketName: 'logs-1250000000', reportPrefix: 'audits' });
      destination.grantRead(READER);
    });
    const [, read, list] = cosPolicyDocument(json).Statement;
    expect(read.Resource).toEqual([cosResource('cos_bucket_inventory/*'), cosResource('audits/*')]);
    expect(list.Condition).toEqual({ string_like: { 'cos:prefix': ['cos_bucket_inventory/*', 'audits/*'] } });
  });

  test('several readers share the two statements, each named once', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      destination.grantRead(READER);
      destination.grantRead('qcs::cam::uin/100000000001:uin/100000000003');
      destination.grantRead(READER);
    });
    const statements = cosPolicyDocument(json).Statement;
    expect(statements).toHaveLength(2);
    for (const statement of statements) expect(statement.Principal.qcs).toEqual([READER, 'qcs::cam::uin/100000000001:uin/100000000003']);
  });

  test('an empty principal is refused', () => {
    expect(() => synth((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).grantRead(' '))).toThrow(
      '[test/Dest] grantRead(principal) = " ": must be a principal name',
    );
  });
});

describe('cos.InventoryDestination: policy owned elsewhere', () => {
  test('a created bucket whose policy is owned elsewhere synthesizes the bucket and no policy', () => {
    let destination!: cos.InventoryDestination;
    const out = synth((scope) => {
      destination = new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, policyOwner: BucketPolicyOwner.ELSEWHERE });
      destination.allowInventoryReportsFrom({ bucketName: 'logs-1250000000' });
    });
    expect(out).toHaveResource(CosBucket);
    expect(out).not.toHaveResource(CosBucketPolicy);
    expect(destination.policy).toBeUndefined();
  });

  test('policyJson is the document to merge into the policy owned elsewhere', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, policyOwner: BucketPolicyOwner.ELSEWHERE });
      new cos.BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000' });
      new TerraformOutput(scope, 'policy', { value: destination.policyJson });
    });
    expect(JSON.parse(json.output.policy.value).Statement).toEqual([expect.objectContaining({
      Resource: [cosResource('cos_bucket_inventory/1250000000/logs/*')],
    })]);
  });

  test('inventories on it wait for no policy resource, only for the bucket, which holds the ledger', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, policyOwner: BucketPolicyOwner.ELSEWHERE });
      new cos.BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000' });
    });
    expect(reconciler(json).depends_on).toEqual(['tencentcloud_cos_bucket.Dest_Bucket_48F3BC68']);
  });
});

describe('cos.InventoryDestination.fromBucketName', () => {
  test('synthesizes no bucket and no policy, however many sources report to it', () => {
    const out = synth((scope) => {
      const destination = cos.InventoryDestination.fromBucketName(scope, 'Dest', 'reports-1250000000', 'ap-guangzhou');
      new cos.BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000' });
    });
    expect(out).not.toHaveResource(CosBucket);
    expect(out).not.toHaveResource(CosBucketPolicy);
  });

  test('owns no policy: policyOwner is ELSEWHERE and policy is undefined', () => {
    let destination!: cos.IInventoryDestination;
    synth((scope) => {
      destination = cos.InventoryDestination.fromBucketName(scope, 'Dest', 'reports-1250000000', 'ap-guangzhou');
      destination.allowInventoryReportsFrom({ bucketName: 'logs-1250000000' });
    });
    expect(destination.policyOwner).toBe(BucketPolicyOwner.ELSEWHERE);
    expect(destination.policy).toBeUndefined();
  });

  test('reads the owner UIN from the tencentcloud_user_info data source', () => {
    const out = synth((scope) => {
      cos.InventoryDestination.fromBucketName(scope, 'Dest', 'reports-1250000000', 'ap-guangzhou');
    });
    expect(out).toHaveDataSource(DataTencentcloudUserInfo);
  });

  test('checks the bucket name like a created destination', () => {
    expect(() => synth((scope) => cos.InventoryDestination.fromBucketName(scope, 'Dest', 'reports', 'ap-guangzhou'))).toThrow(
      '[test/Dest] bucketName = "reports": must be <name>-<APPID>',
    );
  });
});

describe('cos.InventoryDestination.fromBucketAttributes', () => {
  const IMPORTED = { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001' };

  test('with policyOwner THIS_STACK synthesizes only the policy, on the bucket by name', () => {
    const json = synthJson((scope) => {
      const destination = cos.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...IMPORTED, policyOwner: BucketPolicyOwner.THIS_STACK });
      destination.allowInventoryReportsFrom({ bucketName: 'logs-1250000000' });
    });
    expect(Object.keys(json.resource)).toEqual(['tencentcloud_cos_bucket_policy']);
    expect(json.data).toBeUndefined();
    expect(onlyResource(json, 'tencentcloud_cos_bucket_policy').bucket).toBe('reports-1250000000');
    expect(schemaProblems(json)).toEqual([]);
  });

  test('with policyOwner THIS_STACK and no statements synthesizes nothing', () => {
    const json = synthJson((scope) => {
      cos.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...IMPORTED, policyOwner: BucketPolicyOwner.THIS_STACK });
    });
    expect(json.resource).toBeUndefined();
  });

  test('with policyOwner ELSEWHERE synthesizes nothing', () => {
    const json = synthJson((scope) => {
      const destination = cos.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...IMPORTED, policyOwner: BucketPolicyOwner.ELSEWHERE });
      destination.allowInventoryReportsFrom({ bucketName: 'logs-1250000000' });
      destination.grantRead(READER);
    });
    expect(json.resource).toBeUndefined();
    expect(json.data).toBeUndefined();
  });

  test('template syntax in a statement of your own stays literal text: Terraform does not evaluate it', () => {
    const json = synthJson((scope) => {
      const destination = cos.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...IMPORTED, policyOwner: BucketPolicyOwner.THIS_STACK });
      destination.addToResourcePolicy({ principals: [READER], actions: ['name/cos:GetObject'], resources: [cosResource('${path.cwd}/*')] });
    });
    expect(cosPolicyDocument(json).Statement[0].Resource).toEqual([cosResource('$${path.cwd}/*')]);
  });

  test('has no bucket options: report expiry, encryption and tags belong to a bucket created here, and are refused', () => {
    expect(() => synth((scope) => {
      cos.InventoryDestination.fromBucketAttributes(scope, 'Dest', {
        ...IMPORTED,
        policyOwner: BucketPolicyOwner.ELSEWHERE,
        // @ts-expect-error an imported bucket's lifecycle is not this stack's
        reportExpirationDays: 30,
      });
    })).toThrow('[test/Dest] reportExpirationDays = 30: is not a prop of cos.InventoryDestination: 1.0 takes it only for a bucket created with new InventoryDestination');
  });
});
