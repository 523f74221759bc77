/**
 * The rise rule: has a code's share of calls grown in the recent part of the range, by more than chance explains?
 */
import { AssessOptions, RiseRule, RiseStats, Timeline } from '../types';
import { describeFraction, formatDuration } from '../format';

/** The recent window is the last quarter of the range unless options say otherwise. */
export const DEFAULT_RECENT_FRACTION = 0.25;

/** A finding is ongoing when its code had calls in the last 15 minutes, unless options say otherwise. */
export const DEFAULT_RECENCY_MS = 15 * 60_000;

/** How a timeline splits into "earlier" and "recent", with all calls on each side. */
export interface RecentWindow {
  /** Index of the first recent bucket; buckets before it are earlier. */
  firstRecentIndex: number;
  /** Number of buckets considered (the length of `times`). */
  bucketCount: number;
  /** Start of the first recent bucket, epoch ms. */
  windowStart: number;
  /** Inferred bucket duration (median spacing of bucket starts), ms. */
  bucketMs: number;
  recentTotal: number;
  earlierTotal: number;
  /** Words for reasons: "the last quarter", "the last 15 min". */
  label: string;
}

/** Either a usable window or why the rise rule cannot be checked. */
export type WindowPlan = { ok: true; window: RecentWindow } | { ok: false; problem: WindowProblem };

export type WindowProblem = 'no-timeline' | 'unordered-times' | 'single-bucket' | 'no-earlier-part';

/**
 * Places the recent window at the end of the timeline: `options.recentMs` (a duration ending at the last bucket's
 * end) wins, else `options.recentFraction` of the range (default a quarter). A bucket counts as recent when at least
 * half of it lies inside the window; the window always holds at least the last bucket.
 */
export function planRecentWindow(timeline: Timeline | undefined, options?: AssessOptions): WindowPlan {
  const times: unknown = timeline?.times;
  if (!(Array.isArray(times) || isNumberArray(times)) || times.length === 0) {
    return { ok: false, problem: 'no-timeline' };
  }
  const spacing = scanSpacing(times);
  if (spacing === null) {
    return { ok: false, problem: 'unordered-times' };
  }
  const bucketCount = times.length;
  if (bucketCount === 1) {
    return { ok: false, problem: 'single-bucket' };
  }

  const bucketMs = spacing > 0 ? spacing : medianGap(times);
  const rangeStart = times[0];
  const rangeEnd = times[bucketCount - 1] + bucketMs;
  const recentMs = options?.recentMs;
  const fraction = options?.recentFraction;
  let target: number;
  let label: string;
  if (isPositiveFinite(recentMs)) {
    target = rangeEnd - recentMs;
    label = `the last ${formatDuration(recentMs)}`;
  } else {
    const usedFraction = isPositiveFinite(fraction) && fraction < 1 ? fraction : DEFAULT_RECENT_FRACTION;
    target = rangeEnd - usedFraction * (rangeEnd - rangeStart);
    label = describeFraction(usedFraction);
  }

  const first = firstRecentBucket(times, target - bucketMs / 2);
  if (first === 0) {
    return { ok: false, problem: 'no-earlier-part' };
  }

  const totals = new Float64Array(2);
  sumSplit(bucketTotals(timeline!, bucketCount), first, bucketCount, totals, 0);
  return {
    ok: true,
    window: {
      firstRecentIndex: first,
      bucketCount,
      windowStart: Number(times[first]),
      bucketMs,
      earlierTotal: totals[0],
      recentTotal: totals[1],
      label,
    },
  };
}

/** Splits one code's bucket counts at the window and compares its share on both sides. */
export function riseStats(series: unknown, window: RecentWindow): RiseStats {
  const split = splitCounts([series], window);
  return riseStatsFrom(split[0], split[1], window);
}

/**
 * Calls of each series before the window and inside it: [earlier₀, recent₀, earlier₁, recent₁, …].
 * One pass per series, no allocation per bucket. Plain or typed arrays are read; a missing or malformed series counts
 * as no calls.
 */
export function splitCounts(seriesList: readonly unknown[], window: RecentWindow): Float64Array {
  const sums = new Float64Array(seriesList.length * 2);
  for (let s = 0; s < seriesList.length; s++) {
    const series = seriesList[s];
    if (Array.isArray(series) || isNumberArray(series)) {
      sumSplit(series as ArrayLike<unknown>, window.firstRecentIndex, window.bucketCount, sums, 2 * s);
    }
  }
  return sums;
}

