import * as v from 'valibot';
import { endpointSettings, handlerOptionsSchema } from '../common/handler-options';
import { known } from '../common/validation/known';
import { checkConnectTo } from '../contract/rules/connect-to';
import { checkEndpointHost } from '../contract/rules/endpoint-host';
import { Problem } from '../contract/rules/problem';
import { OBS_CONNECT_TO_VARIABLE, OBS_DOMAIN_VARIABLE } from '../contract/environment';
import { entriesOf, strictProps, text } from '../common/validation/props';

/** Where the handler sends OBS requests, when not to the public endpoint of the region. */
export interface HandlerEndpoint {
  /**
   * Host template of a private endpoint: DNS labels with the placeholders `{Bucket}` (the bucket name, once) and
   * `{Region}`, for example `{Bucket}.obs.{Region}.internal.example`. No scheme, user, port, path or query: the
   * handler signs requests with your credentials for this host.
   * @default - the public endpoint `{Bucket}.obs.{Region}.myhuaweicloud.com`
   */
  readonly domain?: string;
  /**
   * `host:port` to dial for every request while keeping the real Host header and TLS name (as curl's --connect-to
   * does), for example `127.0.0.1:9000`.
   * @default - the endpoint's own address
   */
  readonly connectTo?: string;
}

/** How the bundled handler runs, for every OBS construct that uses it. */
export interface HandlerOptions {
  /**
   * Private endpoint, or the address to dial. `OBS_INVENTORY_DOMAIN` and `OBS_INVENTORY_CONNECT_TO` in the
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
export const HANDLER_OPTIONS_SCHEMA = handlerOptionsSchema(strictProps(
  entriesOf<HandlerEndpoint>({ domain: v.optional(text), connectTo: v.optional(text) }),
  'must be an object with domain and connectTo only'));

/** The endpoint as the handler reads it from its environment. */
export function obsEndpointSettings(endpoint: HandlerEndpoint | undefined): Record<string, string> {
  return endpointSettings(endpoint, { domain: OBS_DOMAIN_VARIABLE, connectTo: OBS_CONNECT_TO_VARIABLE });
}

export function obsHandlerProblems(options: HandlerOptions | undefined): Problem[] {
  return [
    ...checkEndpointHost('handler.endpoint.domain', known(options?.endpoint?.domain)),
    ...checkConnectTo('handler.endpoint.connectTo', known(options?.endpoint?.connectTo)),
  ];
}
