import { Fn, Token } from './core';
import { BUCKET_NAME_PATTERN } from './cos-names';

/** A bucket name split into the parts COS uses in resource names and report paths. */
export interface BucketNameParts {
  /** The name without the `-APPID` suffix (the form report paths use). */
  readonly shortName: string;
  /** The APPID suffix. */
  readonly appId: string;
}

/**
 * Splits `examplebucket-1250000000` into its short name and APPID. A token is split by Terraform at apply time,
 * so a bucket created in the same stack can be used before its name is known.
 */
export function splitBucketName(bucketName: string): BucketNameParts {
  if (Token.isUnresolved(bucketName)) {
    const parts = Fn.regex(BUCKET_NAME_PATTERN.source, bucketName);
    return { shortName: Fn.element(parts, 0), appId: Fn.element(parts, 1) };
  }
  const match = BUCKET_NAME_PATTERN.exec(bucketName);
  if (!match) {
    throw new Error(`bucket name ${JSON.stringify(bucketName)} is not of the form <name>-<APPID>`);
  }
  return { shortName: match[1], appId: match[2] };
}
