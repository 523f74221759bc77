import React from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEST_IDS } from '../../constants/testIds';
import { DEFAULT_OPTIONS } from '../../options';
import { buildViewModel } from '../../view';
import { darkTheme, renderWithTheme, termsFrame } from '../../testing/panelProps';
import { FindingsStrip } from './FindingsStrip';

function findingsOf(counts: Record<number, number>) {
  const model = buildViewModel({ series: [termsFrame(counts)], options: DEFAULT_OPTIONS, theme: darkTheme });
  return { findings: model.findings, healthyColor: model.healthyColor };
}

describe('FindingsStrip', () => {
  it('names each code that needs follow-up with the rule and numbers that fired, most urgent first', () => {
    const { findings, healthyColor } = findingsOf({ 200: 900, 500: 2, 503: 90, 404: 3 });
    renderWithTheme(
      <FindingsStrip findings={findings} healthyColor={healthyColor} width={1000} onSelect={jest.fn()} />
    );
    const strip = screen.getByTestId(TEST_IDS.findings);
    const buttons = within(strip).getAllByRole('button');
    expect(buttons[0]).toHaveTextContent('500 · 2 calls · investigate every one');
    expect(buttons[0]).toHaveAttribute('data-severity', 'immediate');
    expect(screen.getByTestId(TEST_IDS.finding(503))).toHaveTextContent(/503 · 9\.0 % · above/);
    expect(strip).toHaveAttribute('data-count', String(findings.length));
  });

  it('opens a finding on click and keyboard', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    const { findings, healthyColor } = findingsOf({ 200: 900, 500: 2 });
    renderWithTheme(<FindingsStrip findings={findings} healthyColor={healthyColor} width={1000} onSelect={onSelect} />);
    await user.click(screen.getByTestId(TEST_IDS.finding(500)));
    expect(onSelect).toHaveBeenLastCalledWith(500, screen.getByTestId(TEST_IDS.finding(500)));
    screen.getByTestId(TEST_IDS.finding(500)).focus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenCalledTimes(3);
  });

  it('says so when nothing needs follow-up', () => {
    const { findings, healthyColor } = findingsOf({ 200: 900, 404: 1 });
    expect(findings).toEqual([]);
    renderWithTheme(
      <FindingsStrip findings={findings} healthyColor={healthyColor} width={1000} onSelect={jest.fn()} />
    );
    expect(screen.getByTestId(TEST_IDS.findings)).toHaveTextContent('No code needs follow-up');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('folds three or more "any incident" findings into one chip, the rest behind "+N more"', async () => {
    const user = userEvent.setup();
    const { findings, healthyColor } = findingsOf({
      200: 5000,
      408: 3,
      488: 4,
      500: 2,
      603: 9,
      482: 1,
      483: 1,
      415: 2,
      503: 900,
    });
    const onSelect = jest.fn();
    renderWithTheme(<FindingsStrip findings={findings} healthyColor={healthyColor} width={400} onSelect={onSelect} />);
    const strip = screen.getByTestId(TEST_IDS.findings);
    expect(strip).toHaveTextContent(/\d+ codes · any incident:/);
    const more = screen.getByTestId(TEST_IDS.findingsMore);
    expect(more).toHaveTextContent(/^\+\d+ more$/);
    const hidden = findings.filter((view) => screen.queryByTestId(TEST_IDS.finding(view.code)) === null);
    expect(hidden.length).toBeGreaterThan(0);
    await user.click(more);
    // Every finding is reachable: the list shows each one the strip does not.
    for (const view of findings) {
      expect(screen.getByTestId(TEST_IDS.finding(view.code))).toBeInTheDocument();
    }
    await user.click(screen.getByTestId(TEST_IDS.finding(hidden[0].code)));
    expect(onSelect).toHaveBeenCalledWith(hidden[0].code, expect.anything());
  });

  it('puts ongoing findings before earlier ones and never folds the two together', () => {
    const { findings, healthyColor } = findingsOf({ 200: 5000, 408: 3, 488: 4, 500: 2, 603: 9 });
    const mixed = findings.map((view, index) => ({ ...view, finding: { ...view.finding, ongoing: index % 2 === 0 } }));
    renderWithTheme(<FindingsStrip findings={mixed} healthyColor={healthyColor} width={2000} onSelect={jest.fn()} />);
    const order = Array.from(document.querySelectorAll('[data-ongoing]')).map((node) =>
      node.getAttribute('data-ongoing')
    );
    expect(order).toEqual([...order].sort().reverse());
    expect(order).toContain('false');
  });

  it('is one tab stop, with arrow keys inside', async () => {
    const user = userEvent.setup();
    const { findings, healthyColor } = findingsOf({ 200: 900, 500: 2, 503: 90 });
    renderWithTheme(
      <FindingsStrip findings={findings} healthyColor={healthyColor} width={1000} onSelect={jest.fn()} />
    );
    const buttons = within(screen.getByTestId(TEST_IDS.findings)).getAllByRole('button');
    expect(buttons.map((button) => button.tabIndex)).toEqual([0, ...buttons.slice(1).map(() => -1)]);
    buttons[0].focus();
    await user.keyboard('{ArrowRight}');
    expect(buttons[1]).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(buttons[0]).toHaveFocus();
  });
});
