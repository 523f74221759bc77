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

/** Runs `fn` a few times to warm up, then `runs` times, and returns the median wall time in ms. */
export function medianMs(fn: () => unknown, runs = 9, warmup = 3): number {
  for (let i = 0; i < warmup; i++) {
    fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Times `ours` and `baseline` alternately, after a warm-up, so both see the same machine load and the same garbage
 * left by the other. Returns both medians in ms.
 */
export function medianPair(ours: () => unknown, baseline: () => unknown, runs = 15, warmup = 5): [number, number] {
  for (let i = 0; i < warmup; i++) {
    ours();
    baseline();
  }
  const timesOurs: number[] = [];
  const timesBaseline: number[] = [];
  const time = (fn: () => unknown) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  for (let i = 0; i < runs; i++) {
    timesOurs.push(time(ours));
    timesBaseline.push(time(baseline));
  }
  return [median(timesOurs), median(timesBaseline)];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function compare(name: string, ours: number, baseline: string, baselineMs: number | null, goal: string): BenchResult {
  return {
    name,
    ours_ms: round(ours),
    baseline,
    baseline_ms: baselineMs === null ? null : round(baselineMs),
    ratio: baselineMs ? round(ours / baselineMs) : null,
    goal,
  };
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function printTable(results: BenchResult[]): void {
  const header = ['name', 'ours_ms', 'baseline', 'baseline_ms', 'ratio', 'goal'];
  const rows = results.map((r) => [r.name, String(r.ours_ms), r.baseline, String(r.baseline_ms ?? '-'), String(r.ratio ?? '-'), r.goal ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => console.log(line(row)));
  results.filter((r) => r.note).forEach((r) => console.log(`${r.name}: ${r.note}`));
}
