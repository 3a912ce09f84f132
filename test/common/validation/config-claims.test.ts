// The periodic configs a stack declares on each bucket: what the service would refuse or silently merge.
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { cos, obs } from '../../../src';
import { COS_DESTINATION, OBS_DESTINATION, problemsThrownBy } from '../../support/build';
import { synth } from '../../support/synth';

/** OBS inventories `Inv0`, `Inv1`, … on one bucket, each with its own id unless told otherwise. */
function obsInventories(inventories: Array<Partial<obs.BucketInventoryProps>>) {
  return () => synth((scope: Construct) => {
    const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
    inventories.forEach((props, i) => new obs.BucketInventory(scope, `Inv${i}`, { destination, bucketName: 'examplebucket', inventoryId: `id${i}`, ...props }));
  });
}

describe('rule: inventory ids are unique per bucket (COS)', () => {
  test('refuses the same id twice on one bucket, naming the first owner', () => {
    expect(() => synth((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.BucketInventory(scope, 'First', { destination, bucketName: 'logs-1250000000', inventoryId: 'audit' });
      new cos.BucketInventory(scope, 'Second', { destination, bucketName: 'logs-1250000000', inventoryId: 'audit' });
    })).toThrow('[test/Second] inventoryId = "audit": is already used on bucket logs-1250000000 by test/First; ids must be unique per bucket');
  });

  test('refuses two default ids of one frequency on one bucket', () => {
    expect(() => synth((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.BucketInventory(scope, 'First', { destination, bucketName: 'logs-1250000000' });
      new cos.BucketInventory(scope, 'Second', { destination, bucketName: 'logs-1250000000', filter: { prefix: 'other/' } });
    })).toThrow('[test/Second] inventoryId = "inventory-daily": is already used on bucket logs-1250000000 by test/First');
  });

  test('allows the same id on two buckets', () => {
    expect(() => synth((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.BucketInventory(scope, 'A', { destination, bucketName: 'logs-1250000000', inventoryId: 'audit' });
      new cos.BucketInventory(scope, 'B', { destination, bucketName: 'media-1250000000', inventoryId: 'audit' });
    })).not.toThrow();
  });

  test('allows the same id on one bucket in two stacks', () => {
    const inventory = () => synth((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.BucketInventory(scope, 'A', { destination, bucketName: 'logs-1250000000', inventoryId: 'audit' });
    });
    expect(inventory).not.toThrow();
    expect(inventory).not.toThrow();
  });

  test('does not compare ids Terraform resolves later', () => {
    expect(() => synth((scope) => {
      const id = new TerraformVariable(scope, 'id', { type: 'string' }).stringValue;
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.BucketInventory(scope, 'A', { destination, bucketName: 'logs-1250000000', inventoryId: id });
      new cos.BucketInventory(scope, 'B', { destination, bucketName: 'logs-1250000000', inventoryId: id });
    })).not.toThrow();
  });

  test('COS has no limit on configs per bucket and no prefix overlap rule', () => {
    expect(() => synth((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      for (let i = 0; i < 11; i++) new cos.BucketInventory(scope, `Inv${i}`, { destination, bucketName: 'logs-1250000000', inventoryId: `id${i}`, filter: { prefix: 'logs/' } });
    })).not.toThrow();
  });
});

describe('rule: OBS configs on one bucket', () => {
  test('ids are unique per bucket', () => {
    expect(obsInventories([{ inventoryId: 'same', filter: { prefix: 'a/' } }, { inventoryId: 'same', filter: { prefix: 'b/' } }])).toThrow(
      '[test/Inv1] inventoryId = "same": is already used on bucket examplebucket by test/Inv0; ids must be unique per bucket',
    );
  });

  test('two default-id configs of one frequency clash', () => {
    expect(obsInventories([{ inventoryId: undefined, filter: { prefix: 'a/' } }, { inventoryId: undefined, filter: { prefix: 'b/' } }])).toThrow(
      '[test/Inv1] inventoryId = "inventory-daily": is already used on bucket examplebucket by test/Inv0',
    );
  });

  test('at most 10 configs per bucket', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => ({ filter: { prefix: `p${i}/` } }));
    expect(obsInventories(eleven)).toThrow(
      '[test/Inv10] bucketName = "examplebucket": has 10 inventory configs already; OBS allows at most 10 per bucket (InventoryCountOverLimit)',
    );
  });

  test('10 configs on a bucket are accepted', () => {
    expect(obsInventories(Array.from({ length: 10 }, (_, i) => ({ filter: { prefix: `p${i}/` } })))).not.toThrow();
  });

  test('prefixes must not contain each other', () => {
    expect(obsInventories([{ filter: { prefix: 'logs/' } }, { filter: { prefix: 'logs/2024/' } }])).toThrow(
      '[test/Inv1] filter.prefix = "logs/2024/": overlaps the prefix "logs/" of test/Inv0 on bucket examplebucket: OBS refuses prefixes that contain each other, and a config without prefix overlaps all (PrefixExistInclusionRelationship)',
    );
  });

  test('a config without prefix overlaps every other', () => {
    expect(obsInventories([{ filter: { prefix: 'logs/' } }, {}])).toThrow('[test/Inv1] filter.prefix = null: overlaps the prefix "logs/" of test/Inv0');
  });

  test('an overlap is reported under filter.prefix, the prop it is set with', () => {
    expect(problemsThrownBy(obsInventories([{ filter: { prefix: 'logs/' } }, { filter: { prefix: 'logs/2024/' } }])).map((p) => p.field)).toEqual(['filter.prefix']);
  });

  test('disjoint prefixes are accepted', () => {
    expect(obsInventories([{ filter: { prefix: 'logs/' } }, { filter: { prefix: 'media/' } }])).not.toThrow();
  });

  test('prefixes Terraform resolves later are not compared', () => {
    expect(() => synth((scope) => {
      const prefix = new TerraformVariable(scope, 'prefix', { type: 'string' }).stringValue;
      const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
      new obs.BucketInventory(scope, 'A', { destination, bucketName: 'examplebucket', inventoryId: 'a', filter: { prefix: 'logs/' } });
      new obs.BucketInventory(scope, 'B', { destination, bucketName: 'examplebucket', inventoryId: 'b', filter: { prefix } });
    })).not.toThrow();
  });

  test('the same id on two buckets is accepted', () => {
    expect(() => synth((scope) => {
      const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
      new obs.BucketInventory(scope, 'A', { destination, bucketName: 'bucket-a' });
      new obs.BucketInventory(scope, 'B', { destination, bucketName: 'bucket-b' });
    })).not.toThrow();
  });
});

describe('rule: claims are per service', () => {
  test('a COS and an OBS bucket of the same name do not share ids', () => {
    expect(() => synth((scope) => {
      const cosDestination = new cos.InventoryDestination(scope, 'CosDest', COS_DESTINATION);
      const obsDestination = new obs.InventoryDestination(scope, 'ObsDest', OBS_DESTINATION);
      new cos.BucketInventory(scope, 'Cos', { destination: cosDestination, bucketName: 'logs-1250000000', inventoryId: 'audit' });
      new obs.BucketInventory(scope, 'Obs', { destination: obsDestination, bucketName: 'logs-1250000000', inventoryId: 'audit' });
    })).not.toThrow();
  });
});
