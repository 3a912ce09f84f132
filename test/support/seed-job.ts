import type { InventoryJobSpec } from '../../src/contract/spec';

/** The seed document's example job, as a job description. */
export const SPEC: InventoryJobSpec = {
  version: 1,
  bucket: 'examplebucket-1250000000',
  region: 'ap-guangzhou',
  idPrefix: 'audit',
  destination: { bucket: 'inventorybucket-1250000000', accountId: '100000000001', prefix: 'cos_bucket_inventory', encryption: true },
  filter: { prefix: 'myPrefix', tags: [{ key: 'age', value: '18' }] },
  includedObjectVersions: 'All',
  optionalFields: ['Size', 'LastModifiedDate', 'StorageClass', 'ETag', 'Tag'],
};
