import type { InventoryJobSpec } from './contract/spec';
import { InventoryDestination } from './inventory-destination';
import { InventoryReportOptions } from './inventory-options';
import { checkAppId, checkBucketName } from './contract/rules/bucket-name';
import { checkOneOf, OBJECT_VERSIONS } from './contract/rules/choices';
import { checkCreationPeriod } from './contract/rules/creation-period';
import { known, knownEach } from './validation/known';
import { checkFilterPrefix, checkReportPrefix } from './contract/rules/object-prefix';
import { checkObjectTags, ObjectTag } from './contract/rules/object-tags';
import { checkOptionalFields } from './contract/rules/optional-fields';
import { Problem } from './contract/rules/problem';
import { checkRegion, checkSameRegion } from './contract/rules/region';

/** The source bucket of an inventory or a job, and where its reports go. */
export interface InventorySourceProps {
  /** Where reports go; the matching bucket policy statement is added to it. */
  readonly destination: InventoryDestination;
  /**
   * Full name of the source bucket, with its `-APPID` suffix. A bucket created in the same stack may be passed
   * as a reference (`myBucket.bucket`); give `appId` then.
   */
  readonly bucketName: string;
  /**
   * APPID of the source bucket's account.
   * @default - the `-APPID` suffix of `bucketName`
   */
  readonly appId?: string;
  /**
   * Region of the source bucket; COS requires the destination in the same region.
   * @default - the destination's region
   */
  readonly region?: string;
}

/**
 * The rules periodic configs and one-off jobs share: source bucket name, region, filters, fields and report prefix.
 * Values Terraform resolves later are skipped.
 */
export function reportSourceProblems(props: InventorySourceProps & InventoryReportOptions, reportPrefix: string): Problem[] {
  const destination = props.destination;
  return [
    ...checkBucketName('bucketName', known(props.bucketName)),
    ...checkAppId('appId', known(props.appId), known(props.bucketName)),
    ...checkRegion('region', known(props.region)),
    ...checkSameRegion('region', known(props.region ?? destination.region), known(destination.region)),
    ...checkOptionalFields('optionalFields', knownEach(props.optionalFields ?? [])),
    ...checkFilterPrefix('prefix', known(props.prefix)),
    ...checkReportPrefix('reportPrefix', known(reportPrefix)),
    ...checkCreationPeriod('createdAfter', known(props.createdAfter), 'createdBefore', known(props.createdBefore)),
    ...checkOneOf('includedObjectVersions', known(props.includedObjectVersions), OBJECT_VERSIONS),
  ];
}

/** The tag filter as the handler takes it, in the order given. */
export function tagsOf(options: InventoryReportOptions): ObjectTag[] {
  return Object.entries(options.tags ?? {}).map(([key, value]) => ({ key, value }));
}

/** Tag filter rules; a tag with a token key or value is skipped. */
export function tagProblems(options: InventoryReportOptions): Problem[] {
  if (known(options.tags) === undefined) return [];
  return checkObjectTags('tags', tagsOf(options).map((tag) => (known(tag.key) === undefined || known(tag.value) === undefined ? undefined : tag)));
}

/** Prefix, tags and creation period as the handler's job and config documents carry them. */
export function handlerFilter(options: InventoryReportOptions): InventoryJobSpec['filter'] {
  const tags = tagsOf(options);
  const period = options.createdAfter !== undefined || options.createdBefore !== undefined
    ? { startTime: options.createdAfter, endTime: options.createdBefore }
    : undefined;
  if (options.prefix === undefined && tags.length === 0 && period === undefined) return undefined;
  return { prefix: options.prefix, tags: tags.length > 0 ? tags : undefined, period };
}
