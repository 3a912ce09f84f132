// The OBS signature (`Authorization: OBS AK:signature`), written from the documented algorithm and independent of
// the SDK: HMAC-SHA1, base64, over
//   HTTP-Verb \n Content-MD5 \n Content-Type \n Date \n CanonicalizedHeaders CanonicalizedResource
// where CanonicalizedHeaders are the `x-obs-` headers, lowercased and sorted, one `name:value\n` each, and
// CanonicalizedResource is `/<bucket>/<object>` with the signed sub-resources (such as `inventory`) as its query.
// See the OBS API reference, "Authentication of Signature in a Header".
import { createHmac } from 'node:crypto';

/** Sub-resources that are part of the signed resource; a plain parameter such as `id` is not. */
const SIGNED_SUBRESOURCES = [
  'acl', 'cors', 'customdomain', 'encryption', 'inventory', 'lifecycle', 'location', 'logging', 'policy', 'quota', 'storageClass',
  'storagePolicy', 'storageinfo', 'tagging', 'uploadId', 'uploads', 'versionId', 'versioning', 'versions', 'website',
];

export interface ObsSignatureInput {
  readonly method: string;
  readonly bucket: string;
  /** The object key, empty for bucket operations. */
  readonly key: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string | string[] | undefined>;
}

const header = (headers: ObsSignatureInput['headers'], name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value ?? '';
};

/**
 * The request's signed fields; `expires` stands where the Date header does in a query-string (pre-signed) request.
 * OBS also takes the S3-compatible form (`Authorization: AWS AK:signature`, which the Go SDK behind the huaweicloud
 * provider sends for some bucket operations): the same fields with the `x-amz-` headers in place of `x-obs-`.
 */
export function obsStringToSign(input: ObsSignatureInput, expires?: string, headerPrefix = 'x-obs-'): string {
  const obsHeaders = Object.keys(input.headers)
    .filter((name) => name.toLowerCase().startsWith(headerPrefix))
    .map((name) => name.toLowerCase())
    .sort()
    .map((name) => `${name}:${header(input.headers, name)}\n`)
    .join('');
  const subresources = [...input.query.entries()]
    .filter(([name]) => SIGNED_SUBRESOURCES.includes(name))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => (value ? `${name}=${value}` : name));
  const resource = `/${input.bucket}/${input.key}${subresources.length > 0 ? `?${subresources.join('&')}` : ''}`;
  const date = expires ?? (input.headers[`${headerPrefix}date`] !== undefined ? '' : header(input.headers, 'date'));
  return `${input.method}\n${header(input.headers, 'content-md5')}\n${header(input.headers, 'content-type')}\n${date}\n${obsHeaders}${resource}`;
}

/** Why a request's OBS signature is not acceptable, or `undefined` when it is. */
export function obsSignatureProblem(input: ObsSignatureInput, authorization: string | undefined, secrets: Record<string, string>): string | undefined {
  const match = /^(OBS|AWS) ([^:]+):(.+)$/.exec(authorization ?? '');
  if (!match) return 'no OBS signature in Authorization';
  const secretKey = secrets[match[2]];
  if (secretKey === undefined) return `unknown access key ${match[2]}`;
  const headerPrefix = match[1] === 'AWS' ? 'x-amz-' : 'x-obs-';
  const expected = createHmac('sha1', secretKey).update(obsStringToSign(input, undefined, headerPrefix)).digest('base64');
  return expected === match[3] ? undefined : 'signature does not match';
}

/**
 * Why a pre-signed request (query-string authentication: `AccessKeyId`, `Expires`, `Signature`) is not acceptable, or
 * `undefined` when it is. See the OBS API reference, "Authentication of Signature in a URL".
 */
export function obsQuerySignatureProblem(input: ObsSignatureInput, secrets: Record<string, string>, nowSeconds: number): string | undefined {
  const accessKey = input.query.get('AccessKeyId') ?? '';
  const expires = input.query.get('Expires') ?? '';
  const secretKey = secrets[accessKey];
  if (secretKey === undefined) return `unknown access key ${accessKey}`;
  if (!(Number(expires) >= nowSeconds)) return `the signed URL expired at ${expires}`;
  const expected = createHmac('sha1', secretKey).update(obsStringToSign(input, expires)).digest('base64');
  return expected === input.query.get('Signature') ? undefined : 'signature does not match';
}
