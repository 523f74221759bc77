/**
 * Equal time buckets for data that arrives one row per call (raw data, logs, documents).
 *
 * The width is the smallest "clock-friendly" step (1 ms … 500 ms, 1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 min, 2 min,
 * 5 min, 10 min, 15 min, 30 min, 1 h, 2 h, 3 h, 6 h, 12 h, 1 d, 2 d, 7 d, then whole days) that covers the rows'
 * time span in at most MAX_ROW_BUCKETS buckets. Because neighbouring steps differ by at most 2.5×, a span of more
 * than a few steps gets 40–100 buckets: fine enough to see a rise, coarse enough that each bucket holds several
 * calls. Buckets start at whole multiples of the width (UTC epoch), so 5-minute buckets start at :00, :05, …
 */

import { timeMs } from './frameView';

export const MAX_ROW_BUCKETS = 100;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STEPS_MS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

export interface TimeGrid {
  /** Start of the first bucket, epoch ms. */
  start: number;
  /** Bucket width, ms. */
  width: number;
  /** Number of buckets; the last one holds the latest row. */
  count: number;
  /** `start / width`: a time's bucket is `Math.floor(ms / width) - first`, which puts every time of the span in one. */
  first: number;
}

/** Latest instant a JavaScript Date can hold; times beyond it are not times. */
export const MAX_TIME_MS = 8.64e15;

/** Buckets covering [minMs, maxMs]. Both must be within ±MAX_TIME_MS with minMs <= maxMs. */
export function timeGrid(minMs: number, maxMs: number): TimeGrid {
  let width = STEPS_MS.find((step) => bucketsNeeded(minMs, maxMs, step) <= MAX_ROW_BUCKETS);
  if (width === undefined) {
    width = Math.ceil((maxMs - minMs) / (DAY * (MAX_ROW_BUCKETS - 1))) * DAY;
    for (let guard = 0; guard < 64 && bucketsNeeded(minMs, maxMs, width) > MAX_ROW_BUCKETS; guard++) {
      width *= 2;
    }
  }
  const first = Math.floor(minMs / width);
  return { start: first * width, width, count: bucketsNeeded(minMs, maxMs, width), first };
}

function bucketsNeeded(minMs: number, maxMs: number, width: number): number {
  return Math.floor(maxMs / width) - Math.floor(minMs / width) + 1;
}

/** Bucket start times of a grid, ascending. */
export function gridTimes(grid: TimeGrid): number[] {
  const times = new Array<number>(grid.count);
  for (let i = 0; i < grid.count; i++) {
    times[i] = grid.start + i * grid.width;
  }
  return times;
}

export interface TimeSpan {
  min: number;
  max: number;
}

/**
 * Imported bindings read once: under CommonJS (tsx, jest) each use of an imported binding is a property lookup, and
 * one inside a per-cell loop, even on a branch never taken, keeps V8 from inlining the loop's callees.
 */
const readTime = timeMs;

/** Widens `span` to the usable times among the first `rows` cells (epoch ms numbers; text and Dates parsed). */
export function widenSpan(times: ArrayLike<unknown>, rows: number, span: TimeSpan): void {
  const limit = MAX_TIME_MS;
  let min = span.min;
  let max = span.max;
  const end = Math.min(rows, times.length);
  for (let i = 0; i < end; i++) {
    const cell = times[i];
    const ms = typeof cell === 'number' ? cell : cell == null ? NaN : readTime(cell);
    if (ms >= -limit && ms <= limit) {
      if (ms < min) {
        min = ms;
      }
      if (ms > max) {
        max = ms;
      }
    }
  }
  span.min = min;
  span.max = max;
}
