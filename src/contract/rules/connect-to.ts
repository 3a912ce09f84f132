import { Problem } from './problem';

/** `host:port` with a DNS name or IPv4 address: the address OBS_INVENTORY_CONNECT_TO dials, and nothing more. */
const HOST_PORT = /^((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?):([0-9]{1,5})$/;

/** The address to dial in place of the endpoint's own (curl's --connect-to): a host and a port from 1 to 65535. */
export function checkConnectTo(field: string, value: unknown): Problem[] {
  if (value === undefined) return [];
  const match = typeof value === 'string' ? HOST_PORT.exec(value) : null;
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 65_535) return [];
  return [{ field, value, rule: 'must be host:port (a host name or IPv4 address, and a port from 1 to 65535)' }];
}

/** The host and port of a checked value. */
export function parseConnectTo(value: string): { host: string; port: number } {
  const cut = value.lastIndexOf(':');
  return { host: value.slice(0, cut), port: Number(value.slice(cut + 1)) };
}
