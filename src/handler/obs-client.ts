// A small OBS client for the handler, the counterpart of cos-client.ts: it signs every request in the Authorization
// header (OBS's own signature, `OBS AK:base64(HMAC-SHA1)`), token included, so no URL it sends carries a signature or
// a token that proxies and access logs would keep, and it starts without loading esdk-obs-nodejs. One HTTP request
// per call, never retried (retry.ts does that). test/handler/obs-client.test.ts checks its Authorization header
// against what esdk-obs-nodejs sends for the same request.
// @see https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0010.html (Authentication of Signature in a Header)
import { createHmac } from 'node:crypto';
import { OBS_CONNECT_TO_VARIABLE, OBS_DOMAIN_VARIABLE, OBS_PROTOCOL_VARIABLE, OBS_TIMEOUT_VARIABLE } from '../contract/environment';
import { checkHandlerProtocol } from '../contract/rules/choices';
import { checkConnectTo, parseConnectTo } from '../contract/rules/connect-to';
import { checkEndpointHost } from '../contract/rules/endpoint-host';
import type { Problem } from '../contract/rules/problem';
import { OBS_REGION_PATTERN } from '../contract/rules/region';
import {
  bodyHeaders, BucketClient, BucketRequest, endpointBaseUrl, objectPath, PreparedRequest, refuseSettings, requestUrl, sendExpectingSuccess,
} from './transport';

/** OBS credentials, from the variables the huaweicloud provider reads. Never logged or stored. */
export interface ObsCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly securityToken?: string;
}

export function obsCredentialsFromEnv(env: NodeJS.ProcessEnv): ObsCredentials {
  const accessKey = env.HW_ACCESS_KEY;
  const secretKey = env.HW_SECRET_KEY;
  if (!accessKey || !secretKey) throw new Error('HW_ACCESS_KEY and HW_SECRET_KEY must be set (the variables the huaweicloud provider reads)');
  return { accessKey, secretKey, securityToken: env.HW_SECURITY_TOKEN || undefined };
}

/**
 * Where OBS requests go: `domain` is a host template replacing the public endpoint (rules/endpoint-host.ts);
 * `connectTo` (`host:port`) dials that address while keeping the real Host and TLS name, as curl's --connect-to does;
 * `protocol: 'http:'` is for tests against a local fake only, and is never implied.
 */
export interface ObsEndpoint {
  readonly domain?: string;
  readonly connectTo?: string;
  readonly protocol?: 'http:' | 'https:';
  /** Deadline of one request, connection included; 30 s unless set. */
  readonly timeoutMs?: number;
}

/** The public endpoint, as a host template. */
export const OBS_PUBLIC_DOMAIN = '{Bucket}.obs.{Region}.myhuaweicloud.com';
const DEFAULT_TIMEOUT_SECONDS = 30;

export function obsEndpointFromEnv(env: NodeJS.ProcessEnv): ObsEndpoint {
  const endpoint = {
    domain: env[OBS_DOMAIN_VARIABLE] || undefined,
    connectTo: env[OBS_CONNECT_TO_VARIABLE] || undefined,
    protocol: (env[OBS_PROTOCOL_VARIABLE] || undefined) as ObsEndpoint['protocol'],
  };
  refuseSettings(endpointProblems(endpoint, { domain: OBS_DOMAIN_VARIABLE, connectTo: OBS_CONNECT_TO_VARIABLE, protocol: OBS_PROTOCOL_VARIABLE }));
  const seconds = env[OBS_TIMEOUT_VARIABLE] ? Number(env[OBS_TIMEOUT_VARIABLE]) : DEFAULT_TIMEOUT_SECONDS;
  if (!(seconds > 0)) throw new Error(`${OBS_TIMEOUT_VARIABLE} = ${JSON.stringify(env[OBS_TIMEOUT_VARIABLE])}: must be a number of seconds above 0`);
  return { ...endpoint, timeoutMs: seconds * 1000 };
}

