import { REGION_PATTERN } from '../cos-names';
import { isUnresolved, Problem } from './problem';

/** A COS region id such as `ap-guangzhou`. */
export function checkRegion(field: string, region: string): Problem[] {
  if (isUnresolved(region) || REGION_PATTERN.test(region)) return [];
  return [{ field, value: region, rule: 'must be a COS region id such as ap-guangzhou' }];
}

/** COS writes inventory reports only to a destination bucket in the source bucket's region. */
export function checkSameRegion(field: string, sourceRegion: string, destinationRegion: string): Problem[] {
  if (isUnresolved(sourceRegion) || isUnresolved(destinationRegion) || sourceRegion === destinationRegion) return [];
  return [{
    field,
    value: sourceRegion,
    rule: `must equal the destination bucket's region ${JSON.stringify(destinationRegion)}: COS delivers inventory reports only within one region`,
  }];
}
