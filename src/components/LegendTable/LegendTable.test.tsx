import React from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEST_IDS } from '../../constants/testIds';
import { DEFAULT_OPTIONS } from '../../options';
import { buildViewModel } from '../../view';
import { darkTheme, renderWithTheme, termsFrame } from '../../testing/panelProps';
import { LegendTable } from './LegendTable';

function legendModel(include1xx = false) {
  const model = buildViewModel({
    theme: darkTheme,
    series: [termsFrame({ 200: 1520, 404: 37, 487: 88, 500: 2, 180: 400 })],
    options: { ...DEFAULT_OPTIONS, include1xx },
  });
  return { entries: model.legend };
}

describe('LegendTable', () => {
  it('lists codes most urgent first with calls, share, severity and one-line guidance', () => {
    const { entries } = legendModel();
    renderWithTheme(<LegendTable entries={entries} onSelect={jest.fn()} />);
    const rows = within(screen.getByTestId(TEST_IDS.legend)).getAllByRole('button');
    expect(rows.map((row) => row.getAttribute('data-code'))).toEqual(['500', '487', '404', '200']);

    const row = screen.getByTestId(TEST_IDS.legendRow(404));
    expect(row).toHaveTextContent('404');
    expect(row).toHaveTextContent('Not Found');
    expect(row).toHaveTextContent('37');
    expect(row).toHaveTextContent('2.2 %'); // 37 of 1,647
    expect(row).toHaveTextContent('Track');
    const entry = entries.find((e) => e.code === 404)!;
    expect(row).toHaveTextContent(entry.policy.guidance.meaning);
    expect(row).toHaveTextContent(entry.policy.guidance.action);
    expect(row).toHaveAttribute('data-severity', 'track');
  });

  it('never relies on colour alone: a shaped mark and a word per severity', () => {
    const { entries } = legendModel();
    renderWithTheme(<LegendTable entries={entries} onSelect={jest.fn()} />);
    const immediate = screen.getByTestId(TEST_IDS.legendRow(500));
    expect(immediate).toHaveTextContent('Immediate');
    expect(immediate.querySelector('[data-severity="immediate"] svg rect')).not.toBeNull();
    expect(
      screen.getByTestId(TEST_IDS.legendRow(487)).querySelector('[data-severity="track"] svg path')
    ).not.toBeNull();
    expect(
      screen.getByTestId(TEST_IDS.legendRow(200)).querySelector('[data-severity="normal"] svg circle')
    ).not.toBeNull();
    expect(immediate).toHaveAccessibleName(expect.stringContaining('needs follow-up'));
    expect(immediate.querySelector('[data-color]')).toHaveAttribute(
      'data-color',
      entries.find((entry) => entry.code === 500)!.color
    );
  });

  it('opens a row by click, Enter or Space, so a tiny code is as easy to reach as a large one', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    const { entries } = legendModel();
    renderWithTheme(<LegendTable entries={entries} onSelect={onSelect} />);
    await user.click(screen.getByTestId(TEST_IDS.legendRow(500)));
    expect(onSelect).toHaveBeenLastCalledWith(500, screen.getByTestId(TEST_IDS.legendRow(500)));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByTestId(TEST_IDS.legendRow(487)));
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(487, expect.anything());
    await user.keyboard('{ArrowDown}');
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenLastCalledWith(404, expect.anything());
  });

  it('is one tab stop: only one row is in the tab order, arrow keys move it, Home and End jump', async () => {
    const user = userEvent.setup();
    const { entries } = legendModel();
    renderWithTheme(<LegendTable entries={entries} onSelect={jest.fn()} />);
    const rows = entries.map((entry) => screen.getByTestId(TEST_IDS.legendRow(entry.code)));
    expect(rows.filter((row) => row.tabIndex === 0)).toEqual([rows[0]]);
    await user.tab();
    expect(rows[0]).toHaveFocus();
    await user.keyboard('{End}');
    expect(rows[rows.length - 1]).toHaveFocus();
    expect(rows.filter((row) => row.tabIndex === 0)).toEqual([rows[rows.length - 1]]);
    await user.keyboard('{Home}');
    expect(rows[0]).toHaveFocus();
  });

  it('marks follow-up with a word, not colour alone', () => {
    const { entries } = legendModel();
    renderWithTheme(<LegendTable entries={entries} onSelect={jest.fn()} />);
    const followUp = entries.filter((entry) => entry.finding);
    expect(followUp.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const row = screen.getByTestId(TEST_IDS.legendRow(entry.code));
      expect(row.querySelector('[data-follow-up]') !== null).toBe(!!entry.finding);
    }
    expect(screen.getByTestId(TEST_IDS.legendRow(followUp[0].code))).toHaveTextContent('follow up');
  });

  it('shows provisional responses without a share', () => {
    const { entries } = legendModel(true);
    renderWithTheme(<LegendTable entries={entries} onSelect={jest.fn()} variant="compact" />);
    const ringing = screen.getByTestId(TEST_IDS.legendRow(180));
    expect(ringing).toHaveTextContent('—');
    expect(ringing).toHaveTextContent('400');
    expect(ringing).toHaveAccessibleName(expect.stringContaining('provisional'));
  });
});