function endpointProblems(endpoint: ObsEndpoint, fields: { domain: string; connectTo: string; protocol: string }): Problem[] {
  return [
    ...checkEndpointHost(fields.domain, endpoint.domain),
    ...checkConnectTo(fields.connectTo, endpoint.connectTo),
    ...checkHandlerProtocol(fields.protocol, endpoint.protocol),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Signing

/**
 * Query parameters that are sub-resources, signed as part of the resource (the OBS API reference's list, for the
 * operations a bucket client may send); any other parameter (`id`, `prefix`, `marker`) is not signed.
 */
const SIGNED_SUBRESOURCES = new Set([
  'acl', 'inventory', 'lifecycle', 'location', 'logging', 'policy', 'tagging', 'uploadid', 'uploads', 'versionid', 'versioning', 'versions',
  'response-content-type', 'response-content-language', 'response-expires', 'response-cache-control', 'response-content-disposition',
  'response-content-encoding',
]);

export interface ObsSignatureInput {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly method: string;
  readonly bucket: string;
  /** The object key, unencoded (`''` for bucket operations). */
  readonly key: string;
  readonly query: Readonly<Record<string, string>>;
  /** Every header sent: Content-MD5, Content-Type, Date and the x-obs- ones are signed. */
  readonly headers: Readonly<Record<string, string>>;
}

/** `HTTP-Verb \n Content-MD5 \n Content-Type \n Date \n CanonicalizedHeaders CanonicalizedResource`. */
export function obsStringToSign(input: Omit<ObsSignatureInput, 'accessKey' | 'secretKey'>): string {
  const obsHeaders = Object.keys(input.headers)
    .filter((name) => name.toLowerCase().startsWith('x-obs-'))
    .map((name) => {
      const lower = name.toLowerCase();
      // Metadata values are signed trimmed, as OBS reads them.
      return [lower, lower.startsWith('x-obs-meta-') ? input.headers[name].trim() : input.headers[name]] as const;
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}:${value}\n`)
    .join('');
  const subresources = Object.keys(input.query)
    .filter((name) => SIGNED_SUBRESOURCES.has(name.toLowerCase()))
    .map((name) => (input.query[name] ? `${name}=${input.query[name]}` : name))
    .sort();
  const resource = `/${input.bucket}${objectPath(input.key)}${subresources.length > 0 ? `?${subresources.join('&')}` : ''}`;
  const header = (name: string) => input.headers[name] ?? '';
  return `${input.method}\n${header('Content-MD5')}\n${header('Content-Type')}\n${header('Date')}\n${obsHeaders}${resource}`;
}

/** The `Authorization` header of a request. */
export function obsAuthorization(input: ObsSignatureInput): string {
  return `OBS ${input.accessKey}:${createHmac('sha1', input.secretKey).update(obsStringToSign(input), 'utf8').digest('base64')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

/** The base URL (`protocol//host`) of a bucket: the host template filled in. */
export function obsBucketBaseUrl(endpoint: ObsEndpoint, bucket: string, region: string): URL {
  // The region becomes the request's host: nothing but a region id may get there, whatever document it came from.
  if (!OBS_REGION_PATTERN.test(region)) throw new Error(`OBS region ${JSON.stringify(region)} is not an OBS region id such as cn-north-4`);
  return endpointBaseUrl(endpoint, OBS_PUBLIC_DOMAIN, bucket, region);
}

/** URL and headers of a request, signed at `nowMs`. Pure: the tests compare it with the SDK. */
export function prepareObsRequest(credentials: ObsCredentials, endpoint: ObsEndpoint, request: BucketRequest, nowMs: number): PreparedRequest {
  const base = obsBucketBaseUrl(endpoint, request.bucket, request.region);
  const key = request.key ?? '';
  const query = request.query ?? {};
  const url = requestUrl(base, key, query);
  const headers: Record<string, string> = { ...request.headers, Host: url.host, Date: new Date(nowMs).toUTCString() };
  if (request.body !== undefined) Object.assign(headers, bodyHeaders(request.body));
  if (credentials.securityToken) headers['x-obs-security-token'] = credentials.securityToken;
  const authorization = obsAuthorization({
    accessKey: credentials.accessKey, secretKey: credentials.secretKey, method: request.method, bucket: request.bucket, key, query, headers,
  });
  return { url, method: request.method, headers: { ...headers, Authorization: authorization }, body: request.body };
}

/** An OBS client over node:http / node:https; `now` is for tests. Throws on an endpoint the contract refuses. */
export function createObsClient(credentials: ObsCredentials, endpoint: ObsEndpoint, now: () => number = Date.now): BucketClient {
  refuseSettings(endpointProblems(endpoint, { domain: 'endpoint.domain', connectTo: 'endpoint.connectTo', protocol: 'endpoint.protocol' }));
  const route = { timeoutMs: endpoint.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000, connectTo: endpoint.connectTo ? parseConnectTo(endpoint.connectTo) : undefined };
  return (request) => sendExpectingSuccess(prepareObsRequest(credentials, endpoint, request, now()), route, 'x-obs-request-id');
}
