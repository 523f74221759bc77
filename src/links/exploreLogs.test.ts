import { dateTime } from '@grafana/data';
import { buildLogsExploreUrl, escapeLuceneField, logsQueryFor } from './exploreLogs';

/** Reads the panes JSON back out of an Explore URL the way Grafana's router does. */
function parseExploreUrl(href: string) {
  const url = new URL(href, 'http://grafana.local');
  return {
    path: url.pathname,
    schemaVersion: url.searchParams.get('schemaVersion'),
    panes: JSON.parse(url.searchParams.get('panes') ?? 'null'),
  };
}

describe('logsQueryFor', () => {
  it('queries the code field for the code', () => {
    expect(logsQueryFor('sip.status_code', 404)).toBe('sip.status_code:404');
  });

  it('keeps the panel query as a filter', () => {
    expect(logsQueryFor('sip.status_code', 503, 'service:sbc AND env:prod')).toBe(
      '(service:sbc AND env:prod) AND sip.status_code:503'
    );
  });

  it('ignores an empty or match-all panel query', () => {
    expect(logsQueryFor('code', 487, '  ')).toBe('code:487');
    expect(logsQueryFor('code', 487, '*')).toBe('code:487');
  });

  it('escapes Lucene specials in field names', () => {
    expect(escapeLuceneField('sip status:code')).toBe('sip\\ status\\:code');
    expect(escapeLuceneField('sip.status_code.keyword')).toBe('sip.status_code.keyword');
  });
});

describe('buildLogsExploreUrl', () => {
  it('builds the schemaVersion 1 panes URL with the data source, logs query and relative range', () => {
    const href = buildLogsExploreUrl({
      datasource: { uid: 'sip-es', type: 'elasticsearch' },
      codeField: 'sip.status_code',
      code: 404,
      range: { from: 'now-6h', to: 'now' },
    });
    expect(href.startsWith('/explore?schemaVersion=1&panes=')).toBe(true);
    const { path, schemaVersion, panes } = parseExploreUrl(href);
    expect(path).toBe('/explore');
    expect(schemaVersion).toBe('1');
    const pane = Object.values(panes)[0] as Record<string, any>;
    expect(Object.keys(panes)[0]).not.toMatch(/^\d+$/);
    expect(pane.datasource).toBe('sip-es');
    expect(pane.range).toEqual({ from: 'now-6h', to: 'now' });
    expect(pane.queries).toEqual([
      {
        refId: 'A',
        datasource: { type: 'elasticsearch', uid: 'sip-es' },
        query: 'sip.status_code:404',
        metrics: [{ id: '1', type: 'logs' }],
        bucketAggs: [],
      },
    ]);
  });

  it('writes absolute ranges as epoch ms, like toURLRange', () => {
    const href = buildLogsExploreUrl({
      datasource: { uid: 'es' },
      codeField: 'code',
      code: 500,
      range: { from: dateTime(1700000000000), to: dateTime(1700003600000) },
    });
    const pane = Object.values(parseExploreUrl(href).panes)[0] as Record<string, any>;
    expect(pane.range).toEqual({ from: '1700000000000', to: '1700003600000' });
    expect(pane.queries[0].datasource).toEqual({ uid: 'es' });
  });

  it('survives hostile field names and uids (everything stays inside the JSON)', () => {
    const href = buildLogsExploreUrl({
      datasource: { uid: '"><script>alert(1)</script>' },
      codeField: 'a"b',
      code: 408,
      range: { from: 'now-1h', to: 'now' },
    });
    expect(href.startsWith('/explore?')).toBe(true);
    const pane = Object.values(parseExploreUrl(href).panes)[0] as Record<string, any>;
    expect(pane.datasource).toBe('"><script>alert(1)</script>');
    expect(pane.queries[0].query).toBe('a\\"b:408');
  });
});
