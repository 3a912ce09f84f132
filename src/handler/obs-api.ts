import { Agent } from 'node:http';
import { createConnection } from 'node:net';
import type ObsClient = require('esdk-obs-nodejs');
import { ServiceRequestError, unlessNotFound } from './service-error';
import type { ManagedInventorySpec, ManagedInventoryTarget } from '../contract/spec';
import { ComparableConfig, flatten, InventoryConfigApi } from './managed-inventory';
import { OBS_CONNECT_TO_VARIABLE, OBS_ENDPOINT_VARIABLE } from '../contract/environment';

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

/** PUT, GET and DELETE Bucket Inventory on OBS with the official esdk-obs-nodejs (3.26.8 or later). */
export function createObsInventoryConfigApi(credentials: ObsCredentials, env: NodeJS.ProcessEnv, region: string): InventoryConfigApi {
  const endpoint = obsEndpoint(env, region);
  const Client = loadObsClient();
  const ready = whenReady(new Client({
    access_key_id: credentials.accessKey,
    secret_access_key: credentials.secretKey,
    security_token: credentials.securityToken,
    server: endpoint.server,
    signature: 'obs',
    // Negotiation would send an extra request to pick the signature type; OBS signing is known here.
    is_signature_negotiation: false,
    // retry.ts does the retrying, bounded and jittered.
    max_retry_count: 0,
    timeout: Number(env.OBS_INVENTORY_TIMEOUT_SECONDS ?? 30),
    ...(endpoint.connectTo ? { http_agent: connectingAgent(endpoint.connectTo) } : {}),
  }));

  const call = async (method: 'setBucketInventory' | 'getBucketInventory' | 'deleteBucketInventory', params: Record<string, unknown>) => {
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
  };
  const target = (t: ManagedInventoryTarget) => ({ Bucket: t.bucket, InventoryId: t.id });

  return {
    async put(spec) {
      await call('setBucketInventory', { ...target(spec), ...obsConfiguration(spec) });
    },
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
