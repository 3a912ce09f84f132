// A small COS XML API client for the handler: it signs requests itself (q-sign-algorithm=sha1) and sends them over
// node:http / node:https, so a COS command starts without loading cos-nodejs-sdk-v5 (about 190 ms of require time).
// It sends exactly one HTTP request per call and never retries: retry.ts does the retrying, bounded and jittered.
// test/handler/cos-client.test.ts checks its Authorization header against the SDK's COS.getAuthorization.
// @see https://www.tencentcloud.com/document/product/436/7778 (Request Signature)
import { createHash, createHmac } from 'node:crypto';
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { RequestOptions } from 'node:https';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { parseErrorBody } from './inventory-xml';
import { ServiceRequestError } from './service-error';
import { COS_DOMAIN_VARIABLE, COS_PROTOCOL_VARIABLE, COS_PROXY_VARIABLE, COS_TIMEOUT_VARIABLE } from '../contract/environment';
import { checkCosProtocol } from '../contract/rules/choices';
import { describeProblem } from '../contract/rules/problem';
import { parseBucketName } from '../contract/names';

/** Credentials, read from the same variables the tencentcloud provider reads. Never logged or stored. */
export interface CosCredentials {
  readonly secretId: string;
  readonly secretKey: string;
  readonly securityToken?: string;
}

/**
 * Where requests go. `domain` is a host template for private endpoints (`{Bucket}.cos-internal.{Region}.tencentcos.cn`,
 * the SDK's `Domain` syntax); `proxy` sends every request, with its real Host, through an HTTP proxy (absolute-URI
 * requests for http targets, a CONNECT tunnel for https ones), which is how tests reach a local server.
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
  const proxy = env[COS_PROXY_VARIABLE] || undefined;
  const protocol = env[COS_PROTOCOL_VARIABLE] || (proxy?.startsWith('http:') ? 'http:' : undefined);
  const problems = checkCosProtocol(COS_PROTOCOL_VARIABLE, protocol);
  if (problems.length > 0) throw new Error(problems.map(describeProblem).join('\n'));
  const timeoutMs = env[COS_TIMEOUT_VARIABLE] ? Number(env[COS_TIMEOUT_VARIABLE]) : DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new Error(`${COS_TIMEOUT_VARIABLE} = ${JSON.stringify(env[COS_TIMEOUT_VARIABLE])}: must be a number of milliseconds above 0`);
  return { domain: env[COS_DOMAIN_VARIABLE] || undefined, proxy, protocol: protocol as CosEndpoint['protocol'], timeoutMs };
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** How long a signature stays valid, as the SDK signs: from a second ago to 900 s on. */
const SIGNATURE_SECONDS = 900;

// ---------------------------------------------------------------------------------------------------------------
// Signing

/** RFC 3986 encoding, as the signature and the URL want it (encodeURIComponent leaves !'()* alone). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

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

/** One COS request. */
export interface CosRequest {
  readonly method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  readonly bucket: string;
  readonly region: string;
  /** The object key, unencoded; omitted for bucket operations (`/`). */
  readonly key?: string;
  /** Query parameters, all signed; `''` for a bare one (`{ inventory: '' }` is `?inventory`). */
  readonly query?: Readonly<Record<string, string>>;
  /** Extra headers, all signed (Content-Type, x-cos-*). */
  readonly headers?: Readonly<Record<string, string>>;
  /** A body goes with Content-MD5 and Content-Length. */
  readonly body?: Buffer;
}

/** A 2xx answer. Anything else rejects with `ServiceRequestError`. */
export interface CosResponse {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Sends one signed request; rejects with `ServiceRequestError` (status, Code, Message, RequestId or network error). */
export type CosClient = (request: CosRequest) => Promise<CosResponse>;

/** A request ready to go: its URL and every header, Authorization included. */
export interface PreparedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
}

