import React from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dateTime } from '@grafana/data';
import { TEST_IDS } from '../../constants/testIds';
import {
  callRecords,
  rawRowsFrame,
  rawTarget,
  termsSeriesFrames,
  termsTarget,
} from '../../core/roles/testing/esFrames';
import { nocPanelData, NOC_RANGE } from '../../testing/nocPanel';
import { panelProps, renderWithTheme, termsFrame } from '../../testing/panelProps';
import { SipCodesPanel } from './SipCodesPanel';

function renderNoc(options: Record<string, unknown> = {}) {
  const { series, targets } = nocPanelData();
  const timeRange = { from: dateTime(NOC_RANGE.from), to: dateTime(NOC_RANGE.to), raw: { from: 'now-36m', to: 'now' } };
  return renderWithTheme(
    <SipCodesPanel
      {...panelProps({
        series,
        targets,
        timeRange,
        width: 1200,
        height: 600,
        options: {
          codeField: 'sip_status',
          traceUrlTemplate: 'https://homer.example/call?id=${callId}',
          alertRuleUidPrefix: 'sipcodes-',
          ...options,
        },
      })}
    />
  );
}

describe('the guidance card leads from "what" to "who, which calls, since when"', () => {
  it('shows the top contributors with calls, share and logs filtered by code and value', async () => {
    const user = userEvent.setup();
    renderNoc();
    await user.click(screen.getByTestId(TEST_IDS.legendRow(503)));
    const card = await screen.findByTestId(TEST_IDS.guidance);
    const contributors = within(card).getByTestId(TEST_IDS.contributors);
    const rows = within(contributors).getAllByTestId(TEST_IDS.contributor);
    const account = rows.find((row) => row.getAttribute('data-field') === 'account_sid')!;
    expect(account).toHaveTextContent('AC-42');
    expect(account).toHaveTextContent('230 calls');
    const logs = within(account).getByText('Logs');
    expect(decodeURIComponent(logs.getAttribute('href')!)).toContain('sip_status:503 AND account_sid:\\"AC-42\\"');
    expect(card).toHaveTextContent('85 % of 503s from account AC-42');
  });

  it('lists the most recent calls with their Call-IDs, SIP ladders and the meaning of their X-Reason', async () => {
    const user = userEvent.setup();
    renderNoc();
    await user.click(screen.getByTestId(TEST_IDS.legendRow(503)));
    const card = await screen.findByTestId(TEST_IDS.guidance);
    const calls = within(within(card).getByTestId(TEST_IDS.recentCalls)).getAllByTestId(TEST_IDS.recentCall);
    expect(calls).toHaveLength(8);
    expect(calls[0]).toHaveTextContent('storm-7@sbc');
    expect(within(calls[0]).getByText('Ladder')).toHaveAttribute('href', 'https://homer.example/call?id=storm-7%40sbc');
    expect(within(card).getByTestId(TEST_IDS.recentCalls)).toHaveTextContent('Max Account Calls In Progress (8 calls)');
  });

  it('says since when, links the alert rule and copies the escalation summary', async () => {
    const user = userEvent.setup();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    renderNoc();
    await user.click(screen.getByTestId(TEST_IDS.legendRow(503)));
    const card = await screen.findByTestId(TEST_IDS.guidance);
    expect(within(card).getByTestId(TEST_IDS.guidanceRecency)).toHaveTextContent(
      /calls in the last 15 min · last seen/
    );
    const rule = within(card).getAllByTestId(TEST_IDS.alertRuleLink)[0];
    expect(rule).toHaveTextContent('Alert rule: SIP 503');
    expect(rule.getAttribute('href')).toMatch(/\/alerting\/grafana\/sipcodes-503-\w+\/view$/);
    await user.click(within(card).getByTestId(TEST_IDS.copyEscalation));
    const text = writeText.mock.calls[0]?.[0] as string;
    expect(text.split('\n')[0]).toBe('SIP 503 Service Unavailable — needs follow-up (track)');
    expect(text).toContain('storm-7@sbc');
    expect(text).toContain('AC-42');
  });

  it('says clearly what is missing when the panel has no calls or breakdown queries', async () => {
    const user = userEvent.setup();
    const { series, targets } = nocPanelData();
    renderWithTheme(
      <SipCodesPanel
        {...panelProps({
          series: series.slice(0, 3),
          targets: targets.slice(0, 1),
          options: { codeField: 'sip_status' },
        })}
      />
    );
    await user.click(screen.getByTestId(TEST_IDS.legendRow(503)));
    const card = await screen.findByTestId(TEST_IDS.guidance);
    expect(within(card).getByTestId(TEST_IDS.contributors)).toHaveTextContent('Add a breakdown query');
    expect(within(card).queryByTestId(TEST_IDS.recentCalls)).toBeNull();
  });
});

