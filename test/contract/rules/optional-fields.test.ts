import { cos, obs } from '../../../src';
import { synthCosInventory, synthObsInventory } from '../../support/build';

describe('rule: optional fields', () => {
  test('refuses a field COS does not document', () => {
    expect(() => synthCosInventory({ optionalFields: [cos.InventoryField.SIZE, 'Owner' as cos.InventoryField] })).toThrow(
      '[test/Inv] optionalFields[1] = "Owner": must be one of Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded, ReplicationStatus, Tag, Crc64, x-cos-meta-*',
    );
  });

  test('refuses a field named twice instead of dropping one', () => {
    expect(() => synthCosInventory({ optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.ETAG, cos.InventoryField.SIZE] })).toThrow('[test/Inv] optionalFields[2] = "Size": is listed twice; name each field once');
  });

  test('refuses a COS-only field on OBS', () => {
    expect(() => synthObsInventory({ optionalFields: ['Crc64' as obs.InventoryField] })).toThrow(
      '[test/Inv] optionalFields[0] = "Crc64": must be one of Size, LastModifiedDate, ETag, IsMultipartUploaded, ReplicationStatus',
    );
  });
});
