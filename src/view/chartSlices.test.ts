import { createTheme } from '@grafana/data';
import { buildViewModel } from './buildViewModel';
import { BOOST_BUDGET, boostWeights, chartSlicesOf, MIN_VISIBLE_FRACTION } from './chartSlices';
import { DEFAULT_OPTIONS } from '../options';
import { termsFrame } from '../testing/panelProps';

const theme = createTheme({ colors: { mode: 'dark' } });

/** 46 codes with 200 at about 90 % (the wallboard's hard case). */
function fortySixCodes(): Record<number, number> {
  const counts: Record<number, number> = { 200: 12_384 };
  const others = [300, 301, 302, 380, 400, 401, 402, 403, 404, 405, 406, 407, 410, 413, 414, 416, 421, 423, 480, 481];
  [
    ...others,
    484,
    485,
    486,
    487,
    489,
    491,
    493,
    494,
    501,
    502,
    504,
    505,
    580,
    600,
    604,
    422,
    428,
    429,
    430,
    433,
    436,
    437,
    438,
    470,
    439,
  ].forEach((code, index) => (counts[code] = 3 + ((index * 7) % 40)));
  return counts;
}

function drawnFraction(weights: readonly number[], index: number): number {
  return weights[index] / weights.reduce((sum, weight) => sum + weight, 0);
}

describe('boostWeights', () => {
  it('raises rare codes to the minimum sliver and leaves ordinary ones as they are', () => {
    const weights = boostWeights([1000, 2]);
    expect(weights[0]).toBe(1000);
    expect(weights[1]).toBeCloseTo(1002 * MIN_VISIBLE_FRACTION, 6);
  });

  it('keeps all raises together within the stated budget', () => {
    const counts = [10_000, ...Array.from({ length: 40 }, () => 1)];
    const weights = boostWeights(counts);
    const total = counts.reduce((sum, count) => sum + count, 0);
    const extra = weights.reduce((sum, weight, index) => sum + (weight - counts[index]), 0);
    expect(extra).toBeLessThanOrEqual(total * BOOST_BUDGET * 1.0001);
    expect(extra).toBeGreaterThan(total * BOOST_BUDGET * 0.99);
    expect(weights.slice(1).every((weight) => weight > 1)).toBe(true);
  });

  it('draws nothing for zero counts', () => {
    expect(boostWeights([0, 0])).toEqual([0, 0]);
  });
});

describe('chartSlicesOf', () => {
  it('draws a dominant code within 5 points of its true share, with the calm tail folded into Other', () => {
    const counts = fortySixCodes();
    const model = buildViewModel({ series: [termsFrame(counts)], options: DEFAULT_OPTIONS, theme });
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const ok = model.chart.findIndex((slice) => slice.code === 200);
    const trueShare = counts[200] / total;
    expect(trueShare).toBeGreaterThan(0.89);
    expect(
      Math.abs(
        drawnFraction(
          model.chart.map((slice) => slice.weight),
          ok
        ) - trueShare
      )
    ).toBeLessThan(0.05);
    const other = model.chart.find((slice) => slice.code === null)!;
    expect(other.label).toMatch(/^Other \(\d+ codes\): /);
    expect(other.folded.length).toBeGreaterThan(1);
    // Folded codes have no slice of their own, and none of them needs follow-up or is immediate.
    for (const code of other.folded) {
      expect(model.chart.some((slice) => slice.code === code)).toBe(false);
      const entry = model.byCode.get(code)!;
      expect(entry.finding).toBeUndefined();
      expect(entry.severity).not.toBe('immediate');
    }
    // Every call is drawn somewhere.
    expect(model.chart.reduce((sum, slice) => sum + slice.count, 0)).toBe(total);
  });

  it('folds nothing when there are few codes', () => {
    const model = buildViewModel({
      series: [termsFrame({ 200: 900, 404: 3, 486: 2 })],
      options: DEFAULT_OPTIONS,
      theme,
    });
    expect(model.chart.map((slice) => slice.code)).toEqual(model.slices.map((entry) => entry.code));
  });

  it('never folds a single code into Other', () => {
    expect(chartSlicesOf([], '#999')).toEqual([]);
  });
});

describe('centre text', () => {
  it('says what the ring shows when 2xx is hidden', () => {
    const counts = { 200: 11_806, 487: 1_000, 503: 923 };
    const all = buildViewModel({ series: [termsFrame(counts)], options: DEFAULT_OPTIONS, theme });
    expect(all.centre).toEqual({ value: '13,729', caption: 'final responses' });
    const failed = buildViewModel({
      series: [termsFrame(counts)],
      options: { ...DEFAULT_OPTIONS, include2xx: false },
      theme,
    });
    expect(failed.centre).toEqual({ value: '1,923', caption: 'failed of 13,729' });
  });
});
