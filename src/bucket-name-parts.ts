import { Fn, Token } from './core';
import { BUCKET_NAME_PATTERN, BucketNameParts, parseBucketName } from './contract/names';

/**
 * Splits `examplebucket-1250000000` into its short name and APPID. A token is split by Terraform at apply time,
 * so a bucket created in the same stack can be used before its name is known.
 */
export function splitBucketName(bucketName: string): BucketNameParts {
  if (!Token.isUnresolved(bucketName)) return parseBucketName(bucketName);
  const parts = Fn.regex(BUCKET_NAME_PATTERN.source, bucketName);
  return { shortName: Fn.element(parts, 0), appId: Fn.element(parts, 1) };
}