describe('keyboard order', () => {
  it('is one tab stop per group: findings, chart, legend', async () => {
    const user = userEvent.setup();
    renderNoc();
    // The folded messages come first (each summary is focusable); then one stop per group.
    for (
      let step = 0;
      step < 5 && !document.activeElement?.getAttribute('data-testid')?.startsWith('sip-finding-');
      step++
    ) {
      await user.tab();
    }
    expect(document.activeElement).toHaveAttribute('data-testid', expect.stringMatching(/^sip-finding-/));
    await user.tab();
    expect(document.activeElement).toHaveAttribute('data-testid', expect.stringMatching(/^sip-(slice-|other-slice)/));
    await user.tab();
    expect(document.activeElement).toHaveAttribute('data-testid', expect.stringMatching(/^sip-legend-row-/));
  });
});

describe('Q.850 causes', () => {
  it('are listed with their meaning when the call rows carry a cause field', async () => {
    const user = userEvent.setup();
    const distribution = termsSeriesFrames({ 200: [100, 100], 488: [3, 2] }, { refId: 'A' });
    const documents = callRecords([0, 1, 2, 3, 4].map((minute) => ({ minute, code: 488, trunk: 'bluewave' }))).map(
      (document, index) => ({ ...document, q850_cause: index < 4 ? 88 : 65 })
    );
    renderWithTheme(
      <SipCodesPanel
        {...panelProps({
          series: [...distribution, rawRowsFrame(documents, { refId: 'B' })],
          targets: [termsTarget('A', ['sip_status'], { dateHistogram: true }), rawTarget('B')],
          options: { codeField: 'sip_status' },
        })}
      />
    );
    await user.click(screen.getByTestId(TEST_IDS.legendRow(488)));
    const causes = within(await screen.findByTestId(TEST_IDS.guidance)).getByTestId(TEST_IDS.q850Causes);
    expect(causes).toHaveTextContent('88 (4 calls, q850_cause): Q.850 88');
    expect(causes).toHaveTextContent('65 (1 call, q850_cause)');
  });
});

describe('dashboard variables', () => {
  it('reach an open card when Grafana re-renders with a new render counter', async () => {
    const user = userEvent.setup();
    const variables = { env: 'prod' };
    // Grafana keeps the same replaceVariables function and only bumps renderCounter when a variable changes.
    const replaceVariables = (text: string) => text.replace('$env', variables.env);
    const props = panelProps({
      series: [termsFrame({ 200: 900, 503: 90 })],
      options: { traceUrlTemplate: 'https://homer.example/?code=${code}&env=$env' },
      replaceVariables,
    });
    const { rerender } = renderWithTheme(<SipCodesPanel {...props} />);
    await user.click(screen.getByTestId(TEST_IDS.legendRow(503)));
    expect(await screen.findByTestId(TEST_IDS.tracesLink)).toHaveAttribute('href', expect.stringContaining('env=prod'));
    variables.env = 'staging';
    rerender(<SipCodesPanel {...props} renderCounter={props.renderCounter + 1} />);
    expect(screen.getByTestId(TEST_IDS.tracesLink)).toHaveAttribute('href', expect.stringContaining('env=staging'));
  });
});
