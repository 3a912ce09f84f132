import { TerraformOutput, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { ObsBucket } from '../../src/.gen/providers/huaweicloud/obs-bucket';
import { ObsBucketPolicy } from '../../src/.gen/providers/huaweicloud/obs-bucket-policy';
import { BucketPolicyOwner, obs, PolicyEffect } from '../../src';
import { OBS_DESTINATION, obsPolicyDocument, reconciler } from '../support/build';
import { onlyResource, schemaProblems, synth, synthJson } from '../support/synth';

const READER = 'domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f';

/** The statement letting the OBS service write reports under some prefixes. */
function reportWrite(sid: string, resources: string[]) {
  return { Sid: sid, Effect: 'Allow', Principal: { Service: ['obs'] }, Action: ['PutObject'], Resource: resources };
}

describe('obs.InventoryDestination: the bucket', () => {
  test('is private, without default encryption, and kept with its reports on destroy', () => {
    const out = synth((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION));
    expect(out).toHaveResourceWithProperties(ObsBucket, { bucket: 'destbucket', region: 'cn-north-4', acl: 'private', force_destroy: false });
    // OBS writes no inventory into a bucket with default encryption.
    expect(onlyResource(JSON.parse(out), 'huaweicloud_obs_bucket')).toEqual({ bucket: 'destbucket', region: 'cn-north-4', acl: 'private', force_destroy: false });
  });

  test('the bucket resource', () => {
    const json = synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION));
    expect(onlyResource(json, 'huaweicloud_obs_bucket')).toMatchSnapshot();
  });

  test('forceDestroy lets terraform destroy delete the bucket with its reports', () => {
    const out = synth((scope) => new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, forceDestroy: true }));
    expect(out).toHaveResourceWithProperties(ObsBucket, { force_destroy: true });
  });

  test('bucketTags tag the bucket itself', () => {
    const out = synth((scope) => new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, bucketTags: { team: 'platform' } }));
    expect(out).toHaveResourceWithProperties(ObsBucket, { tags: { team: 'platform' } });
  });

  test('report expiry becomes a lifecycle rule on the report prefix', () => {
    const out = synth((scope) => new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, reportPrefix: 'inv', reportExpirationDays: 30 }));
    expect(out).toHaveResourceWithProperties(ObsBucket, {
      lifecycle_rule: [{ name: 'expire-inventory-reports', enabled: true, prefix: 'inv/', expiration: [{ days: 30 }] }],
    });
  });

  test('report expiry covers every report prefix in use: one rule per inventory reportPrefix', () => {
    const json = synthJson((scope) => {
      const destination = new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, reportPrefix: 'inv', reportExpirationDays: 30 });
      new obs.BucketInventory(scope, 'Default', { destination, bucketName: 'logs' });
      new obs.BucketInventory(scope, 'Audit', { destination, bucketName: 'media', reportPrefix: 'audit' });
    });
    expect(onlyResource(json, 'huaweicloud_obs_bucket').lifecycle_rule).toEqual([
      { name: 'expire-inventory-reports', enabled: true, prefix: 'inv/', expiration: [{ days: 30 }] },
      { name: 'expire-inventory-reports-audit', enabled: true, prefix: 'audit/', expiration: [{ days: 30 }] },
    ]);
  });

  test('report expiry is a whole number of days', () => {
    expect(() => synth((scope) => new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, reportExpirationDays: 1.5 }))).toThrow(
      '[test/Dest] reportExpirationDays = 1.5: must be a whole number of days, 1 or more',
    );
  });

  test('the bucket fits the provider schema', () => {
    const json = synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, reportExpirationDays: 30, bucketTags: { team: 'platform' } }));
    expect(schemaProblems(json)).toEqual([]);
  });
});

describe('obs.InventoryDestination: attributes', () => {
  test('the report prefix defaults to BucketInventory, the name OBS itself gives reports', () => {
    let destination!: obs.InventoryDestination;
    synth((scope) => {
      destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
    });
    expect(destination.reportPrefix).toBe('BucketInventory');
  });

  test('policyOwner defaults to THIS_STACK', () => {
    let destination!: obs.InventoryDestination;
    synth((scope) => {
      destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
    });
    expect(destination.policyOwner).toBe(BucketPolicyOwner.THIS_STACK);
  });
});

