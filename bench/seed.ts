/** seed-generate-1M: the seeder's pure generator producing 1,000,000 call records (no I/O), as records per second. */
import { forEachCallRecord } from '../tools/seed';
import { BenchResult, median, round } from './measure';

export function benchSeedGenerate(count = 1_000_000, runs = 3): BenchResult {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    let produced = 0;
    const start = performance.now();
    forEachCallRecord(count, () => produced++, { seed: 42 });
    times.push(performance.now() - start);
    if (produced !== count) {
      throw new Error(`generator produced ${produced} records, expected ${count}`);
    }
  }
  const ms = median(times);
  return {
    name: 'seed-generate-1M',
    ours_ms: round(ms),
    baseline: 'none (throughput figure)',
    baseline_ms: null,
    ratio: null,
    note: `${Math.round(count / (ms / 1000)).toLocaleString('en-US')} records/s`,
  };
}
