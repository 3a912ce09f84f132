import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import COS = require('cos-nodejs-sdk-v5');
import { parseErrorBody } from './inventory-xml';
import { ServiceRequestError, unlessNotFound } from './service-error';

/** The COS calls the handler makes; the job logic takes this interface, so tests can inject their own. */
export interface CosApi {
  /** POST Bucket inventory; resolves with the response body, rejects with `ServiceRequestError`. */
  postInventory(bucket: string, region: string, id: string, xml: string): Promise<string>;
  /** GET Object; `undefined` when it does not exist (yet). */
  getObject(bucket: string, region: string, key: string): Promise<Buffer | undefined>;
  /** HEAD Object size in bytes; `undefined` when it does not exist. */
  headObjectSize(bucket: string, region: string, key: string): Promise<number | undefined>;
}

/** Credentials, read from the same variables the tencentcloud provider reads. Never logged or stored. */
export interface CosCredentials {
  readonly secretId: string;
  readonly secretKey: string;
  readonly securityToken?: string;
}

/**
 * Where requests go. `domain` is the SDK's host template for private endpoints
 * (`{Bucket}.cos-internal.{Region}.tencentcos.cn`); `proxy` sends every request, with its real Host, through an
 * HTTP proxy, which is how tests reach a local server (SDK 3 has no path-style addressing).
 */
export interface CosEndpoint {
  readonly domain?: string;
  readonly proxy?: string;
  readonly protocol?: 'http:' | 'https:';
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
  const proxy = env.COS_INVENTORY_PROXY || undefined;
  const protocol = env.COS_INVENTORY_PROTOCOL || (proxy?.startsWith('http:') ? 'http:' : undefined);
  if (protocol !== undefined && protocol !== 'http:' && protocol !== 'https:') {
    throw new Error(`COS_INVENTORY_PROTOCOL = ${JSON.stringify(protocol)}: must be http: or https:`);
  }
  return {
    domain: env.COS_INVENTORY_DOMAIN || undefined,
    proxy,
    protocol,
    timeoutMs: env.COS_INVENTORY_TIMEOUT_MS ? Number(env.COS_INVENTORY_TIMEOUT_MS) : 30_000,
  };
}

/** Sends one request through the official SDK, which signs it; rejects with `ServiceRequestError`. */
export type CosSender = (params: Record<string, unknown>) => Promise<any>;

export function createCosSender(credentials: CosCredentials, endpoint: CosEndpoint): CosSender {
  const cos = new COS({
    SecretId: credentials.secretId,
    SecretKey: credentials.secretKey,
    SecurityToken: credentials.securityToken,
    Domain: endpoint.domain ?? '',
    Protocol: endpoint.protocol ?? '',
    Proxy: endpoint.proxy ?? '',
    Timeout: endpoint.timeoutMs ?? 30_000,
    // The backup host would bypass a private endpoint and a test proxy alike.
    AutoSwitchHost: false,
  } as COS.COSOptions);
  return (params) => new Promise((resolve, reject) => {
    cos.request(params as any, (err: any, data: any) => (err ? reject(toServiceRequestError(err)) : resolve(data)));
  });
}

/**
 * Headers and body for an XML request body with its Content-MD5. The body goes as a stream: that turns off the
 * SDK's own immediate retries (sdk/base.js, submitRequest), so the bounded, jittered retries of retry.ts are the
 * only ones and a request is never repeated behind our back.
 */
export function xmlRequest(xml: string): { Headers: Record<string, string>; Body: Readable; RawBody: true } {
  const body = Buffer.from(xml, 'utf8');
  return {
    Headers: {
      'Content-Type': 'application/xml',
      'Content-MD5': createHash('md5').update(body).digest('base64'),
      'Content-Length': String(body.length),
    },
    Body: Readable.from([body]),
    RawBody: true,
  };
}

/** The response body of a `RawBody` request, as text. */
export function rawText(data: any): string {
  return Buffer.isBuffer(data.Body) ? data.Body.toString('utf8') : String(data.Body ?? '');
}

/** `CosApi` over the official SDK. */
export function createSdkCosApi(credentials: CosCredentials, endpoint: CosEndpoint): CosApi {
  const send = createCosSender(credentials, endpoint);
  return {
    async postInventory(bucket, region, id, xml) {
      return rawText(await send({ Method: 'POST', Bucket: bucket, Region: region, Action: 'inventory', Query: { id }, ...xmlRequest(xml) }));
    },
    async getObject(bucket, region, key) {
      const data = await unlessNotFound(send({ Method: 'GET', Bucket: bucket, Region: region, Key: key, RawBody: true }));
      return data === undefined ? undefined : Buffer.isBuffer(data.Body) ? data.Body : Buffer.from(String(data.Body ?? ''));
    },
    async headObjectSize(bucket, region, key) {
      const data = await unlessNotFound(send({ Method: 'HEAD', Bucket: bucket, Region: region, Key: key }));
      return data === undefined ? undefined : Number(data.headers?.['content-length']);
    },
  };
}

/** Normalizes the SDK's error shapes (COS error body, bare status, socket error) into one. */
export function toServiceRequestError(err: any): ServiceRequestError {
  const body = err?.error && typeof err.error === 'object' ? err.error : typeof err?.error === 'string' ? parseErrorBody(err.error) : {};
  const statusCode: number | undefined = err?.statusCode;
  const requestId: string | undefined = body.RequestId ?? err?.headers?.['x-cos-request-id'];
  const networkError = statusCode === undefined ? (err?.code ?? err?.error?.code ?? err?.message) : undefined;
  const code = statusCode !== undefined ? (body.Code ?? (err?.code && !/^\d+$/.test(err.code) ? err.code : undefined)) : undefined;
  const message = body.Message ?? err?.message ?? String(err);
  return new ServiceRequestError(message, statusCode, code, requestId, networkError);
}