describe('obs.InventoryDestination: the bucket policy', () => {
  test('a destination with no statements synthesizes no policy resource', () => {
    let destination!: obs.InventoryDestination;
    const out = synth((scope) => {
      destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
    });
    expect(out).not.toHaveResource(ObsBucketPolicy);
    expect(destination.policy).toBeUndefined();
  });

  test('the first source creates the policy, in OBS format, on the bucket created here', () => {
    const out = synth((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).allowInventoryReportsFrom({ bucketName: 'examplebucket' }));
    expect(out).toHaveResourceWithProperties(ObsBucketPolicy, {
      bucket: '${huaweicloud_obs_bucket.Dest_Bucket_48F3BC68.bucket}', region: 'cn-north-4', policy_format: 'obs',
    });
  });

  test('a report prefix gets one statement letting the OBS service put objects under it only', () => {
    const json = synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).allowInventoryReportsFrom({ bucketName: 'examplebucket' }));
    expect(obsPolicyDocument(json)).toEqual({ Statement: [reportWrite('obs-inventory-0', ['destbucket/BucketInventory/*'])] });
    expect(onlyResource(json, 'huaweicloud_obs_bucket_policy')).toMatchSnapshot();
    expect(schemaProblems(json)).toEqual([]);
  });

  test('sources sharing a report prefix share its statement', () => {
    const json = synthJson((scope) => {
      const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
      destination.allowInventoryReportsFrom({ bucketName: 'examplebucket' });
      destination.allowInventoryReportsFrom({ bucketName: 'otherbucket' });
    });
    expect(obsPolicyDocument(json).Statement).toHaveLength(1);
  });

  test('each report prefix in use gets its own statement', () => {
    const json = synthJson((scope) => {
      const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
      destination.allowInventoryReportsFrom({ bucketName: 'examplebucket' });
      destination.allowInventoryReportsFrom({ bucketName: 'otherbucket', reportPrefix: 'weekly-reports' });
    });
    expect(obsPolicyDocument(json)).toEqual({
      Statement: [
        reportWrite('obs-inventory-0', ['destbucket/BucketInventory/*']),
        reportWrite('obs-inventory-1', ['destbucket/weekly-reports/*']),
      ],
    });
  });

  test('allowInventoryReportsFrom returns the source\'s report path: <prefix>/<source bucket>', () => {
    let paths!: string[];
    synth((scope) => {
      const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
      paths = [
        destination.allowInventoryReportsFrom({ bucketName: 'examplebucket' }),
        destination.allowInventoryReportsFrom({ bucketName: 'otherbucket', reportPrefix: 'weekly-reports' }),
      ];
    });
    expect(paths).toEqual(['BucketInventory/examplebucket', 'weekly-reports/otherbucket']);
  });
});

describe('obs.InventoryDestination.addToResourcePolicy', () => {
  test('adds an Allow statement naming its principals by ID', () => {
    const json = synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).addToResourcePolicy({
      principals: [READER], actions: ['GetObject'], resources: ['destbucket/shared/*'],
    }));
    expect(obsPolicyDocument(json).Statement).toEqual([
      { Effect: 'Allow', Principal: { ID: [READER] }, Action: ['GetObject'], Resource: ['destbucket/shared/*'] },
    ]);
  });

  test('a deny statement has Effect Deny', () => {
    const json = synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).addToResourcePolicy({
      principals: [READER], actions: ['DeleteObject'], resources: ['destbucket/*'], effect: PolicyEffect.DENY,
    }));
    expect(obsPolicyDocument(json).Statement[0].Effect).toBe('Deny');
  });

  test('conditions are kept as given', () => {
    const json = synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).addToResourcePolicy({
      principals: [READER], actions: ['GetObject'], resources: ['destbucket/shared/*'], conditions: { IpAddress: { SourceIp: ['10.0.0.0/8'] } },
    }));
    expect(obsPolicyDocument(json).Statement[0].Condition).toEqual({ IpAddress: { SourceIp: ['10.0.0.0/8'] } });
  });

  test('statements of your own follow the report writes in the same policy', () => {
    const json = synthJson((scope) => {
      const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
      destination.addToResourcePolicy({ principals: [READER], actions: ['GetObject'], resources: ['destbucket/shared/*'] });
      destination.allowInventoryReportsFrom({ bucketName: 'examplebucket' });
    });
    expect(obsPolicyDocument(json).Statement.map((s: any) => s.Sid ?? s.Principal.ID[0])).toEqual(['obs-inventory-0', READER]);
  });

  test('a statement with no actions is refused', () => {
    expect(() => synth((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).addToResourcePolicy({
      principals: [READER], actions: [], resources: ['destbucket/*'],
    }))).toThrow('[test/Dest] addToResourcePolicy(statement 0).actions = []: must not be empty');
  });
});

