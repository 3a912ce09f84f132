import { Problem } from './problem';

/** One tag of a tag filter. */
export interface ObjectTag {
  readonly key: string;
  readonly value: string;
}

/** COS object tags: keys 1-128 and values 0-256 characters of letters, digits, spaces and `+ - = . _ : / @`. */
const TAG_CHARS = /^[\p{L}\p{N} +\-=._:/@]*$/u;
/** An object carries at most 10 tags, so a filter asking for more matches nothing. */
export const MAX_FILTER_TAGS = 10;

/**
 * Tag filter rules (COS object tagging limits); unknown (token) entries are skipped.
 * @see https://www.tencentcloud.com/document/product/436/35709 (Object tagging)
 */
export function checkObjectTags(field: string, tags: Array<ObjectTag | undefined>): Problem[] {
  const problems: Problem[] = [];
  if (tags.length > MAX_FILTER_TAGS) problems.push({ field, value: tags.length, rule: `at most ${MAX_FILTER_TAGS} tags: an object carries no more` });
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    if (tag === undefined) return;
    const where = `${field}[${index}]`;
    if (typeof tag.key !== 'string' || tag.key.length < 1 || tag.key.length > 128 || !TAG_CHARS.test(tag.key)) {
      problems.push({ field: `${where}.key`, value: tag.key, rule: 'must be 1-128 letters, digits, spaces or + - = . _ : / @' });
    }
    if (typeof tag.value !== 'string' || tag.value.length > 256 || !TAG_CHARS.test(tag.value)) {
      problems.push({ field: `${where}.value`, value: tag.value, rule: 'must be 0-256 letters, digits, spaces or + - = . _ : / @' });
    }
    if (seen.has(tag.key)) problems.push({ field: `${where}.key`, value: tag.key, rule: 'is listed twice; a tag key appears once' });
    seen.add(tag.key);
  });
  return problems;
}
