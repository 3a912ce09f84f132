/// <reference path="./esdk-obs-nodejs.d.ts" />
import { createHash } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { XMLBuilder } from 'fast-xml-parser';
import { OBS_REGION_PATTERN } from '../contract/rules/region';
import { parseErrorBody } from './inventory-xml';
import { createConnection } from 'node:net';
import type ObsClient = require('esdk-obs-nodejs');
import { ServiceRequestError, unlessNotFound } from './service-error';
import type { ManagedInventorySpec, ManagedInventoryTarget } from '../contract/spec';
import { ComparableConfig, flatten, InventoryConfigApi } from './managed-inventory';
import { OBS_CONNECT_TO_VARIABLE, OBS_ENDPOINT_VARIABLE, OBS_TIMEOUT_VARIABLE } from '../contract/environment';

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
 * Where OBS requests go. `OBS_INVENTORY_ENDPOINT` replaces the public endpoint of the region (a private endpoint);
 * `OBS_INVENTORY_CONNECT_TO` (`host:port`) dials that address while keeping the real Host and the OBS signature, as
 * curl's --connect-to does: how the tests reach a local server (path-style addressing would switch the SDK to the
 * AWS v2 signature).
 */
export function obsEndpoint(env: NodeJS.ProcessEnv, region: string): { server: string; connectTo?: { host: string; port: number } } {
  // The region becomes the request's host: nothing but a region id may get there, whatever document it came from.
  if (!OBS_REGION_PATTERN.test(region)) throw new Error(`OBS region ${JSON.stringify(region)} is not an OBS region id such as cn-north-4`);
  const connectTo = env[OBS_CONNECT_TO_VARIABLE];
  const server = env[OBS_ENDPOINT_VARIABLE] || `${connectTo ? 'http' : 'https'}://obs.${region}.myhuaweicloud.com`;
  if (!connectTo) return { server };
  const match = /^(.+):(\d+)$/.exec(connectTo);
  if (!match) throw new Error(`OBS_INVENTORY_CONNECT_TO = ${JSON.stringify(connectTo)}: must be host:port`);
  return { server, connectTo: { host: match[1], port: Number(match[2]) } };
}

/** An HTTP agent that dials `connectTo` whatever the request's host. */
function connectingAgent(connectTo: { host: string; port: number }): Agent {
  const agent = new Agent();
  (agent as unknown as { createConnection: typeof createConnection }).createConnection =
    (options: any, callback?: any) => createConnection({ ...options, host: connectTo.host, port: connectTo.port }, callback);
  return agent;
}

/**
 * esdk-obs-nodejs, loaded only when an OBS config is handled: requiring it costs about 100 ms, which COS commands
 * do not pay. In the bundle this require is of `./obs.js` beside `index.js` (scripts/bundle-handler.js).
 */
function loadObsClient(): typeof ObsClient {
  return require('esdk-obs-nodejs');
}

