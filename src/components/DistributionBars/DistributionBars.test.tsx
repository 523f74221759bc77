import React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEST_IDS } from '../../constants/testIds';
import { renderWithTheme } from '../../testing/panelProps';
import { BarSlice, DistributionBars } from './DistributionBars';

const SLICES: BarSlice[] = [
  {
    code: 500,
    count: 2,
    severity: 'immediate',
    color: '#F2495C',
    label: '500 Server Internal Error: 2 calls, 0.5 %, immediate',
    shareText: '0.5 %',
  },
  {
    code: 404,
    count: 100,
    severity: 'track',
    color: '#FF9830',
    label: '404 Not Found: 100 calls, 25.0 %, track',
    shareText: '25.0 %',
  },
  {
    code: 200,
    count: 300,
    severity: 'normal',
    color: '#73BF69',
    label: '200 OK: 300 calls, 74.5 %, normal',
    shareText: '74.5 %',
  },
];

describe('DistributionBars', () => {
  it('draws one bar button per code, longest for most calls', () => {
    renderWithTheme(<DistributionBars slices={SLICES} onSelect={jest.fn()} />);
    expect(screen.getByTestId(TEST_IDS.chart)).toHaveAttribute('data-view', 'bar');
    const widths = SLICES.map((slice) => {
      const bar = screen.getByTestId(TEST_IDS.slice(slice.code));
      expect(bar).toHaveAttribute('data-severity', slice.severity);
      expect(bar).toHaveAccessibleName(slice.label);
      const fill = bar.querySelector('[data-color]') as HTMLElement;
      expect(fill).toHaveAttribute('data-color', slice.color);
      return fill.style.width;
    });
    expect(widths).toEqual([`${(2 / 300) * 100}%`, `${(100 / 300) * 100}%`, '100%']);
  });

  it('patterns immediate and track bars', () => {
    renderWithTheme(<DistributionBars slices={SLICES} onSelect={jest.fn()} />);
    const fill = (code: number) =>
      screen.getByTestId(TEST_IDS.slice(code)).querySelector('[data-color]') as HTMLElement;
    expect(fill(500)).toHaveAttribute('data-pattern', 'hatch');
    expect(fill(404)).toHaveAttribute('data-pattern', 'dots');
    expect(fill(200)).toHaveAttribute('data-pattern', 'none');
  });

  it('opens a code on click and keyboard', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    renderWithTheme(<DistributionBars slices={SLICES} onSelect={onSelect} selectedCode={500} />);
    await user.click(screen.getByTestId(TEST_IDS.slice(404)));
    expect(onSelect).toHaveBeenLastCalledWith(404, screen.getByTestId(TEST_IDS.slice(404)));
    screen.getByTestId(TEST_IDS.slice(200)).focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(200, expect.anything());
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenCalledTimes(3);
    expect(screen.getByTestId(TEST_IDS.slice(500))).toHaveAttribute('aria-pressed', 'true');
  });
});
