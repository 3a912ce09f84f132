import { Fn, Token } from '../core';
import { BUCKET_NAME_PATTERN, BucketNameParts, parseBucketName } from '../contract/names';
import { checkAppId, checkBucketName } from '../contract/rules/bucket-name';
import { checkOneOf, OBJECT_VERSIONS } from '../contract/rules/choices';
import { checkReportPrefix } from '../contract/rules/object-prefix';
import { checkOptionalFields } from '../contract/rules/optional-fields';
import { Problem } from '../contract/rules/problem';
import { checkRegion, checkSameRegion } from '../contract/rules/region';
import { filterProblems } from '../common/filter';
import { InventoryReportOptions } from '../common/inventory-options';
import { known, knownEach } from '../common/validation/known';
import { InventoryFieldOptions } from './inventory-field';

/** A COS source bucket as constructs name it. */
export interface CosSourceNaming {
  readonly bucketName: string;
  readonly appId?: string;
  readonly region?: string;
}

/**
 * Splits `examplebucket-1250000000` into its short name and APPID. A token is split by Terraform at apply time,
 * so a bucket created in the same stack can be used before its name is known.
 */
export function splitBucketName(bucketName: string): BucketNameParts {
  if (!Token.isUnresolved(bucketName)) return parseBucketName(bucketName);
  const parts = Fn.regex(BUCKET_NAME_PATTERN.source, bucketName);
  return { shortName: Fn.element(parts, 0), appId: Fn.element(parts, 1) };
}

/**
 * The rules periodic configs and one-off jobs share: source bucket name, region, filter, fields and report prefix.
 * Values Terraform resolves later are skipped.
 */
export function cosReportProblems(source: CosSourceNaming, options: InventoryReportOptions & InventoryFieldOptions, reportPrefix: string, destinationRegion: string): Problem[] {
  return [
    ...checkBucketName('bucketName', known(source.bucketName)),
    ...checkAppId('appId', known(source.appId), known(source.bucketName)),
    ...checkRegion('region', known(source.region)),
    ...checkSameRegion('region', 'COS', known(source.region ?? destinationRegion), known(destinationRegion)),
    ...checkOptionalFields('optionalFields', knownEach(options.optionalFields ?? [])),
    ...filterProblems('cos', options.filter),
    ...checkReportPrefix('reportPrefix', known(reportPrefix)),
    ...checkOneOf('includedObjectVersions', known(options.includedObjectVersions), OBJECT_VERSIONS),
  ];
}
