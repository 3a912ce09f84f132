import * as v from 'valibot';
import { OBS_CONNECT_TO_VARIABLE, OBS_ENDPOINT_VARIABLE } from '../contract/environment';
import { entriesOf, strictProps, text } from '../common/validation/props';

/** Where the handler sends OBS requests, when not to the public endpoint of the region. */
export interface HandlerEndpoint {
  /**
   * Endpoint URL replacing `https://obs.<region>.myhuaweicloud.com`, for example a private endpoint.
   * @default - the public endpoint of the region
   */
  readonly server?: string;
  /**
   * `host:port` to dial for every request while keeping the real Host header (as curl's --connect-to does).
   * @default - the endpoint's own address
   */
  readonly connectTo?: string;
}

/** How the bundled handler runs, for every OBS construct that uses it. */
export interface HandlerOptions {
  /**
   * Private endpoint, or the address to dial. `OBS_INVENTORY_ENDPOINT` and `OBS_INVENTORY_CONNECT_TO` in the
   * environment of `terraform apply` do the same without changing the stack.
   * @default - the public endpoint of the region, or what the environment says
   */
  readonly endpoint?: HandlerEndpoint;
  /**
   * The Node.js executable that runs the handler on the machine that applies the stack. It is run directly,
   * without a shell, so it is a path or a command name, nothing more.
   * @default 'node'
   */
  readonly nodeExecutable?: string;
}

/** The shape of `handler` (for callers without the types). */
export const HANDLER_OPTIONS_SCHEMA = strictProps(entriesOf<HandlerOptions>({
  endpoint: v.optional(strictProps(entriesOf<HandlerEndpoint>({ server: v.optional(text), connectTo: v.optional(text) }),
    'must be an object with server and connectTo only')),
  nodeExecutable: v.optional(text),
}), 'must be an object with endpoint and nodeExecutable only');

/** The endpoint as the handler reads it from its environment. */
export function obsEndpointSettings(endpoint: HandlerEndpoint | undefined): Record<string, string> {
  const settings: Record<string, string> = {};
  if (endpoint?.server) settings[OBS_ENDPOINT_VARIABLE] = endpoint.server;
  if (endpoint?.connectTo) settings[OBS_CONNECT_TO_VARIABLE] = endpoint.connectTo;
  return settings;
}
