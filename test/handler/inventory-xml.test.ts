import { buildInventoryXml, parseErrorBody, parseJobId, parseXml } from '../../src/handler/inventory-xml';
import type { InventoryJobSpec } from '../../src/contract/spec';
import { SPEC } from '../support/seed-job';

// The seed document's example as sent: its id is `disposable` and it asks for no encryption.
const SEED_EXAMPLE: InventoryJobSpec = { ...SPEC, idPrefix: 'disposable', destination: { ...SPEC.destination, encryption: false } };

describe('InventoryConfiguration XML', () => {
  test('the seed example, element for element', () => {
    expect(buildInventoryXml(SEED_EXAMPLE, 'disposable')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><InventoryConfiguration><Id>disposable</Id>'
      + '<Destination><COSBucketDestination><Format>CSV</Format><AccountId>100000000001</AccountId>'
      + '<Bucket>qcs::cos:ap-guangzhou::inventorybucket-1250000000</Bucket><Prefix>cos_bucket_inventory</Prefix></COSBucketDestination></Destination>'
      + '<Filter><And><Prefix>myPrefix</Prefix><Tag><Key>age</Key><Value>18</Value></Tag></And></Filter>'
      + '<IncludedObjectVersions>All</IncludedObjectVersions>'
      + '<OptionalFields><Field>Size</Field><Field>LastModifiedDate</Field><Field>StorageClass</Field><Field>ETag</Field><Field>Tag</Field></OptionalFields>'
      + '</InventoryConfiguration>',
    );
  });

  test('every field round-trips, and IsEnabled and Schedule never appear', () => {
    const spec: InventoryJobSpec = {
      ...SEED_EXAMPLE,
      destination: { ...SEED_EXAMPLE.destination, encryption: true },
      filter: { prefix: 'logs/', tags: [{ key: 'team', value: 'a' }, { key: 'env', value: '' }], period: { startTime: 1568688761, endTime: 1568688762 } },
      includedObjectVersions: 'Current',
      optionalFields: ['Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'Tag', 'Crc64', 'x-cos-meta-*'],
    };
    const xml = buildInventoryXml(spec, 'job-1');
    expect(xml).toContain('<Encryption><SSE-COS></SSE-COS></Encryption>');
    expect(xml).not.toMatch(/IsEnabled|Schedule/);
    expect(parseXml(xml).InventoryConfiguration).toEqual({
      Id: 'job-1',
      Destination: { COSBucketDestination: { Format: 'CSV', AccountId: '100000000001', Bucket: 'qcs::cos:ap-guangzhou::inventorybucket-1250000000', Prefix: 'cos_bucket_inventory', Encryption: { 'SSE-COS': '' } } },
      Filter: { And: { Prefix: 'logs/', Tag: [{ Key: 'team', Value: 'a' }, { Key: 'env', Value: '' }] }, Period: { StartTime: '1568688761', EndTime: '1568688762' } },
      IncludedObjectVersions: 'Current',
      OptionalFields: { Field: spec.optionalFields },
    });
  });

  test('a prefix alone stands in Filter directly; no filter means no Filter element', () => {
    expect(buildInventoryXml({ ...SEED_EXAMPLE, filter: { prefix: 'a/' } }, 'x')).toContain('<Filter><Prefix>a/</Prefix></Filter>');
    const bare = buildInventoryXml({ ...SEED_EXAMPLE, filter: undefined, optionalFields: [] }, 'x');
    expect(bare).not.toMatch(/Filter|OptionalFields/);
  });

  test('odd keys, values and prefixes are escaped and come back intact', () => {
    const odd = { prefix: 'a&b/<c>/"quoted" \'single\'/中文/ spaces ', tags: [{ key: 'k&<>"', value: 'v\'&</Value>' }] };
    const xml = buildInventoryXml({ ...SEED_EXAMPLE, filter: odd }, 'x');
    expect(xml).toContain('<Prefix>a&amp;b/&lt;c&gt;/');
    expect(xml).not.toContain('</Value></Value>');
    const parsed = parseXml(xml).InventoryConfiguration.Filter.And;
    expect(parsed.Prefix).toBe(odd.prefix.trim());
    expect(parsed.Tag).toEqual([{ Key: 'k&<>"', Value: 'v\'&</Value>' }]);
  });
});

describe('COS responses', () => {
  test('PostInventoryResult/JobId is read; an empty body has none', () => {
    expect(parseJobId('<PostInventoryResult><JobId>Dgesgeqzd0dd***==</JobId></PostInventoryResult>')).toBe('Dgesgeqzd0dd***==');
    expect(parseJobId('')).toBeUndefined();
  });

  test('the documented error body is read', () => {
    expect(parseErrorBody("<?xml version='1.0' encoding='utf-8' ?><Error><Code>AccessDenied</Code><Message>Access Denied.</Message><RequestId>NTlh</RequestId><TraceId>t</TraceId></Error>"))
      .toEqual({ Code: 'AccessDenied', Message: 'Access Denied.', RequestId: 'NTlh', TraceId: 't' });
    expect(parseErrorBody('not xml <')).toEqual({});
  });
});
