import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { ObsBucket } from '../src/.gen/providers/huaweicloud/obs-bucket';
import { InventoryFrequency, ObsBucketInventory, ObsBucketInventoryProps, ObsInventoryDestination, ObsInventoryDestinationProps, ObsInventoryField } from '../src';
import { schemaProblems, synth, synthJson } from './support/synth';

const DESTINATION: ObsInventoryDestinationProps = { bucketName: 'destbucket', region: 'cn-north-4' };

function build(inventories: Array<Partial<ObsBucketInventoryProps>>, destination: Partial<ObsInventoryDestinationProps> = {}) {
  return () => synthJson((scope) => {
    const dest = new ObsInventoryDestination(scope, 'Dest', { ...DESTINATION, ...destination });
    inventories.forEach((props, i) => new ObsBucketInventory(scope, `Inv${i}`, { destination: dest, bucketName: 'examplebucket', inventoryId: `id${i}`, ...props }));
  });
}

describe('ObsInventoryDestination and ObsBucketInventory', () => {
  test('a created private bucket without default encryption, one merged policy, handler-managed configs', () => {
    const json = build([
      { inventoryId: 'daily', prefix: 'logs/', optionalFields: [ObsInventoryField.SIZE, ObsInventoryField.ETAG] },
      { inventoryId: 'weekly', prefix: 'media/', frequency: InventoryFrequency.WEEKLY, reportPrefix: 'weekly-reports' },
    ])();
    expect(Object.values(json.resource.huaweicloud_obs_bucket)).toEqual([{ bucket: 'destbucket', region: 'cn-north-4', acl: 'private', force_destroy: false }]);
    const policies = Object.values(json.resource.huaweicloud_obs_bucket_policy) as any[];
    expect(policies).toHaveLength(1);
    expect(policies[0].policy_format).toBe('obs');
    expect(JSON.parse(policies[0].policy)).toEqual({
      Statement: [
        { Sid: 'obs-inventory-0', Effect: 'Allow', Principal: { Service: ['obs'] }, Action: ['PutObject'], Resource: ['destbucket/BucketInventory/*'] },
        { Sid: 'obs-inventory-1', Effect: 'Allow', Principal: { Service: ['obs'] }, Action: ['PutObject'], Resource: ['destbucket/weekly-reports/*'] },
      ],
    });
    const data = json.resource.terraform_data;
    const config = (Object.entries(data).find(([name]) => name.startsWith('Inv0_Managed_Config')) as any)[1].input.config;
    expect(config).toEqual({
      version: 1, service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', id: 'daily', enabled: true, frequency: 'Daily',
      includedObjectVersions: 'Current', optionalFields: ['Size', 'ETag'], filter: { prefix: 'logs/' },
      destination: { bucket: 'destbucket', prefix: 'BucketInventory' },
    });
    expect({ bucket: json.resource.huaweicloud_obs_bucket, policy: json.resource.huaweicloud_obs_bucket_policy }).toMatchSnapshot();
    expect(schemaProblems(json)).toEqual([]);
  });

  test('the owner deletes on destroy from what it stored on itself; the config puts on create', () => {
    const json = build([{ inventoryId: 'daily' }])();
    const [owner, config] = ['Owner', 'Config'].map((kind) => (Object.entries(json.resource.terraform_data).find(([name]) => name.includes(`_Managed_${kind}_`)) as any)[1]);
    expect(owner.input).toEqual({ target: { version: 1, service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', id: 'daily' } });
    expect(owner.provisioner[0]['local-exec']).toMatchObject({ when: 'destroy', command: 'delete', environment: { COS_INVENTORY_TARGET: '${jsonencode(self.input.target)}' } });
    expect(config.provisioner[0]['local-exec']).toMatchObject({ command: 'put', environment: { COS_INVENTORY_CONFIG: '${jsonencode(self.input.config)}' } });
    expect(config.provisioner[0]['local-exec'].when).toBeUndefined();
    expect(config.depends_on).toEqual([expect.stringMatching(/^terraform_data\.Inv0_Managed_Owner_/)]);
    expect(owner.depends_on).toEqual([expect.stringMatching(/^huaweicloud_obs_bucket_policy\.Dest_Policy_/)]);
  });

  describe('OBS rules', () => {
    test('at most 10 configs per bucket', () => {
      const eleven = Array.from({ length: 11 }, (_, i) => ({ prefix: `p${i}/` }));
      expect(build(eleven)).toThrow('[test/Inv10] bucketName = "examplebucket": has 10 inventory configs already; OBS allows at most 10 per bucket (InventoryCountOverLimit)');
    });

    test('ids of at most 64 letters, digits, - . _ and unique per bucket', () => {
      expect(build([{ inventoryId: 'x'.repeat(65) }])).toThrow(`[test/Inv0] inventoryId = "${'x'.repeat(65)}": must be at most 64 characters (it has 65)`);
      expect(build([{ inventoryId: 'bad id' }])).toThrow('[test/Inv0] inventoryId = "bad id": must use only the characters a-z A-Z 0-9 - _ . and not be empty');
      expect(build([{ inventoryId: 'same', prefix: 'a/' }, { inventoryId: 'same', prefix: 'b/' }])).toThrow('[test/Inv1] inventoryId = "same": is already used on bucket examplebucket by test/Inv0');
    });

    test('prefixes must not contain each other; a config without prefix excludes all others', () => {
      expect(build([{ prefix: 'logs/' }, { prefix: 'logs/2024/' }])).toThrow(
        '[test/Inv1] prefix = "logs/2024/": overlaps the prefix "logs/" of test/Inv0 on bucket examplebucket: OBS refuses prefixes that contain each other, and a config without prefix overlaps all (PrefixExistInclusionRelationship)',
      );
      expect(build([{ prefix: 'logs/' }, {}])).toThrow('[test/Inv1] prefix = null: overlaps the prefix "logs/" of test/Inv0');
      expect(build([{ prefix: 'logs/' }, { prefix: 'media/' }])).not.toThrow();
    });

    test('CSV only', () => {
      expect(build([{ format: 'Parquet' }])).toThrow('[test/Inv0] format = "Parquet": OBS inventories support only CSV');
    });

    test('only the OBS optional fields', () => {
      expect(build([{ optionalFields: ['StorageClass'] }])).toThrow('[test/Inv0] optionalFields[0] = "StorageClass": must be one of Size, LastModifiedDate, ETag, IsMultipartUploaded, ReplicationStatus');
    });

    test('source and destination in the same region', () => {
      expect(build([{ region: 'cn-south-1' }])).toThrow('[test/Inv0] region = "cn-south-1": must equal the destination bucket\'s region "cn-north-4"');
    });

    test('the destination must not use default encryption', () => {
      expect(() => synth((scope) => {
        new ObsBucket(scope, 'Encrypted', { bucket: 'destbucket', encryption: true });
        const destination = new ObsInventoryDestination(scope, 'Dest', { ...DESTINATION, existingBucket: true });
        new ObsBucketInventory(scope, 'Inv', { destination, bucketName: 'examplebucket', inventoryId: 'a' });
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
        const destination = new ObsInventoryDestination(scope, 'Dest', { ...DESTINATION, existingBucket: true });
        new ObsBucketInventory(scope, 'Inv', { destination, bucketName: 'examplebucket', inventoryId: 'a' });
      })).toThrow('[test/Dest] bucketName = "destbucket": is declared by test/Mine with default encryption');
    });

    test('OBS bucket names', () => {
      expect(build([{ bucketName: 'Bad_Bucket' }])).toThrow('[test/Inv0] bucketName = "Bad_Bucket": must be 3-63 lowercase letters, digits, hyphens and periods');
    });

    test('a managed policy needs at least one inventory', () => {
      expect(build([])).toThrow('[test/Dest] managePolicy = true: no ObsBucketInventory reports here, so the bucket policy would have no statement');
    });
  });
});
