// A small COS XML API client for the handler: it signs requests itself (q-sign-algorithm=sha1) and sends them over
// node:http / node:https, so a COS command starts without loading cos-nodejs-sdk-v5 (about 190 ms of require time).
// It sends exactly one HTTP request per call and never retries: retry.ts does the retrying, bounded and jittered.
// test/handler/cos-client.test.ts checks its Authorization header against the SDK's COS.getAuthorization.
// @see https://www.tencentcloud.com/document/product/436/7778 (Request Signature)
import { createHash, createHmac } from 'node:crypto';
import { COS_DOMAIN_VARIABLE, COS_PROTOCOL_VARIABLE, COS_PROXY_VARIABLE, COS_TIMEOUT_VARIABLE } from '../contract/environment';
import { checkHandlerProtocol } from '../contract/rules/choices';
import { checkEndpointHost } from '../contract/rules/endpoint-host';
import {
  bodyHeaders, BucketClient, BucketRequest, encodeRfc3986, endpointBaseUrl, PreparedRequest, refuseSettings, requestUrl, sendExpectingSuccess,
} from './transport';

/** Credentials, read from the same variables the tencentcloud provider reads. Never logged or stored. */
export interface CosCredentials {
  readonly secretId: string;
  readonly secretKey: string;
  readonly securityToken?: string;
}

/**
 * Where requests go. `domain` is a host template for private endpoints (`{Bucket}.cos-internal.{Region}.tencentcos.cn`,
 * rules/endpoint-host.ts); `proxy` replaces the standard proxy variables for this client (transport.ts);
 * `protocol: 'http:'` is for tests against a local fake only, and is never implied.
 */
export interface CosEndpoint {
  readonly domain?: string;
  readonly proxy?: string;
  readonly protocol?: 'http:' | 'https:';
  /** Deadline of one request, connection included; 30 s unless set. */
  readonly timeoutMs?: number;
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv): CosCredentials {
  const secretId = env.TENCENTCLOUD_SECRET_ID;
  const secretKey = env.TENCENTCLOUD_SECRET_KEY;
  if (!secretId || !secretKey) {
    throw new Error('TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set (the variables the tencentcloud provider reads)');
  }
  return { secretId, secretKey, securityToken: env.TENCENTCLOUD_SECURITY_TOKEN || undefined };
}

