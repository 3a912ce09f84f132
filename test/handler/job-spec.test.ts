import { jobIdFor, parseJob as parseJobSpec } from '../../src/contract/job';
import { candidateDates } from '../../src/handler/report';
import { SPEC } from '../support/seed-job';

describe('job ids', () => {
  test('are the prefix and 12 hex digits of the run id', () => {
    expect(jobIdFor('audit', '3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toBe('audit-3f2504e04f89');
  });

  test('two runs never share one', () => {
    expect(jobIdFor('audit', '3f2504e0-4f89-11d3-9a0c-0305e82c3301')).not.toBe(jobIdFor('audit', '9b2c1e7a-0000-4000-8000-000000000000'));
  });

  test('a run id without 12 hex digits is refused', () => {
    expect(() => jobIdFor('audit', 'run-1')).toThrow('run id = "run-1": must hold at least 12 hex digits');
  });
});

describe('parseJobSpec', () => {
  test('accepts a valid description', () => {
    expect(parseJobSpec(JSON.stringify(SPEC))).toEqual(SPEC);
  });

  test('names every rule broken at once', () => {
    const bad = { ...SPEC, bucket: 'nosuffix', idPrefix: 'x'.repeat(52), optionalFields: ['Owner'], destination: { ...SPEC.destination, accountId: 'me' } };
    expect(() => parseJobSpec(JSON.stringify(bad))).toThrow([
      'job description refused:',
      '  bucket = "nosuffix": must be <name>-<APPID> (for example examplebucket-1250000000): lowercase letters, digits and hyphens, then the numeric APPID suffix',
      `  idPrefix = "${'x'.repeat(52)}": must be at most 51 characters (it has 52)`,
      '  destination.accountId = "me": must be the numeric owner UIN of the account (5 to 20 digits)',
      '  optionalFields[0] = "Owner": must be one of Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded, ReplicationStatus, Tag, Crc64, x-cos-meta-*',
    ].join('\n'));
  });

  test('checks every type against the schema, naming the field path', () => {
    const bad = { ...SPEC, includedObjectVersions: 'Some', optionalFields: 'Size', destination: { ...SPEC.destination, encryption: 'no' }, filter: { tags: [{ key: 1, value: 'x' }] } };
    expect(() => parseJobSpec(JSON.stringify(bad))).toThrow([
      'job description refused:',
      '  destination.encryption = "no": must be true or false',
      '  filter.tags.0.key = 1: must be a string',
      '  includedObjectVersions = "Some": must be one of All, Current',
      '  optionalFields = "Size": must be an array of strings',
    ].join('\n'));
  });

  test('refuses fields it does not know, IsEnabled and Schedule among them: one-time jobs have neither', () => {
    expect(() => parseJobSpec(JSON.stringify({ ...SPEC, isEnabled: true, schedule: { frequency: 'Daily' } }))).toThrow(
      'job description refused:\n  isEnabled = true: is not a field of this document',
    );
  });

  test('names missing required fields', () => {
    expect(() => parseJobSpec('{"version":1}')).toThrow('  bucket = undefined: is required\n  region = undefined: is required');
  });

  test('checks the wait: whole seconds within bounds', () => {
    expect(() => parseJobSpec(JSON.stringify({ ...SPEC, wait: { timeoutSeconds: 60, pollIntervalSeconds: 0 } }))).toThrow(
      'wait.pollIntervalSeconds = 0: must be a whole number of seconds from 1 to 600',
    );
    expect(() => parseJobSpec(JSON.stringify({ ...SPEC, wait: { timeoutSeconds: 'soon', pollIntervalSeconds: 1 } }))).toThrow(
      'wait.timeoutSeconds = "soon": must be a number',
    );
  });

  test('refuses what is not a job description', () => {
    expect(() => parseJobSpec('{')).toThrow(/^job description is not JSON/);
    expect(() => parseJobSpec('{"version":2}')).toThrow('job description refused:\n  version = 2: must be 1');
    expect(() => parseJobSpec(undefined)).toThrow('no job description');
  });

  test('checks tag keys and values', () => {
    const tags = [{ key: '', value: 'x' }, { key: 'a', value: 'v'.repeat(257) }, { key: 'b$', value: 'x' }, { key: 'a', value: 'y' }];
    expect(() => parseJobSpec(JSON.stringify({ ...SPEC, filter: { tags } }))).toThrow([
      '  filter.tags[0].key = "": must be 1-128 letters, digits, spaces or + - = . _ : / @',
      `  filter.tags[1].value = "${'v'.repeat(199)}… (259 characters): must be 0-256 letters, digits, spaces or + - = . _ : / @`,
      '  filter.tags[2].key = "b$": must be 1-128 letters, digits, spaces or + - = . _ : / @',
      '  filter.tags[3].key = "a": is listed twice; a tag key appears once',
    ].join('\n'));
  });
});

describe('report dates', () => {
  test('cover the UTC and China Standard Time dates from submission to now', () => {
    expect(candidateDates(new Date('2026-11-22T20:00:00Z'), new Date('2026-11-22T21:00:00Z'))).toEqual(['20261122', '20261123']);
    expect(candidateDates(new Date('2026-11-22T01:00:00Z'), new Date('2026-11-22T02:00:00Z'))).toEqual(['20261122']);
  });
});
