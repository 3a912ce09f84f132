// Reconcile and release of a destination's configs with their ledger: the handler's own COS client against the fake
// COS and esdk-obs-nodejs against the fake OBS (both verify every signature), for the configs and the ledger object.
import { createCosClient } from '../../src/handler/cos-client';
import { createCosInventoryConfigApi } from '../../src/handler/cos-config-api';
import { ledgerStore } from '../../src/handler/ledger-store';
import { createObsInventoryConfigApi } from '../../src/handler/obs-api';
import { createObsClient } from '../../src/handler/obs-client';
import { Ledger, reconcile, ReconcileDependencies, release, undeclaredInLedger } from '../../src/handler/reconcile';
import type { ManagedInventorySpec, ReconcileSpec } from '../../src/contract/spec';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../support/fake-cos';
import { FAKE_OBS_ACCESS_KEY, FAKE_OBS_SECRET_KEY, FakeObs } from '../support/fake-obs';

const REGION = 'ap-guangzhou';
const REPORTS = 'reports-1250000000';
const LEDGER = { bucket: REPORTS, region: REGION, key: '.cos-inventory/ledgers/stack.json' };
const LEDGER_OBJECT = `${REPORTS}/${LEDGER.key}`;

/** A COS config with encrypted reports on `bucket`, so the handler manages it. */
function cosSpec(bucket: string, overrides: Partial<ManagedInventorySpec> = {}): ManagedInventorySpec {
  return {
    version: 1, service: 'cos', bucket, region: REGION, id: 'inventory-daily', enabled: true, frequency: 'Daily', includedObjectVersions: 'Current',
    optionalFields: ['Size'], destination: { bucket: REPORTS, prefix: 'cos_bucket_inventory', accountId: '100000000001', encryption: true }, ...overrides,
  };
}

function document(configs: ManagedInventorySpec[], more: Partial<ReconcileSpec> = {}): ReconcileSpec {
  const byKey = (specs: ManagedInventorySpec[]) => Object.fromEntries(specs.map((spec) => [`${spec.bucket}/${spec.id}`, spec]));
  return { version: 1, service: 'cos', ledger: LEDGER, configs: byKey(configs), provider: {}, adopt: [], ...more };
}

const A = cosSpec('a-1250000000');
const B = cosSpec('b-1250000000');
const C = cosSpec('c-1250000000');

let lines: string[];
beforeEach(() => { lines = []; });

