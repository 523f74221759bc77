/**
 * What the donut, pie and bars draw: the codes' true counts, a small stated boost for rare codes so they stay visible
 * and clickable, and a long tail of calm codes folded into one "Other" slice.
 */
import { formatCalls, formatSharePercent, type Severity } from '../core';
import type { CodeView } from './types';

/** One drawn slice: a code, or the folded tail of calm codes. */
export interface ChartSlice {
  /** Stable key: the code, or "other". */
  key: string;
  /** The code, or null for the folded tail. */
  code: number | null;
  count: number;
  /** What the slice is drawn with: its count, raised for rare codes within the boost budget. */
  weight: number;
  severity: Severity;
  color: string;
  /** Accessible name: "404 Not Found: 37 calls, 2.1 %, track" or "Other (12 codes): 96 calls, 0.7 %". */
  label: string;
  /** Codes folded into the "Other" slice (empty for a code's own slice). */
  folded: number[];
}

/** Smallest share of the circle a code with calls is drawn with (0.8 % ≈ 3°). */
export const MIN_VISIBLE_FRACTION = 0.008;
/** All boosts together take at most this part of the ring, so the big slices stay within ±5 points of the truth. */
export const BOOST_BUDGET = 0.04;
/** More slices than this and the calm tail folds into "Other". */
export const MAX_OWN_SLICES = 12;
/** Codes below this share of the drawn calls may fold into "Other" (never a finding, never an immediate code). */
export const FOLD_BELOW_FRACTION = 0.01;

function canFold(entry: CodeView, drawnTotal: number): boolean {
  return !entry.finding && entry.severity !== 'immediate' && entry.count < drawnTotal * FOLD_BELOW_FRACTION;
}

function otherSlice(folded: readonly CodeView[], total: number, color: string): ChartSlice {
  const count = folded.reduce((sum, entry) => sum + entry.count, 0);
  return {
    key: 'other',
    code: null,
    count,
    weight: count,
    severity: 'normal',
    color,
    label: `Other (${folded.length} codes): ${formatCalls(count)}, ${formatSharePercent((count * 100) / total)}`,
    folded: folded.map((entry) => entry.code),
  };
}

/**
 * Raises every slice below the minimum to it, shrinking the minimum when the raises together would take more than
 * the budget. Weights keep their sum's scale: only the small slices grow.
 */
export function boostWeights(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= 0) {
    return counts.map(() => 0);
  }
  const extraAt = (floor: number) => counts.reduce((sum, count) => sum + Math.max(0, floor - count), 0);
  let floor = total * MIN_VISIBLE_FRACTION;
  const budget = total * BOOST_BUDGET;
  if (extraAt(floor) > budget) {
    // Bisect the floor so that the raises use exactly the budget.
    let low = 0;
    let high = floor;
    for (let step = 0; step < 40; step++) {
      const mid = (low + high) / 2;
      if (extraAt(mid) > budget) {
        high = mid;
      } else {
        low = mid;
      }
    }
    floor = low;
  }
  return counts.map((count) => (count > 0 ? Math.max(count, floor) : 0));
}

/** The slices to draw, in legend order, with "Other" last. */
export function chartSlicesOf(entries: readonly CodeView[], otherColor: string): ChartSlice[] {
  const drawn = entries.filter((entry) => entry.count > 0);
  const total = drawn.reduce((sum, entry) => sum + entry.count, 0);
  const foldable = drawn.length > MAX_OWN_SLICES ? drawn.filter((entry) => canFold(entry, total)) : [];
  const folded = foldable.length >= 2 ? new Set(foldable.map((entry) => entry.code)) : new Set<number>();
  const slices: ChartSlice[] = drawn
    .filter((entry) => !folded.has(entry.code))
    .map((entry) => ({
      key: String(entry.code),
      code: entry.code,
      count: entry.count,
      weight: entry.count,
      severity: entry.severity,
      color: entry.color,
      label: entry.label,
      folded: [],
    }));
  if (folded.size > 0) {
    slices.push(
      otherSlice(
        drawn.filter((entry) => folded.has(entry.code)),
        total,
        otherColor
      )
    );
  }
  const weights = boostWeights(slices.map((slice) => slice.count));
  return slices.map((slice, index) => ({ ...slice, weight: weights[index] }));
}
