/**
 * Durations as both Grafana (Prometheus `model.ParseDuration`: group interval, `for`) and Elasticsearch
 * (`fixed_interval` of a date histogram) read them. Only one whole number and one unit of s, m, h or d: the subset
 * both accept, so a duration written here means the same to each.
 */

export interface Duration {
  /** As written: "15m". */
  text: string;
  seconds: number;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
const DURATION = /^([1-9]\d{0,6})([smhd])$/;

/** "90s", "15m", "6h", "1d" → the duration; anything else (0, "1h30m", "1.5h", " 15m") → null. */
export function parseDuration(text: string): Duration | null {
  const match = DURATION.exec(text);
  if (!match) {
    return null;
  }
  return { text, seconds: Number(match[1]) * UNIT_SECONDS[match[2]] };
}

/** The shortest way to write whole seconds: 900 → "15m", 21600 → "6h", 90 → "90s". */
export function formatSeconds(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    if (seconds % UNIT_SECONDS[unit] === 0 && seconds >= UNIT_SECONDS[unit]) {
      return `${seconds / UNIT_SECONDS[unit]}${unit}`;
    }
  }
  return `${seconds}s`;
}

/** Bucket widths a date histogram may use, shortest first. */
const HISTOGRAM_STEPS = [
  10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
];

/** At most this many buckets per series (one more when the range does not start on a bucket boundary). */
export const MAX_BUCKETS_PER_SERIES = 60;

/**
 * A fixed date-histogram interval for a query over `rangeSeconds`: the shortest step that needs at most
 * MAX_BUCKETS_PER_SERIES buckets. Fixed rather than "auto": in alerting, auto follows the query's interval (1 s by
 * default), and codes × buckets would pass Elasticsearch's search.max_buckets (65,536) on long ranges.
 */
export function histogramInterval(rangeSeconds: number): Duration {
  const step =
    HISTOGRAM_STEPS.find((candidate) => rangeSeconds / candidate <= MAX_BUCKETS_PER_SERIES) ??
    HISTOGRAM_STEPS[HISTOGRAM_STEPS.length - 1];
  return { text: formatSeconds(step), seconds: step };
}

/** Buckets a date histogram over `rangeSeconds` returns at most (its first bucket may start before the range). */
export function bucketsFor(rangeSeconds: number, intervalSeconds: number): number {
  return Math.ceil(rangeSeconds / intervalSeconds) + 1;
}
