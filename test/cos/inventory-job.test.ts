import { DataResource, TerraformOutput } from 'cdktf';
import { BucketPolicyOwner, cos, InventoryObjectVersions } from '../../src';
import { COS_DESTINATION, cosPolicyDocument, cosResource, localExec } from '../support/build';
import { onlyResource, schemaProblems, synth, synthJson } from '../support/synth';

/** An existing bucket whose policy this stack owns. */
const IMPORTED: cos.InventoryDestinationAttributes = { ...COS_DESTINATION, policyOwner: BucketPolicyOwner.THIS_STACK };

const SCRIPT = expect.stringMatching(/^assets\/CosInventoryHandler\/[0-9A-F]{32}\/index\.js$/);

function build(props: Partial<cos.InventoryJobProps> = {}) {
  let job!: cos.InventoryJob;
  const out = synth((scope) => {
    const destination = cos.InventoryDestination.fromBucketAttributes(scope, 'Dest', IMPORTED);
    job = new cos.InventoryJob(scope, 'Job', { destination, bucketName: 'logs-1250000000', ...props });
    new TerraformOutput(scope, 'jobId', { value: job.inventoryId });
    new TerraformOutput(scope, 'reportPath', { value: job.reportPath });
  });
  const json = JSON.parse(out);
  const named = (prefix: string) => Object.entries<any>(json.resource.terraform_data).find(([name]) => name.startsWith(prefix))?.[1];
  return { job, out, json, resource: named('Job_1DDAA689'), wait: named('Job_Wait_') };
}

const RUN_ID = '${join("-", ["one-off", substr(replace(terraform_data.Job_1DDAA689.id, "-", ""), 0, 12)])}';

describe('cos.InventoryJob: the job resource', () => {
  test('stores the job as data, every default resolved', () => {
    const { resource } = build({ filter: { objectTags: { age: '18' }, prefix: 'myPrefix' }, optionalFields: [cos.InventoryField.SIZE] });
    expect(resource.input.job).toEqual({
      version: 1,
      bucket: 'logs-1250000000',
      region: 'ap-guangzhou',
      idPrefix: 'one-off',
      destination: { bucket: 'reports-1250000000', accountId: '100000000001', prefix: 'cos_bucket_inventory', encryption: true },
      filter: { prefix: 'myPrefix', tags: [{ key: 'age', value: '18' }] },
      includedObjectVersions: 'Current',
      optionalFields: ['Size'],
    });
  });

  test('the resource', () => {
    const { resource } = build({ filter: { objectTags: { age: '18' }, prefix: 'myPrefix' }, optionalFields: [cos.InventoryField.SIZE] });
    expect(resource).toMatchSnapshot();
  });

  test('is a terraform_data replaced when what defines the job changes, which runs it again', () => {
    const { resource, out } = build();
    const { version: _version, ...definition } = resource.input.job;
    expect(out).toHaveResourceWithProperties(DataResource, { triggers_replace: { job: definition } });
  });

  test('runs the bundled handler on create, with the job Terraform-encoded and the resource id as the run', () => {
    const { resource } = build();
    expect(localExec(resource)).toEqual({
      command: 'run',
      interpreter: ['node', SCRIPT],
      environment: { INVENTORY_JOB: '${jsonencode(self.input.job)}', INVENTORY_RUN_ID: '${self.id}' },
    });
  });

  test('is applied after the destination policy', () => {
    const { resource } = build();
    expect(resource.depends_on).toEqual(['tencentcloud_cos_bucket_policy.Dest_Policy_3D9F23C0']);
  });

  test('grants the source\'s report path in the destination policy', () => {
    const { json } = build();
    expect(cosPolicyDocument(json).Statement[0].Resource).toEqual([cosResource('cos_bucket_inventory/1250000000/logs/*')]);
  });

  test('on a destination whose policy is owned elsewhere, it depends on nothing', () => {
    const json = synthJson((scope) => {
      const destination = cos.InventoryDestination.fromBucketAttributes(scope, 'Dest', { ...COS_DESTINATION, policyOwner: BucketPolicyOwner.ELSEWHERE });
      new cos.InventoryJob(scope, 'Job', { destination, bucketName: 'logs-1250000000' });
    });
    expect(onlyResource(json, 'terraform_data').depends_on).toBeUndefined();
  });

  test('fits Terraform\'s schema', () => {
    const { json } = build();
    expect(schemaProblems(json)).toEqual([]);
  });

  test('credentials never enter the synthesized JSON, even when they are in the environment', () => {
    process.env.TENCENTCLOUD_SECRET_KEY = 'must-not-leak-0001';
    try {
      const { out } = build();
      expect(out).not.toContain('must-not-leak-0001');
      expect(out).not.toMatch(/SECRET|SECURITY_TOKEN/);
    } finally {
      delete process.env.TENCENTCLOUD_SECRET_KEY;
    }
  });
});

