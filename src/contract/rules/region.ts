import { REGION_PATTERN } from '../names';
import { Problem } from './problem';

/** A COS region id such as `ap-guangzhou`. */
export function checkRegion(field: string, region: string | undefined): Problem[] {
  if (region === undefined || REGION_PATTERN.test(region)) return [];
  return [{ field, value: region, rule: 'must be a COS region id such as ap-guangzhou' }];
}

/** COS and OBS write inventory reports only to a destination bucket in the source bucket's region. */
export function checkSameRegion(field: string, service: 'COS' | 'OBS', sourceRegion: string | undefined, destinationRegion: string | undefined): Problem[] {
  if (sourceRegion === undefined || destinationRegion === undefined || sourceRegion === destinationRegion) return [];
  return [{
    field,
    value: sourceRegion,
    rule: `must equal the destination bucket's region ${JSON.stringify(destinationRegion)}: ${service} delivers inventory reports only within one region`,
  }];
}

/**
 * OBS regions look like `cn-north-4`, `ap-southeast-1`, `la-south-2`. The region becomes part of the request host
 * (`obs.<region>.myhuaweicloud.com`), so anything else (a `/`, a `#`, a dot) must never get that far.
 */
export const OBS_REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}$/;

export function checkObsRegion(field: string, region: string | undefined): Problem[] {
  if (region === undefined || OBS_REGION_PATTERN.test(region)) return [];
  return [{ field, value: region, rule: 'must be an OBS region id such as cn-north-4' }];
}
