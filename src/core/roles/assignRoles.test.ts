import { assessDistribution } from '../assess';
import { normalizeFrames } from '../normalize';
import { assignQueryRoles } from './assignRoles';
import {
  CALLS_START_MS,
  MINUTE,
  callRecords,
  nestedTermsFrame,
  rawDocumentFrame,
  rawRowsFrame,
  rawTarget,
  termsSeriesFrames,
  termsTableFrame,
  termsTarget,
} from './testing/esFrames';

const seriesA = termsSeriesFrames({ 200: [90, 95, 92], 403: [1, 2, 30], 503: [0, 4, 5] });
const targetA = termsTarget('A', ['sip_status'], { dateHistogram: true });
const callsB = rawRowsFrame(
  callRecords([
    { minute: 2, code: 403, sourceIp: '203.0.113.9' },
    { minute: 2, code: 503, account: 'AC1' },
    { minute: 1, code: 403, sourceIp: '203.0.113.9' },
  ])
);
const targetB = rawTarget('B', { size: 500 });
const breakdownC = nestedTermsFrame(
  ['sip_status', 'source.ip'],
  [
    [403, '203.0.113.9', 30],
    [403, '198.51.100.7', 3],
    [503, '192.0.2.1', 9],
  ]
);
const targetC = termsTarget('C', ['sip_status', 'source.ip'], { size: 5 });

function roleOf(result: ReturnType<typeof assignQueryRoles>, refId: string) {
  return result.roles.find((entry) => entry.refId === refId);
}