// Which props re-run a job (a new, billed POST under a new id): those whose change alters the job resource's
// triggers_replace. Every other prop may change what the job resource holds or how the wait runs, never the run.
describe('cos.InventoryJob: which props re-run the job', () => {
  const BASE: Partial<cos.InventoryJobProps> = { waitForReport: true, filter: { prefix: 'a/' }, optionalFields: [cos.InventoryField.SIZE] };
  const triggersOf = (props: Partial<cos.InventoryJobProps>) => build({ ...BASE, ...props }).resource.triggers_replace;
  const waitTriggersOf = (props: Partial<cos.InventoryJobProps>) => build({ ...BASE, ...props }).wait?.triggers_replace;
  const reruns: Array<[string, Partial<cos.InventoryJobProps>, boolean]> = [
    ['bucketName', { bucketName: 'other-1250000000' }, true],
    ['appId', { bucketName: 'other-1250000001', appId: '1250000001' }, true],
    ['filter.prefix', { filter: { prefix: 'b/' } }, true],
    ['filter.objectTags', { filter: { prefix: 'a/', objectTags: { k: 'v' } } }, true],
    ['filter.createdAfter', { filter: { prefix: 'a/', createdAfter: 1704067200 } }, true],
    ['optionalFields', { optionalFields: [cos.InventoryField.ETAG] }, true],
    ['includedObjectVersions', { includedObjectVersions: InventoryObjectVersions.ALL }, true],
    ['reportPrefix', { reportPrefix: 'audit' }, true],
    ['encryptReports', { encryptReports: false }, true],
    ['jobIdPrefix', { jobIdPrefix: 'audit' }, true],
    ['rerunKey', { rerunKey: '2026-12-06' }, true],
    ['waitTimeoutSeconds', { waitTimeoutSeconds: 60 }, false],
    ['pollIntervalSeconds', { pollIntervalSeconds: 5 }, false],
    ['reportSummaryDepth', { reportSummaryDepth: 3 }, false],
    ['handler.nodeExecutable', { handler: { nodeExecutable: '/usr/bin/node' } }, false],
    ['handler.endpoint', { handler: { endpoint: { domain: '{Bucket}.cos-internal.{Region}.tencentcos.cn' } } }, false],
  ];
  test.each(reruns)('%s: re-runs the job = %s', (_prop, props, rerun) => {
    expect(JSON.stringify(triggersOf(props)) !== JSON.stringify(triggersOf({}))).toBe(rerun);
  });

  test('waitForReport on or off re-runs nothing: it adds or removes only the wait', () => {
    expect(build({ ...BASE, waitForReport: false }).resource.triggers_replace).toEqual(triggersOf({}));
  });

  test('no prop re-runs the wait by itself: it waits once per run of the job', () => {
    for (const [, props] of reruns) expect(waitTriggersOf(props)).toEqual({ run: '${terraform_data.Job_1DDAA689.id}' });
  });
});

describe('cos.InventoryJob: options', () => {
  test('runOnEveryDeploy adds timestamp() to the replacement triggers', () => {
    const { resource } = build({ runOnEveryDeploy: true });
    expect(resource.triggers_replace).toEqual({ job: expect.objectContaining({ bucket: 'logs-1250000000' }), deploy: '${timestamp()}' });
  });

  test('waitForReport adds a wait resource, with its defaults; the job resource itself never waits', () => {
    const { resource, wait } = build({ waitForReport: true });
    expect(resource.input.job.wait).toBeUndefined();
    expect(wait.input.job).toEqual({ ...resource.input.job, wait: { timeoutSeconds: 3600, pollIntervalSeconds: 30 } });
  });

  test('the wait runs verify once per run of the job, for that run\'s job id', () => {
    const { wait } = build({ waitForReport: true });
    expect(wait.triggers_replace).toEqual({ run: '${terraform_data.Job_1DDAA689.id}' });
    expect(localExec(wait)).toEqual({
      command: 'verify',
      interpreter: ['node', SCRIPT],
      environment: { INVENTORY_JOB: '${jsonencode(self.input.job)}', INVENTORY_JOB_ID: RUN_ID },
    });
  });

  test('waitForReport takes the timeout and the poll interval', () => {
    const { wait } = build({ waitForReport: true, waitTimeoutSeconds: 600, pollIntervalSeconds: 15 });
    expect(wait.input.job.wait).toEqual({ timeoutSeconds: 600, pollIntervalSeconds: 15 });
  });

  test('reportSummaryDepth asks the handler for a summary of the waited-for report', () => {
    const { wait } = build({ waitForReport: true, reportSummaryDepth: 2 });
    expect(wait.input.job.wait).toEqual({ timeoutSeconds: 3600, pollIntervalSeconds: 30, summaryDepth: 2 });
  });

  test('without waitForReport the job is submitted without waiting, and there is no wait resource', () => {
    const { resource, wait, job } = build();
    expect(resource.input.job.wait).toBeUndefined();
    expect(wait).toBeUndefined();
    expect(job.waitResource).toBeUndefined();
  });

  test('the creation period filter', () => {
    const { resource } = build({ filter: { createdAfter: 1704067200 } });
    expect(resource.input.job.filter).toEqual({ period: { startTime: 1704067200 } });
  });

  test('report prefix, encryption, versions and id prefix', () => {
    const { resource } = build({ reportPrefix: 'audits', encryptReports: false, includedObjectVersions: InventoryObjectVersions.ALL, jobIdPrefix: 'audit' });
    expect(resource.input.job).toMatchObject({
      idPrefix: 'audit', includedObjectVersions: 'All', destination: { prefix: 'audits', encryption: false },
    });
  });

  test('handler endpoint and node executable', () => {
    const { resource } = build({
      handler: { endpoint: { domain: '{Bucket}.cos-internal.{Region}.tencentcos.cn', protocol: cos.HandlerProtocol.HTTPS }, nodeExecutable: '/opt/node/bin/node' },
    });
    const exec = localExec(resource);
    expect(exec.interpreter).toEqual(['/opt/node/bin/node', SCRIPT]);
    expect(exec.environment).toMatchObject({ COS_INVENTORY_DOMAIN: '{Bucket}.cos-internal.{Region}.tencentcos.cn', COS_INVENTORY_PROTOCOL: 'https:' });
  });
});