/**
 * Sums the valid values of [0, split) into out[at] and of [split, end) into out[at + 1]. NaN, negatives, holes and
 * non-numbers count as 0. This is the hot path (every code with a rise rule × every bucket, plus the totals), kept
 * to one function so that it is optimised early: one comparison per value; only when an infinite value spoils a sum
 * is that part summed again value by value.
 */
export function sumSplit(values: ArrayLike<unknown>, split: number, end: number, out: Float64Array, at: number): void {
  const last = Math.min(end, values.length);
  const middle = Math.min(split, last);
  let earlier = 0;
  let recent = 0;
  for (let i = 0; i < middle; i++) {
    const value = values[i] as number;
    // `> 0` is false for NaN, undefined, null and negatives; unary plus keeps numeric text from concatenating.
    if (value > 0) {
      earlier += +value;
    }
  }
  for (let i = middle; i < last; i++) {
    const value = values[i] as number;
    if (value > 0) {
      recent += +value;
    }
  }
  out[at] = earlier < Infinity ? earlier : sumFinite(values, 0, middle);
  out[at + 1] = recent < Infinity ? recent : sumFinite(values, middle, last);
}

function sumFinite(values: ArrayLike<unknown>, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const value = +(values[i] as number);
    if (value > 0 && value < Infinity) {
      sum += value;
    }
  }
  return sum;
}

/** The rise statistics of one code from its calls on both sides of the window. */
export function riseStatsFrom(earlierCount: number, recentCount: number, window: RecentWindow): RiseStats {
  // A code cannot exceed all calls; inconsistent totals are raised to the code's own count.
  const recentTotal = Math.max(window.recentTotal, recentCount);
  const earlierTotal = Math.max(window.earlierTotal, earlierCount);
  return {
    recentCount,
    recentTotal,
    earlierCount,
    earlierTotal,
    factor: riseFactor(recentCount, recentTotal, earlierCount, earlierTotal),
    z: twoProportionZ(recentCount, recentTotal, earlierCount, earlierTotal),
    windowStart: window.windowStart,
  };
}

/**
 * recent share ÷ earlier share, as one division of products so that exact ratios (2 → 4 of equal totals) stay exact.
 * Infinity when the code did not occur earlier but does now; 0 when it occurs in neither part.
 */
export function riseFactor(
  recentCount: number,
  recentTotal: number,
  earlierCount: number,
  earlierTotal: number
): number {
  if (recentTotal <= 0 || earlierTotal <= 0 || recentCount <= 0) {
    return 0;
  }
  if (earlierCount <= 0) {
    return Infinity;
  }
  return (recentCount * earlierTotal) / (earlierCount * recentTotal);
}

/**
 * One-sided two-proportion z-test with a pooled proportion.
 *
 * Null hypothesis: the code's true share is the same in both parts of the range; the alternative is that it is
 * higher in the recent part. Under the null both parts estimate one share, pooled over all calls:
 *   p = (recentCount + earlierCount) / (recentTotal + earlierTotal)
 * and the difference of the two observed shares has standard error
 *   se = sqrt(p · (1 − p) · (1 / recentTotal + 1 / earlierTotal)).
 * z = (recentShare − earlierShare) / se. Only a large positive z counts as a rise: z ≥ 3 leaves a chance of about
 * 0.13 % that a rise this large is noise. This is what keeps 2 → 4 calls in 1,000 quiet (z ≈ 0.8: a doubling of a
 * handful of calls happens by chance all the time) while 5 → 60 is raised (z ≈ 6.9).
 *
 * Returns 0 when either part has no calls or when the pooled share is 0 or 1 (no difference is possible then).
 */
export function twoProportionZ(
  recentCount: number,
  recentTotal: number,
  earlierCount: number,
  earlierTotal: number
): number {
  if (!(recentTotal > 0) || !(earlierTotal > 0)) {
    return 0;
  }
  const pooled = (recentCount + earlierCount) / (recentTotal + earlierTotal);
  const variance = pooled * (1 - pooled) * (1 / recentTotal + 1 / earlierTotal);
  if (!(variance > 0) || !Number.isFinite(variance)) {
    return 0;
  }
  return (recentCount / recentTotal - earlierCount / earlierTotal) / Math.sqrt(variance);
}

