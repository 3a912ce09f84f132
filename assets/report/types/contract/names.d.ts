/**
 * COS bucket names are `<BucketName>-<APPID>`: lowercase letters, digits and hyphens, no hyphen at either end,
 * 50 characters at most in all.
 * @see https://www.tencentcloud.com/document/product/436/13312 (Bucket Overview, naming conventions)
 */
export declare const BUCKET_NAME_PATTERN: RegExp;
/** An APPID alone: the digits a bucket name ends with. */
export declare const APP_ID_PATTERN: RegExp;
export declare const BUCKET_NAME_MAX_LENGTH = 50;
/** COS regions look like `ap-guangzhou`, `ap-shanghai-fsi`, `na-siliconvalley`. */
export declare const REGION_PATTERN: RegExp;
/** A bucket name split into the parts COS uses in resource names and report paths. */
export interface BucketNameParts {
    /** The name without the `-APPID` suffix (the form report paths use). */
    readonly shortName: string;
    /** The APPID suffix. */
    readonly appId: string;
}
/** Splits `examplebucket-1250000000` into its short name and APPID. */
export declare function parseBucketName(bucketName: string): BucketNameParts;
/** `qcs::cos:<region>:uid/<appid>:<bucket>/<path>`, the six-segment resource name bucket policies use. */
export declare function cosObjectResource(region: string, appId: string, bucketName: string, objectPath: string): string;
/** `qcs::cos:<region>::<bucket>`, the form inventory destinations name their bucket in. */
export declare function inventoryBucketReference(region: string, bucketName: string): string;
/**
 * Where COS writes the reports of one source bucket: `<prefix>/<source appid>/<source name without -appid>/`.
 * Under it come `<inventory id>/<yyyymmdd>/manifest.json`, `manifest.checksum` and the data files.
 * @see https://www.tencentcloud.com/document/product/436/30622 (Inventory Overview, report storage path)
 */
export declare function sourceReportPath(prefix: string, source: BucketNameParts): string;
