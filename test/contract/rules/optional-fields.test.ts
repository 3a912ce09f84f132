import { synthCosInventory, synthObsInventory } from '../../support/build';

describe('rule: optional fields', () => {
  test('refuses a field COS does not document', () => {
    expect(() => synthCosInventory({ optionalFields: ['Size', 'Owner'] })).toThrow(
      '[test/Inv] optionalFields[1] = "Owner": must be one of Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded, ReplicationStatus, Tag, Crc64, x-cos-meta-*',
    );
  });

  test('refuses a field named twice instead of dropping one', () => {
    expect(() => synthCosInventory({ optionalFields: ['Size', 'ETag', 'Size'] })).toThrow('[test/Inv] optionalFields[2] = "Size": is listed twice; name each field once');
  });

  test('refuses a COS-only field on OBS', () => {
    expect(() => synthObsInventory({ optionalFields: ['Crc64'] })).toThrow(
      '[test/Inv] optionalFields[0] = "Crc64": must be one of Size, LastModifiedDate, ETag, IsMultipartUploaded, ReplicationStatus',
    );
  });
});
