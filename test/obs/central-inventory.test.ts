import { Construct } from 'constructs';
import { ObsBucketPolicy } from '../../src/.gen/providers/huaweicloud/obs-bucket-policy';
import { InventoryFrequency, obs } from '../../src';
import { handlerConfigs, OBS_DESTINATION, obsPolicyDocument, reconciler } from '../support/build';
import { schemaProblems, synth } from '../support/synth';

/** A central inventory `Central` on a created destination, and what `more` adds to it. */
function build(props: Omit<obs.CentralInventoryProps, 'destination'>, more: (central: obs.CentralInventory) => void = () => {}) {
  let central!: obs.CentralInventory;
  const out = synth((scope: Construct) => {
    const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
    central = new obs.CentralInventory(scope, 'Central', { destination, ...props });
    more(central);
  });
  return { central, out, json: JSON.parse(out) };
}

function configOf(json: any, bucket: string): any {
  const configs = handlerConfigs(json).filter((config) => config.bucket === bucket);
  expect(configs).toHaveLength(1);
  return configs[0];
}

describe('obs.CentralInventory: sources', () => {
  test('sources sharing the report prefix share one statement in one policy', () => {
    const { json } = build({ sources: ['app-logs', 'user-media', 'archive'] });
    expect(Object.keys(json.resource.huaweicloud_obs_bucket_policy)).toHaveLength(1);
    expect(obsPolicyDocument(json).Statement.map((s: any) => s.Resource)).toEqual([['destbucket/BucketInventory/*']]);
  });

  test('one handler-managed config per source, with the shared settings', () => {
    const { json } = build({ sources: ['app-logs', 'user-media'], inventory: { frequency: InventoryFrequency.WEEKLY, optionalFields: [obs.InventoryField.SIZE] } });
    expect(handlerConfigs(json).map((c) => [c.bucket, c.id, c.frequency, c.optionalFields])).toEqual([
      ['app-logs', 'inventory-weekly', 'Weekly', ['Size']],
      ['user-media', 'inventory-weekly', 'Weekly', ['Size']],
    ]);
  });

  test('the stack fits the provider schemas', () => {
    const { json } = build({ sources: ['app-logs', 'user-media'] });
    expect(schemaProblems(json)).toEqual([]);
  });

  test('no sources: no inventories and no policy resource', () => {
    const { central, out } = build({});
    expect(central.inventories).toEqual([]);
    expect(out).not.toHaveResource(ObsBucketPolicy);
  });

  test('inventories lists one inventory per source, in the order added, under ids named after the buckets', () => {
    const { central } = build({ sources: ['user-media', 'app-logs'] }, (c) => c.addSource('archive'));
    expect(central.inventories.map((inventory) => inventory.node.path)).toEqual(['test/Central/user-media', 'test/Central/app-logs', 'test/Central/archive']);
  });

  test('a source added twice is refused, naming bucketName', () => {
    expect(() => build({ sources: ['app-logs'] }, (central) => central.addSource('app-logs'))).toThrow(
      '[test/Central] bucketName = "app-logs": is already a source of this inventory; add each source once',
    );
  });
});

describe('obs.CentralInventory.addSource', () => {
  const SHARED: obs.InventoryOptions = { frequency: InventoryFrequency.WEEKLY, optionalFields: [obs.InventoryField.SIZE], filter: { prefix: 'logs/' } };

  test('returns the source\'s inventory', () => {
    let added!: obs.BucketInventory;
    const { central } = build({ inventory: SHARED }, (c) => {
      added = c.addSource('archive');
    });
    expect(central.inventories).toEqual([added]);
    expect(added.reportPath).toBe('BucketInventory/archive/inventory-weekly');
  });

  test('an override wins for its field, the other fields keep the shared values', () => {
    const { json } = build({ inventory: SHARED, sources: ['app-logs'] }, (central) => central.addSource('archive', { filter: { prefix: 'cold/' } }));
    expect(configOf(json, 'archive')).toMatchObject({ frequency: 'Weekly', optionalFields: ['Size'], filter: { prefix: 'cold/' } });
    expect(configOf(json, 'app-logs')).toMatchObject({ filter: { prefix: 'logs/' } });
  });

  test('an override left undefined keeps the shared value', () => {
    const { json } = build({ inventory: SHARED }, (central) => central.addSource('archive', { frequency: undefined }));
    expect(configOf(json, 'archive').frequency).toBe('Weekly');
  });

  test('a report prefix override gets its own statement', () => {
    const { json } = build({ sources: ['app-logs'] }, (central) => central.addSource('archive', { reportPrefix: 'archive-reports' }));
    expect(obsPolicyDocument(json).Statement.map((s: any) => s.Resource)).toEqual([['destbucket/BucketInventory/*'], ['destbucket/archive-reports/*']]);
  });

  test('a filter the OBS rules refuse is refused for that source', () => {
    expect(() => build({}, (central) => central.addSource('archive', { filter: { createdAfter: 1704067200 } }))).toThrow(
      '[test/Central/archive] filter.createdAfter = 1704067200: OBS inventories filter by prefix only',
    );
  });
});

describe('obs.CentralInventory: handler options', () => {
  test('reach every config the handler puts', () => {
    const { json } = build({ sources: ['app-logs', 'user-media'], handler: { nodeExecutable: '/opt/node/bin/node', endpoint: { domain: '{Bucket}.obs.{Region}.internal.example' } } });
    expect(handlerConfigs(json)).toHaveLength(2);
    // One reconciler puts both: its reconcile and release runs.
    for (const { 'local-exec': exec } of reconciler(json).provisioner) {
      expect(exec.interpreter[0]).toBe('/opt/node/bin/node');
      expect(exec.environment.OBS_INVENTORY_DOMAIN).toBe('{Bucket}.obs.{Region}.internal.example');
    }
  });
});
