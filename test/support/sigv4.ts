// AWS Signature Version 4 (AWS4-HMAC-SHA256), written from the documented algorithm and independent of any SDK, so
// the fake COS can check the requests the tencentcloud provider sends through its S3 client (bucket create, ACL,
// lifecycle, encryption, policy ...). COS accepts S3-style SigV4 requests beside its own q-sign-algorithm=sha1.
// See https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (canonical request, string to
// sign, signing key) and https://www.tencentcloud.com/document/product/436/32538 (Accessing COS with AWS S3 SDK).
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** How far x-amz-date may be from the server's clock (S3: RequestTimeTooSkewed beyond 15 minutes). */
const MAX_SKEW_MS = 15 * 60 * 1000;

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding of one URI component: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface SigV4Request {
  readonly method: string;
  /** The path as sent on the request line (still percent-encoded), without the query. */
  readonly rawPath: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface SigV4Authorization {
  readonly accessKeyId: string;
  /** `YYYYMMDD` of the credential scope. */
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
  readonly signedHeaders: string[];
  readonly signature: string;
}

/** Parses `AWS4-HMAC-SHA256 Credential=AK/date/region/service/aws4_request, SignedHeaders=a;b, Signature=hex`. */
export function parseSigV4Authorization(header: string | undefined): SigV4Authorization | undefined {
  if (!header || !header.startsWith(`${ALGORITHM} `)) return undefined;
  const fields = Object.fromEntries(header.slice(ALGORITHM.length + 1).split(',').map((part) => {
    const trimmed = part.trim();
    const at = trimmed.indexOf('=');
    return [trimmed.slice(0, at), trimmed.slice(at + 1)];
  }));
  const scope = String(fields.Credential ?? '').split('/');
  if (scope.length !== 5 || !fields.SignedHeaders || !fields.Signature) return undefined;
  const [accessKeyId, date, region, service, terminator] = scope;
  return { accessKeyId, date, region, service, terminator, signedHeaders: fields.SignedHeaders.split(';'), signature: fields.Signature };
}

function headerValue(headers: SigV4Request['headers'], name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The canonical URI: each path segment decoded once and encoded again (S3 does not normalize `.` or `//`). */
export function canonicalUri(rawPath: string): string {
  const path = rawPath === '' ? '/' : rawPath;
  return path.split('/').map((segment) => uriEncode(decodeURIComponent(segment))).join('/');
}

/** The canonical query string: every parameter encoded, sorted by name then value, `name=` for an empty value. */
export function canonicalQuery(query: URLSearchParams): string {
  const pairs = [...query].map(([name, value]) => [uriEncode(name), uriEncode(value)]);
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** The canonical request for the signed headers listed; the payload hash is x-amz-content-sha256 or the body's. */
export function canonicalRequest(request: SigV4Request, signedHeaders: string[]): string {
  const headerLines = signedHeaders.map((name) => `${name}:${(headerValue(request.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payloadHash = headerValue(request.headers, 'x-amz-content-sha256') ?? sha256Hex(request.body);
  return [request.method.toUpperCase(), canonicalUri(request.rawPath), canonicalQuery(request.query), headerLines, signedHeaders.join(';'), payloadHash].join('\n');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

export function signingKey(secretKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretKey}`, date), region), service), 'aws4_request');
}

/** The signature a request should carry, given the scope and signed headers its Authorization names. */
export function expectedSigV4Signature(request: SigV4Request, auth: SigV4Authorization, secretKey: string): string {
  const amzDate = headerValue(request.headers, 'x-amz-date') ?? '';
  const scope = `${auth.date}/${auth.region}/${auth.service}/${auth.terminator}`;
  return createHmac('sha256', signingKey(secretKey, auth.date, auth.region, auth.service))
    .update(stringToSign(amzDate, scope, canonicalRequest(request, auth.signedHeaders)))
    .digest('hex');
}