export function endpointFromEnv(env: NodeJS.ProcessEnv): CosEndpoint {
  const domain = env[COS_DOMAIN_VARIABLE] || undefined;
  const protocol = env[COS_PROTOCOL_VARIABLE] || undefined;
  refuseSettings([...checkEndpointHost(COS_DOMAIN_VARIABLE, domain), ...checkHandlerProtocol(COS_PROTOCOL_VARIABLE, protocol)]);
  const timeoutMs = env[COS_TIMEOUT_VARIABLE] ? Number(env[COS_TIMEOUT_VARIABLE]) : DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new Error(`${COS_TIMEOUT_VARIABLE} = ${JSON.stringify(env[COS_TIMEOUT_VARIABLE])}: must be a number of milliseconds above 0`);
  return { domain, proxy: env[COS_PROXY_VARIABLE] || undefined, protocol: protocol as CosEndpoint['protocol'], timeoutMs };
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** How long a signature stays valid, as the SDK signs: from a second ago to 900 s on. */
const SIGNATURE_SECONDS = 900;

// ---------------------------------------------------------------------------------------------------------------
// Signing

/** `key=value&...` and `key;key...` over a map: keys encoded and lowercased, sorted, values encoded. */
function canonical(map: Readonly<Record<string, string>>): { list: string; pairs: string } {
  const entries = Object.keys(map)
    .map((key) => [encodeRfc3986(key).toLowerCase(), encodeRfc3986(map[key] ?? '')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { list: entries.map(([key]) => key).join(';'), pairs: entries.map(([key, value]) => `${key}=${value}`).join('&') };
}

export interface SignatureInput {
  readonly secretId: string;
  readonly secretKey: string;
  readonly method: string;
  /** The object key, unencoded (`''` for bucket operations); the signed path is `/` + key. */
  readonly key: string;
  /** Every query parameter of the request; `''` for a bare one like `?inventory`. */
  readonly query: Readonly<Record<string, string>>;
  /** The headers to sign, Host included. */
  readonly headers: Readonly<Record<string, string>>;
  /** `start;end` in Unix seconds: both q-key-time and q-sign-time. */
  readonly keyTime: string;
}

/** The `Authorization` header of a request: every query parameter and every given header is signed. */
export function cosAuthorization(input: SignatureInput): string {
  const query = canonical(input.query);
  const headers = canonical(input.headers);
  const path = input.key.startsWith('/') ? input.key : `/${input.key}`;
  const httpString = `${input.method.toLowerCase()}\n${path}\n${query.pairs}\n${headers.pairs}\n`;
  const stringToSign = `sha1\n${input.keyTime}\n${createHash('sha1').update(httpString, 'utf8').digest('hex')}\n`;
  const signKey = createHmac('sha1', input.secretKey).update(input.keyTime).digest('hex');
  const signature = createHmac('sha1', signKey).update(stringToSign).digest('hex');
  return [
    'q-sign-algorithm=sha1',
    `q-ak=${input.secretId}`,
    `q-sign-time=${input.keyTime}`,
    `q-key-time=${input.keyTime}`,
    `q-header-list=${headers.list}`,
    `q-url-param-list=${query.list}`,
    `q-signature=${signature}`,
  ].join('&');
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

/** The public endpoint, as a host template. */
export const COS_PUBLIC_DOMAIN = '{Bucket}.cos.{Region}.myqcloud.com';

/** The base URL (`protocol//host`) of a bucket: the host template filled in, or `<bucket>.cos.<region>.myqcloud.com`. */
export function bucketBaseUrl(endpoint: CosEndpoint, bucket: string, region: string): URL {
  return endpointBaseUrl(endpoint, COS_PUBLIC_DOMAIN, bucket, region);
}

/** URL and headers of a request, signed with a key time from `nowMs`. Pure: the tests compare it with the SDK. */
export function prepareCosRequest(credentials: CosCredentials, endpoint: CosEndpoint, request: BucketRequest, nowMs: number): PreparedRequest {
  const base = bucketBaseUrl(endpoint, request.bucket, request.region);
  const key = request.key ?? '';
  const query = request.query ?? {};
  const url = requestUrl(base, key, query);

  const signed: Record<string, string> = { ...request.headers, Host: url.host };
  if (request.body !== undefined) {
    Object.assign(signed, bodyHeaders(request.body));
  } else if (request.method !== 'GET') {
    // As the SDK does: a request other than GET states its empty body, and signs that.
    signed['Content-Length'] = '0';
  }
  const start = Math.round(nowMs / 1000) - 1;
  const authorization = cosAuthorization({
    secretId: credentials.secretId, secretKey: credentials.secretKey, method: request.method, key, query, headers: signed,
    keyTime: `${start};${start + SIGNATURE_SECONDS}`,
  });
  // The token goes unsigned beside the signature, as the SDK sends it.
  const headers: Record<string, string> = { ...signed, Authorization: authorization };
  if (credentials.securityToken) headers['x-cos-security-token'] = credentials.securityToken;
  return { url, method: request.method, headers, body: request.body };
}

/** A COS client over node:http / node:https; `now` is for tests. Throws on an endpoint the contract refuses. */
export function createCosClient(credentials: CosCredentials, endpoint: CosEndpoint, now: () => number = Date.now): BucketClient {
  refuseSettings([...checkEndpointHost('endpoint.domain', endpoint.domain), ...checkHandlerProtocol('endpoint.protocol', endpoint.protocol)]);
  const route = { proxy: endpoint.proxy, timeoutMs: endpoint.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  return (request) => sendExpectingSuccess(prepareCosRequest(credentials, endpoint, request, now()), route, 'x-cos-request-id');
}
