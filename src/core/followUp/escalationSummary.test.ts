import { assessDistribution } from '../assess';
import { normalizeFrames } from '../normalize';
import {
  CALLS_START_MS,
  MINUTE,
  callRecords,
  nestedTermsFrame,
  rawRowsFrame,
  termsSeriesFrames,
} from '../roles/testing/esFrames';
import { topContributors } from './contributors';
import { escalationSummary, formatUtcDateTime } from './escalationSummary';
import { recentCalls } from './recentCalls';

/** One hour in one-minute buckets: 1,000 calls a minute, 503 at 20 a minute for the first 40 minutes, then 120. */
const series503 = Array.from({ length: 60 }, (_, i) => (i < 40 ? 20 : 120));
const series = termsSeriesFrames({ 200: series503.map((n) => 1000 - n), 503: series503 });
const distribution = normalizeFrames(series);
const assessment = assessDistribution(distribution, undefined, { recencyMs: 15 * MINUTE });
const finding = assessment.findings.find((entry) => entry.code === 503)!;

const breakdown = nestedTermsFrame(
  ['sip_status', 'account_sid'],
  [
    [503, 'AC7f3e', 2900],
    [503, 'AC0b12', 300],
  ]
);
const calls = rawRowsFrame(
  callRecords([
    { minute: 59, code: 503, callId: 'a"1\\x@198.51.100.10', account: 'AC7f3e', xReason: 'Account at limit' },
    { minute: 58, code: 503, callId: 'b2@198.51.100.10', account: 'AC7f3e', xReason: 'Account at limit' },
    { minute: 57, code: 503, callId: 'c3@198.51.100.10', account: 'AC0b12', xReason: 'Inactive account' },
    { minute: 56, code: 503, callId: 'd4@198.51.100.10', account: 'AC7f3e', xReason: 'Account at limit' },
  ])
);

describe('escalationSummary', () => {
  it('writes the whole block, exactly', () => {
    expect(finding.rules.map((rule) => rule.rule)).toEqual(['share', 'rise']);
    const text = escalationSummary({
      code: 503,
      reason: 'Service Unavailable',
      severity: 'track',
      count: finding.count,
      total: distribution.total,
      from: CALLS_START_MS,
      to: CALLS_START_MS + 60 * MINUTE,
      finding,
      recencyMs: 15 * MINUTE,
      contributors: topContributors(503, ['account', 'x_reason'], [breakdown], [calls], { codeCalls: finding.count }),
      recentCalls: recentCalls(503, [calls]).calls,
      links: {
        dashboard: 'https://grafana.example/d/noc?from=1772460000000&to=1772463600000',
        logs: 'https://grafana.example/explore?panes=x',
        traces: 'https://homer.example/?q=503',
      },
    });
    expect(text).toBe(
      [
        'SIP 503 Service Unavailable — needs follow-up (track)',
        'Calls: 3,200 of 60,000 final responses (5.3 %)',
        'Window: 2026-03-02 14:00:00 UTC – 2026-03-02 15:00:00 UTC',
        'Rule: above 5 % (5.3 % of calls, threshold 5 %); 3.9× as frequent as earlier in the range (1,800 of 15,000 calls ' +
          'recently vs 1,400 of 45,000 earlier, z = 42.0, threshold ×2)',
        'Since: first seen 2026-03-02 14:00:00 UTC, last seen 2026-03-02 14:59:00 UTC; 1,800 calls in the last 15 min',
        'Top contributors:',
        '- account (account_sid), exact, from query C: AC7f3e 2,900 calls (90.6 %); AC0b12 300 calls (9.4 %)',
        '- X-Reason (x_reason), in the 4 most recent failed calls: Account at limit 3 calls (75.0 %); ' +
          'Inactive account 1 call (25.0 %)',
        'Most calls: 91 % of 503s from account AC7f3e',
        'Example calls:',
        '- 2026-03-02 14:59:00 UTC  a"1\\x@198.51.100.10',
        '- 2026-03-02 14:58:00 UTC  b2@198.51.100.10',
        '- 2026-03-02 14:57:00 UTC  c3@198.51.100.10',
        'X-Reasons seen: Account at limit (3), Inactive account (1)',
        'Links:',
        '- Dashboard: https://grafana.example/d/noc?from=1772460000000&to=1772463600000',
        '- Logs: https://grafana.example/explore?panes=x',
        '- Traces: https://homer.example/?q=503',
      ].join('\n')
    );
  });

  it('says what it does not know instead of leaving lines out or blank', () => {
    const text = escalationSummary({
      code: 486,
      reason: 'Busy Here',
      severity: 'normal',
      count: 3,
      total: 0,
      from: CALLS_START_MS,
      to: CALLS_START_MS + 60 * MINUTE,
      formatTime: (ms) => `T+${(ms - CALLS_START_MS) / MINUTE}m`,
      recentCalls: [{ refId: 'B', callId: 'x@y', xReason: 'busy' }],
    });
    expect(text).toBe(
      [
        'SIP 486 Busy Here (normal)',
        'Calls: 3 of 0 final responses',
        'Window: T+0m – T+60m',
        'Rule: none fired; escalated by hand',
        'Since: no time data',
        'Example calls:',
        '- time unknown  x@y',
        'X-Reasons seen: busy (1)',
        'Links: none',
      ].join('\n')
    );
  });

  it('says when the code is over, and when there are no example calls or X-Reasons', () => {
    const over = { ...finding, ongoing: false, recentCalls: 0, recencyWindowMs: 15 * MINUTE };
    const lines = escalationSummary({
      code: 503,
      reason: 'Service Unavailable',
      severity: 'track',
      count: over.count,
      total: 60_000,
      from: CALLS_START_MS,
      to: CALLS_START_MS + 60 * MINUTE,
      finding: over,
    }).split('\n');
    expect(lines[4]).toBe(
      'Since: first seen 2026-03-02 14:00:00 UTC, last seen 2026-03-02 14:59:00 UTC; no calls in the last 15 min'
    );
    expect(lines.slice(5)).toEqual([
      'Example calls: none in the call rows',
      'X-Reasons seen: none in the data',
      'Links: none',
    ]);
  });

  it('formats times in UTC by default', () => {
    expect(formatUtcDateTime(Date.UTC(2026, 2, 2, 14, 58, 1))).toBe('2026-03-02 14:58:01 UTC');
    expect(formatUtcDateTime(NaN)).toBe('time unknown');
  });
});
