import { buildViewModel, codeFollowUp } from '.';
import { DEFAULT_OPTIONS } from '../options';
import { darkTheme } from '../testing/panelProps';
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

const BUCKETS = 36; // 36 minutes
const END = CALLS_START_MS + BUCKETS * MINUTE;

/** A 403 burst from one source, over until 20 minutes before the end; a 503 storm from one account, still going on. */
function noc() {
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
  return buildViewModel({
    series: [...series, calls, breakdown],
    targets,
    options: { ...DEFAULT_OPTIONS, codeField: 'sip_status' },
    theme: darkTheme,
    timeRange: { from: CALLS_START_MS, to: END },
  });
}

describe('a panel with distribution, calls and breakdown queries', () => {
  it('counts only the distribution query and says which query serves which role', () => {
    const model = noc();
    expect(model.total).toBe(100 * BUCKETS + 20 * 12 + 40 * 6 + 30);
    const summary = model.messages.find((message) => message.kind === 'query-roles-summary')!;
    expect(summary.title).toBe('Queries: A distribution · B calls · C breakdown');
    expect(summary.details).toHaveLength(3);
    expect(model.messages.some((message) => message.kind === 'mixed-shapes')).toBe(false);
  });

  it('tells ongoing findings from earlier ones, in words', () => {
    const model = noc();
    const storm = model.findings.find((view) => view.code === 503)!;
    expect(storm.finding.ongoing).toBe(true);
    expect(storm.recency).toMatch(/^\d+ calls in the last 15 min · last seen (just now|\d+ min ago)$/);
    const burst = model.findings.find((view) => view.code === 403);
    if (burst) {
      expect(burst.finding.ongoing).toBe(false);
      expect(burst.recency).toMatch(/^earlier in range · last seen \d\d:\d\d$/);
    }
  });

  it('names the dominant contributor of a finding, exact from the breakdown', () => {
    const storm = noc().findings.find((view) => view.code === 503)!;
    expect(storm.dominant?.value).toBe('AC-42');
    expect(storm.dominant?.exact).toBe(true);
    expect(storm.dominant?.text).toBe('85 % of 503s from account AC-42'); // 230 of the distribution's 270
  });

  it("lists a code's contributors and recent calls for the card", () => {
    const model = noc();
    const followUp = codeFollowUp(503, model.byCode.get(503)!.count, model.policy, model.roles, {
      codeField: 'sip_status',
    });
    const account = followUp.contributors.fields.find((field) => field.field === 'account_sid')!;
    expect(account.exact).toBe(true);
    expect(account.values[0]).toMatchObject({ value: 'AC-42', count: 230 });
    expect(followUp.recent.calls).toHaveLength(8);
    expect(followUp.recent.calls[0].callId).toBe('storm-7@sbc');
    expect(followUp.recent.calls[0].xReason).toBe('Max Account Calls In Progress');
    expect(followUp.noFollowUpQueries).toBe(false);
  });
});
