// The handler's own OBS client (src/handler/obs-client.ts), measured against the library it replaces: for the same
// request at the same second, its Authorization header equals what esdk-obs-nodejs sends (header signature, token
// included), and nothing it sends carries a signature or a token in the URL. Hostile endpoint settings are refused
// before any request.
import { createHash } from 'node:crypto';
import { createServer, IncomingHttpHeaders } from 'node:http';
import { AddressInfo, createConnection } from 'node:net';
import { Agent } from 'node:http';
import ObsClient = require('esdk-obs-nodejs');
import { createObsClient, ObsCredentials, obsEndpointFromEnv, prepareObsRequest } from '../../src/handler/obs-client';
import type { BucketRequest } from '../../src/handler/transport';

const AK = 'EXAMPLEOBSACCESSKEY00';
const SK = 'exampleObsSecretKey0000000000000000000';
const HOST = 'examplebucket.obs.cn-north-4.myhuaweicloud.com';

interface Seen { method?: string; url?: string; headers: IncomingHttpHeaders; body: Buffer }

/** A server that answers 200 with an empty XML document to anything and keeps what it was sent. */
async function captureServer() {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult></ListBucketResult>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, seen, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

let capture: Awaited<ReturnType<typeof captureServer>>;
beforeEach(async () => { capture = await captureServer(); });
afterEach(() => capture.close());

/** What the SDK sends for one call, dialled to the capture server with the real Host. */
async function sdkSends(credentials: ObsCredentials, method: string, params: Record<string, unknown>): Promise<Seen> {
  const agent = new Agent();
  (agent as any).createConnection = (options: any, callback: any) => createConnection({ ...options, host: '127.0.0.1', port: capture.port }, callback);
  const client: any = new ObsClient({
    access_key_id: credentials.accessKey, secret_access_key: credentials.secretKey, security_token: credentials.securityToken,
    server: 'http://obs.cn-north-4.myhuaweicloud.com', signature: 'obs', is_signature_negotiation: false, max_retry_count: 0, http_agent: agent,
  });
  // The SDK initialises asynchronously and signs nothing before; only the reference waits for that, never the handler.
  for (let tick = 0; tick < 1000 && !client.util?.signatureContext; tick++) await new Promise((resolve) => setImmediate(resolve));
  await client[method](params);
  expect(capture.seen).toHaveLength(1);
  return capture.seen[0];
}

/** Ours, for the same request, signed at the second the SDK's Date names. */
function oursFor(credentials: ObsCredentials, request: BucketRequest, sent: Seen) {
  return prepareObsRequest(credentials, { protocol: 'http:' }, request, Date.parse(String(sent.headers.date)));
}

const credentials = { accessKey: AK, secretKey: SK };
const withToken = { ...credentials, securityToken: 'sts/token+with=signs' };

describe('prepareObsRequest signs what esdk-obs-nodejs signs', () => {
  test('GET Bucket Inventory, with a security token', async () => {
    const sent = await sdkSends(withToken, 'getBucketInventory', { Bucket: 'examplebucket', InventoryId: 'test_id' });
    const ours = oursFor(withToken, { method: 'GET', bucket: 'examplebucket', region: 'cn-north-4', query: { inventory: '', id: 'test_id' } }, sent);
    expect(ours.headers.Authorization).toBe(sent.headers.authorization);
    expect(ours.headers['x-obs-security-token']).toBe(sent.headers['x-obs-security-token']);
    expect(ours.headers.Host).toBe(sent.headers.host);
    expect(new URL(ours.url).pathname).toBe(new URL(String(sent.url), `http://${HOST}`).pathname);
  });

  test('DELETE Bucket Inventory', async () => {
    const sent = await sdkSends(credentials, 'deleteBucketInventory', { Bucket: 'examplebucket', InventoryId: 'test_id' });
    const ours = oursFor(credentials, { method: 'DELETE', bucket: 'examplebucket', region: 'cn-north-4', query: { inventory: '', id: 'test_id' } }, sent);
    expect(ours.headers.Authorization).toBe(sent.headers.authorization);
  });

  test('a PUT with a body, Content-MD5, Content-Type and a security token', async () => {
    const body = Buffer.from('<InventoryConfiguration><Id>test_id</Id></InventoryConfiguration>');
    const md5 = createHash('md5').update(body).digest('base64');
    const sent = await sdkSends(withToken, 'putObject', { Bucket: 'examplebucket', Key: 'config.xml', Body: body.toString(), ContentType: 'application/xml', ContentMD5: md5 });
    const ours = oursFor(withToken, { method: 'PUT', bucket: 'examplebucket', region: 'cn-north-4', key: 'config.xml', headers: { 'Content-Type': String(sent.headers['content-type']) }, body }, sent);
    expect(sent.headers['content-md5']).toBe(md5);
    expect(ours.headers.Authorization).toBe(sent.headers.authorization);
  });

  test.each(['reports/2026-01-01T00-00Z/manifest.json', 'a b/猫 (1)+[2]&x=y.csv.gz'])('GET Object %s', async (key) => {
    const sent = await sdkSends(credentials, 'getObject', { Bucket: 'examplebucket', Key: key });
    const ours = oursFor(credentials, { method: 'GET', bucket: 'examplebucket', region: 'cn-north-4', key }, sent);
    expect(ours.headers.Authorization).toBe(sent.headers.authorization);
    expect(new URL(ours.url).pathname).toBe(String(sent.url).split('?')[0]);
  });

  test('ListObjects with a prefix, a delimiter and a marker', async () => {
    const sent = await sdkSends(credentials, 'listObjects', { Bucket: 'examplebucket', Prefix: 'inv/x y/', Delimiter: '/', MaxKeys: 1000, Marker: 'inv/a' });
    const ours = oursFor(credentials, { method: 'GET', bucket: 'examplebucket', region: 'cn-north-4', query: { 'prefix': 'inv/x y/', 'delimiter': '/', 'max-keys': '1000', 'marker': 'inv/a' } }, sent);
    expect(ours.headers.Authorization).toBe(sent.headers.authorization);
  });
});

describe('what goes on the wire', () => {
  test('a PUT carries its signature and token in headers only: the URL holds nothing a log could replay', async () => {
    const send = createObsClient(withToken, { connectTo: `127.0.0.1:${capture.port}`, protocol: 'http:' });
    await send({ method: 'PUT', bucket: 'examplebucket', region: 'cn-north-4', query: { inventory: '', id: 'test_id' }, headers: { 'Content-Type': 'application/xml' }, body: Buffer.from('<x/>') });
    const [put] = capture.seen;
    expect(put.url).toBe('/?inventory&id=test_id');
    expect(put.headers.host).toBe(HOST);
    expect(put.headers.authorization).toMatch(new RegExp(`^OBS ${AK}:[A-Za-z0-9+/]+=*$`));
    expect(put.headers['x-obs-security-token']).toBe(withToken.securityToken);
  });

  test.each([
    ['OBS_INVENTORY_DOMAIN', 'http://user@evil.example.com'],
    ['OBS_INVENTORY_DOMAIN', 'evil.example.com'],
    ['OBS_INVENTORY_DOMAIN', '{Bucket}.obs.{Region}.myhuaweicloud.com:8443'],
    ['OBS_INVENTORY_DOMAIN', '{Bucket}.obs.{Region}.myhuaweicloud.com\n.evil.example.com'],
    ['OBS_INVENTORY_CONNECT_TO', 'user@127.0.0.1:80'],
    ['OBS_INVENTORY_PROTOCOL', 'ftp:'],
  ])('%s = %j is refused before any request', (variable, value) => {
    expect(() => obsEndpointFromEnv({ [variable]: value })).toThrow(`${variable} = ${JSON.stringify(value)}: must`);
    expect(() => createObsClient(credentials, { domain: value })).toThrow();
  });

  test('plain http only when asked for: connectTo alone keeps https', () => {
    expect(obsEndpointFromEnv({ OBS_INVENTORY_CONNECT_TO: '127.0.0.1:9000' })).toEqual({ domain: undefined, connectTo: '127.0.0.1:9000', protocol: undefined, timeoutMs: 30_000 });
    expect(prepareObsRequest(credentials, { connectTo: '127.0.0.1:9000' }, { method: 'GET', bucket: 'examplebucket', region: 'cn-north-4' }, 0).url.protocol).toBe('https:');
  });
});
