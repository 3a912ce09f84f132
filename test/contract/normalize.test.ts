// The one place defaults are resolved: each default of a periodic config or a one-off job, once.
import { DEFAULTS } from '../../src/contract/defaults';
import { ConfigInput, JobInput, normalizeConfig, normalizeFilter, normalizeJob } from '../../src/contract/normalize';

const COS_CONFIG: ConfigInput = {
  service: 'cos', bucket: 'logs-1250000000', region: 'ap-guangzhou',
  destination: { bucket: 'reports-1250000000', prefix: 'cos_bucket_inventory', accountId: '100000000001' },
};
const OBS_CONFIG: ConfigInput = { service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', destination: { bucket: 'destbucket', prefix: 'BucketInventory' } };
const JOB: JobInput = {
  bucket: 'logs-1250000000', region: 'ap-guangzhou',
  destination: { bucket: 'reports-1250000000', prefix: 'cos_bucket_inventory', accountId: '100000000001' },
};

describe('normalizeConfig: defaults', () => {
  test('frequency defaults to Daily', () => {
    expect(normalizeConfig(COS_CONFIG).frequency).toBe('Daily');
  });

  test('the id defaults to inventory-daily', () => {
    expect(normalizeConfig(COS_CONFIG).id).toBe('inventory-daily');
  });

  test('the id of a weekly config defaults to inventory-weekly, so a daily and a weekly config can share a bucket', () => {
    expect(normalizeConfig({ ...COS_CONFIG, frequency: 'Weekly' }).id).toBe('inventory-weekly');
  });

  test('enabled defaults to true', () => {
    expect(normalizeConfig(COS_CONFIG).enabled).toBe(true);
  });

  test('includedObjectVersions defaults to Current', () => {
    expect(normalizeConfig(COS_CONFIG).includedObjectVersions).toBe('Current');
  });

  test('optionalFields defaults to none', () => {
    expect(normalizeConfig(COS_CONFIG).optionalFields).toEqual([]);
  });

  test('the filter defaults to none: the field is absent', () => {
    expect(normalizeConfig(COS_CONFIG).filter).toBeUndefined();
  });

  test('COS report encryption defaults to SSE-COS', () => {
    expect(normalizeConfig(COS_CONFIG).destination.encryption).toBe(true);
  });
});

describe('normalizeConfig: values given', () => {
  test('every value given is kept', () => {
    expect(normalizeConfig({
      ...COS_CONFIG, id: 'audit', enabled: false, frequency: 'Weekly', includedObjectVersions: 'All', optionalFields: ['Size'],
      filter: { prefix: 'logs/' }, destination: { ...COS_CONFIG.destination, encryption: false },
    })).toEqual({
      version: 1, service: 'cos', bucket: 'logs-1250000000', region: 'ap-guangzhou', id: 'audit', enabled: false, frequency: 'Weekly',
      includedObjectVersions: 'All', optionalFields: ['Size'], filter: { prefix: 'logs/', tags: undefined, period: undefined },
      destination: { bucket: 'reports-1250000000', prefix: 'cos_bucket_inventory', accountId: '100000000001', encryption: false },
    });
  });

  test('an OBS config has no COS destination fields, whatever is passed', () => {
    expect(normalizeConfig({ ...OBS_CONFIG, destination: { ...OBS_CONFIG.destination, accountId: '1', encryption: true } }).destination).toEqual({
      bucket: 'destbucket', prefix: 'BucketInventory',
    });
  });

  test('the optional fields are copied, not shared with the caller', () => {
    const optionalFields = ['Size'];
    const spec = normalizeConfig({ ...COS_CONFIG, optionalFields });
    optionalFields.push('ETag');
    expect(spec.optionalFields).toEqual(['Size']);
  });
});

describe('normalizeFilter', () => {
  test('no filter, or an empty one, is no filter', () => {
    expect(normalizeFilter(undefined)).toBeUndefined();
    expect(normalizeFilter({})).toBeUndefined();
    expect(normalizeFilter({ objectTags: {} })).toBeUndefined();
  });

  test('tags become key/value pairs in the order given', () => {
    expect(normalizeFilter({ objectTags: { team: 'media', env: 'prod' } })?.tags).toEqual([{ key: 'team', value: 'media' }, { key: 'env', value: 'prod' }]);
  });

  test('one bound of the creation period is a period', () => {
    expect(normalizeFilter({ createdBefore: 1735689600 })?.period).toEqual({ startTime: undefined, endTime: 1735689600 });
  });
});

describe('normalizeJob: defaults', () => {
  test('the id prefix defaults to one-off', () => {
    expect(normalizeJob(JOB).idPrefix).toBe('one-off');
  });

  test('includedObjectVersions defaults to Current', () => {
    expect(normalizeJob(JOB).includedObjectVersions).toBe('Current');
  });

  test('optionalFields defaults to none', () => {
    expect(normalizeJob(JOB).optionalFields).toEqual([]);
  });

  test('report encryption defaults to SSE-COS', () => {
    expect(normalizeJob(JOB).destination.encryption).toBe(true);
  });

  test('without a wait the job does not wait', () => {
    expect(normalizeJob(JOB).wait).toBeUndefined();
  });

  test('the wait timeout defaults to 3600 seconds', () => {
    expect(normalizeJob({ ...JOB, wait: {} }).wait?.timeoutSeconds).toBe(3600);
  });

  test('the first poll interval defaults to 30 seconds', () => {
    expect(normalizeJob({ ...JOB, wait: {} }).wait?.pollIntervalSeconds).toBe(30);
  });
});

describe('DEFAULTS', () => {
  test('are the values documented with @default', () => {
    expect(DEFAULTS).toEqual({
      frequency: 'Daily',
      includedObjectVersions: 'Current',
      enabled: true,
      encryptReports: true,
      cosReportPrefix: 'cos_bucket_inventory',
      obsReportPrefix: 'BucketInventory',
      jobIdPrefix: 'one-off',
      waitTimeoutSeconds: 3600,
      pollIntervalSeconds: 30,
      ledgerDirectory: '.cos-inventory/ledgers',
    });
  });
});
