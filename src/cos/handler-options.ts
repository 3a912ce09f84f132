import * as v from 'valibot';
import { checkCosProtocol } from '../contract/rules/choices';
import { Problem } from '../contract/rules/problem';
import { COS_DOMAIN_VARIABLE, COS_PROTOCOL_VARIABLE, COS_PROXY_VARIABLE } from '../contract/environment';
import { choice, entriesOf, strictProps, text } from '../common/validation/props';

/** The protocol the handler speaks to COS. */
export enum HandlerProtocol {
  /** Plain HTTP, for a proxy or a private endpoint that does not speak TLS. */
  HTTP = 'http:',
  /** HTTPS. */
  HTTPS = 'https:',
}

/** Where the handler sends COS requests, when not to the public endpoint. */
export interface HandlerEndpoint {
  /**
   * Host template for a private endpoint, as the COS SDK takes it, for example
   * `{Bucket}.cos-internal.{Region}.tencentcos.cn`.
   * @default - the public endpoint `{Bucket}.cos.{Region}.myqcloud.com`
   */
  readonly domain?: string;
  /**
   * An HTTP proxy every request goes through with its real Host header (for example `http://127.0.0.1:8080`);
   * requests then use plain `http:` unless `protocol` says otherwise.
   * @default - no proxy
   */
  readonly proxy?: string;
  /**
   * The protocol of every request.
   * @default - `HandlerProtocol.HTTPS`, or `HandlerProtocol.HTTP` with a `http://` proxy
   */
  readonly protocol?: HandlerProtocol;
}

/** How the bundled handler runs, for every COS construct that uses it. */
export interface HandlerOptions {
  /**
   * Private endpoint or proxy. The variables `COS_INVENTORY_DOMAIN`, `COS_INVENTORY_PROXY` and
   * `COS_INVENTORY_PROTOCOL` in the environment of `terraform apply` do the same without changing the stack.
   * @default - the public endpoint, or what the environment says
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
  endpoint: v.optional(strictProps(entriesOf<HandlerEndpoint>({ domain: v.optional(text), proxy: v.optional(text), protocol: v.optional(choice) }),
    'must be an object with domain, proxy and protocol only')),
  nodeExecutable: v.optional(text),
}), 'must be an object with endpoint and nodeExecutable only');

/** The endpoint as the handler reads it from its environment. */
export function cosEndpointSettings(endpoint: HandlerEndpoint | undefined): Record<string, string> {
  const settings: Record<string, string> = {};
  if (endpoint?.domain) settings[COS_DOMAIN_VARIABLE] = endpoint.domain;
  if (endpoint?.proxy) settings[COS_PROXY_VARIABLE] = endpoint.proxy;
  if (endpoint?.protocol) settings[COS_PROTOCOL_VARIABLE] = endpoint.protocol;
  return settings;
}

export function cosHandlerProblems(options: HandlerOptions | undefined): Problem[] {
  return checkCosProtocol('handler.endpoint.protocol', options?.endpoint?.protocol);
}