/** `20130524T000000Z` to a Date, or undefined. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

export interface SigV4Expectations {
  /** Access key id to secret key. */
  readonly secrets: Record<string, string>;
  /** The region the scope must name (COS: the bucket's region). */
  readonly region: string;
  /** The service the scope must name (`s3`). */
  readonly service: string;
  readonly now: Date;
}

/**
 * Why a SigV4 request is not acceptable, or `undefined` when it is: the scope, the signed headers (host and
 * x-amz-date always, every x-amz-* header sent), the clock, the payload hash (for s3) and the signature itself.
 */
export function sigV4Problem(request: SigV4Request, authorization: string | undefined, expect: SigV4Expectations): string | undefined {
  const auth = parseSigV4Authorization(authorization);
  if (!auth) return 'no AWS4-HMAC-SHA256 Authorization with Credential, SignedHeaders and Signature';
  const secretKey = expect.secrets[auth.accessKeyId];
  if (secretKey === undefined) return `unknown access key ${auth.accessKeyId}`;
  if (auth.terminator !== 'aws4_request') return `credential scope ends in ${auth.terminator}, not aws4_request`;
  if (auth.service !== expect.service) return `credential scope names service ${auth.service}, not ${expect.service}`;
  if (auth.region !== expect.region) return `credential scope names region ${auth.region}, not ${expect.region}`;
  const sorted = [...auth.signedHeaders].sort();
  if (sorted.join(';') !== auth.signedHeaders.join(';') || auth.signedHeaders.some((name) => name !== name.toLowerCase())) {
    return 'SignedHeaders must be lowercase and sorted';
  }
  for (const required of ['host', 'x-amz-date']) {
    if (!auth.signedHeaders.includes(required)) return `the ${required} header is not signed`;
  }
  for (const name of Object.keys(request.headers)) {
    if (name.toLowerCase().startsWith('x-amz-') && !auth.signedHeaders.includes(name.toLowerCase())) return `header ${name} is sent but not signed`;
  }
  const amzDate = headerValue(request.headers, 'x-amz-date');
  const signedAt = parseAmzDate(amzDate);
  if (!signedAt) return `x-amz-date ${amzDate} is not YYYYMMDDTHHMMSSZ`;
  if (amzDate!.slice(0, 8) !== auth.date) return `x-amz-date ${amzDate} is not on the scope date ${auth.date}`;
  if (Math.abs(signedAt.getTime() - expect.now.getTime()) > MAX_SKEW_MS) return 'RequestTimeTooSkewed: x-amz-date is more than 15 minutes from the server time';
  if (expect.service === 's3') {
    const declared = headerValue(request.headers, 'x-amz-content-sha256');
    if (declared === undefined) return 'x-amz-content-sha256 is required';
    if (declared !== 'UNSIGNED-PAYLOAD' && declared !== sha256Hex(request.body)) return 'XAmzContentSHA256Mismatch: x-amz-content-sha256 does not match the body';
  }
  if (expectedSigV4Signature(request, auth, secretKey) !== auth.signature) return 'the request signature we calculated does not match the signature you provided';
  return undefined;
}

/**
 * Signs a request (for tests that must send a correctly or deliberately wrongly signed SigV4 request). Adds
 * x-amz-date, x-amz-content-sha256 and Authorization to the headers given, which must include host.
 */
export function signSigV4(request: Omit<SigV4Request, 'headers'> & { headers: Record<string, string> }, credentials: { accessKeyId: string; secretKey: string }, region: string, service = 's3', now = new Date()): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const headers: Record<string, string> = { ...request.headers, 'x-amz-date': amzDate, 'x-amz-content-sha256': sha256Hex(request.body) };
  const signedHeaders = Object.keys(headers).map((name) => name.toLowerCase()).sort();
  const auth: SigV4Authorization = { accessKeyId: credentials.accessKeyId, date: amzDate.slice(0, 8), region, service, terminator: 'aws4_request', signedHeaders, signature: '' };
  const signature = expectedSigV4Signature({ ...request, headers }, auth, credentials.secretKey);
  return { ...headers, authorization: `${ALGORITHM} Credential=${credentials.accessKeyId}/${auth.date}/${region}/${service}/aws4_request, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}` };
}
