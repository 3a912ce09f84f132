import { Problem } from './problem';

/**
 * Bytes a whole bucket policy may have. OBS documents 20 KB; COS documents only the 4,095-byte statement limit, so
 * the library budgets 20 KB for COS too, as S3 and OBS allow, rather than synthesize a policy COS might refuse.
 */
export const MAX_POLICY_BYTES = 20 * 1024;

/** The whole document; one with unresolved tokens is measured with their placeholders. */
export function checkPolicySize(field: string, documentJson: string): Problem[] {
  const bytes = Buffer.byteLength(documentJson);
  if (bytes <= MAX_POLICY_BYTES) return [];
  return [{ field, value: `${documentJson.slice(0, 80)}...`, rule: `is ${bytes} bytes; a bucket policy may have at most ${MAX_POLICY_BYTES}` }];
}

/** A statement someone hands to `addToResourcePolicy`: what COS would refuse or misread, found at synth time. */
export function checkStatementShape(field: string, statement: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const key of ['principals', 'actions', 'resources']) {
    const value = statement[key];
    if (!Array.isArray(value)) {
      problems.push({ field: `${field}.${key}`, value, rule: 'must be an array of strings' });
    } else if (value.length === 0) {
      problems.push({ field: `${field}.${key}`, value, rule: 'must not be empty: a statement with none applies to nothing' });
    } else {
      value.forEach((item, index) => {
        if (typeof item !== 'string' || item.length === 0) problems.push({ field: `${field}.${key}[${index}]`, value: item, rule: 'must be a non-empty string' });
      });
    }
  }
  const effect = statement.effect;
  if (effect !== undefined && effect !== 'allow' && effect !== 'deny') problems.push({ field: `${field}.effect`, value: effect, rule: 'must be allow or deny' });
  return problems;
}
