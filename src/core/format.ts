/**
 * Number wording shared by the findings (reason texts) and the panel (labels). Deterministic (no locale lookups) so
 * the same number reads the same everywhere.
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
