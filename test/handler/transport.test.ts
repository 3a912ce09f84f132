// Which proxy a request takes (src/handler/transport.ts): the standard variables as the providers read them
// (HTTPS_PROXY / https_proxy, HTTP_PROXY / http_proxy, NO_PROXY / no_proxy), unless the client has its own proxy or
// dials a test address.
import { proxyFor } from '../../src/handler/transport';

const VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** The environment of this process holds exactly these proxy variables (proxy-from-env reads process.env). */
function setProxyEnv(values: Record<string, string>): void {
  for (const name of VARIABLES) delete process.env[name];
  Object.assign(process.env, values);
}

const COS = new URL('https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/?inventory');
const OBS = new URL('https://examplebucket.obs.cn-north-4.myhuaweicloud.com/?inventory');
const route = { timeoutMs: 1000 };

test('HTTPS_PROXY (either case) for https, HTTP_PROXY for http', () => {
  setProxyEnv({ HTTPS_PROXY: 'http://proxy.corp:3128', HTTP_PROXY: 'http://plain.corp:8080' });
  expect(proxyFor(COS, route)).toBe('http://proxy.corp:3128');
  expect(proxyFor(new URL('http://examplebucket.obs.cn-north-4.myhuaweicloud.com/'), route)).toBe('http://plain.corp:8080');
  setProxyEnv({ https_proxy: 'https://secure.corp:443' });
  expect(proxyFor(OBS, route)).toBe('https://secure.corp:443');
});

test('NO_PROXY (either case) exempts hosts by suffix, and * exempts all', () => {
  setProxyEnv({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.myqcloud.com,localhost' });
  expect(proxyFor(COS, route)).toBeUndefined();
  expect(proxyFor(OBS, route)).toBe('http://proxy.corp:3128');
  setProxyEnv({ HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: '*' });
  expect(proxyFor(OBS, route)).toBeUndefined();
});

test('the client\'s own proxy replaces the variables; a connectTo address takes none', () => {
  setProxyEnv({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.myqcloud.com' });
  expect(proxyFor(COS, { ...route, proxy: 'http://own.corp:1' })).toBe('http://own.corp:1');
  expect(proxyFor(OBS, { ...route, connectTo: { host: '127.0.0.1', port: 9000 } })).toBeUndefined();
  setProxyEnv({});
  expect(proxyFor(COS, route)).toBeUndefined();
});
