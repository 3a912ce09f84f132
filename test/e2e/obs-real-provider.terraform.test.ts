// End to end with the REAL huaweicloud provider (1.93.0, from ../shared/providers) against the fake OBS: the bucket
// and bucket policy obs.InventoryDestination synthesizes, applied by the provider, with the handler-managed inventory
// beside them. The provider reaches the fakes through one HTTP proxy (HTTP_PROXY) with its OBS and BSS endpoints set
// to plain HTTP; `project_id` and `domain_id` are given, so it asks IAM for neither. Under test: the policy OBS
// receives is byte for byte the synthesized one, a lifecycle rule per report prefix, an empty second plan, a change
// of one prop planned as one in-place update, and a destroy that leaves no bucket.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { XMLParser } from 'fast-xml-parser';
import { HuaweicloudProvider, obs } from '../../src';
import { FAKE_OBS_ACCESS_KEY, FAKE_OBS_SECRET_KEY, FakeHuaweiBss, FakeObs } from '../support/fake-obs';
import { FakeProxy } from '../support/fake-proxy';
import { describeWithRealProviders, installRealProviders } from '../support/real-provider';
import { planExitCode, terraformRunner } from '../support/terraform';

const REGION = 'cn-north-4';
const STACK = 'obs-real-provider';
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Rule' });

describeWithRealProviders('real huaweicloud provider', () => {
  let fakeObs: FakeObs;
  let bss: FakeHuaweiBss;
  let proxy: FakeProxy;
  let dir: string;
  const terraform = terraformRunner(() => path.join(dir, 'stacks', STACK), () => ({
    ...installRealProviders().env,
    HTTP_PROXY: proxy.url, http_proxy: proxy.url, HTTPS_PROXY: proxy.url, https_proxy: proxy.url, NO_PROXY: '', no_proxy: '',
    HW_ACCESS_KEY: FAKE_OBS_ACCESS_KEY, HW_SECRET_KEY: FAKE_OBS_SECRET_KEY, ...fakeObs.handlerEnv,
  }));

  beforeEach(async () => {
    fakeObs = await new FakeObs().start();
    bss = await new FakeHuaweiBss().start();
    proxy = await new FakeProxy([{ host: /\.obs\.[a-z0-9-]+\.myhuaweicloud\.com$/, target: fakeObs.url }, { host: /^bss\.myhuaweicloud\.com$/, target: bss.url }]).start();
    dir = mkdtempSync(path.join(tmpdir(), 'obs-real-provider-'));
  });

  afterEach(async () => {
    await proxy.stop();
    await fakeObs.stop();
    await bss.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A created destination with report expiry, two inventories (one with its own report prefix) and a reader. */
  function synth(expirationDays: number): void {
    const app = new App({ outdir: dir });
    const stack = new TerraformStack(app, STACK);
    new HuaweicloudProvider(stack, 'huaweicloud', {
      region: REGION,
      projectId: '0123456789abcdef0123456789abcdef',
      domainId: 'fedcba9876543210fedcba9876543210',
      endpoints: { obs: `http://obs.${REGION}.myhuaweicloud.com/`, bss: 'http://bss.myhuaweicloud.com/' },
    });
    const destination = new obs.InventoryDestination(stack, 'Destination', { bucketName: 'destbucket', region: REGION, reportExpirationDays: expirationDays });
    new obs.BucketInventory(stack, 'Logs', { destination, bucketName: 'logs', inventoryId: 'logs-daily', filter: { prefix: 'app/' } });
    new obs.BucketInventory(stack, 'Media', { destination, bucketName: 'media', inventoryId: 'media-daily', reportPrefix: 'media-reports' });
    destination.grantRead('domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f');
    new LocalBackend(stack, { path: path.join(dir, 'terraform.tfstate') });
    app.synth();
  }

  /** The policy document as synthesized: the `.tf.json` string with Terraform's template escapes undone. */
  function synthesizedPolicy(): string {
    const stack = JSON.parse(readFileSync(path.join(dir, 'stacks', STACK, 'cdk.tf.json'), 'utf8'));
    const [policy] = Object.values<any>(stack.resource.huaweicloud_obs_bucket_policy);
    return String(policy.policy).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  }

  const expectCleanTraffic = () => {
    expect(fakeObs.unfaked).toEqual([]);
    expect(proxy.refused).toEqual([]);
    expect(fakeObs.requests.filter((r) => r.status >= 400 && r.status !== 404).map((r) => `${r.method} ${r.bucket}${r.path} ${r.status} ${r.errorCode}`)).toEqual([]);
    expect(bss.requests.map((r) => r.status)).not.toContain(501);
  };

  test('bucket and policy applied by the provider: the policy OBS holds is the synthesized one, byte for byte; the next plan is empty', async () => {
    synth(30);
    await terraform('init', '-input=false');
    await terraform('apply', '-auto-approve', '-input=false');
    expectCleanTraffic();

    const bucket = fakeObs.buckets.get('destbucket')!;
    expect(bucket).toMatchObject({ region: REGION, acl: 'private' });
    expect(bucket.subresources.has('encryption')).toBe(false);
    expect(bucket.subresources.get('policy')).toBe(synthesizedPolicy());
    const writes = (prefix: string) => expect.objectContaining({ Effect: 'Allow', Principal: { Service: ['obs'] }, Action: ['PutObject'], Resource: [`destbucket/${prefix}/*`] });
    expect(JSON.parse(bucket.subresources.get('policy')!).Statement).toEqual(expect.arrayContaining([writes('BucketInventory'), writes('media-reports')]));
    expect(xml.parse(bucket.subresources.get('lifecycle')!).LifecycleConfiguration.Rule).toEqual([
      { ID: 'expire-inventory-reports', Prefix: 'BucketInventory/', Status: 'Enabled', Expiration: { Days: '30' } },
      { ID: 'expire-inventory-reports-media-reports', Prefix: 'media-reports/', Status: 'Enabled', Expiration: { Days: '30' } },
    ]);
    expect(fakeObs.configs.get('logs')?.get('logs-daily')?.Destination).toEqual({ Format: 'CSV', Bucket: 'destbucket', Prefix: 'BucketInventory' });
    expect(await planExitCode(terraform)).toMatchObject({ code: 0 });

    synth(7);
    const change = await planExitCode(terraform);
    expect(change.code).toBe(2);
    expect(change.output).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    await terraform('apply', '-auto-approve', '-input=false');
    expect(xml.parse(fakeObs.buckets.get('destbucket')!.subresources.get('lifecycle')!).LifecycleConfiguration.Rule.map((r: any) => r.Expiration.Days)).toEqual(['7', '7']);
    expect(await planExitCode(terraform)).toMatchObject({ code: 0 });

    await terraform('destroy', '-auto-approve', '-input=false');
    expectCleanTraffic();
    expect(fakeObs.buckets.has('destbucket')).toBe(false);
    expect(fakeObs.configs.get('logs')?.size ?? 0).toBe(0);
    expect(terraform.log()).not.toContain(FAKE_OBS_SECRET_KEY);
  }, 300_000);
});
