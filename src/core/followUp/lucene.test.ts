import { callIdPhrase, escapeCallIdForLucene } from './lucene';

/** Reads a Lucene phrase back the way the query parser does: a backslash takes the next character as it is. */
function unescapePhrase(phrase: string): string {
  expect(phrase.startsWith('"') && phrase.endsWith('"')).toBe(true);
  return phrase.slice(1, -1).replace(/\\(.)/g, '$1');
}

describe('Call-IDs in Lucene', () => {
  it('escapes the quotes and backslashes RFC 3261 allows in a Call-ID, and nothing else', () => {
    expect(escapeCallIdForLucene('a84b4c76e66710@pc33.atlanta.com')).toBe('a84b4c76e66710@pc33.atlanta.com');
    expect(escapeCallIdForLucene('a"b\\c')).toBe('a\\"b\\\\c');
    expect(escapeCallIdForLucene("x:(y)*?~[z]{w}<v>/u!%+`'")).toBe("x:(y)*?~[z]{w}<v>/u!%+`'");
    expect(callIdPhrase('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
  });

  it('reads back as the same Call-ID', () => {
    for (const id of ['plain@host', '"quoted"@host', 'back\\slash', '\\"', 'end\\', '""\\\\""']) {
      expect(unescapePhrase(callIdPhrase(id))).toBe(id);
    }
  });
});
