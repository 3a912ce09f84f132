/// <reference path="./proxy-from-env.d.ts" />
// How the handler's COS and OBS clients put a signed request on the wire: one HTTP request per call, settled once,
// within a deadline, never retried (retry.ts does that). It goes direct, to the address a test names (connectTo), or
// through the proxy the environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, read by proxy-from-env, as both
// Terraform providers read them) or the handler's own proxy setting. HTTPS always goes through a proxy in a CONNECT
// tunnel (https-proxy-agent), whatever the proxy's own scheme, so a proxy never sees a request, a signature or a token.
import { createHash } from 'node:crypto';
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import * as http from 'node:http';
import type { RequestOptions } from 'node:https';
import { fillEndpointHost } from '../contract/rules/endpoint-host';
import { describeProblem, Problem } from '../contract/rules/problem';
import { parseErrorBody } from './inventory-xml';
import { ServiceRequestError } from './service-error';

/** A request ready to go: its URL and every header, Host and signature included. */
export interface PreparedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
}

/** An answer, whatever its status. */
export interface HttpAnswer {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Settings are checked before the first request: a hostile endpoint never receives a signed request. */
export function refuseSettings(problems: Problem[]): void {
  if (problems.length > 0) throw new Error(problems.map(describeProblem).join('\n'));
}

/** RFC 3986 encoding, as the signatures and the URL want it (encodeURIComponent leaves !'()* alone). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The path of an object key (`/` for the bucket), encoded with its slashes kept. */
export function objectPath(key: string): string {
  return `/${encodeRfc3986(key).replace(/%2F/g, '/')}`;
}

/** A bucket's base URL (`protocol//host`): the endpoint's host template (else the public one) filled in; HTTPS unless it says. */
export function endpointBaseUrl(endpoint: { readonly protocol?: string; readonly domain?: string }, publicDomain: string, bucket: string, region: string): URL {
  return new URL(`${endpoint.protocol ?? 'https:'}//${fillEndpointHost(endpoint.domain ?? publicDomain, bucket, region)}`);
}

/** The headers both services check a request body against: its MD5 (base64) and its length. */
export function bodyHeaders(body: Buffer): Record<string, string> {
  return { 'Content-MD5': createHash('md5').update(body).digest('base64'), 'Content-Length': String(body.length) };
}

/** The URL of a request: the bucket's base, the object's path, every query parameter encoded (`?inventory` bare). */
export function requestUrl(base: URL, key: string, query: Readonly<Record<string, string>>): URL {
  const search = Object.keys(query).map((name) => (query[name] === '' ? encodeRfc3986(name) : `${encodeRfc3986(name)}=${encodeRfc3986(query[name])}`)).join('&');
  return new URL(`${base.origin}${objectPath(key)}${search ? `?${search}` : ''}`);
}

/** One request to a bucket of COS or OBS, which the service's client signs and addresses. */
export interface BucketRequest {
  readonly method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  readonly bucket: string;
  readonly region: string;
  /** The object key, unencoded; omitted for bucket operations (`/`). */
  readonly key?: string;
  /** Query parameters; `''` for a bare one (`{ inventory: '' }` is `?inventory`). */
  readonly query?: Readonly<Record<string, string>>;
  /** Extra headers, all signed (Content-Type, x-cos-*, x-obs-*). */
  readonly headers?: Readonly<Record<string, string>>;
  /** A body goes with Content-MD5 and Content-Length. */
  readonly body?: Buffer;
}

/** Sends one signed request and resolves with a 2xx answer; rejects with `ServiceRequestError` (status, Code, RequestId or network error). */
export type BucketClient = (request: BucketRequest) => Promise<HttpAnswer>;

/** How a request reaches the service. */
export interface Route {
  /** Deadline of one request, connection included. */
  readonly timeoutMs: number;
  /** A proxy for this client alone; without it, the standard proxy variables decide. */
  readonly proxy?: string;
  /** An address to dial instead of the URL's host, keeping Host and the TLS name (tests); no proxy then. */
  readonly connectTo?: { readonly host: string; readonly port: number };
}

/** The proxy for a URL: the route's own, else the one HTTPS_PROXY / HTTP_PROXY name unless NO_PROXY exempts the host. */
export function proxyFor(url: URL, route: Route): string | undefined {
  if (route.connectTo) return undefined;
  if (route.proxy) return route.proxy;
  // Loaded only here: most runs name no proxy, and the handler's start-up is kept short.
  const { getProxyForUrl } = require('proxy-from-env') as typeof import('proxy-from-env');
  return getProxyForUrl(url.href) || undefined;
}

function networkError(err: Error & { code?: string }): ServiceRequestError {
  return new ServiceRequestError(err.message, undefined, undefined, undefined, err.code ?? 'ECONNRESET');
}

/** The request options for a URL: direct, to connectTo, or through a proxy (a tunnel for https, an absolute URI for http). */
function requestOptions(prepared: PreparedRequest, route: Route): { options: RequestOptions; https: boolean } {
  const { url } = prepared;
  const https = url.protocol === 'https:';
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port || (https ? 443 : 80));
  // The TLS name, given so the agent does not work it out: that runs net.isIP, whose IPv6 pattern costs about 10 ms
  // to compile on first use, a tenth of the handler's start-up. An IP address gets none, as the agent would do.
  const servername = /^[\d.]+$|:/.test(hostname) ? '' : hostname;
  const base = { method: prepared.method, hostname, port, path: url.pathname + url.search, headers: prepared.headers, servername };
  if (route.connectTo) return { options: { ...base, hostname: route.connectTo.host, port: route.connectTo.port }, https };
  const proxy = proxyFor(url, route);
  if (!proxy) return { options: base, https };
  if (https) {
    const { HttpsProxyAgent } = require('https-proxy-agent') as typeof import('https-proxy-agent');
    return { options: { ...base, agent: new HttpsProxyAgent(proxy) }, https };
  }
  // Plain http (asked for explicitly, for tests): an absolute-URI request to the proxy, with the real Host.
  const target = new URL(proxy);
  const authorization = target.username
    ? { 'Proxy-Authorization': `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}` }
    : {};
  const proxyHttps = target.protocol === 'https:';
  return {
    options: { ...base, hostname: target.hostname, port: Number(target.port || (proxyHttps ? 443 : 80)), path: url.href, headers: { ...prepared.headers, ...authorization } },
    https: proxyHttps,
  };
}

