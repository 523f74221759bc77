import React from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEST_IDS } from '../../constants/testIds';
import { buildGuidanceLinks, GuidanceLinks } from '../../links';
import { DEFAULT_OPTIONS } from '../../options';
import { buildViewModel, describeFiredRule, describeRules } from '../../view';
import type { PolicyOverrides } from '../../core';
import { darkTheme, renderWithTheme, TEST_TIME_RANGE, termsFrame } from '../../testing/panelProps';
import { GuidanceCard, renderGuidanceNotes } from './GuidanceCard';

const XSS_NOTES = [
  'Check **Homer** first.',
  '<img src=x onerror=alert(1)>',
  '<script>window.pwned = true</script>',
  '[click](javascript:alert(2))',
  '<a href="javascript:alert(3)" onclick="alert(4)">raw link</a>',
  '<iframe src="javascript:alert(5)"></iframe>',
].join('\n\n');

function entryFor(code: number, policyOverrides: PolicyOverrides = {}) {
  const model = buildViewModel({
    theme: darkTheme,
    series: [termsFrame({ 200: 900, 500: 2, 503: 90, 404: 3 })],
    options: { ...DEFAULT_OPTIONS, policyOverrides },
  });
  return model.byCode.get(code)!;
}

function linksFor(code: number): GuidanceLinks {
  return buildGuidanceLinks({
    code,
    reason: 'x',
    codeField: 'sip.status_code',
    logsDatasourceUid: '',
    traceUrlTemplate: 'https://homer/?code=${code}',
    targets: [{ datasource: { uid: 'sip-es', type: 'elasticsearch' } }],
    timeRange: TEST_TIME_RANGE,
    replaceVariables: (text) => text,
    dataLinks: [
      { title: 'Runbook', url: 'https://wiki/sip/${code}', targetBlank: true },
      { title: 'Evil', url: 'javascript:alert(1)' },
    ],
  });
}

describe('GuidanceCard', () => {
  it('shows meaning, action, causes, checks, the rules that fired and why', () => {
    const entry = entryFor(500);
    renderWithTheme(<GuidanceCard entry={entry} links={linksFor(500)} onClose={jest.fn()} />);
    const card = screen.getByTestId(TEST_IDS.guidance);
    expect(card).toHaveAttribute('role', 'dialog');
    expect(card).toHaveAccessibleName('500 Server Internal Error');
    expect(card).toHaveAttribute('data-severity', 'immediate');
    expect(card).toHaveTextContent(entry.policy.guidance.meaning);
    expect(card).toHaveTextContent(entry.policy.guidance.action);
    for (const cause of entry.policy.guidance.causes) {
      expect(card).toHaveTextContent(cause);
    }
    for (const check of entry.policy.guidance.checks) {
      expect(card).toHaveTextContent(check);
    }
    expect(card).toHaveTextContent('Why it needs follow-up');
    expect(card).toHaveTextContent('Any incident: 2 calls — investigate every one');
    expect(card).toHaveTextContent(entry.finding!.explanation);
    expect(card).toHaveTextContent(entry.policy.rationale);
  });

  it('says when no rule fired, and what the rule is', () => {
    const entry = entryFor(404);
    expect(entry.finding).toBeUndefined();
    renderWithTheme(<GuidanceCard entry={entry} links={linksFor(404)} onClose={jest.fn()} />);
    const card = screen.getByTestId(TEST_IDS.guidance);
    expect(card).toHaveTextContent('No follow-up rule fired in this time range.');
    expect(card).toHaveTextContent(describeRules(entry.policy.rules)[0]);
  });

  it('links to matching logs, SIP traces and data links, all sanitised', () => {
    renderWithTheme(<GuidanceCard entry={entryFor(503)} links={linksFor(503)} onClose={jest.fn()} />);
    const logs = screen.getByTestId(TEST_IDS.logsLink);
    expect(logs).toHaveTextContent('Logs for this code');
    expect(logs.getAttribute('href')).toMatch(/^\/explore\?schemaVersion=1&panes=/);
    const traces = screen.getByTestId(TEST_IDS.tracesLink);
    expect(traces).toHaveAttribute('href', 'https://homer/?code=503');
    expect(traces).toHaveAttribute('target', '_blank');
    expect(traces).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByTestId(TEST_IDS.dataLink(0))).toHaveAttribute('href', 'https://wiki/sip/503');
    expect(screen.getByTestId(TEST_IDS.dataLink(1))).toHaveAttribute('href', 'about:blank');
  });

  it('renders notes markdown and makes hostile HTML inert', () => {
    const entry = entryFor(404, { '404': { guidance: { notes: XSS_NOTES } } });
    const { container } = renderWithTheme(<GuidanceCard entry={entry} links={linksFor(404)} onClose={jest.fn()} />);
    const notes = screen.getByTestId(TEST_IDS.guidanceNotes);
    expect(within(notes).getByText('Homer').tagName).toBe('STRONG');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('iframe')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.querySelector('[onclick]')).toBeNull();
    for (const anchor of Array.from(notes.querySelectorAll('a'))) {
      expect(anchor.getAttribute('href') ?? '').not.toMatch(/javascript:/i);
    }
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('closes on Escape and on the close button, and takes focus when it opens', async () => {
    const user = userEvent.setup();
    const onClose = jest.fn();
    renderWithTheme(<GuidanceCard entry={entryFor(404)} links={linksFor(404)} onClose={onClose} />);
    expect(document.activeElement).toBe(screen.getByTestId(TEST_IDS.guidance));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByTestId(TEST_IDS.guidanceClose));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('explains missing links', () => {
    const links = buildGuidanceLinks({
      code: 404,
      reason: 'Not Found',
      logsDatasourceUid: '',
      traceUrlTemplate: '',
      timeRange: TEST_TIME_RANGE,
      replaceVariables: (text) => text,
    });
    renderWithTheme(<GuidanceCard entry={entryFor(404)} links={links} onClose={jest.fn()} />);
    expect(screen.queryByTestId(TEST_IDS.logsLink)).toBeNull();
    expect(screen.getByTestId(TEST_IDS.guidance)).toHaveTextContent('SIP traces URL template');
  });
});

describe('guidance wording', () => {
  it('describes fired rules with their numbers', () => {
    expect(describeFiredRule({ rule: 'share', value: 8.2, threshold: 5, text: 'above 5 %' })).toBe(
      'Share: 8.2 % — above 5 %'
    );
    expect(describeFiredRule({ rule: 'count', value: 120, threshold: 100, text: 'above 100 calls' })).toBe(
      'Count: 120 calls — above 100 calls'
    );
    expect(
      describeFiredRule({ rule: 'rise', value: 3.1, threshold: 2, text: '3.1× as frequent as earlier in the range' })
    ).toBe('Rise: 3.1× as frequent as earlier in the range');
  });

  it('describes configured rules', () => {
    expect(describeRules({ anyIncident: false, shareAtLeast: null, countAtLeast: null, rise: null })).toEqual([
      'No follow-up rule: this code is normal',
    ]);
    expect(
      describeRules({
        anyIncident: true,
        shareAtLeast: 5,
        countAtLeast: 10,
        rise: { factor: 2, minCount: 10, minZ: 3 },
      })
    ).toHaveLength(4);
    expect(
      describeRules({ anyIncident: false, shareAtLeast: 5, countAtLeast: null, shareMinCount: 10, rise: null })
    ).toEqual(['Share of all final responses at least 5 % (with at least 10 calls)']);
  });

  it('escapes notes it cannot render', () => {
    expect(renderGuidanceNotes('<img src=x onerror=alert(1)>')).not.toMatch(/onerror/);
  });
});
