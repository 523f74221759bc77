/** Lucene queries (query_string) that select codes, as the Elasticsearch data source sends them. */
import type { CodeRange } from '../../src/core';

/** Field names we put into queries and templates unquoted: letters, digits, `_` and dots (sip_status, sip.code). */
export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * The calls with one of the codes: `sip_status:503`, or `(sip_status:408 OR sip_status:[500 TO 502])`.
 * Ranges work on integer fields and, as all codes have three digits, on keyword fields too (`sip.code`).
 */
export function codesQuery(field: string, ranges: readonly CodeRange[]): string {
  const terms = ranges.map(({ from, to }) => (from === to ? `${field}:${from}` : `${field}:[${from} TO ${to}]`));
  return terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`;
}

/** All final responses (200–699): what the panel counts a share against. */
export function finalResponsesQuery(field: string): string {
  return codesQuery(field, [{ from: 200, to: 699 }]);
}
