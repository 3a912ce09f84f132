// End to end for the reconciling handler with the REAL tencentcloud provider against the fake COS: removing a config
// from the code deletes it in that apply; a config moving between the provider resource and the handler ends as
// declared whichever order Terraform (forced with -target) takes; a config this stack did not put is not overwritten
// unless adopted.
import { TerraformStack } from 'cdktf';
import { BucketPolicyOwner, cos } from '../../src';
import { cli } from '../support/cli';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY } from '../support/fake-cos';
import { describeWithRealProviders } from '../support/real-provider';
import { RealProviderWorld } from '../support/real-provider-world';

const REGION = 'ap-guangzhou';
const OWNER_UIN = '100000000001';
const REPORTS = 'reports-1250000000';
const LOGS = 'logs-1250000000';
const MEDIA = 'media-1250000000';
const STACK = 'reconcile';
const LEDGER = `${REPORTS}/.cos-inventory/ledgers/${STACK}.json`;
const ENCRYPTED_XML = /<Encryption><SSE-COS><\/SSE-COS><\/Encryption>/;

type Sources = Record<string, Partial<cos.BucketInventoryProps>>;

function stackWith(sources: Sources) {
  return (stack: TerraformStack) => {
    const destination = cos.InventoryDestination.fromBucketAttributes(stack, 'Destination', {
      bucketName: REPORTS, region: REGION, ownerUin: OWNER_UIN, policyOwner: BucketPolicyOwner.THIS_STACK,
    });
    for (const [bucketName, props] of Object.entries(sources)) {
      new cos.BucketInventory(stack, bucketName, { destination, bucketName, filter: { prefix: 'logs/' }, optionalFields: [cos.InventoryField.SIZE], ...props });
    }
  };
}

/** `cos-inventory check` on the synthesized stack, its state read from the local state file. */
function check(w: RealProviderWorld) {
  return cli(['check', `${w.dir}/stacks/${STACK}`], {
    TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, COS_INVENTORY_PROXY: w.proxy.url,
  });
}

/** A CentralInventory with the given sources, on the same destination. */
function centralWith(sources: string[]) {
  return (stack: TerraformStack) => {
    const destination = cos.InventoryDestination.fromBucketAttributes(stack, 'Destination', {
      bucketName: REPORTS, region: REGION, ownerUin: OWNER_UIN, policyOwner: BucketPolicyOwner.THIS_STACK,
    });
    new cos.CentralInventory(stack, 'Central', { destination, sources });
  };
}

function ledgerOf(w: RealProviderWorld): any {
  const object = w.cos.objects.get(LEDGER);
  return object === undefined ? undefined : JSON.parse(object.toString('utf8'));
}

