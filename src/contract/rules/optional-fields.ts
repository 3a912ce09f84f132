import { Problem } from './problem';

/** The optional fields COS documents for PUT and POST Bucket inventory (`OptionalFields/Field`). */
export const COS_OPTIONAL_FIELDS: readonly string[] = [
  'Size',
  'LastModifiedDate',
  'ETag',
  'StorageClass',
  'IsMultipartUploaded',
  'ReplicationStatus',
  'Tag',
  'Crc64',
  'x-cos-meta-*',
];

/** The optional fields of OBS's PUT Bucket Inventory (`OptionalFields/Field`). */
export const OBS_OPTIONAL_FIELDS: readonly string[] = ['Size', 'LastModifiedDate', 'ETag', 'IsMultipartUploaded', 'ReplicationStatus'];

/** Each field must be one COS documents, named once. Unknown (token) entries are skipped. */
export function checkOptionalFields(field: string, fields: Array<string | undefined>, allowed: readonly string[] = COS_OPTIONAL_FIELDS): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  fields.forEach((name, index) => {
    if (name === undefined) return;
    if (!allowed.includes(name)) {
      problems.push({ field: `${field}[${index}]`, value: name, rule: `must be one of ${allowed.join(', ')}` });
    } else if (seen.has(name)) {
      problems.push({ field: `${field}[${index}]`, value: name, rule: 'is listed twice; name each field once' });
    }
    seen.add(name);
  });
  return problems;
}