/** The SDK's client initialises asynchronously (its initFactory is async); wait until it can sign. */
async function whenReady(client: ObsClient): Promise<ObsClient> {
  for (let tick = 0; tick < 1000; tick++) {
    if ((client as unknown as { util?: { signatureContext?: unknown } }).util?.signatureContext) return client;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the OBS client did not finish initialising');
}

/**
 * The PUT Bucket Inventory body, element for element as the OBS document gives it, built with fast-xml-parser, which
 * escapes every value: the SDK's own XML builder escapes only `&`, `'` and `"`, so a prefix with `<` (legal in OBS
 * object names) would reach OBS as broken XML.
 */
export function obsPutXml(spec: ManagedInventorySpec): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${xmlBuilder.build({ InventoryConfiguration: obsConfiguration(spec) })}`;
}

/** The SDK parameters of setBucketInventory, which are also what getBucketInventory returns. */
function obsConfiguration(spec: ManagedInventorySpec) {
  return {
    Id: spec.id,
    IsEnabled: String(spec.enabled),
    ...(spec.filter?.prefix !== undefined ? { Filter: { Prefix: spec.filter.prefix } } : {}),
    Destination: { Format: 'CSV', Bucket: spec.destination.bucket, ...(spec.destination.prefix ? { Prefix: spec.destination.prefix } : {}) },
    Schedule: { Frequency: spec.frequency },
    IncludedObjectVersions: spec.includedObjectVersions,
    ...(spec.optionalFields.length > 0 ? { OptionalFields: { Field: spec.optionalFields } } : {}),
  };
}

const CONFIGURATION_KEYS = ['Id', 'IsEnabled', 'Filter', 'Destination', 'Schedule', 'IncludedObjectVersions', 'OptionalFields'] as const;

function comparable(configuration: Record<string, unknown>): ComparableConfig {
  const picked = Object.fromEntries(CONFIGURATION_KEYS.map((key) => [key, configuration[key]]));
  // The SDK reads an absent element back as an empty string or object; absent and empty are the same config.
  return Object.fromEntries(Object.entries(flatten(picked)).filter(([, value]) => value !== ''));
}

/** The HTTP agent requests to a region need: one that dials OBS_INVENTORY_CONNECT_TO, or none. */
export function obsAgent(env: NodeJS.ProcessEnv, region: string): Agent | undefined {
  const endpoint = obsEndpoint(env, region);
  return endpoint.connectTo ? connectingAgent(endpoint.connectTo) : undefined;
}

/** A signing OBS client for a region, ready to call: the endpoint, credentials and timeout the environment sets. */
export function createObsClient(credentials: ObsCredentials, env: NodeJS.ProcessEnv, region: string, agent = obsAgent(env, region)): Promise<ObsClient> {
  const endpoint = obsEndpoint(env, region);
  const Client = loadObsClient();
  return whenReady(new Client({
    access_key_id: credentials.accessKey,
    secret_access_key: credentials.secretKey,
    security_token: credentials.securityToken,
    server: endpoint.server,
    signature: 'obs',
    // Negotiation would send an extra request to pick the signature type; OBS signing is known here.
    is_signature_negotiation: false,
    // retry.ts does the retrying, bounded and jittered.
    max_retry_count: 0,
    timeout: Number(env[OBS_TIMEOUT_VARIABLE] ?? 30),
    ...(agent ? { http_agent: agent } : {}),
  }));
}

/**
 * One SDK call: its `InterfaceResult`, or a ServiceRequestError with OBS's status, code and request id (the SDK
 * resolves with a status rather than throwing); a failure before any answer is a network error.
 */
export async function callObs(ready: Promise<ObsClient>, method: string, params: Record<string, unknown>): Promise<any> {
  let result: any;
  try {
    result = await ((await ready) as any)[method](params);
  } catch (err: any) {
    throw new ServiceRequestError(err?.message ?? String(err), undefined, undefined, undefined, err?.code ?? 'ECONNRESET');
  }
  const message = result?.CommonMsg ?? {};
  if (!(message.Status < 300)) {
    throw new ServiceRequestError(message.Message || `HTTP ${message.Status}`, message.Status, message.Code || undefined, message.RequestId || undefined, undefined);
  }
  return result.InterfaceResult ?? {};
}

/** PUT, GET and DELETE Bucket Inventory on OBS with the official esdk-obs-nodejs (3.26.8 or later). */
export function createObsInventoryConfigApi(credentials: ObsCredentials, env: NodeJS.ProcessEnv, region: string): InventoryConfigApi {
  const timeoutMs = Number(env[OBS_TIMEOUT_VARIABLE] ?? 30) * 1000;
  const agent = obsAgent(env, region);
  const ready = createObsClient(credentials, env, region, agent);
  const call = (method: 'setBucketInventory' | 'getBucketInventory' | 'deleteBucketInventory', params: Record<string, unknown>) => callObs(ready, method, params);
  const target = (t: ManagedInventoryTarget) => ({ Bucket: t.bucket, InventoryId: t.id });
  /** Our own body, signed by the SDK (a pre-signed URL over exactly these headers) and sent as it is. */
  const put = async (spec: ManagedInventorySpec) => {
    const body = Buffer.from(obsPutXml(spec), 'utf8');
    const headers = { 'Content-MD5': createHash('md5').update(body).digest('base64'), 'Content-Type': 'application/xml' };
    const signed = ((await ready) as any).createSignedUrlSync({
      Method: 'PUT', Bucket: spec.bucket, SpecialParam: 'inventory', QueryParams: { id: spec.id }, Headers: headers, Expires: SIGNED_URL_SECONDS,
    });
    await sendSigned(signed.SignedUrl, { ...signed.ActualSignedRequestHeaders, 'Content-Length': String(body.length) }, body, agent, timeoutMs);
  };

  return {
    put,
    async read(t) {
      const configuration = await unlessNotFound(call('getBucketInventory', target(t)));
      return configuration === undefined ? undefined : comparable(configuration);
    },
    expected(spec) {
      return comparable(obsConfiguration(spec));
    },
    async delete(t) {
      return (await unlessNotFound(call('deleteBucketInventory', target(t)))) !== undefined;
    },
  };
}

/** How long the pre-signed PUT stays valid: it is sent at once. */
const SIGNED_URL_SECONDS = 300;
const xmlBuilder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

/** Sends one pre-signed request; rejects with `ServiceRequestError` carrying the OBS code and request id. */
function sendSigned(url: string, headers: Record<string, string>, body: Buffer, agent: Agent | undefined, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    // node:https (and node:tls with it) is loaded only here, so a COS command never pays for it at start-up.
    const send = target.protocol === 'https:' ? (require('node:https') as typeof import('node:https')).request : httpRequest;
    const req = send(target, { method: 'PUT', headers, ...(agent ? { agent } : {}), timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status < 300) return resolve();
        const error = parseErrorBody(Buffer.concat(chunks).toString('utf8'));
        const requestId = error.RequestId ?? (res.headers['x-obs-request-id'] as string | undefined);
        reject(new ServiceRequestError(error.Message ?? `HTTP ${status}`, status, error.Code, requestId, undefined));
      });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer from OBS within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', (err: Error & { code?: string }) => reject(new ServiceRequestError(err.message, undefined, undefined, undefined, err.code ?? 'ECONNRESET')));
    req.end(body);
  });
}