/** A rise rule is usable when all three of its numbers are finite. */
export function isUsableRiseRule(rule: RiseRule | null | undefined | false): rule is RiseRule {
  return (
    !!rule &&
    typeof rule === 'object' &&
    Number.isFinite(rule.factor) &&
    Number.isFinite(rule.minCount) &&
    Number.isFinite(rule.minZ)
  );
}

/** The rule fires only when the rise is large (factor), frequent (minCount) and significant (minZ) together. */
export function riseFires(stats: RiseStats, rule: RiseRule): boolean {
  return (
    stats.earlierTotal > 0 &&
    stats.recentTotal > 0 &&
    stats.recentCount >= 1 &&
    stats.recentCount >= rule.minCount &&
    stats.factor >= rule.factor &&
    stats.z >= rule.minZ
  );
}

/**
 * A cheap necessary condition for `riseFires` on the same counts (enough recent calls, factor reached), so that flat
 * codes skip the statistics.
 */
export function riseMayFire(earlierCount: number, recentCount: number, window: RecentWindow, rule: RiseRule): boolean {
  if (!(recentCount >= 1) || !(recentCount >= rule.minCount)) {
    return false;
  }
  const recentTotal = recentCount > window.recentTotal ? recentCount : window.recentTotal;
  const earlierTotal = earlierCount > window.earlierTotal ? earlierCount : window.earlierTotal;
  return riseFactor(recentCount, recentTotal, earlierCount, earlierTotal) >= rule.factor;
}

/** Bucket spacing: the median gap between bucket starts, robust to a short first/last bucket or a missing one. */
export function medianGap(times: ArrayLike<number>): number {
  const gapCount = times.length - 1;
  if (gapCount < 1) {
    return 0;
  }
  const gaps = new Float64Array(gapCount);
  for (let i = 0; i < gapCount; i++) {
    gaps[i] = times[i + 1] - times[i];
  }
  gaps.sort();
  const middle = gapCount >> 1;
  return gapCount % 2 === 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
}

/**
 * Checks the bucket starts and finds their spacing: null unless they are finite, strictly ascending numbers;
 * otherwise the common gap when all gaps are equal (the usual date histogram), or 0 when they differ (then the
 * median is needed). Equal positive gaps from a finite start already prove the order, so the common case costs one
 * subtraction per bucket; only irregular times are checked value by value.
 */
function scanSpacing(times: ArrayLike<unknown>): number | null {
  const first = times[0];
  if (typeof first !== 'number' || !Number.isFinite(first)) {
    return null;
  }
  if (times.length === 1) {
    return 0;
  }
  const gap = (times[1] as number) - first;
  if (gap > 0 && gap < Infinity) {
    const length = times.length;
    let previous = first;
    let i = 1;
    for (; i < length; i++) {
      const time = times[i] as number;
      if (time - previous !== gap) {
        break;
      }
      previous = time;
    }
    if (i === length && typeof previous === 'number') {
      return gap;
    }
  }
  return isStrictlyAscending(times) ? 0 : null;
}

function isStrictlyAscending(times: ArrayLike<unknown>): boolean {
  let previous = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const time = times[i];
    // `!(time > previous)` also rejects NaN and undefined.
    if (typeof time !== 'number' || !(time > previous) || time === Infinity) {
      return false;
    }
    previous = time;
  }
  return true;
}

/**
 * The first bucket whose start is at or after `threshold` (binary search; times ascending), but never past the
 * last bucket: the recent window always holds at least one bucket.
 */
function firstRecentBucket(times: ArrayLike<number>, threshold: number): number {
  let low = 0;
  let high = times.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle] >= threshold) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