describe('cos.InventoryJob: attributes', () => {
  test('bucketName is the source bucket', () => {
    expect(build().job.bucketName).toBe('logs-1250000000');
  });

  test('inventoryId is the run\'s job id, known after apply: the prefix and 12 hex digits of the resource id', () => {
    const { json } = build();
    expect(json.output.jobId.value).toBe(RUN_ID);
  });

  test('reportPath is <prefix>/<appid>/<name>/<job id>', () => {
    const { json } = build();
    expect(json.output.reportPath.value).toBe(`cos_bucket_inventory/1250000000/logs/${RUN_ID}`);
  });

  test('resource is the terraform_data that runs the job', () => {
    const { job } = build();
    expect(job.resource.terraformResourceType).toBe('terraform_data');
    expect(job.resource.node.path).toBe('test/Job/Job');
  });
});

describe('cos.InventoryJob: rules', () => {
  const refused = (props: Record<string, unknown>) => () => build(props as Partial<cos.InventoryJobProps>);

  test('the source bucket name carries its APPID', () => {
    expect(refused({ bucketName: 'logs' })).toThrow('[test/Job] bucketName = "logs": must be <name>-<APPID>');
  });

  test('the source is in the destination\'s region', () => {
    expect(refused({ region: 'ap-beijing' })).toThrow('[test/Job] region = "ap-beijing": must equal the destination bucket\'s region');
  });

  test('a one-time job has no schedule or enabled flag', () => {
    expect(refused({ frequency: 'Daily', enabled: true })).toThrow([
      '[test/Job] frequency = "Daily": is not a prop of cos.InventoryJob: a one-time inventory job cannot carry IsEnabled or Schedule (POST Bucket inventory)',
      '[test/Job] enabled = true: is not a prop of cos.InventoryJob: a one-time inventory job cannot carry IsEnabled or Schedule (POST Bucket inventory)',
    ].join('\n'));
  });

  test('tag keys and values follow the object tag rules', () => {
    expect(refused({ filter: { objectTags: { 'bad$key': 'x', 'ok': 'v'.repeat(257) } } })).toThrow([
      '[test/Job] filter.objectTags[0].key = "bad$key": must be 1-128 letters, digits, spaces or + - = . _ : / @',
      `[test/Job] filter.objectTags[1].value = "${'v'.repeat(199)}… (259 characters): must be 0-256 letters, digits, spaces or + - = . _ : / @`,
    ].join('\n'));
  });

  test('the id prefix leaves room for the run suffix', () => {
    expect(refused({ reportSummaryDepth: 2 })).toThrow('[test/Job] reportSummaryDepth = 2: applies only with waitForReport: true');
    expect(refused({ waitForReport: true, reportSummaryDepth: 0 })).toThrow('[test/Job] reportSummaryDepth = 0: must be a whole number of prefix levels from 1 to 10');
    expect(refused({ jobIdPrefix: 'p'.repeat(52) })).toThrow(`[test/Job] jobIdPrefix = "${'p'.repeat(52)}": must be at most 51 characters (it has 52)`);
  });

  test('the id prefix uses the inventory id characters', () => {
    expect(refused({ jobIdPrefix: 'one off' })).toThrow('[test/Job] jobIdPrefix = "one off": must use only the characters a-z A-Z 0-9 - _ . and not be empty');
  });

  test('encryptReports is a boolean', () => {
    expect(refused({ encryptReports: 'yes' })).toThrow('[test/Job] encryptReports = "yes": must be true or false');
  });

  test('a handler protocol other than http: or https: is refused', () => {
    expect(refused({ handler: { endpoint: { protocol: 'ftp' as cos.HandlerProtocol } } })).toThrow('[test/Job] handler.endpoint.protocol = "ftp": must be http: or https:');
  });
});
