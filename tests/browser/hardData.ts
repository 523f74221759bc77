/**
 * Hard panel data for the size tests, in the shape a NOC dashboard's query gets from Grafana's Elasticsearch data
 * source (Terms on sip_status × Date Histogram: one frame per code, named after it): ten immediate codes at once,
 * 46 distinct codes with 200 at 90 %, a healthy hour, and a range with no calls at all (no bucket matched: no frames).
 */
import type { DataFrameJSON } from '@grafana/data';
import { termsTarget } from '../../src/core/roles/testing/esFrames';
import { realisticTimeseries, seriesFrame } from './realistic';

const MINUTE = 60_000;
/** 2026-03-02T15:00:00Z, the end of every range below. */
export const HARD_DATA_END_MS = Date.UTC(2026, 2, 2, 15, 0);
const BUCKET_MS = 5 * MINUTE;
const BUCKETS = 12; // one hour

export interface PanelDataSet {
  /** Short name, used in test titles and screenshot names. */
  name: string;
  frames: DataFrameJSON[];
  timeRange: { from: number; to: number };
  targets: Array<Record<string, unknown>>;
  /** Calls per code in the frames. */
  totals: Record<number, number>;
}

const TARGETS = [termsTarget('A', ['sip_status'], { dateHistogram: true })];

/** `count` calls spread over the buckets by `weights` (largest remainders, so the sum is exact). */
function spread(count: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (count * weight) / sum);
  const values = exact.map(Math.floor);
  let left = count - values.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) {
    values[order[i].index] += 1;
  }
  return values;
}

const EVEN = Array.from({ length: BUCKETS }, () => 1);
/** A working day's hour: a little busier towards the end. */
const BUSY = Array.from({ length: BUCKETS }, (_, i) => 10 + i);
/** Only in the last quarter of an hour (ongoing). */
const LAST_QUARTER = Array.from({ length: BUCKETS }, (_, i) => (i >= BUCKETS - 3 ? 1 : 0));

function dataSet(name: string, counts: Array<[number, number, number[]]>): PanelDataSet {
  const from = HARD_DATA_END_MS - BUCKETS * BUCKET_MS;
  const times = Array.from({ length: BUCKETS }, (_, i) => from + i * BUCKET_MS);
  const totals: Record<number, number> = {};
  const frames = counts.map(([code, count, weights]) => {
    totals[code] = count;
    return seriesFrame(code, times, spread(count, weights));
  });
  return { name, frames, timeRange: { from, to: HARD_DATA_END_MS }, targets: TARGETS, totals };
}

/** Codes the default policy treats as "investigate at the first incident". */
export const IMMEDIATE_CODES = [408, 415, 420, 482, 483, 488, 500, 502, 504, 603] as const;

/** Ten immediate codes in the last quarter of an otherwise normal hour (a gateway falling over). */
export function tenImmediateCodes(): PanelDataSet {
  return dataSet('ten-immediate', [
    [200, 5200, BUSY],
    [486, 140, BUSY],
    [487, 95, BUSY],
    ...IMMEDIATE_CODES.map((code, index): [number, number, number[]] => [code, 3 + index * 2, LAST_QUARTER]),
  ]);
}

/**
 * The 45 other codes of a wholesale carrier's busy hour (including some immediate ones), each one less frequent than
 * the one before, and 200 at exactly 90 % of the 10 000 calls.
 */
export const MANY_CODES = [
  202, 204, 300, 301, 302, 305, 380, 400, 401, 402, 403, 404, 405, 406, 407, 408, 410, 412, 413, 414, 415, 416, 417,
  420, 421, 422, 423, 424, 425, 428, 429, 430, 433, 436, 437, 438, 439, 440, 469, 470, 480, 481, 484, 485, 486,
] as const;

export function fortySixCodes(): PanelDataSet {
  const others = 1000;
  const weights = MANY_CODES.map((_, index) => 0.88 ** index);
  const counts = spread(others - MANY_CODES.length, weights).map((count) => count + 1); // every code has a call
  return dataSet('46-codes', [
    [200, 9000, EVEN],
    ...MANY_CODES.map((code, index): [number, number, number[]] => [code, counts[index], EVEN]),
  ]);
}

/** A healthy hour: nearly all answered, the usual busy, cancelled and unavailable callees, nothing to follow up. */
export function healthyHour(): PanelDataSet {
  return dataSet('healthy-hour', [
    [200, 7600, BUSY],
    [486, 190, BUSY],
    [487, 120, BUSY],
    [480, 40, BUSY],
    [404, 9, EVEN],
  ]);
}

/** No calls in the range: Elasticsearch matched no bucket, so the query returns no frames. */
export function zeroCalls(): PanelDataSet {
  return {
    name: 'zero-calls',
    frames: [],
    timeRange: { from: HARD_DATA_END_MS - BUCKETS * BUCKET_MS, to: HARD_DATA_END_MS },
    targets: TARGETS,
    totals: {},
  };
}

/** The seeder's realistic afternoon (503 storm included), as the other browser tests use it. */
export function realistic(): PanelDataSet {
  const data = realisticTimeseries();
  return { name: 'realistic', frames: data.frames, timeRange: data.timeRange, targets: TARGETS, totals: data.totals };
}
