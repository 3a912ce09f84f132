import { Problem } from './problem';

// The handler signs every request with the user's key and token and sends it to the host this template names, so the
// template is held to what a host name is: nothing can ride along to another host (user info, a port, a path, a
// newline the URL parser would strip), and the scheme is the handler's to choose (https:, see README "Endpoints").

/** The placeholders a host template may hold: the full bucket name and the region id, both DNS-label characters. */
export const ENDPOINT_PLACEHOLDERS = ['{Bucket}', '{Region}'] as const;

/** A label of lowercase letters, digits, hyphens and placeholders, not starting or ending with a hyphen. */
const LABEL = /^(?!-)(?:[a-z0-9-]|\{Bucket\}|\{Region\})+(?<!-)$/;
/** The longest host name DNS allows. */
const MAX_HOST_LENGTH = 253;

/**
 * The endpoint host template of COS or OBS (`{Bucket}.cos-internal.{Region}.tencentcos.cn`,
 * `{Bucket}.obs.{Region}.myhuaweicloud.com`): dot-separated DNS labels with `{Bucket}` once, `{Region}` where wanted,
 * and nothing else. An unknown (token) value is skipped.
 */
export function checkEndpointHost(field: string, value: unknown): Problem[] {
  if (value === undefined) return [];
  const rule = (text: string) => [{ field, value, rule: text }];
  if (typeof value !== 'string') return rule('must be a host name template');
  const labels = value.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || value.length > MAX_HOST_LENGTH) {
    return rule('must be a host name template: dot-separated labels of a-z 0-9 - and the placeholders {Bucket} and {Region}, '
      + 'with no scheme, user, port, path or query');
  }
  if (value.split('{Bucket}').length !== 2) return rule('must hold {Bucket} exactly once: the services address a bucket by its host name');
  return [];
}

/** Fills a checked host template in; the bucket and region ids are checked by their own rules. */
export function fillEndpointHost(template: string, bucket: string, region: string): string {
  return template.replace('{Bucket}', bucket).replace(/\{Region\}/g, region);
}
