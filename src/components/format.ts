/**
 * Number wording for what the panel shows. Deterministic (no locale lookups) so labels read the same everywhere.
 */

/** 820, 10,000; fractions keep one decimal. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) {
    return String(count);
  }
  const rounded = Number.isInteger(count) ? count : Math.round(count * 10) / 10;
  const [whole, fraction] = Math.abs(rounded).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (rounded < 0 ? '-' : '') + grouped + (fraction ? `.${fraction}` : '');
}

/** "1 call", "37 calls", "1,520 calls". */
export function formatCalls(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'call' : 'calls'}`;
}

/** "2.1 %", "37.0 %", "0.04 %" (two significant digits below 1 %, so tiny shares never read as 0). */
export function formatShare(percent: number): string {
  if (!Number.isFinite(percent)) {
    return '–';
  }
  if (percent !== 0 && Math.abs(percent) < 1) {
    return `${Number(percent.toPrecision(2))} %`;
  }
  return `${percent.toFixed(1)} %`;
}
