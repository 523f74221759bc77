/** Timing helpers for `npm run bench`: medians of repeated runs in one process. */

export interface BenchResult {
  name: string;
  ours_ms: number;
  baseline: string;
  baseline_ms: number | null;
  ratio: number | null;
  goal?: string;
  note?: string;
}

/** Each timed sample runs a function this long at least, so that sub-millisecond calls are timed in batches. */
const MIN_SAMPLE_MS = 4;

/** How many calls of `fn` make one sample of at least MIN_SAMPLE_MS (1 for slow functions). */
function callsPerSample(fn: () => unknown): number {
  let calls = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) {
      fn();
    }
    const elapsed = performance.now() - start;
    if (elapsed >= MIN_SAMPLE_MS || calls >= 1 << 16) {
      return calls;
    }
    calls = Math.min(1 << 16, Math.max(calls * 2, Math.ceil((calls * MIN_SAMPLE_MS * 1.2) / Math.max(elapsed, 0.001))));
  }
}

/** Wall time of one call, ms, averaged over a batch of `calls` calls. */
function timeBatch(fn: () => unknown, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    fn();
  }
  return (performance.now() - start) / calls;
}

/**
 * Times `ours` and `baseline` alternately, after a warm-up, so both see the same machine load and the same garbage
 * left by the other. Fast functions are timed in batches (each sample at least MIN_SAMPLE_MS). Returns both medians
 * of one call, in ms.
 */
export function medianPair(ours: () => unknown, baseline: () => unknown, runs = 21, warmup = 20): [number, number] {
  for (let i = 0; i < warmup; i++) {
    ours();
    baseline();
  }
  const callsOurs = callsPerSample(ours);
  const callsBaseline = callsPerSample(baseline);
  const timesOurs: number[] = [];
  const timesBaseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    timesOurs.push(timeBatch(ours, callsOurs));
    timesBaseline.push(timeBatch(baseline, callsBaseline));
  }
  return [median(timesOurs), median(timesBaseline)];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function compare(
  name: string,
  ours: number,
  baseline: string,
  baselineMs: number | null,
  goal: string
): BenchResult {
  return {
    name,
    ours_ms: round(ours),
    baseline,
    baseline_ms: baselineMs === null ? null : round(baselineMs),
    ratio: baselineMs ? round(ours / baselineMs) : null,
    goal,
  };
}

/** Three significant figures: bench figures range from microseconds to seconds. */
export function round(value: number): number {
  if (!Number.isFinite(value) || value === 0) {
    return value;
  }
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return Number(value.toFixed(Math.min(digits, 6)));
}

export function printTable(results: BenchResult[]): void {
  const header = ['name', 'ours_ms', 'baseline', 'baseline_ms', 'ratio', 'goal'];
  const rows = results.map((r) => [
    r.name,
    String(r.ours_ms),
    r.baseline,
    String(r.baseline_ms ?? '-'),
    String(r.ratio ?? '-'),
    r.goal ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => console.log(line(row)));
  results.filter((r) => r.note).forEach((r) => console.log(`${r.name}: ${r.note}`));
}
