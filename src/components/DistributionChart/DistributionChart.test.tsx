import React from 'react';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEST_IDS } from '../../constants/testIds';
import { renderWithTheme } from '../../testing/panelProps';
import { boostWeights, ChartSlice, MIN_VISIBLE_FRACTION } from '../../view';
import { DistributionChart, sliceArcs } from './DistributionChart';

const slice = (
  code: number,
  count: number,
  severity: ChartSlice['severity'],
  color: string,
  label: string
): ChartSlice => ({
  key: String(code),
  code,
  count,
  weight: count,
  severity,
  color,
  label,
  folded: [],
});

const SLICES: ChartSlice[] = [
  slice(500, 2, 'immediate', '#F2495C', '500 Server Internal Error: 2 calls, 0.12 %, immediate'),
  slice(404, 37, 'track', '#FF9830', '404 Not Found: 37 calls, 2.2 %, track'),
  slice(200, 1520, 'normal', '#73BF69', '200 OK: 1,520 calls, 91.3 %, normal'),
];
const BOOSTED = SLICES.map((entry, index) => ({ ...entry, weight: boostWeights(SLICES.map((s) => s.count))[index] }));

function renderChart(props: Partial<React.ComponentProps<typeof DistributionChart>> = {}) {
  const onSelect = jest.fn();
  const result = renderWithTheme(<DistributionChart slices={SLICES} variant="donut" onSelect={onSelect} {...props} />);
  return { onSelect, ...result };
}

describe('DistributionChart', () => {
  it('draws one accessible slice per code', () => {
    renderChart();
    for (const slice of SLICES) {
      const path = screen.getByTestId(TEST_IDS.slice(slice.code!));
      expect(path.tagName).toBe('path');
      expect(path).toHaveAttribute('role', 'button');
      expect(path).toHaveAttribute('aria-label', slice.label);
      expect(path).toHaveAttribute('data-severity', slice.severity);
      expect(path).toHaveAttribute('fill', slice.color);
      expect(path.getAttribute('d')).toMatch(/^M/);
    }
    expect(screen.getByRole('button', { name: '404 Not Found: 37 calls, 2.2 %, track' })).toBeInTheDocument();
  });

  it('overlays a severity pattern on immediate and track slices, not on normal ones', () => {
    const { container } = renderChart();
    const overlays = container.querySelectorAll('path[aria-hidden="true"]');
    expect(overlays).toHaveLength(2);
    const fills = Array.from(overlays).map((overlay) => overlay.getAttribute('fill'));
    expect(fills[0]).toMatch(/^url\(#sip-pattern-.*-immediate\)$/);
    expect(fills[1]).toMatch(/^url\(#sip-pattern-.*-track\)$/);
    for (const fill of fills) {
      const id = fill!.slice(5, -1);
      expect(container.querySelector(`pattern[id="${id}"]`)).not.toBeNull();
    }
  });

  it('opens a slice on click, Enter and Space', async () => {
    const user = userEvent.setup();
    const { onSelect } = renderChart();
    const slice = screen.getByTestId(TEST_IDS.slice(404));
    await user.click(slice);
    expect(onSelect).toHaveBeenLastCalledWith(404, slice);
    slice.focus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenCalledTimes(3);
    fireEvent.keyDown(slice, { key: 'a' });
    expect(onSelect).toHaveBeenCalledTimes(3);
  });

  it('is one tab stop: Tab reaches the first slice, arrow keys every other one', async () => {
    const user = userEvent.setup();
    renderChart();
    const paths = SLICES.map((slice) => screen.getByTestId(TEST_IDS.slice(slice.code!)));
    expect(paths.map((path) => path.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    await user.tab();
    expect(document.activeElement).toBe(paths[0]);
    await user.keyboard('{ArrowRight}');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(paths[2]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(paths[0]);
  });

  it('differs between donut (hole, centre text) and pie', () => {
    const donut = renderChart({ centerValue: '1,559', centerCaption: 'final responses' });
    const donutPath = screen.getByTestId(TEST_IDS.slice(200)).getAttribute('d');
    expect(screen.getByTestId(TEST_IDS.chart)).toHaveAttribute('data-view', 'donut');
    expect(donut.container.textContent).toContain('1,559');
    donut.unmount();
    const pie = renderChart({ variant: 'pie', centerValue: '1,559' });
    expect(screen.getByTestId(TEST_IDS.chart)).toHaveAttribute('data-view', 'pie');
    expect(screen.getByTestId(TEST_IDS.slice(200)).getAttribute('d')).not.toBe(donutPath);
    expect(pie.container.textContent).not.toContain('1,559');
  });

  it('marks the selected slice', () => {
    renderChart({ selectedCode: 404 });
    expect(screen.getByTestId(TEST_IDS.slice(404))).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId(TEST_IDS.slice(500))).toHaveAttribute('aria-pressed', 'false');
  });

  it('draws a single code as a full ring and skips zero counts', () => {
    renderChart({ slices: [SLICES[2], { ...SLICES[1], count: 0, weight: 0 }] });
    expect(screen.getByTestId(TEST_IDS.slice(200))).toBeInTheDocument();
    expect(screen.queryByTestId(TEST_IDS.slice(404))).toBeNull();
  });

  it('keeps pattern ids unique per chart instance', () => {
    const { container } = renderWithTheme(
      <>
        <DistributionChart slices={SLICES} variant="donut" onSelect={jest.fn()} />
        <DistributionChart slices={SLICES} variant="pie" onSelect={jest.fn()} />
      </>
    );
    const ids = Array.from(container.querySelectorAll('pattern')).map((pattern) => pattern.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('sliceArcs', () => {
  const span = (arc: { startAngle: number; endAngle: number }) => arc.endAngle - arc.startAngle;

  it('keeps the order given and proportional angles for ordinary shares', () => {
    const arcs = sliceArcs([
      { ...SLICES[1], count: 300, weight: 300 },
      { ...SLICES[2], count: 700, weight: 700 },
    ]);
    expect(arcs.map((arc) => arc.data.code)).toEqual([404, 200]);
    expect(span(arcs[0]) / (2 * Math.PI)).toBeCloseTo(0.3, 2);
  });

  it('draws a rare code with its boosted weight: a visible, clickable sliver', () => {
    const arcs = sliceArcs(BOOSTED); // 500 has 2 of 1,559 calls (0.13 %)
    const tiny = arcs.find((arc) => arc.data.code === 500)!;
    expect(span(tiny) / (2 * Math.PI)).toBeGreaterThan(MIN_VISIBLE_FRACTION * 0.9);
    expect(tiny.data.count).toBe(2);
  });
});

describe('the Other slice', () => {
  const other: ChartSlice = {
    key: 'other',
    code: null,
    count: 40,
    weight: 40,
    severity: 'normal',
    color: '#999',
    label: 'Other (2 codes): 40 calls, 2.5 %',
    folded: [486, 481],
  };

  it('is drawn outside the per-code test ids and opens the legend instead of a card', async () => {
    const onSelectOther = jest.fn();
    const { onSelect } = renderChart({ slices: [...SLICES, other], onSelectOther });
    const path = screen.getByTestId(TEST_IDS.otherSlice);
    expect(path).toHaveAttribute('data-folded', '486 481');
    expect(document.querySelectorAll('[data-testid^="sip-slice-"]')).toHaveLength(SLICES.length);
    await userEvent.click(path);
    expect(onSelectOther).toHaveBeenCalledWith(path);
    expect(onSelect).not.toHaveBeenCalled();
  });
});