/** Sends a prepared request and resolves with the answer, whatever its status; a failure before one is a network error. */
export function sendRequest(prepared: PreparedRequest, route: Route): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    let req: ClientRequest | undefined;
    const finish = (err: ServiceRequestError | undefined, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req?.destroy();
        reject(err);
      } else {
        resolve(answer!);
      }
    };
    const timer = setTimeout(() => {
      finish(new ServiceRequestError(`no answer from ${prepared.url.host} within ${route.timeoutMs} ms`, undefined, undefined, undefined, 'ETIMEDOUT'));
    }, route.timeoutMs);
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (err) => finish(networkError(err)));
      res.on('end', () => finish(undefined, { statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    };
    try {
      const { options, https } = requestOptions(prepared, route);
      // node:https (and with it node:tls) is loaded only when a request needs it.
      req = (https ? (require('node:https') as typeof import('node:https')).request : http.request)(options, onResponse);
    } catch (err) {
      return finish(networkError(err as Error));
    }
    req.on('error', (err) => finish(networkError(err)));
    req.end(prepared.body);
  });
}

/** A non-2xx answer as `ServiceRequestError`: Code, Message and RequestId from the XML body, or the request id header. */
export function serviceError(answer: HttpAnswer, requestIdHeader: string): ServiceRequestError {
  const text = answer.body.toString('utf8');
  const error = text.includes('<Error') ? parseErrorBody(text) : {};
  const headerId = answer.headers[requestIdHeader];
  const requestId = error.RequestId || (Array.isArray(headerId) ? headerId[0] : headerId) || undefined;
  const status = answer.statusCode;
  const message = error.Message || `HTTP ${status}${http.STATUS_CODES[status] ? ` ${http.STATUS_CODES[status]}` : ''}`;
  return new ServiceRequestError(String(message), status, error.Code ? String(error.Code) : undefined, requestId ? String(requestId) : undefined, undefined);
}

/** Sends a request and resolves with a 2xx answer; any other rejects with the service's code, status and request id. */
export async function sendExpectingSuccess(prepared: PreparedRequest, route: Route, requestIdHeader: string): Promise<HttpAnswer> {
  const answer = await sendRequest(prepared, route);
  if (answer.statusCode >= 200 && answer.statusCode < 300) return answer;
  throw serviceError(answer, requestIdHeader);
}
