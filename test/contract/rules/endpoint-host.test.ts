// The endpoint host templates decide which host receives requests signed with the user's key and token: a template
// is DNS labels with {Bucket} and {Region}, nothing else, refused at synth time in every construct that takes one.
import { checkEndpointHost, fillEndpointHost } from '../../../src/contract/rules/endpoint-host';
import { checkConnectTo } from '../../../src/contract/rules/connect-to';
import { synthCosInventory, synthObsInventory } from '../../support/build';

/** Values that would send a signed request somewhere else, or fail only at apply. */
const HOSTILE_HOSTS = [
  '$(touch x).cos.{Region}.myqcloud.com',
  'evil.example.com',
  '{Bucket}.cos.{Region}.myqcloud.com.evil.example.com:443',
  'user@{Bucket}.evil.example.com',
  'http://{Bucket}.cos.{Region}.myqcloud.com',
  '{Bucket}.cos.{Region}.myqcloud.com/path',
  '{Bucket}.cos.{Region}.myqcloud.com?x=1',
  '{Bucket}.cos.{Region}.myqcloud.com#frag',
  '{Bucket}.cos.\n{Region}.myqcloud.com',
  '{Bucket}.cos.{Region}.myqcloud.com:8443',
  '{Bucket}..example.com',
  '-{Bucket}.example.com',
  '{Bucket}.{AppId}.example.com',
  '{Bucket}.{Bucket}.example.com',
  '{Bucket}',
  '',
];

describe('rule: endpoint host templates', () => {
  test.each(HOSTILE_HOSTS)('%j is refused', (host) => {
    expect(checkEndpointHost('domain', host)).toHaveLength(1);
  });

  test.each(['{Bucket}.cos-internal.{Region}.tencentcos.cn', '{Bucket}.cos.{Region}.myqcloud.com', '{Bucket}.obs.{Region}.myhuaweicloud.com', 'cos-{Bucket}.vpc-1.example'])('%s is a host template', (host) => {
    expect(checkEndpointHost('domain', host)).toEqual([]);
  });

  test('filled in with a bucket and a region', () => {
    expect(fillEndpointHost('{Bucket}.cos.{Region}.{Region}.example', 'b-1250000000', 'ap-guangzhou')).toBe('b-1250000000.cos.ap-guangzhou.ap-guangzhou.example');
  });

  test('COS constructs refuse a hostile handler.endpoint.domain at synth time, naming field, value and rule', () => {
    expect(() => synthCosInventory({ handler: { endpoint: { domain: '$(touch x)' } } })).toThrow(
      '[test/Inv] handler.endpoint.domain = "$(touch x)": must be a host name template: dot-separated labels of a-z 0-9 - and the placeholders {Bucket} and {Region}, with no scheme, user, port, path or query',
    );
    expect(() => synthCosInventory({ handler: { endpoint: { domain: 'evil.example.com' } } })).toThrow(
      '[test/Inv] handler.endpoint.domain = "evil.example.com": must hold {Bucket} exactly once: the services address a bucket by its host name',
    );
  });

  test('OBS constructs refuse a hostile handler.endpoint.domain and connectTo at synth time', () => {
    expect(() => synthObsInventory({ handler: { endpoint: { domain: 'http://user@evil.example.com' } } })).toThrow(
      '[test/Inv] handler.endpoint.domain = "http://user@evil.example.com": must be a host name template',
    );
    expect(() => synthObsInventory({ handler: { endpoint: { connectTo: 'evil.example.com:80/x' } } })).toThrow(
      '[test/Inv] handler.endpoint.connectTo = "evil.example.com:80/x": must be host:port',
    );
  });
});

describe('rule: connectTo', () => {
  test.each(['127.0.0.1:9000', 'obs-gateway.internal:443'])('%s is host:port', (value) => expect(checkConnectTo('c', value)).toEqual([]));
  test.each(['127.0.0.1', 'user@host:1', 'host:0', 'host:99999', 'host:80\n', '[::1]:80'])('%j is refused', (value) => expect(checkConnectTo('c', value)).toHaveLength(1));
});
