import type { ManagedInventorySpec } from '../contract/spec';
import { InventoryConfigApi } from './managed-inventory';
/** OBS credentials, from the variables the huaweicloud provider reads. Never logged or stored. */
export interface ObsCredentials {
    readonly accessKey: string;
    readonly secretKey: string;
    readonly securityToken?: string;
}
export declare function obsCredentialsFromEnv(env: NodeJS.ProcessEnv): ObsCredentials;
/**
 * Where OBS requests go. `OBS_INVENTORY_ENDPOINT` replaces the public endpoint of the region (a private endpoint);
 * `OBS_INVENTORY_CONNECT_TO` (`host:port`) dials that address while keeping the real Host and the OBS signature, as
 * curl's --connect-to does: how the tests reach a local server (path-style addressing would switch the SDK to the
 * AWS v2 signature).
 */
export declare function obsEndpoint(env: NodeJS.ProcessEnv, region: string): {
    server: string;
    connectTo?: {
        host: string;
        port: number;
    };
};
/**
 * The PUT Bucket Inventory body, element for element as the OBS document gives it, built with fast-xml-parser, which
 * escapes every value: the SDK's own XML builder escapes only `&`, `'` and `"`, so a prefix with `<` (legal in OBS
 * object names) would reach OBS as broken XML.
 */
export declare function obsPutXml(spec: ManagedInventorySpec): string;
/** PUT, GET and DELETE Bucket Inventory on OBS with the official esdk-obs-nodejs (3.26.8 or later). */
export declare function createObsInventoryConfigApi(credentials: ObsCredentials, env: NodeJS.ProcessEnv, region: string): InventoryConfigApi;
