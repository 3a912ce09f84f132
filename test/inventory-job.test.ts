import { InventoryDestination, InventoryJob } from '../src';
import { bucketPolicyDocument, synth, synthJson } from './support/synth';

const EXISTING = { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001', existingBucket: true };

function jobResource(json: any): any {
  return Object.values(json.resource.terraform_data)[0];
}

describe('InventoryJob', () => {
  test('a terraform_data that stores the job as data and runs the bundled handler with it, Terraform-encoded', () => {
    const json = synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', EXISTING);
      new InventoryJob(scope, 'Job', { destination, bucketName: 'logs-1250000000', tags: { age: '18' }, prefix: 'myPrefix', optionalFields: ['Size'] });
    });
    const job = jobResource(json);
    expect(job.input.job).toEqual({
      version: 1,
      bucket: 'logs-1250000000',
      region: 'ap-guangzhou',
      idPrefix: 'one-off',
      destination: { bucket: 'reports-1250000000', accountId: '100000000001', prefix: 'cos_bucket_inventory', encryption: true },
      filter: { prefix: 'myPrefix', tags: [{ key: 'age', value: '18' }] },
      includedObjectVersions: 'Current',
      optionalFields: ['Size'],
    });
    expect(job.triggers_replace).toEqual({ job: job.input.job });
    const exec = job.provisioner[0]['local-exec'];
    expect(exec.interpreter).toEqual(['node', expect.stringMatching(/^assets\/CosInventoryHandler\/[0-9A-F]{32}\/index\.js$/)]);
    expect(exec.command).toBe('run');
    expect(exec.environment).toEqual({ COS_INVENTORY_JOB: '${jsonencode(self.input.job)}', COS_INVENTORY_RUN_ID: '${self.id}' });
    expect(exec.when).toBeUndefined();
    expect(job.depends_on).toEqual(['tencentcloud_cos_bucket_policy.Dest_Policy_3D9F23C0']);
    expect(bucketPolicyDocument(json).Statement[0].Resource).toEqual(['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/cos_bucket_inventory/1250000000/logs/*']);
    expect(json).toMatchSnapshot();
  });

  test('credentials never enter the synthesized JSON, even when they are in the environment', () => {
    process.env.TENCENTCLOUD_SECRET_KEY = 'must-not-leak-0001';
    try {
      const out = synth((scope) => {
        const destination = new InventoryDestination(scope, 'Dest', EXISTING);
        new InventoryJob(scope, 'Job', { destination, bucketName: 'logs-1250000000' });
      });
      expect(out).not.toContain('must-not-leak-0001');
      expect(out).not.toMatch(/SECRET|SECURITY_TOKEN/);
    } finally {
      delete process.env.TENCENTCLOUD_SECRET_KEY;
    }
  });

  test('runOnEveryDeploy adds timestamp() to the replacement triggers', () => {
    const job = jobResource(synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', EXISTING);
      new InventoryJob(scope, 'Job', { destination, bucketName: 'logs-1250000000', runOnEveryDeploy: true });
    }));
    expect(job.triggers_replace.deploy).toBe('${timestamp()}');
  });

  test('waiting, endpoint and node executable', () => {
    const job = jobResource(synthJson((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', EXISTING);
      new InventoryJob(scope, 'Job', {
        destination, bucketName: 'logs-1250000000', waitForReport: true, waitTimeoutSeconds: 600, pollIntervalSeconds: 15,
        endpoint: { domain: '{Bucket}.cos-internal.{Region}.tencentcos.cn', protocol: 'https:' }, nodeExecutable: '/opt/node/bin/node',
        createdAfter: 1704067200, encryptReports: false, reportPrefix: 'audits',
      });
    }));
    const spec = job.input.job;
    expect(spec.wait).toEqual({ timeoutSeconds: 600, pollIntervalSeconds: 15 });
    expect(spec.filter).toEqual({ period: { startTime: 1704067200 } });
    expect(spec.destination).toMatchObject({ prefix: 'audits', encryption: false });
    const exec = job.provisioner[0]['local-exec'];
    expect(exec.interpreter[0]).toBe('/opt/node/bin/node');
    expect(exec.environment).toMatchObject({ COS_INVENTORY_DOMAIN: '{Bucket}.cos-internal.{Region}.tencentcos.cn', COS_INVENTORY_PROTOCOL: 'https:' });
  });

  describe('rules', () => {
    const build = (props: Record<string, unknown>) => () => synth((scope) => {
      const destination = new InventoryDestination(scope, 'Dest', EXISTING);
      new InventoryJob(scope, 'Job', { destination, bucketName: 'logs-1250000000', ...props } as any);
    });

    test('the foundation rules apply', () => {
      expect(build({ bucketName: 'logs', optionalFields: ['Owner'] })).toThrow(
        '[test/Job] bucketName = "logs": must be <name>-<APPID>',
      );
      expect(build({ region: 'ap-beijing' })).toThrow('[test/Job] region = "ap-beijing": must equal the destination bucket\'s region');
    });

    test('a one-time job has no schedule or enabled flag', () => {
      expect(build({ frequency: 'Daily', enabled: true })).toThrow([
        '[test/Job] enabled = true: a one-time inventory job cannot carry IsEnabled or Schedule (POST Bucket inventory)',
        '[test/Job] frequency = "Daily": a one-time inventory job cannot carry IsEnabled or Schedule (POST Bucket inventory)',
      ].join('\n'));
    });

    test('tag keys and values follow the object tag rules', () => {
      expect(build({ tags: { 'bad$key': 'x', ok: 'v'.repeat(257) } })).toThrow([
        '[test/Job] tags[0].key = "bad$key": must be 1-128 letters, digits, spaces or + - = . _ : / @',
        `[test/Job] tags[1].value = "${'v'.repeat(199)}… (259 characters): must be 0-256 letters, digits, spaces or + - = . _ : / @`,
      ].join('\n'));
    });

    test('the id prefix leaves room for the run suffix', () => {
      expect(build({ jobIdPrefix: 'p'.repeat(52) })).toThrow(`[test/Job] jobIdPrefix = "${'p'.repeat(52)}": must be at most 51 characters (it has 52)`);
    });

    test('wait settings need waitForReport and whole seconds', () => {
      expect(build({ waitTimeoutSeconds: 0 })).toThrow([
        '[test/Job] waitTimeoutSeconds = 0: must be a whole number of seconds from 1 to 86400',
        '[test/Job] waitTimeoutSeconds = 0: applies only with waitForReport: true',
      ].join('\n'));
      expect(build({ waitForReport: true, pollIntervalSeconds: 0 })).toThrow('[test/Job] pollIntervalSeconds = 0: must be a whole number of seconds from 1 to 600');
      expect(build({ waitForReport: true, pollIntervalSeconds: 'soon' })).toThrow('[test/Job] pollIntervalSeconds = "soon": must be a whole number of seconds from 1 to 600');
      expect(build({ waitForReport: true, waitTimeoutSeconds: 60, pollIntervalSeconds: 120 })).toThrow('[test/Job] pollIntervalSeconds = 120: must not be longer than waitTimeoutSeconds (60)');
    });
  });
});