describe('obs.InventoryDestination.grantRead', () => {
  test('lets a principal get the report objects under the report prefix', () => {
    const json = synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).grantRead(READER));
    expect(obsPolicyDocument(json).Statement).toContainEqual({
      Effect: 'Allow', Principal: { ID: [READER] }, Action: ['GetObject'], Resource: ['destbucket/BucketInventory/*'],
    });
  });

  test('lets a principal list the bucket only under the report prefix', () => {
    const json = synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).grantRead(READER));
    expect(obsPolicyDocument(json).Statement).toContainEqual({
      Effect: 'Allow', Principal: { ID: [READER] }, Action: ['ListBucket'], Resource: ['destbucket'],
      Condition: { StringLike: { prefix: ['BucketInventory/*'] } },
    });
  });

  test('covers every report prefix a source uses', () => {
    const json = synthJson((scope) => {
      const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
      destination.allowInventoryReportsFrom({ bucketName: 'examplebucket', reportPrefix: 'weekly-reports' });
      destination.grantRead(READER);
    });
    const [, read, list] = obsPolicyDocument(json).Statement;
    expect(read.Resource).toEqual(['destbucket/BucketInventory/*', 'destbucket/weekly-reports/*']);
    expect(list.Condition).toEqual({ StringLike: { prefix: ['BucketInventory/*', 'weekly-reports/*'] } });
  });

  test('an empty principal is refused', () => {
    expect(() => synth((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).grantRead(''))).toThrow(
      '[test/Dest] grantRead(principal) = "": must be a principal name',
    );
  });
});

describe('obs.InventoryDestination: policy owned elsewhere', () => {
  test('a created bucket whose policy is owned elsewhere synthesizes the bucket and no policy', () => {
    const out = synth((scope) => {
      new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, policyOwner: BucketPolicyOwner.ELSEWHERE }).allowInventoryReportsFrom({ bucketName: 'examplebucket' });
    });
    expect(out).toHaveResource(ObsBucket);
    expect(out).not.toHaveResource(ObsBucketPolicy);
  });

  test('policyJson is the document to merge into the policy owned elsewhere', () => {
    const json = synthJson((scope) => {
      const destination = obs.InventoryDestination.fromBucketName(scope, 'Dest', 'destbucket', 'cn-north-4');
      destination.allowInventoryReportsFrom({ bucketName: 'examplebucket' });
      new TerraformOutput(scope, 'policy', { value: destination.policyJson });
    });
    expect(JSON.parse(json.output.policy.value)).toEqual({ Statement: [reportWrite('obs-inventory-0', ['destbucket/BucketInventory/*'])] });
  });
});

describe('obs.InventoryDestination.fromBucketName', () => {
  test('synthesizes no bucket and no policy, however many sources report to it', () => {
    const out = synth((scope) => {
      const destination = obs.InventoryDestination.fromBucketName(scope, 'Dest', 'destbucket', 'cn-north-4');
      new obs.BucketInventory(scope, 'Inv', { destination, bucketName: 'examplebucket' });
    });
    expect(out).not.toHaveResource(ObsBucket);
    expect(out).not.toHaveResource(ObsBucketPolicy);
  });

  test('owns no policy: policyOwner is ELSEWHERE and policy is undefined', () => {
    let destination!: obs.IInventoryDestination;
    synth((scope) => {
      destination = obs.InventoryDestination.fromBucketName(scope, 'Dest', 'destbucket', 'cn-north-4');
      destination.allowInventoryReportsFrom({ bucketName: 'examplebucket' });
    });
    expect(destination.policyOwner).toBe(BucketPolicyOwner.ELSEWHERE);
    expect(destination.policy).toBeUndefined();
  });

  test('inventories on it wait for no policy resource', () => {
    const json = synthJson((scope) => {
      const destination = obs.InventoryDestination.fromBucketName(scope, 'Dest', 'destbucket', 'cn-north-4');
      new obs.BucketInventory(scope, 'Inv', { destination, bucketName: 'examplebucket' });
    });
    expect(reconciler(json).depends_on).toBeUndefined();
  });
});

