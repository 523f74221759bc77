import { buildCallLogsExploreUrl, buildCallTraceLink, callLogsQuery } from './callLinks';
import { interpolateLinkUrl } from './templateLinks';

/** Reads a Lucene phrase back as the query parser does: a backslash takes the next character as it is. */
function unescapePhrase(phrase: string): string {
  expect(phrase.startsWith('"') && phrase.endsWith('"')).toBe(true);
  return phrase.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** The panes JSON of an Explore URL, decoded as Grafana's router does: URL first, then JSON. */
function panesOf(href: string): Record<string, any> {
  return JSON.parse(new URL(href, 'http://grafana.local').searchParams.get('panes') ?? 'null');
}

const RFC3261_CALL_ID = 'a"b\\c@[2001:db8::1]';

describe('callLogsQuery', () => {
  it('queries the Call-ID field for the escaped Call-ID as a phrase', () => {
    expect(callLogsQuery('sip_callid', 'abc@198.51.100.10')).toBe('sip_callid:"abc@198.51.100.10"');
    expect(callLogsQuery('Call-ID', RFC3261_CALL_ID)).toBe('Call\\-ID:"a\\"b\\\\c@[2001:db8::1]"');
  });
});

describe('buildCallLogsExploreUrl', () => {
  const input = {
    datasource: { uid: 'voice-applogs', type: 'elasticsearch' },
    callIdField: 'sip_callid',
    callId: RFC3261_CALL_ID,
    range: { from: '1772460000000', to: '1772463600000' },
  };

  it('escapes for Lucene, then JSON, then the URL, and reads back to the same Call-ID', () => {
    const href = buildCallLogsExploreUrl(input);
    expect(href.startsWith('/explore?schemaVersion=1&panes=')).toBe(true);
    // Lucene turned " into \" and \ into \\; JSON then escaped each of those backslashes and quotes; the URL
    // encoded the result: \" became \\\" (%5C%5C%5C%22) and \\ became \\\\ (%5C%5C%5C%5C).
    expect(href).toContain('%5C%5C%5C%22');
    expect(href).toContain('%5C%5C%5C%5C');
    const pane = Object.values(panesOf(href))[0] as Record<string, any>;
    expect(pane.datasource).toBe('voice-applogs');
    expect(pane.queries[0]).toMatchObject({
      refId: 'A',
      datasource: { type: 'elasticsearch', uid: 'voice-applogs' },
      query: 'sip_callid:"a\\"b\\\\c@[2001:db8::1]"',
      metrics: [{ id: '1', type: 'logs' }],
    });
    expect(pane.range).toEqual({ from: '1772460000000', to: '1772463600000' });
    const [, phrase] = /^sip_callid:(.*)$/.exec(pane.queries[0].query)!;
    expect(unescapePhrase(phrase)).toBe(RFC3261_CALL_ID);
  });

  it('needs the Lucene step: without it the quote ends the phrase and the backslash is eaten', () => {
    expect(unescapePhrase(`"${RFC3261_CALL_ID}"`)).not.toBe(RFC3261_CALL_ID);
  });
});

describe('per-call trace links', () => {
  const context = {
    code: 503,
    reason: 'Service Unavailable',
    from: 1000,
    to: 2000,
    replaceVariables: (text: string) => text,
    callId: RFC3261_CALL_ID,
  };

  it('fills ${callId} URL-encoded, for plain URLs (Homer)', () => {
    const href = interpolateLinkUrl('https://homer.example/call?callid=${callId}&from=${__from}', context);
    expect(new URL(href).searchParams.get('callid')).toBe(RFC3261_CALL_ID);
  });

  it('fills ${callId:lucene} for a Lucene phrase inside Explore panes JSON', () => {
    const panes = JSON.stringify({ sip: { queries: [{ query: 'sip.call_id:"${CALL}"' }] } });
    const template =
      '/explore?schemaVersion=1&panes=' + encodeURIComponent(panes).replace('%24%7BCALL%7D', '${callId:lucene}');
    const link = buildCallTraceLink(template, context)!;
    expect(link.title).toBe('SIP ladder');
    const query = panesOf(link.href).sip.queries[0].query as string;
    expect(unescapePhrase(query.slice('sip.call_id:'.length))).toBe(RFC3261_CALL_ID);
  });

  it('leaves the code-level link working when the template names no call', () => {
    expect(
      interpolateLinkUrl('https://homer.example/?code=${code}&c=${callId}', { ...context, callId: undefined })
    ).toBe('https://homer.example/?code=503&c=');
  });
});
