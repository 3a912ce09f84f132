// The COS request signature (q-sign-algorithm=sha1), written from the documented algorithm and independent of the
// SDK, so the fake server can tell a correctly signed request from one that is not.
// See https://www.tencentcloud.com/document/product/436/7778 (Request Signature).
import { createHash, createHmac } from 'node:crypto';

const hmacSha1 = (key: string, data: string) => createHmac('sha1', key).update(data).digest('hex');
const sha1 = (data: string) => createHash('sha1').update(data).digest('hex');

/** RFC 3986 encoding, as the signature wants it (encodeURIComponent leaves !'()* alone). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `key=value&...` over the listed keys, lowercased and sorted, values encoded. */
function canonicalPairs(keys: string[], lookup: (key: string) => string | undefined): string {
  return keys.map((key) => `${encodeRfc3986(key).toLowerCase()}=${encodeRfc3986(lookup(key) ?? '')}`).join('&');
}

export interface SignatureInput {
  readonly method: string;
  /** The decoded request path, `/` for bucket operations. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** Parses `q-...=...&...` from an Authorization header. */
export function parseAuthorization(header: string | undefined): Record<string, string> | undefined {
  if (!header || !header.startsWith('q-sign-algorithm=')) return undefined;
  return Object.fromEntries(header.split('&').map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at), pair.slice(at + 1)];
  }));
}

/** The signature a request should carry for a secret key, given the fields its Authorization header lists. */
export function expectedSignature(input: SignatureInput, auth: Record<string, string>, secretKey: string): string {
  const headerKeys = auth['q-header-list'] ? auth['q-header-list'].split(';') : [];
  const paramKeys = auth['q-url-param-list'] ? auth['q-url-param-list'].split(';') : [];
  const headerValue = (key: string) => {
    const entry = Object.entries(input.headers).find(([name]) => name.toLowerCase() === key);
    const value = entry?.[1];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const paramValue = (key: string) => {
    for (const [name, value] of input.query) if (name.toLowerCase() === key) return value;
    return undefined;
  };
  const httpString = `${input.method.toLowerCase()}\n${input.path}\n${canonicalPairs(paramKeys, paramValue)}\n${canonicalPairs(headerKeys, headerValue)}\n`;
  const stringToSign = `sha1\n${auth['q-sign-time']}\n${sha1(httpString)}\n`;
  return hmacSha1(hmacSha1(secretKey, auth['q-key-time']), stringToSign);
}

/** Why a request's signature is not acceptable, or `undefined` when it is. */
export function signatureProblem(input: SignatureInput, authorization: string | undefined, secrets: Record<string, string>, nowSeconds: number): string | undefined {
  const auth = parseAuthorization(authorization);
  if (!auth) return 'no COS signature in Authorization';
  if (auth['q-sign-algorithm'] !== 'sha1') return `unsupported q-sign-algorithm ${auth['q-sign-algorithm']}`;
  const secretKey = secrets[auth['q-ak']];
  if (secretKey === undefined) return `unknown SecretId ${auth['q-ak']}`;
  const [start, end] = (auth['q-sign-time'] ?? '').split(';').map(Number);
  if (!(start <= nowSeconds && nowSeconds <= end)) return 'signature time window does not contain the current time';
  const signedHeaders = (auth['q-header-list'] ?? '').split(';');
  if (!signedHeaders.includes('host')) return 'the Host header is not signed';
  const signedParams = (auth['q-url-param-list'] ?? '').split(';').filter(Boolean);
  for (const name of input.query.keys()) {
    if (!signedParams.includes(name.toLowerCase())) return `query parameter ${name} is not signed`;
  }
  if (expectedSignature(input, auth, secretKey) !== auth['q-signature']) return 'signature does not match';
  return undefined;
}