describe('assignQueryRoles', () => {
  it('splits a distribution, call rows and a breakdown, and counts only the distribution', () => {
    const result = assignQueryRoles([...seriesA, callsB, breakdownC], [targetA, targetB, targetC]);
    expect(result.roles.map(({ refId, role, kind }) => ({ refId, role, kind }))).toEqual([
      { refId: 'A', role: 'distribution', kind: 'terms-series' },
      { refId: 'B', role: 'calls', kind: 'raw-rows' },
      { refId: 'C', role: 'breakdown', kind: 'nested-table' },
    ]);
    expect(result.distribution).toEqual(seriesA);
    expect(result.calls).toEqual([callsB]);
    expect(result.breakdowns).toEqual([breakdownC]);
    expect(result.breakdownFields).toEqual({ C: ['source.ip'] });
    expect(result.rowLimits).toEqual({ B: 500 });
    expect(result.codeField).toBe('sip_status');
    expect(result.notices).toEqual([]);
    expect(roleOf(result, 'A')!.why).toBe('Counted per code: Terms on sip_status × Date Histogram.');
    expect(roleOf(result, 'B')!.why).toBe(
      'Call rows: raw data rows (up to 500) with sip_status, used for recent calls and contributors, never added to the counts.'
    );
    expect(roleOf(result, 'C')!.why).toBe(
      'Breakdown: Terms sip_status → source.ip (a table per sip_status and source.ip): exact calls per sip_status and source.ip.'
    );

    const distribution = normalizeFrames(result.distribution, result.normalizeOptions);
    expect(distribution.total).toBe(90 + 95 + 92 + 1 + 2 + 30 + 4 + 5);
    expect(distribution.notices.map((notice) => notice.kind)).not.toContain('mixed-shapes');
  });

  it('keeps the roles when an aggregation returned no frame at all', () => {
    // No calls at all in the range: the Terms queries return nothing, the raw query returns nothing either.
    const empty = assignQueryRoles([], [targetA, targetB, targetC]);
    expect(empty.roles.map((entry) => entry.role)).toEqual(['distribution', 'calls', 'breakdown']);
    // Only the raw query returned rows: they are still call rows, not the distribution.
    const rowsOnly = assignQueryRoles([callsB], [targetA, targetB]);
    expect(rowsOnly.roles.map((entry) => entry.role)).toEqual(['distribution', 'calls']);
    expect(rowsOnly.distribution).toEqual([]);
    expect(rowsOnly.calls).toEqual([callsB]);
  });

  it('counts raw rows when no other query counts, and uses them as call rows too', () => {
    const result = assignQueryRoles([callsB], [targetB]);
    expect(roleOf(result, 'B')).toMatchObject({ role: 'distribution', also: ['calls'] });
    expect(roleOf(result, 'B')!.why).toBe(
      'Counted per code: raw data rows (up to 500) with sip_status. Its rows are the recent calls too.'
    );
    expect(result.distribution).toEqual([callsB]);
    expect(result.calls).toEqual([callsB]);
    expect(result.normalizeOptions).toEqual({ rowLimit: 500, queries: { B: 'sip_status:>=300' } });
  });

  it('sums distribution queries of the same shape (two clusters behind a Mixed data source)', () => {
    const a = termsTableFrame([200, 404], [100, 5], { refId: 'A' });
    const b = termsTableFrame([200, 503], [50, 2], { refId: 'B' });
    const result = assignQueryRoles([a, b], [termsTarget('A', ['sip_status']), termsTarget('B', ['sip_status'])]);
    expect(result.roles.map((entry) => entry.role)).toEqual(['distribution', 'distribution']);
    expect(roleOf(result, 'A')!.why).toBe(
      'Counted per code: a Terms table on sip_status. Summed with query B: the same shape, e.g. two clusters.'
    );
    const distribution = normalizeFrames(result.distribution, result.normalizeOptions);
    expect(distribution.total).toBe(157);
    expect(distribution.notices).toEqual([]);
  });

  it('does not add distribution queries of different shapes, and says which one is used and why', () => {
    const table = termsTableFrame([200, 404], [100, 5], { refId: 'B' });
    const result = assignQueryRoles([...seriesA, table], [targetA, termsTarget('B', ['sip_status'])]);
    expect(roleOf(result, 'B')).toMatchObject({ role: 'ignore', kind: 'terms-table' });
    const why =
      'Not counted: a Terms table on sip_status is not added to query A (Terms on sip_status × Date Histogram), ' +
      'because adding it could count the same calls twice. Query A is used because its time buckets let the rise ' +
      'rule and recency work.';
    expect(roleOf(result, 'B')!.why).toBe(why);
    expect(result.notices).toEqual([{ kind: 'query-roles', level: 'warning', message: `Query B: ${why}` }]);
    expect(result.distribution).toEqual(seriesA);
    expect(normalizeFrames(result.distribution).notices.map((notice) => notice.kind)).not.toContain('mixed-shapes');
  });

  it('counts from a breakdown table when nothing else counts, and says what that misses', () => {
    const result = assignQueryRoles([breakdownC], [targetC]);
    expect(roleOf(result, 'C')).toMatchObject({ role: 'distribution', also: ['breakdown'] });
    expect(roleOf(result, 'C')!.why).toContain('calls of source.ip values outside its Terms size are missing');
    expect(result.breakdowns).toEqual([breakdownC]);
    expect(normalizeFrames(result.distribution).total).toBe(42);
  });

  it('does not add two breakdowns on different fields together', () => {
    const byAccount = nestedTermsFrame(['sip_status', 'account_sid'], [[503, 'AC1', 9]], 'D');
    const result = assignQueryRoles(
      [breakdownC, byAccount],
      [targetC, termsTarget('D', ['sip_status', 'account_sid'])]
    );
    expect(result.roles.map((entry) => [entry.role, entry.also])).toEqual([
      ['distribution', ['breakdown']],
      ['breakdown', []],
    ]);
    expect(result.distribution).toEqual([breakdownC]);
    expect(result.breakdowns).toEqual([breakdownC, byAccount]);
  });

  it('follows the options, and refuses a role the query cannot serve', () => {
    const result = assignQueryRoles([...seriesA, callsB, breakdownC], [targetA, targetB, targetC], {
      B: 'ignore',
      C: 'calls',
      Z: 'breakdown',
      A: 'everything' as never,
    });
    expect(result.roles.map(({ role, overridden }) => [role, overridden])).toEqual([
      ['distribution', false],
      ['ignore', true],
      ['ignore', true],
    ]);
    expect(result.calls).toEqual([]);
    expect(result.breakdowns).toEqual([]);
    expect(result.notices.map((notice) => [notice.level, notice.message])).toEqual([
      [
        'warning',
        'The role "everything" set for query A is not one of distribution, calls, breakdown, ignore; ignored.',
      ],
      [
        'warning',
        'Query C: Set to calls in the options, but it returns Terms sip_status → source.ip (a table per sip_status and ' +
          'source.ip); call rows come from a raw data or logs query whose rows carry the code field. Not used.',
      ],
      ['info', 'The options set a role for query Z, which this panel does not have.'],
    ]);
  });

  it('makes raw rows the distribution when the options say so, instead of the Terms query', () => {
    const result = assignQueryRoles([...seriesA, callsB], [targetA, targetB], { B: 'distribution' });
    expect(result.roles.map((entry) => [entry.refId, entry.role])).toEqual([
      ['A', 'ignore'],
      ['B', 'distribution'],
    ]);
    expect(roleOf(result, 'A')!.why).toContain('Query B is used because it is set as the distribution in the options.');
    expect(result.distribution).toEqual([callsB]);
  });

  it('says clearly when call rows carry no code field', () => {
    const noCode = rawRowsFrame([{ '@timestamp': CALLS_START_MS, sip_callid: 'x@y', trunk: 't1' }]);
    const result = assignQueryRoles([...seriesA, noCode], [targetA, targetB]);
    expect(roleOf(result, 'B')!.role).toBe('ignore');
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0].message).toBe(
      'Query B: Not used: raw data rows (up to 500) without a SIP code field (fields: @timestamp, sip_callid, trunk), so its rows cannot be matched to codes. Set "Code field" in the ' +
        'options, or add the code to the documents.'
    );
  });

  it('uses the configured code field, and finds it in call rows with another spelling', () => {
    const result = assignQueryRoles([...seriesA, callsB], [targetA, targetB], undefined, 'sip_status.keyword');
    expect(result.codeField).toBe('sip_status.keyword');
    expect(result.normalizeOptions).toEqual({ codeField: 'sip_status.keyword' });
    expect(roleOf(result, 'B')!.role).toBe('calls');
    const other = assignQueryRoles([...seriesA, callsB], [targetA, targetB], undefined, 'response.code');
    expect(roleOf(other, 'A')).toMatchObject({ role: 'ignore', kind: 'no-code' });
  });

  it('reads the roles from frame shapes when there are no targets', () => {
    const document = rawDocumentFrame(
      [{ '@timestamp': '2026-03-02T14:01:00Z', sip: { status_code: 404, call_id: 'd1' } }],
      'D'
    );
    const result = assignQueryRoles([...seriesA, callsB, breakdownC, document], undefined);
    expect(result.roles.map(({ refId, role, kind }) => [refId, role, kind])).toEqual([
      ['A', 'distribution', 'terms-series'],
      ['B', 'calls', 'raw-rows'],
      ['C', 'breakdown', 'nested-table'],
      ['D', 'calls', 'raw-document'],
    ]);
    expect(result.breakdownFields).toEqual({ C: ['source.ip'] });
  });

  it('leaves out hidden queries, date histograms without Terms and Terms on other fields', () => {
    const result = assignQueryRoles(
      [...seriesA],
      [
        targetA,
        { ...termsTarget('B', ['sip_status']), hide: true },
        { refId: 'C', metrics: [{ type: 'count' }], bucketAggs: [{ type: 'date_histogram', field: '@timestamp' }] },
        termsTarget('D', ['trunk']),
      ]
    );
    expect(result.roles.map(({ role, kind, why }) => [role, kind, why])).toEqual([
      ['distribution', 'terms-series', 'Counted per code: Terms on sip_status × Date Histogram.'],
      ['ignore', 'hidden', 'Not used: hidden in the query editor, so Grafana does not run it.'],
      ['ignore', 'time-only', 'Not used: a Date Histogram without Terms, so no SIP code.'],
      ['ignore', 'no-code', 'Not used: Terms on trunk, none of them a SIP code.'],
    ]);
  });

  it('leaves out Terms → Terms × Date Histogram beside a distribution, and counts it when it is the only query', () => {
    const nestedSeries = termsSeriesFrames({ 403: [1, 2, 3] }, { refId: 'E' }).map((frame) => ({
      ...frame,
      name: '403 203.0.113.9',
    }));
    const targetE = termsTarget('E', ['sip_status', 'source.ip'], { dateHistogram: true });
    const beside = assignQueryRoles([...seriesA, ...nestedSeries], [targetA, targetE]);
    expect(roleOf(beside, 'E')).toMatchObject({ role: 'ignore', kind: 'nested-series' });
    expect(beside.distribution).toEqual(seriesA);
    const alone = assignQueryRoles(nestedSeries, [targetE]);
    expect(roleOf(alone, 'E')!.role).toBe('distribution');
    expect(normalizeFrames(alone.distribution).total).toBe(6);
  });

  it('gives raw rows a timeline whose recency is measured from the range end', () => {
    const rows = rawRowsFrame(
      callRecords([
        { minute: 0, code: 500 },
        { minute: 20, code: 500 },
        { minute: 50, code: 500 },
        { minute: 55, code: 408 },
      ])
    );
    const roles = assignQueryRoles([rows], [rawTarget('B')]);
    const distribution = normalizeFrames(roles.distribution, roles.normalizeOptions);
    expect(distribution.shape).toBe('raw-rows');
    expect(distribution.timeline).toBeDefined();
    // The rows end at minute 55; the range 20 minutes later. In the last 15 min of the range there are no calls.
    const late = assessDistribution(distribution, undefined, { rangeEnd: CALLS_START_MS + 75 * MINUTE });
    expect(late.findings.map((finding) => [finding.code, finding.ongoing])).toEqual([
      [500, false],
      [408, false],
    ]);
    // With the range ending at minute 60, 408 (minute 55) is ongoing and 500 (minute 50) is not.
    const onTime = assessDistribution(distribution, undefined, {
      rangeEnd: CALLS_START_MS + 60 * MINUTE,
      recencyMs: 8 * MINUTE,
    });
    const byCode = Object.fromEntries(onTime.findings.map((finding) => [finding.code, finding]));
    expect(byCode[408]).toMatchObject({ ongoing: true, recentCalls: 1 });
    expect(byCode[500]).toMatchObject({ ongoing: false, recentCalls: 0, firstSeen: CALLS_START_MS });
    expect(byCode[500].lastSeen).toBeGreaterThanOrEqual(CALLS_START_MS + 45 * MINUTE);
    expect(byCode[500].lastSeen).toBeLessThanOrEqual(CALLS_START_MS + 50 * MINUTE);
  });

  it('never throws on junk', () => {
    for (const frames of [null, undefined, 'x', [null, 1, {}, { fields: 'x' }], [{ fields: [null, { values: 3 }] }]]) {
      for (const targets of [null, undefined, 'x', [null, { refId: 3 }, { refId: 'A', metrics: 'm' }]]) {
        for (const overrides of [null, 'x', [1], { A: 'calls' }]) {
          const result = assignQueryRoles(frames as never, targets as never, overrides as never, 5 as never);
          expect(Array.isArray(result.roles)).toBe(true);
          expect(Array.isArray(result.notices)).toBe(true);
        }
      }
    }
  });
});
