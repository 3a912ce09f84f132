import { Problem } from './problem';

/**
 * COS's and OBS's own spellings of "anyone": CAM's anonymous principal (`qcs::cam::anyone:anyone`, also written
 * `qcs::cam::anyone`); a principal with `*` in it (`*`, which OBS renders as `{"ID":["*"]}`, `domain/*:user/*`,
 * `qcs::cam::uin/*:uin/*`) is one too.
 */
const ANYONE = /^qcs::cam::anyone(:anyone)?$/;

/** What a wildcard in each part of a statement stands for, as the message says it. */
const MEANING = { principals: 'anyone', actions: 'every action it matches', resources: 'every object of the bucket or more' } as const;

/**
 * A resource that reaches past one prefix of one bucket: `*`, a `*` in the region, account or bucket
 * (`qcs::cos:*:uid/1250000000:*`, `*`/...) or the whole bucket (`<bucket>/*`). A prefix grant (`<bucket>/reports/*`) is
 * not a wildcard: COS and OBS resources name key patterns that way.
 */
function isWildcardResource(resource: string): boolean {
  const segments = resource.split(':');
  const [bucket, ...key] = segments[segments.length - 1].split('/');
  return segments.slice(0, -1).some((segment) => segment.includes('*')) || bucket.includes('*') || key.join('/') === '*';
}

function isWildcard(part: keyof typeof MEANING, value: string): boolean {
  if (part === 'principals') return value.includes('*') || ANYONE.test(value);
  // `*`, `cos:*`, `name/cos:*`, `obs:*`, `name/cos:Get*`: an action pattern grants whatever the service adds to it.
  if (part === 'actions') return value.includes('*');
  return isWildcardResource(value);
}

/**
 * An allow statement added to a bucket policy that grants anyone, every action or a whole bucket must say so with
 * `acknowledgeWildcards: true` (as aws-cdk refuses public grants under `blockPublicPolicy` and cdk-nag flags wildcards):
 * one written by mistake makes the report bucket public or writable. Unknown (token) entries are skipped.
 */
export function checkPolicyWildcards(field: string, statement: { readonly [part in keyof typeof MEANING]?: unknown }): Problem[] {
  return (Object.keys(MEANING) as Array<keyof typeof MEANING>).flatMap((part) => {
    const values = Array.isArray(statement[part]) ? (statement[part] as unknown[]) : [];
    return values.flatMap((value, index) => (typeof value === 'string' && isWildcard(part, value)
      ? [{ field: `${field}.${part}[${index}]`, value, rule: `is a wildcard (${MEANING[part]}); name what the statement is for, or set acknowledgeWildcards: true on it if this is meant` }]
      : []));
  });
}

/**
 * `grantRead` names one reader: a wildcard there (anyone) would make every report public, with no statement of the
 * user's own to say it was meant. A public read is an allow statement of your own, acknowledged. Unknown (token)
 * principals are skipped.
 */
export function checkReaderPrincipal(field: string, principal: string | undefined): Problem[] {
  if (principal === undefined || !isWildcard('principals', principal)) return [];
  return [{
    field, value: principal,
    rule: `is a wildcard (${MEANING.principals}), which would make every report public; name the reader, or add the public read yourself with addToResourcePolicy and acknowledgeWildcards: true`,
  }];
}