describeWithRealProviders('reconciling handler', () => {
  let world: RealProviderWorld | undefined;

  async function open(): Promise<RealProviderWorld> {
    world = await new RealProviderWorld().start([REPORTS, LOGS, MEDIA].map((name) => ({ name, region: REGION })));
    return world;
  }

  afterEach(async () => {
    await world?.stop();
    world = undefined;
  });

  test('removing a BucketInventory from the code deletes its config in that apply, the last one too', async () => {
    const w = await open();
    w.synth(STACK, REGION, stackWith({ [LOGS]: {}, [MEDIA]: {} }));
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    expect(w.writes('inventory')).toEqual(expect.arrayContaining([`PUT ${LOGS} inventory-daily 200`, `PUT ${MEDIA} inventory-daily 200`]));
    expect(Object.keys(ledgerOf(w).configs).sort()).toEqual([`${LOGS}/inventory-daily`, `${MEDIA}/inventory-daily`]);
    expect((await w.plan()).code).toBe(0);

    w.synth(STACK, REGION, stackWith({ [LOGS]: {} }));
    // Removed from the code, not applied yet: check lists it as undeclared, exit 3.
    const before = await check(w);
    expect(before.stdout).toContain(`cos ${MEDIA} inventory-daily: undeclared: this stack put it (cos://${LEDGER})`);
    expect(before.code).toBe(3);
    await w.terraform('apply', '-auto-approve', '-input=false');
    expect(w.cos.inventoryConfigsOf(MEDIA).size).toBe(0);
    expect(w.cos.inventoryConfigsOf(LOGS).size).toBe(1);
    expect(Object.keys(ledgerOf(w).configs)).toEqual([`${LOGS}/inventory-daily`]);
    // Only the removed config was touched: nothing put again.
    expect(w.writes('inventory').filter((write) => write.startsWith('PUT'))).toHaveLength(2);
    expect((await w.plan()).code).toBe(0);
    const after = await check(w);
    expect(after.stdout).toContain('checked 1 ledger(s): 0 undeclared');
    expect(after.code).toBe(0);

    // The last one: the reconciler becomes a `removed` block whose destroy-time provisioner deletes it.
    w.synth(STACK, REGION, stackWith({}));
    await w.terraform('apply', '-auto-approve', '-input=false');
    expect(w.cos.inventoryConfigsOf(LOGS).size).toBe(0);
    expect(ledgerOf(w)).toBeUndefined();
    expect((await w.plan()).code).toBe(0);
    w.expectCleanTraffic();
  }, 240_000);

  test('removing a CentralInventory source deletes its config in that apply, and check lists nothing left behind', async () => {
    const w = await open();
    w.synth(STACK, REGION, centralWith([LOGS, MEDIA]));
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    expect(w.cos.inventoryConfigsOf(MEDIA).size).toBe(1);

    w.synth(STACK, REGION, centralWith([LOGS]));
    await w.terraform('apply', '-auto-approve', '-input=false');
    expect(w.cos.inventoryConfigsOf(MEDIA).size).toBe(0);
    expect(w.cos.inventoryConfigsOf(LOGS).size).toBe(1);
    // The destination policy no longer grants the removed source, and no config of it is left to write reports.
    expect(JSON.stringify(w.cos.policyOf(REPORTS))).not.toContain('/media/');
    expect((await w.plan()).code).toBe(0);
    const checked = await check(w);
    expect(checked.stdout).toContain('checked 1 ledger(s): 0 undeclared');
    expect(checked.code).toBe(0);
    w.expectCleanTraffic();
  }, 240_000);

  test('a config removed while the ledger lists it, and already gone from COS, is fine', async () => {
    const w = await open();
    w.synth(STACK, REGION, stackWith({ [LOGS]: {}, [MEDIA]: {} }));
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    w.cos.inventoryConfigsOf(MEDIA).clear();
    w.synth(STACK, REGION, stackWith({ [LOGS]: {} }));
    const applied = await w.terraform('apply', '-auto-approve', '-input=false');
    expect(applied).toContain(`COS bucket ${MEDIA} (${REGION}), inventory inventory-daily was already gone`);
    expect(Object.keys(ledgerOf(w).configs)).toEqual([`${LOGS}/inventory-daily`]);
  }, 240_000);

  describe.each([
    ['the reconciler first', (w: RealProviderWorld) => w.terraform('apply', '-auto-approve', '-input=false', `-target=terraform_data.${reconcilerName(w)}`)],
    ['everything at once', async () => ''],
  ])('moving a config between the provider and the handler, %s', (_order, first) => {
    test('provider -> handler (encryption on) ends encrypted, and back ends as the provider put it', async () => {
      const w = await open();
      w.synth(STACK, REGION, stackWith({ [LOGS]: { encryptReports: false } }));
      await w.terraform('init', '-input=false');
      await w.terraform('apply', '-auto-approve', '-input=false');
      expect(w.cos.inventoryConfigsOf(LOGS).get('inventory-daily')).not.toMatch(ENCRYPTED_XML);

      w.synth(STACK, REGION, stackWith({ [LOGS]: { encryptReports: true } }));
      await first(w);
      await w.terraform('apply', '-auto-approve', '-input=false');
      expect(w.cos.inventoryConfigsOf(LOGS).get('inventory-daily')).toMatch(ENCRYPTED_XML);
      expect(w.writes('inventory').filter((write) => write.startsWith('DELETE'))).toEqual([]);
      expect((await w.plan()).code).toBe(0);

      w.synth(STACK, REGION, stackWith({ [LOGS]: { encryptReports: false } }));
      await first(w);
      await w.terraform('apply', '-auto-approve', '-input=false');
      expect(w.cos.inventoryConfigsOf(LOGS).get('inventory-daily')).toBeDefined();
      expect(w.cos.inventoryConfigsOf(LOGS).get('inventory-daily')).not.toMatch(ENCRYPTED_XML);
      expect((await w.plan()).code).toBe(0);
      w.expectCleanTraffic();
    }, 240_000);
  });

  test('a config of the same id made elsewhere is not overwritten unless adopted', async () => {
    const w = await open();
    const console = '<InventoryConfiguration><Id>inventory-daily</Id></InventoryConfiguration>';
    w.cos.configs.set(LOGS, new Map([['inventory-daily', console]]));
    w.synth(STACK, REGION, stackWith({ [LOGS]: {} }));
    await w.terraform('init', '-input=false');
    const failure = await w.terraform('apply', '-auto-approve', '-input=false').then(() => undefined, (err: { stderr: string }) => err.stderr.replace(/\s+/g, ' '));
    expect(failure).toContain(`COS bucket ${LOGS} (${REGION}), inventory inventory-daily already exists with another config, and this stack did not put it`);
    expect(failure).toContain('set adoptExisting: true');
    expect(w.cos.inventoryConfigsOf(LOGS).get('inventory-daily')).toBe(console);
    expect(w.writes('inventory')).toEqual([]);

    w.synth(STACK, REGION, stackWith({ [LOGS]: { adoptExisting: true } }));
    await w.terraform('apply', '-auto-approve', '-input=false');
    expect(w.cos.inventoryConfigsOf(LOGS).get('inventory-daily')).toMatch(ENCRYPTED_XML);
  }, 240_000);
});

/** The reconciler's resource name in the synthesized stack. */
function reconcilerName(w: RealProviderWorld): string {
  const json = JSON.parse(require('node:fs').readFileSync(require('node:path').join(w.dir, 'stacks', STACK, 'cdk.tf.json'), 'utf8'));
  return Object.keys(json.resource.terraform_data).find((name) => name.includes('InventoryConfigs_Reconciler'))!;
}
