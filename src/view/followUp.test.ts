import { buildViewModel, codeFollowUp } from '.';
import { DEFAULT_OPTIONS } from '../options';
import { darkTheme } from '../testing/panelProps';
import { nocPanelData, NOC_RANGE } from '../testing/nocPanel';

function noc() {
  const { series, targets } = nocPanelData();
  return buildViewModel({
    series,
    targets,
    options: { ...DEFAULT_OPTIONS, codeField: 'sip_status' },
    theme: darkTheme,
    timeRange: NOC_RANGE,
  });
}

describe('a panel with distribution, calls and breakdown queries', () => {
  it('counts only the distribution query and says which query serves which role', () => {
    const model = noc();
    expect(model.total).toBe(100 * 36 + 20 * 12 + 40 * 6 + 30);
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
