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
    renderWithTheme(<FindingsStrip findings={findings} healthyColor={healthyColor} onSelect={jest.fn()} />);
    const strip = screen.getByTestId(TEST_IDS.findings);
    const buttons = within(strip).getAllByRole('button');
    expect(buttons[0]).toHaveTextContent('500 · 2 calls · any incident is investigated now');
    expect(buttons[0]).toHaveAttribute('data-severity', 'immediate');
    expect(screen.getByTestId(TEST_IDS.finding(503))).toHaveTextContent(/503 · 9\.0 % · above/);
    expect(strip).toHaveAttribute('data-count', String(findings.length));
  });

  it('opens a finding on click and keyboard', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    const { findings, healthyColor } = findingsOf({ 200: 900, 500: 2 });
    renderWithTheme(<FindingsStrip findings={findings} healthyColor={healthyColor} onSelect={onSelect} />);
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
    renderWithTheme(<FindingsStrip findings={findings} healthyColor={healthyColor} onSelect={jest.fn()} />);
    expect(screen.getByTestId(TEST_IDS.findings)).toHaveTextContent('No code needs follow-up');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
