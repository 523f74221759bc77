/**
 * Call-IDs in Lucene queries. RFC 3261 lets a Call-ID hold double quotes and backslashes (`word` allows DQUOTE and
 * "\"), so it goes into a quoted phrase with those two escaped: inside a phrase nothing else is special. The query
 * text is then JSON (Explore panes) and finally URL-encoded, in that order (src/links/callLinks.ts).
 */

/** `a"b\c` → `a\"b\\c`: the Call-ID as the inside of a Lucene phrase. */
export function escapeCallIdForLucene(callId: string): string {
  return String(callId).replace(/[\\"]/g, (char) => `\\${char}`);
}

/** `"a\"b\\c"`: the Call-ID as a quoted Lucene phrase. */
export function callIdPhrase(callId: string): string {
  return `"${escapeCallIdForLucene(callId)}"`;
}
