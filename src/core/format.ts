/**
 * Number, factor and window wording shared by the findings and the panel. Deterministic (no locale lookups) so the
 * same number reads the same everywhere.
 */

/** Whole numbers with thousands separators: 820, 10,000. Fractions keep one decimal. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) {
    return String(count);
  }
  const rounded = Number.isInteger(count) ? count : Math.round(count * 10) / 10;
  const [whole, fraction] = Math.abs(rounded).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (rounded < 0 ? '-' : '') + grouped + (fraction ? `.${fraction}` : '');
}

/** "1 call", "3 calls", "10,000 calls". */
export function formatCalls(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'call' : 'calls'}`;
}

/**
 * A measured share in percent, the number only: one decimal ("8.2", "30.0"), two significant digits below 1
 * ("0.034"), so tiny shares never read as 0.
 */
export function formatShare(percent: number): string {
  if (!Number.isFinite(percent)) {
    return String(percent);
  }
  if (percent !== 0 && Math.abs(percent) < 1) {
    return trimNumber(percent.toPrecision(2));
  }
  return percent.toFixed(1);
}

/** A share as the panel labels it: "2.1 %", "0.04 %"; "–" when there is no number to show. */
export function formatSharePercent(percent: number): string {
  return Number.isFinite(percent) ? `${formatShare(percent)} %` : '–';
}

/** A configured threshold as the team wrote it, without trailing zeros: 5, 2.5, 0.25. */
export function formatThreshold(value: number): string {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  return trimNumber(value.toPrecision(6));
}

function trimNumber(text: string): string {
  return text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
}

/** A rise factor in words: "3.1×", "120×" (the multiplier first, as people say it). */
export function formatTimes(factor: number): string {
  if (!Number.isFinite(factor)) {
    return `${factor}×`;
  }
  return `${factor >= 100 ? Math.round(factor) : factor.toFixed(1)}×`;
}

/** A rise factor: "×3.1", "×120"; "new" when the code did not occur earlier. */
export function formatFactor(factor: number): string {
  if (factor === Infinity) {
    return 'new';
  }
  if (!Number.isFinite(factor)) {
    return `×${factor}`;
  }
  return `×${factor >= 100 ? Math.round(factor) : factor.toFixed(1)}`;
}

const NAMED_FRACTIONS: Array<[number, string]> = [
  [1 / 2, 'the last half'],
  [1 / 3, 'the last third'],
  [1 / 4, 'the last quarter'],
  [1 / 5, 'the last fifth'],
  [1 / 10, 'the last tenth'],
];

/** "the last quarter", "the last 15 % of the range". */
export function describeFraction(fraction: number): string {
  for (const [value, name] of NAMED_FRACTIONS) {
    if (Math.abs(fraction - value) < 1e-9) {
      return name;
    }
  }
  return `the last ${formatThreshold(Math.round(fraction * 1000) / 10)} % of the range`;
}

const DURATION_UNITS: Array<[number, string]> = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'min'],
  [1_000, 's'],
];

/** "15 min", "1.5 h", "2 d", "500 ms". */
export function formatDuration(ms: number): string {
  for (const [size, unit] of DURATION_UNITS) {
    if (ms >= size) {
      return `${formatThreshold(Math.round((ms / size) * 10) / 10)} ${unit}`;
    }
  }
  return `${formatThreshold(Math.round(ms))} ms`;
}
