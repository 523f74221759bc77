import { dateTime, TimeRange } from '@grafana/data';
import { buildGuidanceLinks, GuidanceLinksInput } from './guidanceLinks';

const timeRange: TimeRange = {
  from: dateTime(1700000000000),
  to: dateTime(1700021600000),
  raw: { from: 'now-6h', to: 'now' },
};

function input(overrides: Partial<GuidanceLinksInput> = {}): GuidanceLinksInput {
  return {
    code: 404,
    reason: 'Not Found',
    codeField: 'sip.status_code',
    logsDatasourceUid: '',
    traceUrlTemplate: 'https://homer/?code=${code}&from=${__from}&to=${__to}',
    targets: [{ refId: 'A', datasource: { uid: 'sip-es', type: 'elasticsearch' }, query: '' }],
    timeRange,
    replaceVariables: (text) => text,
    ...overrides,
  };
}

describe('buildGuidanceLinks', () => {
  it('gives matching logs, SIP traces and data links, in that order', () => {
    const { links, hints } = buildGuidanceLinks(
      input({ dataLinks: [{ title: 'Runbook', url: 'https://wiki/sip/${code}' }] })
    );
    expect(links.map((link) => link.kind)).toEqual(['logs', 'traces', 'data']);
    expect(hints).toEqual([]);
    const logs = new URL(links[0].href, 'http://g');
    const pane = Object.values(JSON.parse(logs.searchParams.get('panes')!))[0] as Record<string, any>;
    expect(pane.datasource).toBe('sip-es');
    expect(pane.range).toEqual({ from: 'now-6h', to: 'now' });
    expect(pane.queries[0].query).toBe('sip.status_code:404');
    expect(links[1].href).toBe('https://homer/?code=404&from=1700000000000&to=1700021600000');
    expect(links[2].href).toBe('https://wiki/sip/404');
  });

  it('explains missing links instead of rendering broken ones', () => {
    const { links, hints } = buildGuidanceLinks(input({ targets: undefined, traceUrlTemplate: '' }));
    expect(links).toEqual([]);
    expect(hints.join(' ')).toMatch(/choose a "Logs data source"/);
    expect(hints.join(' ')).toMatch(/SIP traces URL template/);
    const noField = buildGuidanceLinks(input({ codeField: undefined }));
    expect(noField.links.map((link) => link.kind)).toEqual(['traces']);
    expect(noField.hints.join(' ')).toMatch(/Code field/);
  });

  it('uses the configured logs data source over the query one', () => {
    const { links } = buildGuidanceLinks(input({ logsDatasourceUid: 'logs-es' }));
    const pane = Object.values(JSON.parse(new URL(links[0].href, 'http://g').searchParams.get('panes')!))[0] as Record<
      string,
      any
    >;
    expect(pane.datasource).toBe('logs-es');
  });

  it('leaves out the code-level traces link when the template opens one call', () => {
    const { links, hints } = buildGuidanceLinks(input({ traceUrlTemplate: 'https://homer/call?id=${callId}' }));
    expect(links.some((link) => link.kind === 'traces')).toBe(false);
    expect(hints.join(' ')).toContain('each recent call below links to its SIP ladder');
  });
});
