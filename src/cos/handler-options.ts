import * as v from 'valibot';
import { endpointSettings, handlerOptionsSchema } from '../common/handler-options';
import { known } from '../common/validation/known';
import { checkHandlerProtocol } from '../contract/rules/choices';
import { checkEndpointHost } from '../contract/rules/endpoint-host';
import { Problem } from '../contract/rules/problem';
import { COS_DOMAIN_VARIABLE, COS_PROTOCOL_VARIABLE, COS_PROXY_VARIABLE } from '../contract/environment';
import { choice, entriesOf, strictProps, text } from '../common/validation/props';

/** The protocol the handler speaks to COS. */
export enum HandlerProtocol {
  /** Plain HTTP: for tests against a local fake only, signed requests travel unencrypted. */
  HTTP = 'http:',
  /** HTTPS. */
  HTTPS = 'https:',
}

/** Where the handler sends COS requests, when not to the public endpoint. */
export interface HandlerEndpoint {
  /**
   * Host template of a private endpoint: DNS labels with the placeholders `{Bucket}` (the full bucket name, once) and
   * `{Region}`, for example `{Bucket}.cos-internal.{Region}.tencentcos.cn`. No scheme, user, port, path or query:
   * the handler signs requests with your credentials for this host.
   * @default - the public endpoint `{Bucket}.cos.{Region}.myqcloud.com`
   */
  readonly domain?: string;
  /**
   * An HTTP(S) proxy for the handler alone (for example `http://proxy.internal:3128`), in place of `HTTPS_PROXY`
   * and `NO_PROXY`. HTTPS requests go through it in a CONNECT tunnel, whatever the proxy's own scheme.
   * @default - the standard proxy variables of the environment
   */
  readonly proxy?: string;
  /**
   * `HandlerProtocol.HTTPS`, or `HandlerProtocol.HTTP` for tests against a local fake only: with `HTTP` signed
   * requests travel unencrypted.
   * @default HandlerProtocol.HTTPS
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
export const HANDLER_OPTIONS_SCHEMA = handlerOptionsSchema(strictProps(
  entriesOf<HandlerEndpoint>({ domain: v.optional(text), proxy: v.optional(text), protocol: v.optional(choice) }),
  'must be an object with domain, proxy and protocol only'));

/** The endpoint as the handler reads it from its environment. */
export function cosEndpointSettings(endpoint: HandlerEndpoint | undefined): Record<string, string> {
  return endpointSettings(endpoint, { domain: COS_DOMAIN_VARIABLE, proxy: COS_PROXY_VARIABLE, protocol: COS_PROTOCOL_VARIABLE });
}

export function cosHandlerProblems(options: HandlerOptions | undefined): Problem[] {
  return [
    ...checkEndpointHost('handler.endpoint.domain', known(options?.endpoint?.domain)),
    ...checkHandlerProtocol('handler.endpoint.protocol', options?.endpoint?.protocol),
  ];
}
