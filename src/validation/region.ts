import { REGION_PATTERN } from '../cos-names';
import { Problem } from './problem';

/** A COS region id such as `ap-guangzhou`. */
export function checkRegion(field: string, region: string | undefined): Problem[] {
  if (region === undefined || REGION_PATTERN.test(region)) return [];
  return [{ field, value: region, rule: 'must be a COS region id such as ap-guangzhou' }];
}

/** COS writes inventory reports only to a destination bucket in the source bucket's region. */
export function checkSameRegion(field: string, sourceRegion: string | undefined, destinationRegion: string | undefined): Problem[] {
  if (sourceRegion === undefined || destinationRegion === undefined || sourceRegion === destinationRegion) return [];
  return [{
    field,
    value: sourceRegion,
    rule: `must equal the destination bucket's region ${JSON.stringify(destinationRegion)}: COS delivers inventory reports only within one region`,
  }];
}
