// Pure naming helpers, free of cdktf: the handler bundle uses them too.

/**
 * COS bucket names are `<BucketName>-<APPID>`: lowercase letters, digits and hyphens, no hyphen at either end,
 * 50 characters at most in all.
 * @see https://www.tencentcloud.com/document/product/436/13312 (Bucket Overview, naming conventions)
 */
export const BUCKET_NAME_PATTERN = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-([0-9]{5,12})$/;
/** An APPID alone: the digits a bucket name ends with. */
export const APP_ID_PATTERN = /^[0-9]{5,12}$/;
export const BUCKET_NAME_MAX_LENGTH = 50;

/** COS regions look like `ap-guangzhou`, `ap-shanghai-fsi`, `na-siliconvalley`. */
export const REGION_PATTERN = /^[a-z]+(?:-[a-z0-9]+)+$/;

/** A bucket name split into the parts COS uses in resource names and report paths. */
export interface BucketNameParts {
  /** The name without the `-APPID` suffix (the form report paths use). */
  readonly shortName: string;
  /** The APPID suffix. */
  readonly appId: string;
}

/** Splits `examplebucket-1250000000` into its short name and APPID. */
export function parseBucketName(bucketName: string): BucketNameParts {
  const match = BUCKET_NAME_PATTERN.exec(bucketName);
  if (!match) {
    throw new Error(`bucket name ${JSON.stringify(bucketName)} is not of the form <name>-<APPID>`);
  }
  return { shortName: match[1], appId: match[2] };
}

/** `qcs::cos:<region>:uid/<appid>:<bucket>/<path>`, the six-segment resource name bucket policies use. */
export function cosObjectResource(region: string, appId: string, bucketName: string, objectPath: string): string {
  return `qcs::cos:${region}:uid/${appId}:${bucketName}/${objectPath}`;
}

/** `qcs::cos:<region>::<bucket>`, the form inventory destinations name their bucket in. */
export function inventoryBucketReference(region: string, bucketName: string): string {
  return `qcs::cos:${region}::${bucketName}`;
}

/**
 * Where COS writes the reports of one source bucket: `<prefix>/<source appid>/<source name without -appid>/`.
 * Under it come `<inventory id>/<yyyymmdd>/manifest.json`, `manifest.checksum` and the data files.
 * @see https://www.tencentcloud.com/document/product/436/30622 (Inventory Overview, report storage path)
 */
export function sourceReportPath(prefix: string, source: BucketNameParts): string {
  return `${prefix}/${source.appId}/${source.shortName}`;
}
