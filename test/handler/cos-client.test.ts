// The handler's own COS client (src/handler/cos-client.ts), measured against the library it replaces: its
// Authorization header equals cos-nodejs-sdk-v5's COS.getAuthorization for the same request, and what it sends
// equals what the SDK sends. Then against the fake COS, whose signature check (cos-signature.ts) is independent of
// both: keys in any script, error bodies, one request per call, the timeout, the private-endpoint template, and https
// through a CONNECT tunnel.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import { AddressInfo, connect as netConnect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createServer as createTlsServer, TLSSocket } from 'node:tls';
import COS = require('cos-nodejs-sdk-v5');
import { createCosApi } from '../../src/handler/cos-api';
import {
  bucketBaseUrl, cosAuthorization, CosCredentials, CosEndpoint, createCosClient, endpointFromEnv, prepareCosRequest,
} from '../../src/handler/cos-client';
import type { BucketRequest } from '../../src/handler/transport';
import { isRetryable } from '../../src/handler/retry';
import { ServiceRequestError } from '../../src/handler/service-error';
import { signatureProblem } from '../support/cos-signature';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../support/fake-cos';

const SECRET_ID = 'AKIDexampleSecretId0000000000000000';
const SECRET_KEY = 'exampleSecretKey000000000000000000';
const BUCKET = 'examplebucket-1250000000';
const HOST = `${BUCKET}.cos.ap-guangzhou.myqcloud.com`;
const KEY_TIME = '1700000000;1700000900';

describe('cosAuthorization equals COS.getAuthorization of cos-nodejs-sdk-v5', () => {
  const cases: Array<{ name: string; method: string; key: string; query?: Record<string, string>; headers: Record<string, string> }> = [
    { name: 'a bucket operation with a bare parameter', method: 'POST', key: '', query: { inventory: '', id: 'audit-3f2504e04f89' },
      headers: { Host: HOST, 'Content-Type': 'application/xml', 'Content-MD5': '1B2M2Y8AsgTpgAmY7PhCfg==', 'Content-Length': '0' } },
    { name: 'query parameters that need encoding, keys in mixed case', method: 'GET', key: '',
      query: { prefix: 'photos/2024 trip/ü', 'max-keys': '100', delimiter: '/', 'Response-Content-Type': 'text/plain; charset=utf-8', versionId: "a!b'c(d)e*f" },
      headers: { Host: HOST } },
    { name: 'a key in Chinese with spaces and reserved characters', method: 'GET', key: 'photos/猫 的照片 (1)+[2]&x=y.jpg', headers: { Host: HOST } },
    { name: 'a key with emoji, a tilde and percent signs', method: 'HEAD', key: 'reports/😀~100%/a%2Fb.csv.gz', headers: { Host: HOST } },
    { name: 'headers with spaces, quotes and mixed case', method: 'PUT', key: 'a b/c d.txt',
      headers: { Host: HOST, 'Content-Disposition': 'attachment; filename="report 1.csv"', 'x-cos-meta-Note': '  two  spaces  ', 'Cache-Control': 'max-age=60, public' } },
    { name: 'a security token signed as a header', method: 'DELETE', key: '', query: { inventory: '', id: 'x' },
      headers: { Host: HOST, 'x-cos-security-token': 'sts/token+with=signs and spaces' } },
    { name: 'a host with a port', method: 'GET', key: 'k', headers: { Host: `${BUCKET}.cos-internal.ap-guangzhou.tencentcos.cn:8443` } },
  ];

  test.each(cases)('$name', ({ method, key, query, headers }) => {
    const ours = cosAuthorization({ secretId: SECRET_ID, secretKey: SECRET_KEY, method, key, query: query ?? {}, headers, keyTime: KEY_TIME });
    const sdk = COS.getAuthorization({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Method: method, Key: key, Query: query ?? {}, Headers: headers, KeyTime: KEY_TIME } as any);
    expect(ours).toBe(sdk);
  });

  test('and the fake COS, which checks signatures independently, accepts it', () => {
    const headers = { host: HOST, 'content-disposition': 'attachment; filename="report 1.csv"' };
    const key = 'photos/猫 的照片 (1).jpg';
    const now = Math.floor(Date.now() / 1000);
    const keyTime = `${now - 1};${now + 900}`;
    const query = { 'response-content-type': 'text/plain; charset=utf-8' };
    const authorization = cosAuthorization({ secretId: SECRET_ID, secretKey: SECRET_KEY, method: 'GET', key, query, headers, keyTime });
    expect(signatureProblem({ method: 'GET', path: `/${key}`, query: new URLSearchParams(query), headers }, authorization, { [SECRET_ID]: SECRET_KEY }, now)).toBeUndefined();
  });
});

