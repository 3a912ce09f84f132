import { Problem } from './problem';
/** A COS region id such as `ap-guangzhou`. */
export declare function checkRegion(field: string, region: string | undefined): Problem[];
/** COS writes inventory reports only to a destination bucket in the source bucket's region. */
export declare function checkSameRegion(field: string, sourceRegion: string | undefined, destinationRegion: string | undefined): Problem[];
/**
 * OBS regions look like `cn-north-4`, `ap-southeast-1`, `la-south-2`. The region becomes part of the request host
 * (`obs.<region>.myhuaweicloud.com`), so anything else (a `/`, a `#`, a dot) must never get that far.
 */
export declare const OBS_REGION_PATTERN: RegExp;
export declare function checkObsRegion(field: string, region: string | undefined): Problem[];