describe('reconcile (COS)', () => {
  let cos: FakeCos;
  let deps: ReconcileDependencies;
  beforeEach(async () => {
    cos = await new FakeCos().start();
    const credentials = { secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY };
    const endpoint = { proxy: cos.proxyUrl, protocol: 'http:' as const };
    deps = {
      api: createCosInventoryConfigApi(credentials, endpoint), ledger: ledgerStore('cos', createCosClient(credentials, endpoint), LEDGER),
      log: (line) => lines.push(line), sleep: async () => undefined, random: () => 0.5,
    };
  });
  afterEach(() => cos.stop());

  const ledger = (): Ledger | undefined => {
    const object = cos.objects.get(LEDGER_OBJECT);
    return object === undefined ? undefined : JSON.parse(object.toString('utf8'));
  };
  const inventoryWrites = () => cos.requests.filter((r) => 'inventory' in r.query && r.method !== 'GET').map((r) => `${r.method} ${r.bucket}`);

  test('the first run puts every config and records them, with its generation, in the ledger', async () => {
    const outcome = await reconcile(document([A, B]), 'gen-1', [], deps);
    expect(outcome).toEqual({ put: ['a-1250000000/inventory-daily', 'b-1250000000/inventory-daily'], unchanged: [], deleted: [] });
    expect(cos.configs.get('a-1250000000')?.get('inventory-daily')).toContain('<SSE-COS></SSE-COS>');
    expect(ledger()).toEqual({
      version: 1, generation: 'gen-1', configs: {
        'a-1250000000/inventory-daily': { version: 1, service: 'cos', bucket: 'a-1250000000', region: REGION, id: 'inventory-daily', by: 'handler' },
        'b-1250000000/inventory-daily': { version: 1, service: 'cos', bucket: 'b-1250000000', region: REGION, id: 'inventory-daily', by: 'handler' },
      },
    });
    expect(lines.at(-1)).toBe(`reconciled 2 handler-managed config(s) with cos://${LEDGER_OBJECT}: 2 put, 0 unchanged, 0 deleted`);
  });

  test('a change to one config among several puts only that one', async () => {
    await reconcile(document([A, B, C]), 'gen-1', [], deps);
    cos.requests.length = 0;
    const outcome = await reconcile(document([A, { ...B, enabled: false }, C]), 'gen-2', [], deps);
    expect(outcome.put).toEqual(['b-1250000000/inventory-daily']);
    expect(inventoryWrites()).toEqual(['PUT b-1250000000']);
    expect(ledger()?.generation).toBe('gen-2');
  });

  test('a config removed from the document is deleted, and leaves the ledger', async () => {
    await reconcile(document([A, B]), 'gen-1', [], deps);
    const outcome = await reconcile(document([A]), 'gen-2', [], deps);
    expect(outcome).toEqual({ put: [], unchanged: ['a-1250000000/inventory-daily'], deleted: ['b-1250000000/inventory-daily'] });
    expect(cos.configs.get('b-1250000000')?.size).toBe(0);
    expect(Object.keys(ledger()!.configs)).toEqual(['a-1250000000/inventory-daily']);
  });

  test('one already gone from the bucket is fine', async () => {
    await reconcile(document([A, B]), 'gen-1', [], deps);
    cos.configs.get('b-1250000000')!.clear();
    await reconcile(document([A]), 'gen-2', [], deps);
    expect(lines).toContain(`COS bucket b-1250000000 (${REGION}), inventory inventory-daily was already gone`);
  });

  test('one the rest of the stack declares (INVENTORY_KEEP) is not deleted, and stays in the ledger', async () => {
    await reconcile(document([A, B]), 'gen-1', [], deps);
    await reconcile(document([A]), 'gen-2', ['b-1250000000/inventory-daily'], deps);
    expect(cos.configs.get('b-1250000000')?.size).toBe(1);
    expect(Object.keys(ledger()!.configs).sort()).toEqual(['a-1250000000/inventory-daily', 'b-1250000000/inventory-daily']);
  });

  test('a provider-managed config is checked and recorded, never put or deleted here', async () => {
    await reconcile(document([A], { provider: { 'b-1250000000/inventory-daily': B } }), 'gen-1', [], deps);
    expect(cos.configs.get('b-1250000000')?.size ?? 0).toBe(0);
    expect(ledger()!.configs['b-1250000000/inventory-daily'].by).toBe('provider');
    // Removed from the code: its provider resource deletes it, not the handler.
    cos.configs.set('b-1250000000', new Map([['inventory-daily', '<InventoryConfiguration/>']]));
    await reconcile(document([A]), 'gen-2', [], deps);
    expect(cos.configs.get('b-1250000000')?.size).toBe(1);
    expect(Object.keys(ledger()!.configs)).toEqual(['a-1250000000/inventory-daily']);
  });

  test('a config moving from the provider to the handler is put over the provider\'s, which the ledger lists', async () => {
    await reconcile(document([], { provider: { 'a-1250000000/inventory-daily': { ...A, destination: { ...A.destination, encryption: false } } } }), 'gen-1', [], deps);
    cos.configs.set('a-1250000000', new Map([['inventory-daily', '<InventoryConfiguration><Id>inventory-daily</Id></InventoryConfiguration>']]));
    const outcome = await reconcile(document([A]), 'gen-2', [], deps);
    expect(outcome.put).toEqual(['a-1250000000/inventory-daily']);
    expect(ledger()!.configs['a-1250000000/inventory-daily'].by).toBe('handler');
  });

  describe('whose config it is', () => {
    const CONSOLE = '<InventoryConfiguration><Id>inventory-daily</Id><IsEnabled>false</IsEnabled></InventoryConfiguration>';

    test('a different config this stack did not put is refused before any PUT or ledger write, naming bucket, id and adoptExisting', async () => {
      cos.configs.set('b-1250000000', new Map([['inventory-daily', CONSOLE]]));
      await expect(reconcile(document([A, B]), 'gen-1', [], deps)).rejects.toThrow(
        `COS bucket b-1250000000 (${REGION}), inventory inventory-daily already exists with another config, and this stack did not put it (it is not in the ledger): `
        + 'it is not overwritten. To replace it and manage it from now on, set adoptExisting: true on this inventory (or on the CentralInventory source); '
        + 'to keep it, give this inventory another inventoryId',
      );
      expect(inventoryWrites()).toEqual([]);
      expect(ledger()).toBeUndefined();
      expect(cos.configs.get('b-1250000000')?.get('inventory-daily')).toBe(CONSOLE);
    });

    test('a provider-managed one too: the provider resource would overwrite it', async () => {
      cos.configs.set('b-1250000000', new Map([['inventory-daily', CONSOLE]]));
      await expect(reconcile(document([], { provider: { 'b-1250000000/inventory-daily': B } }), 'gen-1', [], deps)).rejects.toThrow(/b-1250000000.*adoptExisting/);
    });

    test('adopted, it is put and managed from then on', async () => {
      cos.configs.set('b-1250000000', new Map([['inventory-daily', CONSOLE]]));
      const outcome = await reconcile(document([B], { adopt: ['b-1250000000/inventory-daily'] }), 'gen-1', [], deps);
      expect(outcome.put).toEqual(['b-1250000000/inventory-daily']);
      expect(Object.keys(ledger()!.configs)).toEqual(['b-1250000000/inventory-daily']);
    });

    test('one identical to the declared one is taken over without a PUT', async () => {
      await reconcile(document([B]), 'gen-1', [], deps);
      cos.objects.delete(LEDGER_OBJECT);
      cos.requests.length = 0;
      const outcome = await reconcile(document([B]), 'gen-2', [], deps);
      expect(outcome).toEqual({ put: [], unchanged: ['b-1250000000/inventory-daily'], deleted: [] });
      expect(inventoryWrites()).toEqual([]);
    });
  });

  test('the ledger is written before any PUT: an apply that fails halfway still knows what it may have put', async () => {
    const refusing = { ...deps.api, put: (spec: ManagedInventorySpec) => (spec.bucket === B.bucket ? Promise.reject(new Error('connection reset')) : deps.api.put(spec)) };
    await expect(reconcile(document([A, B]), 'gen-1', [], { ...deps, api: refusing, retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } }))
      .rejects.toThrow(/PUT Bucket inventory failed: .*connection reset.*b-1250000000/);
    expect(Object.keys(ledger()!.configs).sort()).toEqual(['a-1250000000/inventory-daily', 'b-1250000000/inventory-daily']);
  });

  test('a ledger this handler did not write is refused, and nothing is put', async () => {
    cos.putObject(REPORTS, LEDGER.key, 'not json');
    await expect(reconcile(document([A]), 'gen-1', [], deps)).rejects.toThrow(`the ledger cos://${LEDGER_OBJECT} is not one this handler wrote`);
    expect(inventoryWrites()).toEqual([]);
  });

  describe('release', () => {
    test('deletes every config its generation recorded, then the ledger', async () => {
      await reconcile(document([A, B]), 'gen-1', [], deps);
      expect(await release('gen-1', [], deps)).toEqual(['a-1250000000/inventory-daily', 'b-1250000000/inventory-daily']);
      expect(cos.configs.get('a-1250000000')?.size).toBe(0);
      expect(cos.configs.get('b-1250000000')?.size).toBe(0);
      expect(ledger()).toBeUndefined();
    });

    test('does nothing when another generation wrote the ledger: it was replaced, the new one owns the configs', async () => {
      await reconcile(document([A]), 'gen-1', [], deps);
      await reconcile(document([A, B]), 'gen-2', [], deps);
      expect(await release('gen-1', [], deps)).toEqual([]);
      expect(cos.configs.get('a-1250000000')?.size).toBe(1);
      expect(ledger()?.generation).toBe('gen-2');
    });

    test('keeps what the rest of the stack declares, and provider-managed configs; removes the ledger all the same', async () => {
      await reconcile(document([A, B], { provider: { 'c-1250000000/inventory-daily': C } }), 'gen-1', [], deps);
      expect(await release('gen-1', ['b-1250000000/inventory-daily'], deps)).toEqual(['a-1250000000/inventory-daily']);
      expect(cos.configs.get('b-1250000000')?.size).toBe(1);
      expect(ledger()).toBeUndefined();
    });

    test('with no ledger (never applied) deletes nothing', async () => {
      expect(await release('gen-1', [], deps)).toEqual([]);
      expect(lines).toEqual([`no ledger at cos://${LEDGER_OBJECT}: nothing to delete`]);
    });
  });
});

