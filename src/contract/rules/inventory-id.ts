import { Problem } from './problem';

const ID_PATTERN = /^[A-Za-z0-9._-]+$/;
/**
 * COS documents the charset only. 64 is OBS's documented limit and S3's; applying it on COS too keeps ids
 * portable between the two and short enough for the report path that embeds them.
 */
export const INVENTORY_ID_MAX_LENGTH = 64;

/**
 * Inventory ids: `a-z A-Z 0-9 - _ .`, 1 to `maxLength` characters (PUT/POST Bucket inventory, parameter `id`).
 * An unknown (token) id is skipped.
 */
export function checkInventoryId(field: string, id: string | undefined, maxLength = INVENTORY_ID_MAX_LENGTH): Problem[] {
  if (id === undefined) return [];
  if (!ID_PATTERN.test(id)) {
    return [{ field, value: id, rule: 'must use only the characters a-z A-Z 0-9 - _ . and not be empty' }];
  }
  if (id.length > maxLength) {
    return [{ field, value: id, rule: `must be at most ${maxLength} characters (it has ${id.length})` }];
  }
  return [];
}
