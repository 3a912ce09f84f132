// Every example that uses the tencentcloud provider, applied as written with the REAL provider against the fakes
// (COS, and the Tencent Cloud API for CAM and tencentcloud_user_info): apply, an empty second plan, destroy with
// nothing left. The examples without a provider (one-off-job, obs-inventory) are applied in their own e2e tests.
import { App } from 'cdktf';
import { synthesize as existingDestination } from '../../examples/existing-destination/main';
import { synthesize as newDestination } from '../../examples/new-destination/main';
import { describeWithRealProviders } from '../support/real-provider';
import { RealProviderWorld } from '../support/real-provider-world';

describeWithRealProviders('examples with the real tencentcloud provider', () => {
  let world: RealProviderWorld | undefined;
  afterEach(async () => {
    await world?.stop();
    world = undefined;
  });

  test('new-destination: applies, plans no change, destroys everything', async () => {
    const w = world = await new RealProviderWorld({ cloudApi: true }).start([
      { name: 'app-logs-1250000000', region: 'ap-guangzhou' }, { name: 'user-media-1250000000', region: 'ap-guangzhou' },
    ]);
    w.synthApp(newDestination(new App({ outdir: w.dir })));
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
    expect(w.cos.buckets.has('inventory-reports-1250000000')).toBe(true);
    for (const source of ['app-logs-1250000000', 'user-media-1250000000']) {
      expect(w.cos.inventoryConfigsOf(source).get('inventory-daily')).toContain('<Encryption><SSE-COS></SSE-COS></Encryption>');
    }
    expect(w.cos.policyOf('inventory-reports-1250000000').Statement).toHaveLength(2);
    expect(w.cloudApi!.actions).toEqual(expect.arrayContaining(['cam:CreateRole', 'cam:CreatePolicy', 'cam:AttachRolePolicy']));

    expect(await w.plan()).toMatchObject({ code: 0 });

    // The account-wide COS_QcsRole outlives the stack: destroy refuses to delete it, and nothing is deleted.
    await expect(w.terraform('destroy', '-auto-approve', '-input=false')).rejects.toMatchObject({
      stderr: expect.stringMatching(/Instance cannot be destroyed[\s\S]*tencentcloud_cam_[a-z_]+\.CosServiceRole_[A-Za-z_0-9]+\s+has lifecycle\.prevent_destroy set/),
    });
    expect(w.cos.buckets.has('inventory-reports-1250000000')).toBe(true);
    // As README says: hand the role over (forget its three resources), then destroy the rest.
    const camResources = (await w.terraform('state', 'list')).split('\n').filter((address) => address.startsWith('tencentcloud_cam_'));
    expect(camResources).toHaveLength(3);
    await w.terraform('state', 'rm', ...camResources);
    await w.terraform('destroy', '-auto-approve', '-input=false');
    expect(w.cos.buckets.has('inventory-reports-1250000000')).toBe(false);
    for (const source of ['app-logs-1250000000', 'user-media-1250000000']) expect(w.cos.inventoryConfigsOf(source).size).toBe(0);
    expect([...w.cloudApi!.roles.values()].map((role) => role.RoleName)).toEqual(['COS_QcsRole']);
    expect(w.cloudApi!.attachments.size).toBe(1);
    w.expectCleanTraffic();
  }, 300_000);

  test('existing-destination: applies, plans no change, destroys its configs and leaves the bucket', async () => {
    const w = world = await new RealProviderWorld().start([
      { name: 'central-inventory-1250000000', region: 'ap-shanghai' }, { name: 'warehouse-1250000000', region: 'ap-shanghai' },
    ]);
    w.synthApp(existingDestination(new App({ outdir: w.dir })));
    await w.terraform('init', '-input=false');
    await w.terraform('apply', '-auto-approve', '-input=false');
    w.expectCleanTraffic();
    const config = w.cos.inventoryConfigsOf('warehouse-1250000000').get('warehouse-weekly');
    expect(config).toContain('<Prefix>exports/</Prefix>');
    expect(config).toContain('<Encryption><SSE-COS></SSE-COS></Encryption>');
    expect(w.cos.policyOf('central-inventory-1250000000')).toBeUndefined();

    expect(await w.plan()).toMatchObject({ code: 0 });

    await w.terraform('destroy', '-auto-approve', '-input=false');
    expect(w.cos.inventoryConfigsOf('warehouse-1250000000').size).toBe(0);
    expect(w.cos.buckets.has('central-inventory-1250000000')).toBe(true);
    w.expectCleanTraffic();
  }, 300_000);
});