describe('reconcile (OBS, the handler OBS client against the fake OBS)', () => {
  const OBS_LEDGER = { bucket: 'destbucket', region: 'cn-north-4', key: '.cos-inventory/ledgers/stack.json' };
  const obsSpec = (bucket: string): ManagedInventorySpec => ({
    version: 1, service: 'obs', bucket, region: 'cn-north-4', id: 'daily', enabled: true, frequency: 'Daily', includedObjectVersions: 'Current',
    optionalFields: ['Size'], filter: { prefix: 'logs/' }, destination: { bucket: 'destbucket', prefix: 'reports' },
  });
  let obs: FakeObs;
  let deps: ReconcileDependencies;
  beforeEach(async () => {
    obs = await new FakeObs().start();
    const credentials = { accessKey: FAKE_OBS_ACCESS_KEY, secretKey: FAKE_OBS_SECRET_KEY };
    const client = createObsClient(credentials, obs.endpoint);
    deps = {
      api: createObsInventoryConfigApi(client), ledger: ledgerStore('obs', client, OBS_LEDGER),
      log: (line) => lines.push(line), sleep: async () => undefined, random: () => 0.5,
    };
  });
  afterEach(() => obs.stop());

  test('puts, deletes what left the document, releases, with the ledger object in the destination bucket', async () => {
    const spec = (configs: ManagedInventorySpec[]) => ({ ...document(configs), service: 'obs' as const, ledger: OBS_LEDGER });
    await reconcile(spec([obsSpec('app-logs'), obsSpec('user-media')]), 'gen-1', [], deps);
    const ledgerText = () => obs.objects.get('destbucket')?.get(OBS_LEDGER.key)?.toString('utf8');
    expect(Object.keys(JSON.parse(ledgerText()!).configs)).toEqual(['app-logs/daily', 'user-media/daily']);

    await reconcile(spec([obsSpec('app-logs')]), 'gen-2', [], deps);
    expect(obs.configs.get('user-media')?.size).toBe(0);
    expect(Object.keys(JSON.parse(ledgerText()!).configs)).toEqual(['app-logs/daily']);

    await release('gen-2', [], deps);
    expect(obs.configs.get('app-logs')?.size).toBe(0);
    expect(ledgerText()).toBeUndefined();
    expect(obs.inventoryCalls.filter((call) => !call.startsWith('GET'))).toEqual([
      'PUT app-logs daily 200', 'PUT user-media daily 200', 'DELETE user-media daily 204', 'DELETE app-logs daily 204',
    ]);
  });
});

describe('undeclaredInLedger', () => {
  test('lists the configs the handler put that nothing declares, not the provider\'s', () => {
    const entry = (bucket: string, by: 'handler' | 'provider') => ({ version: 1 as const, service: 'cos' as const, bucket, region: REGION, id: 'd', by });
    const ledger: Ledger = { version: 1, generation: 'g', configs: { 'a/d': entry('a', 'handler'), 'b/d': entry('b', 'handler'), 'c/d': entry('c', 'provider') } };
    expect(undeclaredInLedger(ledger, new Set(['a/d']))).toEqual([{ version: 1, service: 'cos', bucket: 'b', region: REGION, id: 'd' }]);
  });
});
