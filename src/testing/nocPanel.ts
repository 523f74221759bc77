/**
 * A NOC panel's three queries as Grafana's Elasticsearch data source returns them: A the distribution (Terms ×
 * Date Histogram), B the calls (raw rows of failed calls), C a breakdown (Terms code → account). A 403 burst from one
 * source is over 20 minutes before the end; a 503 storm from one account is still going on.
 */
import type { DataFrame } from '@grafana/data';
import {
  CALLS_START_MS,
  callRecords,
  FailedCall,
  MINUTE,
  nestedTermsFrame,
  rawRowsFrame,
  rawTarget,
  termsSeriesFrames,
  termsTarget,
} from '../core/roles/testing/esFrames';

const BUCKETS = 36;
export const NOC_RANGE = { from: CALLS_START_MS, to: CALLS_START_MS + BUCKETS * MINUTE };

export function nocPanelData(): { series: DataFrame[]; targets: Array<Record<string, unknown>> } {
  const series = termsSeriesFrames(
    {
      200: Array.from({ length: BUCKETS }, () => 100),
      403: Array.from({ length: BUCKETS }, (_, i) => (i < 12 ? 20 : 0)),
      503: Array.from({ length: BUCKETS }, (_, i) => (i >= 30 ? 40 : 1)),
    },
    { refId: 'A' }
  );
  const failed: FailedCall[] = [
    ...Array.from({ length: 12 }, (_, i) => ({
      minute: i,
      code: 403,
      sourceIp: i < 11 ? '203.0.113.9' : '198.51.100.7',
    })),
    ...Array.from({ length: 8 }, (_, i) => ({
      minute: 30 + i * 0.5,
      code: 503,
      account: 'AC-42',
      xReason: 'Max Account Calls In Progress',
      callId: `storm-${i}@sbc`,
    })),
  ];
  const calls = rawRowsFrame(callRecords(failed), { refId: 'B' });
  const breakdown = nestedTermsFrame(
    ['sip_status', 'account_sid'],
    [
      [503, 'AC-42', 230],
      [503, 'AC-7', 5],
      [403, 'AC-1', 2],
    ],
    'C'
  );
  const targets = [
    termsTarget('A', ['sip_status'], { dateHistogram: true }),
    rawTarget('B', { size: 500 }),
    termsTarget('C', ['sip_status', 'account_sid']),
  ];
  return { series: [...series, calls, breakdown], targets };
}
