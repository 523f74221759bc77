/**
 * Rise and window wording for findings. Deterministic (no locale lookups) so reasons read the same everywhere.
 * Counts, shares and thresholds are worded by ../format, shared with the panel.
 */
import { formatThreshold } from '../format';

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
