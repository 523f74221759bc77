import { describeFraction, formatDuration, formatFactor } from './format';

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
