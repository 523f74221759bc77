import { rawTarget, termsTarget } from '../../../src/core/roles/testing/esFrames';
import { dashboardFrames, flattenDocument, luceneFilter } from './dashboardFrames';

const T0 = Date.UTC(2026, 10, 25, 13, 0);
const MINUTE = 60_000;

/** Call records in the seeder's shape (nested `source`), at minute offsets from T0. */
function record(minute: number, status: number, account: string, ip = '198.51.100.10') {
  return {
    '@timestamp': new Date(T0 + minute * MINUTE).toISOString(),
    sip_status: status,
    sip_callid: `c${minute}-${status}-${account}@${ip}`,
    account_sid: account,
    source: { ip, port: 5060 },
  };
}

const records = [
  record(0, 200, 'a'),
  record(1, 503, 'b'),
  record(2, 503, 'b'),
  record(3, 503, 'a'),
  record(4, 503, 'c'),
  record(5, 403, 'a', '203.0.113.9'),
  record(6, 503, 'b'),
  record(70, 503, 'b'),
];
const range = { from: T0, to: T0 + 60 * MINUTE, stepMs: 10 * MINUTE };

describe('the simulated Elasticsearch data source', () => {
  it('flattens _source by dots, as raw data comes back', () => {
    expect(flattenDocument(record(0, 200, 'a'))).toEqual({
      '@timestamp': new Date(T0).toISOString(),
      sip_status: 200,
      sip_callid: 'c0-200-a@198.51.100.10',
      account_sid: 'a',
      'source.ip': '198.51.100.10',
      'source.port': 5060,
    });
  });

  it('understands the dashboard’s Lucene only and refuses the rest', () => {
    const doc = flattenDocument(record(0, 503, 'a'));
    expect(luceneFilter('')(doc)).toBe(true);
    expect(luceneFilter('sip_status:>=300')(doc)).toBe(true);
    expect(luceneFilter('sip_status:>=600')(doc)).toBe(false);
    expect(luceneFilter('sip_status:503')(doc)).toBe(true);
    expect(luceneFilter('trunk:>=1')(doc)).toBe(false);
    expect(() => luceneFilter('sip_status:[300 TO 699]')).toThrow('does not understand');
  });

  it('returns raw data newest first, cut at its size, only in the time range', () => {
    const [frame] = dashboardFrames([rawTarget('B', { size: 3 })], records, range);
    expect(frame.refId).toBe('B');
    expect(frame.fields.find((field) => field.name === 'sip_callid')!.values).toEqual([
      'c6-503-b@198.51.100.10',
      'c5-403-a@203.0.113.9',
      'c4-503-c@198.51.100.10',
    ]);
    expect(frame.fields.map((field) => field.name)).toContain('source.ip');
  });

  it('nests Terms like Elasticsearch: most documents first, ties by key, each level cut at its size', () => {
    const target = termsTarget('C', ['sip_status', 'account_sid'], { size: 2, query: 'sip_status:>=300' });
    const [frame] = dashboardFrames([target], records, range);
    const columns = frame.fields.map((field) => [field.name, [...field.values]]);
    // 503: b 3, a 1, c 1 → b, then a before c; 403: a. 200 is filtered out by the query.
    expect(columns).toEqual([
      ['sip_status', ['503', '503', '403']],
      ['account_sid', ['b', 'a', 'a']],
      ['Count', [3, 1, 1]],
    ]);
  });

  it('counts Terms × Date Histogram per code and bucket, one frame per code', () => {
    const frames = dashboardFrames([termsTarget('A', ['sip_status'], { dateHistogram: true })], records, range);
    const byName = Object.fromEntries(frames.map((frame) => [frame.name, [...frame.fields[1].values]]));
    expect(byName).toEqual({ '200': [1, 0, 0, 0, 0, 0], '403': [1, 0, 0, 0, 0, 0], '503': [5, 0, 0, 0, 0, 0] });
  });

  it('refuses what it cannot compute instead of guessing', () => {
    const average = { ...termsTarget('X', ['sip_status']), metrics: [{ id: '1', type: 'avg', field: 'duration' }] };
    expect(() => dashboardFrames([average], records, range)).toThrow('counts only');
    const histogramFirst = {
      ...termsTarget('Y', ['sip_status'], { dateHistogram: true }),
      bucketAggs: [...(termsTarget('Y', ['sip_status'], { dateHistogram: true }).bucketAggs as unknown[])].reverse(),
    };
    expect(() => dashboardFrames([histogramFirst], records, range)).toThrow('before the Date Histogram');
  });
});
