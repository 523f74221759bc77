/**
 * `npm run bench`: speed and size figures against the limit (bare loops) and the peers (Grafana's groupBy),
 * each the median of repeated runs in one process. Prints a table and writes bench-results.json.
 * No thresholds here or in tests: goals are printed next to the figures.
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { grafanaData } from '../tests/support/grafanaInNode';
import { BenchResult, compare, medianMs, medianPair, printTable, round } from './measure';
import { rawFrame, timeseriesFrames, countIntoTypedArray, sumAllValues, sumAndCopyValues } from './data';
import { benchRender } from './render';
import { benchSeedGenerate } from './seed';
// Loaded after grafanaInNode: the core imports @grafana/data types only, but keep one load order.
import { assessDistribution, normalizeFrames } from '../src/core';

const ROOT = path.resolve(__dirname, '..');

function benchNormalizeRaw(results: BenchResult[]) {
  const frame = rawFrame(1_000_000);
  const [ours, bare] = medianPair(() => normalizeFrames([frame]), () => countIntoTypedArray(frame));
  results.push(compare('normalize-raw-1M', ours, 'bare loop into a typed array', bare, 'ratio <= 1.5'));

  const { transformDataFrame, DataTransformerID, ReducerID } = grafanaData;
  const groupBy = [
    {
      id: DataTransformerID.groupBy,
      options: {
        fields: {
          sip_status: { operation: 'groupby', aggregations: [] },
          call_id: { operation: 'aggregate', aggregations: [ReducerID.count] },
        },
      },
    },
  ];
  const runGroupBy = () => {
    let out: unknown;
    transformDataFrame(groupBy, [frame]).subscribe((frames) => (out = frames));
    if (!out) {
      throw new Error('groupBy produced no frames synchronously');
    }
  };
  const theirs = medianMs(runGroupBy, 5, 1);
  results.push(compare('normalize-raw-1M-groupby', ours, "@grafana/data groupBy + count (core pie's way)", theirs, 'ratio <= 0.2'));
}

function benchTimeseries(results: BenchResult[]) {
  const frames = timeseriesFrames(60, 1440);
  const [ours, bare] = medianPair(() => normalizeFrames(frames), () => sumAllValues(frames), 25, 20);
  const [, sumAndCopy] = medianPair(() => normalizeFrames(frames), () => sumAndCopyValues(frames), 25, 20);
  const timeseries = compare('normalize-timeseries-60x1440', ours, 'bare summing loop', bare, 'ratio <= 1.5');
  // normalizeFrames must also hand back every value (the timeline); a loop that sums *and* copies is that floor.
  timeseries.note = `vs a bare loop that sums and copies the values into per-code arrays (${round(sumAndCopy)} ms): ratio ${round(ours / sumAndCopy)}`;
  results.push(timeseries);

  const distribution = normalizeFrames(frames);
  const [assess, bareAgain] = medianPair(() => assessDistribution(distribution), () => sumAllValues(frames), 25, 20);
  results.push(compare('assess-60x1440', assess, 'bare summing loop', bareAgain, 'ratio <= 3'));
}

function benchBundle(results: BenchResult[]) {
  const file = path.join(ROOT, 'dist/module.js');
  if (!fs.existsSync(file)) {
    results.push({ name: 'bundle-gzip', ours_ms: NaN, baseline: '40 KB', baseline_ms: 40, ratio: null, note: 'dist/module.js missing: run npm run build' });
    return;
  }
  const kb = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;
  results.push({ name: 'bundle-gzip', ours_ms: round(kb), baseline: '40 KB budget', baseline_ms: 40, ratio: round(kb / 40), goal: 'ratio <= 1', note: 'figures in KB, not ms' });
}

async function main() {
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o));
  const results: BenchResult[] = [];
  if (wanted('normalize-raw')) {
    benchNormalizeRaw(results);
  }
  if (wanted('normalize-timeseries') || wanted('assess')) {
    benchTimeseries(results);
  }
  if (wanted('render')) {
    results.push(await benchRender());
  }
  if (wanted('bundle')) {
    benchBundle(results);
  }
  if (wanted('seed')) {
    results.push(benchSeedGenerate());
  }
  printTable(results);
  fs.writeFileSync(path.join(ROOT, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote bench-results.json (${results.length} figures)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
