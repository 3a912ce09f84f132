import ObsClient = require('esdk-obs-nodejs');
import { ServiceRequestError, unlessNotFound } from './cos-api';
import { ComparableConfig, flatten, InventoryConfigApi, ManagedInventorySpec, ManagedInventoryTarget } from './managed-inventory';

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
 * The OBS endpoint: `OBS_INVENTORY_ENDPOINT` (a private endpoint, or a local test server) or the public one of the
 * region. An address that is an IP or localhost is used path-style, since it has no bucket subdomains.
 */
export function obsEndpoint(env: NodeJS.ProcessEnv, region: string): { server: string; pathStyle: boolean } {
  const server = env.OBS_INVENTORY_ENDPOINT || `https://obs.${region}.myhuaweicloud.com`;
  const host = new URL(server).hostname;
  return { server, pathStyle: host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[') };
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
  const client = new ObsClient({
    access_key_id: credentials.accessKey,
    secret_access_key: credentials.secretKey,
    security_token: credentials.securityToken,
    server: endpoint.server,
    path_style: endpoint.pathStyle,
    signature: 'obs',
    // Negotiation would send an extra request to pick the signature type; OBS signing is known here.
    is_signature_negotiation: false,
    // retry.ts does the retrying, bounded and jittered.
    max_retry_count: 0,
    timeout: Number(env.OBS_INVENTORY_TIMEOUT_SECONDS ?? 30),
  });

  const call = async (method: 'setBucketInventory' | 'getBucketInventory' | 'deleteBucketInventory', params: Record<string, unknown>) => {
    let result: any;
    try {
      result = await (client as any)[method](params);
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
