import { InventoryService } from '../contract/spec';
import { checkCreationPeriod } from '../contract/rules/creation-period';
import { checkFilterPrefix } from '../contract/rules/object-prefix';
import { checkObjectTags } from '../contract/rules/object-tags';
import { Problem } from '../contract/rules/problem';
import { InventoryFilter } from './inventory-options';
import { known } from './validation/known';

/**
 * The rules of a filter, for the service it goes to; values Terraform resolves later are skipped. OBS filters by
 * prefix alone, so a tag filter or creation period there is refused rather than dropped.
 */
export function filterProblems(service: InventoryService, filter: InventoryFilter | undefined): Problem[] {
  if (filter === undefined) return [];
  const problems = [...checkFilterPrefix('filter.prefix', known(filter.prefix))];
  if (service === 'obs') {
    for (const field of ['objectTags', 'createdAfter', 'createdBefore'] as const) {
      if (filter[field] !== undefined) problems.push({ field: `filter.${field}`, value: filter[field], rule: 'OBS inventories filter by prefix only' });
    }
    return problems;
  }
  const tags = known(filter.objectTags) === undefined ? [] : Object.entries(filter.objectTags ?? {})
    .map(([key, value]) => (known(key) === undefined || known(value) === undefined ? undefined : { key, value }));
  return [
    ...problems,
    ...checkObjectTags('filter.objectTags', tags),
    ...checkCreationPeriod('filter.createdAfter', known(filter.createdAfter), 'filter.createdBefore', known(filter.createdBefore)),
  ];
}