/** A server that answers 200 to anything and keeps what it was sent; as an HTTP proxy it sees absolute URIs. */
async function captureServer(): Promise<{ url: string; seen: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders; body: string }>; close: () => Promise<void> }> {
  const seen: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': '0' });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('prepareCosRequest sends what the SDK sends', () => {
  let capture: Awaited<ReturnType<typeof captureServer>>;
  beforeEach(async () => { capture = await captureServer(); });
  afterEach(() => capture.close());

  /** Sends `params` through the SDK (Proxy to the capture server), returns what arrived. */
  async function sdkSends(credentials: CosCredentials, params: Record<string, unknown>) {
    const cos = new COS({
      SecretId: credentials.secretId, SecretKey: credentials.secretKey, SecurityToken: credentials.securityToken,
      Protocol: 'http:', Proxy: capture.url, AutoSwitchHost: false,
    } as COS.COSOptions);
    await new Promise((resolve, reject) => cos.request({ Bucket: BUCKET, Region: 'ap-guangzhou', ...params } as any, (err: any, data: any) => (err ? reject(err) : resolve(data))));
    expect(capture.seen).toHaveLength(1);
    return capture.seen[0];
  }

  /** Same host and path, same query parameters (the SDK writes a bare `?inventory` as `?inventory=`). */
  function expectSameUrl(ours: URL, sent: string | undefined) {
    const theirs = new URL(sent!);
    expect(ours.origin + ours.pathname).toBe(theirs.origin + theirs.pathname);
    expect([...ours.searchParams]).toEqual([...theirs.searchParams]);
  }

  /** The client's request, signed at the second the SDK signed at. */
  function clientPrepares(credentials: CosCredentials, request: BucketRequest, sdkAuthorization: string) {
    const keyStart = Number(/q-key-time=(\d+);/.exec(sdkAuthorization)![1]);
    return prepareCosRequest(credentials, { protocol: 'http:' }, request, (keyStart + 1) * 1000);
  }

  test('POST Bucket inventory with a body and a security token', async () => {
    const credentials = { secretId: SECRET_ID, secretKey: SECRET_KEY, securityToken: 'sts-token-abc' };
    const body = Buffer.from('<InventoryConfiguration><Id>audit-1</Id></InventoryConfiguration>');
    const ours0 = prepareCosRequest(credentials, { protocol: 'http:' }, { method: 'POST', bucket: BUCKET, region: 'ap-guangzhou', query: { inventory: '', id: 'audit-1' }, headers: { 'Content-Type': 'application/xml' }, body }, Date.now());
    const sent = await sdkSends(credentials, {
      Method: 'POST', Action: 'inventory', Query: { id: 'audit-1' }, RawBody: true, Body: body,
      Headers: { 'Content-Type': 'application/xml', 'Content-MD5': ours0.headers['Content-MD5'], 'Content-Length': String(body.length) },
    });
    const ours = clientPrepares(credentials, { method: 'POST', bucket: BUCKET, region: 'ap-guangzhou', query: { inventory: '', id: 'audit-1' }, headers: { 'Content-Type': 'application/xml' }, body }, String(sent.headers.authorization));
    expect(ours.headers.Authorization).toBe(sent.headers.authorization);
    expect(ours.headers['x-cos-security-token']).toBe(sent.headers['x-cos-security-token']);
    expect(ours.headers.Host).toBe(sent.headers.host);
    expect(ours.headers['Content-MD5']).toBe(sent.headers['content-md5']);
    expectSameUrl(ours.url, sent.url);
    expect(sent.body).toBe(body.toString());
  });

  test.each([
    ['GET', 'photos/猫 的照片 (1)+[2].jpg'],
    ['HEAD', 'reports/😀 ~100%/data.csv.gz'],
    ['DELETE', 'a b/c d.txt'],
  ] as const)('%s Object of %s', async (method, key) => {
    const credentials = { secretId: SECRET_ID, secretKey: SECRET_KEY };
    const sent = await sdkSends(credentials, { Method: method, Key: key, RawBody: true });
    const ours = clientPrepares(credentials, { method, bucket: BUCKET, region: 'ap-guangzhou', key }, String(sent.headers.authorization));
    expect(ours.headers.Authorization).toBe(sent.headers.authorization);
    expectSameUrl(ours.url, sent.url);
  });
});

