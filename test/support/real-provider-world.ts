// One end-to-end test's world with the real tencentcloud provider: the fake COS (and, when asked, the fake Tencent
// Cloud API for CAM and user info) behind one routing proxy, a stack directory with its own state, and terraform
// pointed at all of them: the provider through HTTP_PROXY, the bundled handler through HTTP_PROXY too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { TencentcloudProvider } from '../../src';
import { FakeCloudApi } from './fake-cloud-api';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from './fake-cos';
import { FakeProxy } from './fake-proxy';
import { installRealProviders } from './real-provider';
import { terraformRunner, TerraformRunner } from './terraform';

const COS_HOSTS = /^[a-z0-9-]+\.cos\.[a-z0-9-]+\.myqcloud\.com$/;
const CLOUD_API_HOSTS = /^[a-z]+\.tencentcloudapi\.com$/;

export interface PlanResult { code: number; output: string; summary?: string }

export interface WorldOptions {
  /** Also serve the Tencent Cloud API (CAM roles and policies, `tencentcloud_user_info`). */
  readonly cloudApi?: boolean;
}

export class RealProviderWorld {
  readonly cos = new FakeCos({ requireBuckets: true });
  readonly cloudApi?: FakeCloudApi;
  readonly proxy = new FakeProxy();
  readonly dir = mkdtempSync(path.join(tmpdir(), 'cos-inventory-real-provider-'));
  readonly terraform: TerraformRunner;
  private stackName = '';

  constructor(options: WorldOptions = {}) {
    if (options.cloudApi) this.cloudApi = new FakeCloudApi();
    const installed = installRealProviders();
    this.terraform = terraformRunner(() => path.join(this.dir, 'stacks', this.stackName), () => ({
      ...installed.env,
      HTTP_PROXY: this.proxy.url, http_proxy: this.proxy.url,
      // Nothing should go out over HTTPS; if it does, the proxy refuses the CONNECT and names it.
      HTTPS_PROXY: this.proxy.url, https_proxy: this.proxy.url,
      NO_PROXY: '', no_proxy: '',
      TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID,
      TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY,
      TENCENTCLOUD_SECURITY_TOKEN: '',
      // The handler (handler-managed configs) reaches COS through the same HTTP_PROXY, in plain http (the test-only switch).
      COS_INVENTORY_PROTOCOL: 'http:',
    }));
  }

  /** Starts the fakes; the buckets exist in COS before the stack is applied. */
  async start(existingBuckets: Array<{ name: string; region: string }>): Promise<this> {
    await this.cos.start();
    await this.proxy.start();
    this.proxy.route(COS_HOSTS, this.cos.url);
    if (this.cloudApi) {
      await this.cloudApi.start();
      this.proxy.route(CLOUD_API_HOSTS, this.cloudApi.url);
    }
    for (const bucket of existingBuckets) this.cos.addBucket(bucket.name, bucket.region);
    return this;
  }

  async stop(): Promise<void> {
    await this.proxy.stop();
    await this.cos.stop();
    await this.cloudApi?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Synthesizes one stack with a provider pointed at the fakes, state kept in the test directory. */
  synth(stackName: string, region: string, build: (stack: TerraformStack) => void): void {
    const app = new App({ outdir: this.dir });
    const stack = new TerraformStack(app, stackName);
    new TencentcloudProvider(stack, 'tencentcloud', { region });
    build(stack);
    this.synthApp(app);
  }

  /**
   * Synthesizes an app of one stack as its code wrote it, except that every tencentcloud provider is pointed at the
   * fakes (`cos_domain` over HTTP, API calls over HTTP) and the state stays in the test directory.
   */
  synthApp(app: App): void {
    const stacks = app.node.children.filter((child): child is TerraformStack => child instanceof TerraformStack);
    if (stacks.length !== 1) throw new Error(`expected one stack, found ${stacks.length}`);
    const stack = stacks[0];
    this.stackName = stack.node.id;
    for (const provider of stack.node.findAll().filter((c): c is TencentcloudProvider => c instanceof TencentcloudProvider)) {
      provider.cosDomain = `http://cos.${provider.region}.myqcloud.com`;
      provider.protocol = 'HTTP';
    }
    new LocalBackend(stack, { path: path.join(this.dir, 'terraform.tfstate') });
    app.synth();
  }

  /** `terraform plan -detailed-exitcode -out=<file>`: 0 no changes, 2 changes (saved for `applyPlan`). */
  async plan(): Promise<PlanResult> {
    try {
      return { code: 0, output: await this.terraform('plan', '-detailed-exitcode', '-input=false', '-out=change.tfplan') };
    } catch (err) {
      const failed = err as { code?: number; stdout?: string };
      if (failed.code !== 2) throw err;
      const output = failed.stdout ?? '';
      return { code: 2, output, summary: /Plan: \d+ to add, \d+ to change, \d+ to destroy\./.exec(output)?.[0] };
    }
  }

  applyPlan(): Promise<string> {
    return this.terraform('apply', '-input=false', 'change.tfplan');
  }

  /** Requests COS answered with an error other than a 404 "not there / not configured": none are expected. */
  unexpectedErrors(): string[] {
    return this.cos.requests.filter((r) => r.status >= 400 && r.status !== 404 || r.status < 0)
      .map((r) => `${r.method} ${r.bucket}${r.path}?${Object.keys(r.query).join('&')} -> ${r.status} ${r.errorCode}: ${r.body.slice(0, 200)}`);
  }

  /** The inventory or policy writes COS received, as `<method> <bucket> [<id>] <status>`. */
  writes(kind: 'inventory' | 'policy'): string[] {
    return this.cos.requests.filter((r) => kind in r.query && r.method !== 'GET')
      .map((r) => [r.method, r.bucket, r.query.id, r.status].filter((part) => part !== undefined).join(' '));
  }

  /** Everything that must hold after any terraform run: nothing unfaked, nothing refused, no unexpected error. */
  expectCleanTraffic(): void {
    expect(this.cos.unfaked).toEqual([]);
    expect(this.proxy.refused).toEqual([]);
    expect(this.unexpectedErrors()).toEqual([]);
  }
}
