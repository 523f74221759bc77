import {
  describeFraction,
  formatCalls,
  formatCount,
  formatDuration,
  formatFactor,
  formatShare,
  formatSharePercent,
  formatThreshold,
} from './format';

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(820)).toBe('820');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(10000)).toBe('10,000');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('keeps one decimal for fractional counts and signs negatives', () => {
    expect(formatCount(1234.56)).toBe('1,234.6');
    expect(formatCount(-1500)).toBe('-1,500');
  });

  it('does not fail on non-finite values', () => {
    expect(formatCount(NaN)).toBe('NaN');
    expect(formatCount(Infinity)).toBe('Infinity');
  });
});

describe('formatCalls', () => {
  it('uses the singular for one call', () => {
    expect(formatCalls(1)).toBe('1 call');
    expect(formatCalls(3)).toBe('3 calls');
    expect(formatCalls(12000)).toBe('12,000 calls');
  });
});

describe('formatShare', () => {
  it('shows one decimal from 1 % up', () => {
    expect(formatShare(8.2)).toBe('8.2');
    expect(formatShare(30)).toBe('30.0');
    expect(formatShare(8.249)).toBe('8.2');
    expect(formatShare(100)).toBe('100.0');
  });

  it('shows two significant digits below 1 %', () => {
    expect(formatShare(0.034)).toBe('0.034');
    expect(formatShare(0.5)).toBe('0.5');
    expect(formatShare(0.01234)).toBe('0.012');
    expect(formatShare(0)).toBe('0.0');
  });

  it('does not fail on non-finite values', () => {
    expect(formatShare(NaN)).toBe('NaN');
    expect(formatThreshold(Infinity)).toBe('Infinity');
  });
});

describe('formatThreshold', () => {
  it('writes thresholds without trailing zeros', () => {
    expect(formatThreshold(5)).toBe('5');
    expect(formatThreshold(2.5)).toBe('2.5');
    expect(formatThreshold(0.25)).toBe('0.25');
    expect(formatThreshold(10000)).toBe('10000');
  });
});

describe('formatSharePercent', () => {
  it('labels a share with its unit, as the panel shows it', () => {
    expect(formatSharePercent(2.1)).toBe('2.1 %');
    expect(formatSharePercent(37)).toBe('37.0 %');
    expect(formatSharePercent(0.04)).toBe('0.04 %');
    expect(formatSharePercent(0.01234)).toBe('0.012 %');
    expect(formatSharePercent(0)).toBe('0.0 %');
  });

  it('shows a dash when there is no number', () => {
    expect(formatSharePercent(NaN)).toBe('–');
    expect(formatSharePercent(Infinity)).toBe('–');
  });
});

describe('formatFactor', () => {
  it('shows one decimal, whole numbers from 100 up, and "new" for Infinity', () => {
    expect(formatFactor(3.1)).toBe('×3.1');
    expect(formatFactor(3.07)).toBe('×3.1');
    expect(formatFactor(2)).toBe('×2.0');
    expect(formatFactor(120.4)).toBe('×120');
    expect(formatFactor(Infinity)).toBe('new');
  });

  it('does not fail on non-finite values', () => {
    expect(formatFactor(NaN)).toBe('×NaN');
  });
});

describe('describeFraction', () => {
  it('names common fractions', () => {
    expect(describeFraction(0.25)).toBe('the last quarter');
    expect(describeFraction(0.5)).toBe('the last half');
    expect(describeFraction(1 / 3)).toBe('the last third');
  });

  it('falls back to a percentage of the range', () => {
    expect(describeFraction(0.15)).toBe('the last 15 % of the range');
    expect(describeFraction(0.125)).toBe('the last 12.5 % of the range');
  });
});

describe('formatDuration', () => {
  it('uses the largest unit that fits', () => {
    expect(formatDuration(15 * 60_000)).toBe('15 min');
    expect(formatDuration(90 * 60_000)).toBe('1.5 h');
    expect(formatDuration(6 * 3_600_000)).toBe('6 h');
    expect(formatDuration(2 * 86_400_000)).toBe('2 d');
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(500)).toBe('500 ms');
  });
});
