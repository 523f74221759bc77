/**
 * Matching a field name a person or a policy wrote against the names the data has: exact first, then ignoring case,
 * then ignoring a `.keyword` suffix, then ignoring dots, underscores, hyphens and spaces (`source.ip` = `source_ip`,
 * `X-Reason` = `x_reason`).
 */

/** A name without case, `.keyword`, and separators: the loosest form two names are compared in. */
export function looseFieldName(name: string): string {
  return bareFieldName(name.toLowerCase()).replace(/[._\-\s]+/g, '');
}

function bareFieldName(name: string): string {
  return name.endsWith('.keyword') ? name.slice(0, -'.keyword'.length) : name;
}

/** The name among `names` that stands for `wanted`, trying the strictest comparison first. */
export function findFieldName(names: readonly string[], wanted: string): string | undefined {
  if (typeof wanted !== 'string' || wanted.trim() === '') {
    return undefined;
  }
  const target = wanted.trim();
  const exact = names.find((name) => name === target);
  if (exact !== undefined) {
    return exact;
  }
  const lower = target.toLowerCase();
  const caseless = names.find((name) => name.toLowerCase() === lower);
  if (caseless !== undefined) {
    return caseless;
  }
  const bare = bareFieldName(lower);
  const withoutKeyword = names.find((name) => bareFieldName(name.toLowerCase()) === bare);
  if (withoutKeyword !== undefined) {
    return withoutKeyword;
  }
  const loose = looseFieldName(target);
  return loose === '' ? undefined : names.find((name) => looseFieldName(name) === loose);
}

/** True when two names stand for the same field by the rules of findFieldName. */
export function sameFieldName(a: string, b: string): boolean {
  return findFieldName([a], b) !== undefined;
}

const NOT_DATA_FIELDS = new Set(['_id', '_index', '_type', '_score', '_source', 'highlight', 'sort', 'id', 'Count']);

/** Field names worth listing in "fields seen" hints: without Elasticsearch hit metadata and the Count column. */
export function dataFieldNames(names: readonly string[]): string[] {
  return names.filter((name) => name !== '' && !NOT_DATA_FIELDS.has(name));
}
