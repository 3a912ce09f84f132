import { cos, obs } from '../../src';
import { COS_DESTINATION, OBS_DESTINATION, reconciler } from '../support/build';
import { schemaProblems, synthJson } from '../support/synth';

/** What the provider resource sends exactly: it puts the config, the reconciler only records it. */
const PROVIDER_EXACT: Partial<cos.BucketInventoryProps> = { encryptReports: false, filter: { prefix: 'photos/' }, optionalFields: [cos.InventoryField.SIZE] };

describe('DestinationConfigs: a destination with no config', () => {
  test('is a removed block for the reconciler\'s address, whose destroy-time provisioner releases what a previous apply put', () => {
    const json = synthJson((scope) => {
      new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
    });
    expect(json.resource.terraform_data).toBeUndefined();
    expect(json.removed).toEqual([{
      from: 'terraform_data.Dest_InventoryConfigs_Reconciler_A16E3694',
      lifecycle: { destroy: true },
      provisioner: [{
        'local-exec': {
          command: 'release', when: 'destroy', interpreter: ['node', expect.stringMatching(/index\.js$/)],
          environment: { INVENTORY_RECONCILE: '${jsonencode(merge(self.input.reconcile, { configs = {}, provider = {} }))}', INVENTORY_GENERATION: '${self.id}', INVENTORY_KEEP: '[]' },
        },
      }],
    }]);
    expect(schemaProblems(json)).toEqual([]);
  });

  test('an OBS one too', () => {
    const json = synthJson((scope) => {
      new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
    });
    expect(json.removed).toEqual([expect.objectContaining({ from: 'terraform_data.Dest_InventoryConfigs_Reconciler_A16E3694', lifecycle: { destroy: true } })]);
  });
});

describe('DestinationConfigs: several destinations and paths', () => {
  test('each destination reconciles its own configs, and keeps what the rest of the stack declares of the same service', () => {
    const json = synthJson((scope) => {
      const a = new cos.InventoryDestination(scope, 'A', COS_DESTINATION);
      const b = new cos.InventoryDestination(scope, 'B', { ...COS_DESTINATION, bucketName: 'other-1250000000' });
      new obs.BucketInventory(scope, 'Obs', { destination: new obs.InventoryDestination(scope, 'O', OBS_DESTINATION), bucketName: 'examplebucket' });
      new cos.BucketInventory(scope, 'Logs', { destination: a, bucketName: 'logs-1250000000' });
      new cos.BucketInventory(scope, 'Media', { destination: b, bucketName: 'media-1250000000' });
      new cos.BucketInventory(scope, 'Photos', { destination: b, bucketName: 'photos-1250000000', ...PROVIDER_EXACT });
    });
    const keep = (destination: string) => JSON.parse(reconciler(json, destination).provisioner[0]['local-exec'].environment.INVENTORY_KEEP);
    expect(Object.keys(reconciler(json, 'A').input.reconcile.configs)).toEqual(['logs-1250000000/inventory-daily']);
    expect(Object.keys(reconciler(json, 'B').input.reconcile.configs)).toEqual(['media-1250000000/inventory-daily']);
    expect(Object.keys(reconciler(json, 'B').input.reconcile.provider)).toEqual(['photos-1250000000/inventory-daily']);
    expect(keep('A')).toEqual(['media-1250000000/inventory-daily', 'photos-1250000000/inventory-daily']);
    expect(keep('B')).toEqual(['logs-1250000000/inventory-daily']);
    expect(keep('O')).toEqual([]);
  });

  test('configs of one destination must share handler options: one handler run reconciles them', () => {
    expect(() => synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.BucketInventory(scope, 'Logs', { destination, bucketName: 'logs-1250000000' });
      new cos.BucketInventory(scope, 'Media', { destination, bucketName: 'media-1250000000', handler: { nodeExecutable: '/opt/node' } });
    })).toThrow(/\[test\/Media\] handler = .*: differs from the handler options of test\/Logs: one handler run reconciles every config of a destination/);
  });

  test('a stack of only provider-managed configs still has the reconciler, which checks ownership before the provider puts', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.BucketInventory(scope, 'Photos', { destination, bucketName: 'photos-1250000000', ...PROVIDER_EXACT, adoptExisting: true });
    });
    expect(reconciler(json).input.reconcile).toMatchObject({ configs: {}, adopt: ['photos-1250000000/inventory-daily'] });
  });
});

describe('DestinationConfigs: a thousand configs', () => {
  test('reach the handler in slices of the config map, none near the 128 KiB limit of one environment string', () => {
    const json = synthJson((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.CentralInventory(scope, 'Central', { destination, sources: Array.from({ length: 1000 }, (_, i) => `source-${i}-1250000000`) });
    });
    const environment = reconciler(json).provisioner[0]['local-exec'].environment;
    const slices = Object.keys(environment).filter((name) => name.startsWith('INVENTORY_RECONCILE_CONFIGS_'));
    expect(slices.length).toBeGreaterThan(1);
    // Consecutive ranges of the sorted keys, from 0 to all of them.
    const ranges = slices.map((name) => /slice\(keys\(self\.input\.reconcile\.configs\), (\d+), (\d+)\)/.exec(environment[name])!.slice(1).map(Number));
    expect(ranges[0][0]).toBe(0);
    ranges.slice(1).forEach(([start], i) => expect(start).toBe(ranges[i][1]));
    expect(ranges[ranges.length - 1][1]).toBe(1000);
    const configs = Object.entries<any>(reconciler(json).input.reconcile.configs).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [start, end] of ranges) expect(Buffer.byteLength(JSON.stringify(Object.fromEntries(configs.slice(start, end))))).toBeLessThan(100 * 1024);
  });
});
