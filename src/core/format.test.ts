import { formatCalls, formatCount, formatShare, formatSharePercent, formatThreshold } from './format';

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