describe('against the fake COS', () => {
  let cos: FakeCos;
  const credentials: CosCredentials = { secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY };
  const client = (endpoint: Partial<CosEndpoint> = {}) => createCosClient(credentials, { proxy: cos.proxyUrl, protocol: 'http:', ...endpoint });
  beforeEach(async () => { cos = await new FakeCos().start(); });
  afterEach(() => cos.stop());

  test('GET and HEAD of keys in any script: the fake checks each signature', async () => {
    const keys = ['photos/猫 的照片 (1)+[2].jpg', 'reports/😀 ~100%/a&b=c.csv.gz', "quotes/it's (a) *test*!"];
    const api = createCosApi(credentials, { proxy: cos.proxyUrl, protocol: 'http:' });
    for (const [i, key] of keys.entries()) {
      cos.putObject(BUCKET, key, `body ${i}`);
      await expect(api.getObject(BUCKET, 'ap-guangzhou', key)).resolves.toEqual(Buffer.from(`body ${i}`));
      await expect(api.headObjectSize(BUCKET, 'ap-guangzhou', key)).resolves.toBe(`body ${i}`.length);
    }
    expect(cos.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(keys.flatMap((key) => [`GET /${key} 200`, `HEAD /${key} 200`]));
  });

  test('a missing object is undefined, from a 404 with a body (GET) and without one (HEAD)', async () => {
    const api = createCosApi(credentials, { proxy: cos.proxyUrl, protocol: 'http:' });
    await expect(api.getObject(BUCKET, 'ap-guangzhou', 'nothing')).resolves.toBeUndefined();
    await expect(api.headObjectSize(BUCKET, 'ap-guangzhou', 'nothing')).resolves.toBeUndefined();
  });

  test('an error answer carries status, Code, Message and RequestId from the body', async () => {
    cos.inject({ kind: 'status', status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' });
    const err = await client()({ method: 'GET', bucket: BUCKET, region: 'ap-guangzhou', key: 'k' }).catch((e) => e);
    expect(err).toBeInstanceOf(ServiceRequestError);
    expect(err).toMatchObject({ statusCode: 503, code: 'SlowDown', message: 'Please reduce your request rate.', networkError: undefined });
    expect(err.requestId).toMatch(/^fake-1-[0-9a-f]{8}$/);
  });

  test('without a body the request id comes from x-cos-request-id', async () => {
    cos.inject({ kind: 'status', status: 403, code: 'AccessDenied' });
    const err = await client()({ method: 'HEAD', bucket: BUCKET, region: 'ap-guangzhou', key: 'k' }).catch((e) => e);
    expect(err).toMatchObject({ statusCode: 403, code: undefined, message: 'HTTP 403 Forbidden' });
    expect(err.requestId).toMatch(/^fake-1-[0-9a-f]{8}$/);
  });

  test('a failure is one request: the client never retries (retry.ts does)', async () => {
    cos.inject({ kind: 'status', status: 500, code: 'InternalError' }, { kind: 'reset' });
    const send = client();
    await expect(send({ method: 'GET', bucket: BUCKET, region: 'ap-guangzhou', key: 'k' })).rejects.toMatchObject({ statusCode: 500, code: 'InternalError' });
    expect(cos.requests).toHaveLength(1);
    await expect(send({ method: 'GET', bucket: BUCKET, region: 'ap-guangzhou', key: 'k' })).rejects.toMatchObject({ statusCode: undefined, networkError: 'ECONNRESET' });
    expect(cos.requests).toHaveLength(2);
  });

  test('a slow answer fails with ETIMEDOUT at the deadline, after one request', async () => {
    cos.inject({ kind: 'delay', ms: 1500 });
    const started = Date.now();
    await expect(client({ timeoutMs: 200 })({ method: 'GET', bucket: BUCKET, region: 'ap-guangzhou', key: 'k' })).rejects.toMatchObject({ networkError: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(cos.requests).toHaveLength(1);
  });

  test('a body goes with Content-MD5, a security token as x-cos-security-token, and the real Host', async () => {
    const send = createCosClient({ ...credentials, securityToken: 'sts-token' }, { proxy: cos.proxyUrl, protocol: 'http:' });
    const xml = '<?xml version="1.0" encoding="UTF-8"?><InventoryConfiguration><Id>x</Id></InventoryConfiguration>';
    await expect(send({ method: 'PUT', bucket: BUCKET, region: 'ap-guangzhou', query: { inventory: '', id: 'x' }, headers: { 'Content-Type': 'application/xml' }, body: Buffer.from(xml) }))
      .rejects.toMatchObject({ statusCode: 400, code: 'InvalidArgument' }); // the fake wants IsEnabled: the request itself was accepted
    const [put] = cos.requests;
    expect(put.headers).toMatchObject({ host: HOST, 'x-cos-security-token': 'sts-token', 'content-type': 'application/xml' });
    expect(put.query).toEqual({ inventory: '', id: 'x' });
    expect(put.body).toBe(xml);
  });
});

describe('endpoints', () => {
  test('the public host, a private-endpoint template, and plain http only when asked for', () => {
    expect(bucketBaseUrl({}, BUCKET, 'ap-guangzhou').href).toBe(`https://${HOST}/`);
    expect(bucketBaseUrl({ domain: '{Bucket}.cos-internal.{Region}.tencentcos.cn' }, BUCKET, 'ap-shanghai').href)
      .toBe(`https://${BUCKET}.cos-internal.ap-shanghai.tencentcos.cn/`);
    expect(bucketBaseUrl({ protocol: 'http:' }, BUCKET, 'ap-guangzhou').href).toBe(`http://${HOST}/`);
  });

  test('environment: COS_INVENTORY_TIMEOUT_MS, COS_INVENTORY_PROTOCOL, and https behind any proxy', () => {
    expect(endpointFromEnv({})).toEqual({ domain: undefined, proxy: undefined, protocol: undefined, timeoutMs: 30_000 });
    expect(endpointFromEnv({ COS_INVENTORY_PROXY: 'http://127.0.0.1:1', COS_INVENTORY_TIMEOUT_MS: '1500' })).toEqual({
      domain: undefined, proxy: 'http://127.0.0.1:1', protocol: undefined, timeoutMs: 1500,
    });
    expect(() => endpointFromEnv({ COS_INVENTORY_TIMEOUT_MS: 'soon' })).toThrow('COS_INVENTORY_TIMEOUT_MS = "soon": must be a number of milliseconds above 0');
    expect(() => endpointFromEnv({ COS_INVENTORY_PROTOCOL: 'ftp:' })).toThrow('COS_INVENTORY_PROTOCOL = "ftp:": must be http: or https:');
  });

  test('through a proxy, a private-endpoint request keeps its Host, and its signature checks out', async () => {
    const capture = await captureServer();
    try {
      const domain = '{Bucket}.cos-internal.{Region}.tencentcos.cn';
      await createCosClient({ secretId: SECRET_ID, secretKey: SECRET_KEY }, { domain, proxy: capture.url, protocol: 'http:' })(
        { method: 'GET', bucket: BUCKET, region: 'ap-guangzhou', key: 'manifest 1.json', query: { versionId: 'v 1' } },
      );
      const [seen] = capture.seen;
      const host = `${BUCKET}.cos-internal.ap-guangzhou.tencentcos.cn`;
      expect(seen.url).toBe(`http://${host}/manifest%201.json?versionId=v%201`);
      expect(seen.headers.host).toBe(host);
      const url = new URL(seen.url!);
      expect(signatureProblem({ method: 'GET', path: decodeURIComponent(url.pathname), query: url.searchParams, headers: seen.headers },
        seen.headers.authorization, { [SECRET_ID]: SECRET_KEY }, Math.floor(Date.now() / 1000))).toBeUndefined();
    } finally {
      await capture.close();
    }
  });

  describe('https through a CONNECT tunnel', () => {
    let cos: FakeCos;
    let proxy: Server;
    let tlsServer: ReturnType<typeof createTlsServer>;
    let certDir: string;
    const connects: string[] = [];
    const serverNames: string[] = [];
    const tunnels = new Set<Socket>();
    const track = (socket: Socket) => { tunnels.add(socket); socket.on('close', () => tunnels.delete(socket)); };
    let refuse = false;

    beforeAll(async () => {
      cos = await new FakeCos().start();
      // A TLS terminator in front of the fake COS, with a throwaway self-signed certificate for the bucket's host.
      certDir = mkdtempSync(path.join(tmpdir(), 'cos-client-tls-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`,
        '-keyout', path.join(certDir, 'key.pem'), '-out', path.join(certDir, 'cert.pem')], { stdio: 'ignore' });
      tlsServer = createTlsServer({
        key: readFileSync(path.join(certDir, 'key.pem')), cert: readFileSync(path.join(certDir, 'cert.pem')),
        // The name the client asked for (SNI), seen before it judges the certificate.
        SNICallback: (name, callback) => { serverNames.push(name); callback(null); },
      }, (socket: TLSSocket) => {
        const upstream = netConnect(Number(new URL(cos.url).port), '127.0.0.1');
        track(socket);
        track(upstream);
        socket.pipe(upstream).pipe(socket);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      });
      await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
      // The proxy: CONNECT to any host reaches the terminator.
      proxy = createServer((_req, res) => { res.writeHead(405); res.end(); });
      proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
        connects.push(String(req.url));
        track(client);
        if (refuse) {
          client.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
          return;
        }
        const upstream = netConnect((tlsServer.address() as AddressInfo).port, '127.0.0.1', () => {
          track(upstream);
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.write(head);
          upstream.pipe(client).pipe(upstream);
        });
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    });

    afterAll(async () => {
      for (const socket of tunnels) socket.destroy();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await new Promise((resolve) => tlsServer.close(resolve));
      await cos.stop();
      rmSync(certDir, { recursive: true, force: true });
    });

    const proxyUrl = () => `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

    test('behind an http:// proxy, tunnels to <bucket>.cos.<region>.myqcloud.com:443 and speaks TLS with that name, verifying the certificate', async () => {
      // No protocol given: the proxy's own scheme never turns the requests to COS into plain http.
      const api = createCosApi({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY }, { proxy: proxyUrl() });
      await expect(api.getObject(BUCKET, 'ap-guangzhou', 'reports/manifest.json')).rejects.toMatchObject({
        statusCode: undefined, networkError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      });
      expect(connects).toEqual([`${HOST}:443`]);
      expect(serverNames).toEqual([HOST]);
      expect(cos.requests).toHaveLength(0);
    });

    test('the bundled command, trusting the certificate, puts a config over https through the tunnel', async () => {
      const bundle = path.resolve(__dirname, '..', '..', 'assets', 'handler', 'index.js');
      const spec = {
        version: 1, service: 'cos', bucket: BUCKET, region: 'ap-guangzhou', id: 'tls', enabled: true, frequency: 'Daily', includedObjectVersions: 'Current',
        optionalFields: ['Size'], destination: { bucket: 'inventorybucket-1250000000', prefix: 'cos_bucket_inventory', accountId: '100000000001' },
      };
      const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
        execFile(process.execPath, [bundle, 'put'], {
          env: {
            PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: path.join(certDir, 'cert.pem'), TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY,
            COS_INVENTORY_PROXY: proxyUrl(), COS_INVENTORY_PROTOCOL: 'https:', INVENTORY_CONFIG: JSON.stringify(spec),
          },
        }, (err, stdout, stderr) => resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, output: stdout + stderr }));
      });
      expect(result.output).toContain(`put and read back COS bucket ${BUCKET} (ap-guangzhou), inventory tls`);
      expect(result.code).toBe(0);
      expect(cos.requests.map((r) => `${r.method} ${r.headers.host} ${r.status}`)).toEqual([`PUT ${HOST} 200`, `GET ${HOST} 200`]);
      expect(serverNames.slice(-2)).toEqual([HOST, HOST]);
    });

    /** Runs the bundled command with only `env` (and PATH), trusting the throwaway certificate. */
    const runBundle = (args: string[], env: Record<string, string>) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const bundle = path.resolve(__dirname, '..', '..', 'assets', 'handler', 'index.js');
      execFile(process.execPath, [bundle, ...args], { env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: path.join(certDir, 'cert.pem'), ...env } },
        (err, stdout, stderr) => resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stdout, stderr }));
    });

    test('the bundled command honours HTTPS_PROXY: COS requests go through a CONNECT tunnel, in TLS', async () => {
      connects.length = 0;
      const spec = {
        version: 1, service: 'cos', bucket: BUCKET, region: 'ap-guangzhou', id: 'envproxy', enabled: true, frequency: 'Daily', includedObjectVersions: 'Current',
        optionalFields: ['Size'], destination: { bucket: 'inventorybucket-1250000000', prefix: 'cos_bucket_inventory', accountId: '100000000001' },
      };
      const result = await runBundle(['put'], {
        TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, HTTPS_PROXY: proxyUrl(), NO_PROXY: 'example.com', INVENTORY_CONFIG: JSON.stringify(spec),
      });
      expect(result.stderr).toContain(`put and read back COS bucket ${BUCKET} (ap-guangzhou), inventory envproxy`);
      expect(result.code).toBe(0);
      expect(connects).toEqual([`${HOST}:443`, `${HOST}:443`]);
    });

    test('the bundled command honours https_proxy for OBS too: the tunnel goes to the bucket host, TLS checks its name', async () => {
      connects.length = 0;
      serverNames.length = 0;
      const obsHost = 'examplebucket.obs.cn-north-4.myhuaweicloud.com';
      const target = { version: 1, service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', id: 'x' };
      const result = await runBundle(['delete'], { HW_ACCESS_KEY: 'a', HW_SECRET_KEY: 'b', https_proxy: proxyUrl(), INVENTORY_TARGET: JSON.stringify(target) });
      // The throwaway certificate names the COS host, so TLS refuses the OBS one: nothing signed left the tunnel.
      expect(result.stderr).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
      expect(result.code).toBe(1);
      expect(connects).toEqual([`${obsHost}:443`]);
      expect(serverNames).toEqual([obsHost]);
      expect(cos.requests.filter((r) => String(r.headers.host).includes('.obs.'))).toHaveLength(0);
    });

    test('a proxy that refuses the tunnel is an error that is not retried', async () => {
      refuse = true;
      const send = createCosClient({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY }, { proxy: proxyUrl(), protocol: 'https:' });
      await expect(send({ method: 'GET', bucket: BUCKET, region: 'ap-guangzhou', key: 'k' })).rejects.toMatchObject({
        statusCode: 407, message: 'HTTP 407 Proxy Authentication Required',
      });
      expect(isRetryable(await send({ method: 'GET', bucket: BUCKET, region: 'ap-guangzhou', key: 'k' }).catch((e) => e))).toBe(false);
    });
  });
});