/** The base URL (`protocol//host`) of a bucket: the host template filled in, or `<bucket>.cos.<region>.myqcloud.com`. */
export function bucketBaseUrl(endpoint: CosEndpoint, bucket: string, region: string): URL {
  const { shortName, appId } = parseBucketName(bucket);
  // The SDK's Domain syntax: {{Bucket}} is the short name in the doubled form, {Bucket} the full one.
  const host = (endpoint.domain ?? '{Bucket}.cos.{Region}.myqcloud.com')
    .replace(/\{\{AppId\}\}/gi, appId).replace(/\{\{Bucket\}\}/gi, shortName).replace(/\{\{Region\}\}/gi, region)
    .replace(/\{AppId\}/gi, appId).replace(/\{BucketName\}/gi, shortName).replace(/\{Bucket\}/gi, bucket).replace(/\{Region\}/gi, region)
    .replace(/\/+$/, '');
  const base = new URL(/^[a-z]+:\/\//i.test(host) ? host : `${endpoint.protocol ?? 'https:'}//${host}`);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`COS endpoint ${base.href}: the protocol must be http: or https:`);
  return base;
}

/** URL and headers of a request, signed with a key time from `nowMs`. Pure: the tests compare it with the SDK. */
export function prepareCosRequest(credentials: CosCredentials, endpoint: CosEndpoint, request: CosRequest, nowMs: number): PreparedRequest {
  const base = bucketBaseUrl(endpoint, request.bucket, request.region);
  const key = request.key ?? '';
  const query = request.query ?? {};
  const search = Object.keys(query).map((name) => (query[name] === '' ? encodeRfc3986(name) : `${encodeRfc3986(name)}=${encodeRfc3986(query[name])}`)).join('&');
  const url = new URL(`${base.origin}/${encodeRfc3986(key).replace(/%2F/g, '/')}${search ? `?${search}` : ''}`);

  const signed: Record<string, string> = { ...request.headers, Host: url.host };
  if (request.body !== undefined) {
    signed['Content-MD5'] = createHash('md5').update(request.body).digest('base64');
    signed['Content-Length'] = String(request.body.length);
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

/** A COS client over node:http / node:https; `now` is for tests. */
export function createCosClient(credentials: CosCredentials, endpoint: CosEndpoint, now: () => number = Date.now): CosClient {
  const proxy = endpoint.proxy ? parseProxy(endpoint.proxy) : undefined;
  const timeoutMs = endpoint.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return (request) => send(prepareCosRequest(credentials, endpoint, request, now()), proxy, timeoutMs);
}

interface Proxy {
  readonly hostname: string;
  readonly port: number;
  readonly authorization?: string;
}

function parseProxy(value: string): Proxy {
  const url = new URL(value);
  if (url.protocol !== 'http:') throw new Error(`COS_INVENTORY_PROXY = ${JSON.stringify(url.origin)}: only http:// proxies are supported`);
  const authorization = url.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
    : undefined;
  return { hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(url.port || 80), authorization };
}

function networkError(err: Error & { code?: string }): ServiceRequestError {
  return new ServiceRequestError(err.message, undefined, undefined, undefined, err.code ?? 'ECONNRESET');
}

/** Sends a prepared request: one HTTP request (behind one CONNECT when tunnelling), settled once, within the deadline. */
function send(prepared: PreparedRequest, proxy: Proxy | undefined, timeoutMs: number): Promise<CosResponse> {
  return new Promise<CosResponse>((resolve, reject) => {
    const { url } = prepared;
    const https = url.protocol === 'https:';
    const port = Number(url.port || (https ? 443 : 80));
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const active = new Set<ClientRequest | Socket>();
    let settled = false;
    const finish = (err: ServiceRequestError | undefined, response?: CosResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        for (const handle of active) handle.destroy();
        reject(err);
      } else {
        resolve(response!);
      }
    };
    const timer = setTimeout(() => {
      finish(new ServiceRequestError(`no answer from ${url.host} within ${timeoutMs} ms`, undefined, undefined, undefined, 'ETIMEDOUT'));
    }, timeoutMs);

    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (err) => finish(networkError(err)));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return finish(undefined, { statusCode: status, headers: res.headers, body });
        finish(serviceError(status, res.headers, body));
      });
    };
    // The TLS name, given so the agent does not work it out: that runs net.isIP, whose IPv6 pattern costs about 10 ms
    // to compile on first use, a tenth of the handler's start-up. An IP address gets none, as the agent would do.
    const servername = /^[\d.]+$|:/.test(hostname) ? '' : hostname;
    const issue = (options: RequestOptions, viaHttps: boolean) => {
      // node:https (and with it node:tls) is loaded only when a request needs it.
      const req = (viaHttps ? (require('node:https') as typeof import('node:https')).request : http.request)(options, onResponse);
      active.add(req);
      req.on('error', (err) => finish(networkError(err)));
      req.end(prepared.body);
    };

    if (!proxy) {
      issue({ method: prepared.method, hostname, port, path: url.pathname + url.search, headers: prepared.headers, servername }, https);
    } else if (!https) {
      // An absolute-URI request to the proxy, with the real Host.
      const headers = proxy.authorization ? { ...prepared.headers, 'Proxy-Authorization': proxy.authorization } : prepared.headers;
      issue({ method: prepared.method, hostname: proxy.hostname, port: proxy.port, path: url.href, headers, servername }, false);
    } else {
      // A CONNECT tunnel to the real host, then TLS (with its name) through it.
      const authority = `${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
      const connectOptions: RequestOptions = {
        method: 'CONNECT', hostname: proxy.hostname, port: proxy.port, path: authority, agent: false, servername,
        headers: { Host: authority, ...(proxy.authorization ? { 'Proxy-Authorization': proxy.authorization } : {}) },
      };
      const connect = http.request(connectOptions);
      active.add(connect);
      connect.on('error', (err) => finish(networkError(err)));
      connect.on('connect', (res: IncomingMessage, socket: Socket) => {
        active.add(socket);
        if (res.statusCode !== 200) {
          socket.destroy();
          // A proxy failing upstream (5xx) may do better next time; one refusing (407, 403) will not.
          const code = (res.statusCode ?? 0) >= 500 ? 'ECONNREFUSED' : 'EPROXYREFUSED';
          return finish(new ServiceRequestError(`the proxy refused CONNECT ${authority} (HTTP ${res.statusCode})`, undefined, undefined, undefined, code));
        }
        const tls = require('node:tls') as typeof import('node:tls');
        issue({
          // With createConnection and no agent, the request goes over this one TLS connection.
          method: prepared.method, hostname, port, path: url.pathname + url.search, headers: prepared.headers,
          createConnection: () => tls.connect({ socket, servername: servername || undefined }),
        }, true);
      });
      connect.end();
    }
  });
}

/** A non-2xx answer as `ServiceRequestError`: Code, Message and RequestId from the XML body, or the request id header. */
function serviceError(status: number, headers: IncomingHttpHeaders, body: Buffer): ServiceRequestError {
  const text = body.toString('utf8');
  const error = text.includes('<Error') ? parseErrorBody(text) : {};
  const headerId = headers['x-cos-request-id'];
  const requestId = error.RequestId || (Array.isArray(headerId) ? headerId[0] : headerId) || undefined;
  const message = error.Message || `HTTP ${status}${http.STATUS_CODES[status] ? ` ${http.STATUS_CODES[status]}` : ''}`;
  return new ServiceRequestError(String(message), status, error.Code ? String(error.Code) : undefined, requestId ? String(requestId) : undefined, undefined);
}
