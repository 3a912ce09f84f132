import { APP_ID_PATTERN, BUCKET_NAME_MAX_LENGTH, BUCKET_NAME_PATTERN } from '../names';
import { Problem } from './problem';

/** Bucket names carry their `-APPID` suffix: COS addresses buckets only by the full name. */
export function checkBucketName(field: string, bucketName: string | undefined): Problem[] {
  if (bucketName === undefined) return [];
  if (!BUCKET_NAME_PATTERN.test(bucketName)) {
    return [{
      field,
      value: bucketName,
      rule: 'must be <name>-<APPID> (for example examplebucket-1250000000): lowercase letters, digits and hyphens, then the numeric APPID suffix',
    }];
  }
  if (bucketName.length > BUCKET_NAME_MAX_LENGTH) {
    return [{ field, value: bucketName, rule: `must be at most ${BUCKET_NAME_MAX_LENGTH} characters including -APPID` }];
  }
  return [];
}

/** An explicit APPID must be numeric and, when the name is known, match the name's suffix. */
export function checkAppId(field: string, appId: string | undefined, bucketName: string | undefined): Problem[] {
  if (appId === undefined) return [];
  if (!APP_ID_PATTERN.test(appId)) return [{ field, value: appId, rule: 'must be the numeric APPID of the account' }];
  if (bucketName !== undefined && !bucketName.endsWith(`-${appId}`)) {
    return [{ field, value: appId, rule: `must match the -APPID suffix of bucket ${JSON.stringify(bucketName)}` }];
  }
  return [];
}