/** All calls per bucket: `timeline.totals` when it covers every bucket, else the sum of the final codes' series. */
function bucketTotals(timeline: Timeline, bucketCount: number): ArrayLike<unknown> {
  const given: unknown = timeline.totals;
  if ((Array.isArray(given) || isNumberArray(given)) && given.length >= bucketCount) {
    return given;
  }
  const totals = new Float64Array(bucketCount);
  const byCode = timeline.byCode && typeof timeline.byCode === 'object' ? timeline.byCode : {};
  for (const key of Object.keys(byCode)) {
    const code = Number(key);
    const series = (byCode as Record<string, unknown>)[key];
    if (!Number.isInteger(code) || code < 200 || code > 699 || !(Array.isArray(series) || isNumberArray(series))) {
      continue;
    }
    const end = Math.min(bucketCount, series.length);
    for (let i = 0; i < end; i++) {
      const value = series[i];
      if (value > 0 && value < Infinity) {
        totals[i] += +value;
      }
    }
  }
  return totals;
}

function isNumberArray(value: unknown): value is ArrayLike<number> {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

// ---------------------------------------------------------------- recency

/** The buckets at the end of the range that recency is measured over. */
export interface RecencyWindow {
  /** Index of the first bucket in the window; the number of buckets when none is. */
  firstIndex: number;
  bucketCount: number;
  /** End of the range, epoch ms: the last bucket's end, or AssessOptions.rangeEnd when later. */
  end: number;
  /** The window measured, ms: the configured one, or longer when whole buckets reach further back. */
  windowMs: number;
}

/** When a code was first and last seen, and its calls in the recency window. */
export interface CodeRecency {
  /** Start of the first and of the latest bucket with calls of the code; absent when it has none. */
  firstSeen?: number;
  lastSeen?: number;
  recentCalls: number;
}

/**
 * Places the recency window (`options.recencyMs`, default DEFAULT_RECENCY_MS) at the end of the range. A bucket is in
 * the window when at least half of it is (the rise rule's rule too); when buckets are coarser than the window, the
 * last bucket is measured whole if it reaches into the window, and `windowMs` says so. Undefined without usable,
 * ascending bucket times. A single bucket of unknown width is taken as an instant at its start.
 */
export function planRecencyWindow(timeline: Timeline | undefined, options?: AssessOptions): RecencyWindow | undefined {
  const times: unknown = timeline?.times;
  if (!(Array.isArray(times) || isNumberArray(times)) || times.length === 0) {
    return undefined;
  }
  const spacing = scanSpacing(times);
  if (spacing === null) {
    return undefined;
  }
  const bucketCount = times.length;
  const bucketMs = spacing > 0 ? spacing : medianGap(times as ArrayLike<number>);
  const lastStart = Number(times[bucketCount - 1]);
  const rangeEnd = options?.rangeEnd;
  const end =
    typeof rangeEnd === 'number' && rangeEnd > lastStart + bucketMs && rangeEnd < Infinity
      ? rangeEnd
      : lastStart + bucketMs;
  const recencyMs = isPositiveFinite(options?.recencyMs) ? options!.recencyMs! : DEFAULT_RECENCY_MS;
  const start = end - recencyMs;
  let firstIndex = firstBucketFrom(times as ArrayLike<number>, start - bucketMs / 2);
  if (firstIndex === bucketCount && (lastStart + bucketMs > start || (bucketMs === 0 && lastStart >= start))) {
    firstIndex = bucketCount - 1;
  }
  const reach = firstIndex < bucketCount ? end - Number(times[firstIndex]) : 0;
  return { firstIndex, bucketCount, end, windowMs: Math.max(recencyMs, reach) };
}

/** First and latest bucket with calls of one code's series, and its calls in the window. Junk cells count as none. */
export function codeRecency(series: unknown, times: ArrayLike<number>, window: RecencyWindow): CodeRecency {
  const result: CodeRecency = { recentCalls: 0 };
  if (!(Array.isArray(series) || isNumberArray(series))) {
    return result;
  }
  const cells = series as ArrayLike<unknown>;
  const end = Math.min(window.bucketCount, cells.length, times.length);
  let recent = 0;
  for (let i = 0; i < end; i++) {
    const value = cells[i] as number;
    if (!(value > 0) || value === Infinity) {
      continue;
    }
    if (result.firstSeen === undefined) {
      result.firstSeen = Number(times[i]);
    }
    result.lastSeen = Number(times[i]);
    if (i >= window.firstIndex) {
      recent += +value;
    }
  }
  result.recentCalls = recent;
  return result;
}

/** The first index whose time is at or after `threshold`, or the length when none is (times ascending). */
function firstBucketFrom(times: ArrayLike<number>, threshold: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle] >= threshold) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}