describe('obs.InventoryDestination.fromBucketAttributes', () => {
  test('with policyOwner THIS_STACK synthesizes only the policy, on the bucket by name', () => {
    const json = synthJson((scope) => {
      obs.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...OBS_DESTINATION, policyOwner: BucketPolicyOwner.THIS_STACK })
        .allowInventoryReportsFrom({ bucketName: 'examplebucket' });
    });
    expect(Object.keys(json.resource)).toEqual(['huaweicloud_obs_bucket_policy']);
    expect(onlyResource(json, 'huaweicloud_obs_bucket_policy')).toMatchObject({ bucket: 'destbucket', region: 'cn-north-4', policy_format: 'obs' });
    expect(schemaProblems(json)).toEqual([]);
  });

  test('with policyOwner THIS_STACK and no statements synthesizes nothing', () => {
    const json = synthJson((scope) => {
      obs.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...OBS_DESTINATION, policyOwner: BucketPolicyOwner.THIS_STACK });
    });
    expect(json.resource).toBeUndefined();
  });

  test('with policyOwner ELSEWHERE synthesizes nothing', () => {
    const json = synthJson((scope) => {
      const destination = obs.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...OBS_DESTINATION, policyOwner: BucketPolicyOwner.ELSEWHERE });
      destination.allowInventoryReportsFrom({ bucketName: 'examplebucket' });
      destination.grantRead(READER);
    });
    expect(json.resource).toBeUndefined();
  });
});

describe('obs.InventoryDestination: default encryption', () => {
  test('a bucket declared in the stack under the destination\'s name must not use default encryption', () => {
    expect(() => synth((scope) => {
      new ObsBucket(scope, 'Encrypted', { bucket: 'destbucket', encryption: true });
      const destination = obs.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...OBS_DESTINATION, policyOwner: BucketPolicyOwner.THIS_STACK });
      new obs.BucketInventory(scope, 'Inv', { destination, bucketName: 'examplebucket' });
    })).toThrow('[test/Dest] bucketName = "destbucket": is declared by test/Encrypted with default encryption; OBS writes no inventory into a destination bucket with default encryption');
  });

  test('a bucket declared with bindings of your own (cdktf get) is recognised by its Terraform type', () => {
    /** What `cdktf get` generates for huaweicloud_obs_bucket, reduced to what matters: another class, same type. */
    class UserObsBucket extends TerraformResource {
      constructor(scope: Construct, id: string, private readonly config: { bucket: string; sseAlgorithm?: string }) {
        super(scope, id, { terraformResourceType: 'huaweicloud_obs_bucket' });
      }

      protected synthesizeAttributes() {
        return { bucket: this.config.bucket, sse_algorithm: this.config.sseAlgorithm };
      }
    }
    expect(() => synth((scope) => {
      new UserObsBucket(scope, 'Mine', { bucket: 'destbucket', sseAlgorithm: 'kms' });
      const destination = obs.InventoryDestination.fromBucketName(scope, 'Dest', 'destbucket', 'cn-north-4');
      new obs.BucketInventory(scope, 'Inv', { destination, bucketName: 'examplebucket' });
    })).toThrow('[test/Dest] bucketName = "destbucket": is declared by test/Mine with default encryption');
  });

  test('an unencrypted bucket of the same name is accepted', () => {
    expect(() => synth((scope) => {
      new ObsBucket(scope, 'Plain', { bucket: 'destbucket' });
      obs.InventoryDestination.fromBucketName(scope, 'Dest', 'destbucket', 'cn-north-4').allowInventoryReportsFrom({ bucketName: 'examplebucket' });
    })).not.toThrow();
  });
});

describe('obs.InventoryDestination: rules', () => {
  test('the bucket name follows the OBS naming rules', () => {
    expect(() => synth((scope) => new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, bucketName: 'Dest_Bucket' }))).toThrow(
      '[test/Dest] bucketName = "Dest_Bucket": must be 3-63 lowercase letters, digits, hyphens and periods',
    );
  });

  test('the report prefix has no trailing slash', () => {
    expect(() => synth((scope) => new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, reportPrefix: 'reports/' }))).toThrow(
      '[test/Dest] reportPrefix = "reports/": must not end with "/"',
    );
  });
});
