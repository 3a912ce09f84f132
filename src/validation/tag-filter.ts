import { Problem } from './problem';

/**
 * `tencentcloud_cos_bucket_inventory.filter` has `prefix` and `period` only, so a periodic config with a tag filter
 * cannot be expressed through the provider. Refuse it rather than drop the filter and report every object.
 */
export function checkTagFilterExpressible(field: string, tags: Record<string, string> | undefined): Problem[] {
  if (tags === undefined || Object.keys(tags).length === 0) return [];
  return [{
    field,
    value: tags,
    rule: 'tencentcloud_cos_bucket_inventory cannot filter by tag (its filter has prefix and period only); '
      + 'for a one-off report with a tag filter use InventoryJob, which sends POST Bucket inventory itself',
  }];
}
