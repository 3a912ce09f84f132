// proxy-from-env ships no types; the handler calls only getProxyForUrl, which reads process.env.
declare module 'proxy-from-env' {
  /** The proxy URL for a URL from HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and NO_PROXY, or `''` for none. */
  export function getProxyForUrl(url: string): string;
}
