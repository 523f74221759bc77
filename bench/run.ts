/**
 * `npm run bench`: speed and size figures at the sizes Grafana's Elasticsearch data source really sends, against the
 * limit (bare loops) and the peer (Grafana's groupBy), each the median of repeated runs in one process. Prints a table
 * and writes bench-results.json. No thresholds here or in tests: goals are printed next to the figures.
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { grafanaData } from '../tests/testing/grafanaInNode';
import { BenchResult, compare, medianPair, printTable, round } from './measure';
import { countIntoTypedArray, countTexts, logsFrame, rawFrame, sumAndCopyValues, timeseriesFrames } from './data';
import { benchRender } from './render';
import { benchSeedGenerate } from './seed';
// Loaded after grafanaInNode: the core imports @grafana/data types only, but keep one load order.
import { assessDistribution, normalizeFrames } from '../src/core';

const ROOT = path.resolve(__dirname, '..');
/** Elasticsearch's row limit for raw data and logs. */
const ROWS = 10_000;
/** 7 days of 10-minute buckets for 60 codes: 60,480 cells, under the default search.max_buckets of 65,536. */
const CODES = 60;
const BUCKETS = 1008;
const BUNDLE_BUDGET_KB = 45;

function benchNormalizeRaw(results: BenchResult[]) {
  const frame = rawFrame(ROWS);
  const [ours, bare] = medianPair(
    () => normalizeFrames([frame]),
    () => countIntoTypedArray(frame)
  );
  results.push(compare('normalize-raw-10k', ours, 'bare loop into a typed array', bare, 'ratio <= 2'));

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
  const [oursAgain, theirs] = medianPair(() => normalizeFrames([frame]), runGroupBy, 11, 3);
  results.push(
    compare(
      'normalize-raw-10k-groupby',
      oursAgain,
      "@grafana/data groupBy + count (core pie's way)",
      theirs,
      'ratio <= 0.1'
    )
  );
}

function benchNormalizeLogs(results: BenchResult[]) {
  const frame = logsFrame(ROWS);
  const codes = frame.fields.find((field) => field.name === 'sip_status')!.values as unknown[];
  const [ours, bare] = medianPair(
    () => normalizeFrames([frame]),
    () => countTexts(codes)
  );
  const result = compare(
    'normalize-logs-10k',
    ours,
    'bare loop: Number() on each text, then count',
    bare,
    'ratio <= 2'
  );
  result.note = 'ours also builds the timeline from @timestamp';
  results.push(result);
}

function benchTimeseries(results: BenchResult[]) {
  const frames = timeseriesFrames(CODES, BUCKETS);
  const floor = 'bare loop: sum and copy the values into per-code arrays';
  const [ours, bare] = medianPair(
    () => normalizeFrames(frames),
    () => sumAndCopyValues(frames)
  );
  results.push(compare(`normalize-timeseries-${CODES}x${BUCKETS}`, ours, floor, bare, 'ratio <= 2'));

  const distribution = normalizeFrames(frames);
  const [assess, bareAgain] = medianPair(
    () => assessDistribution(distribution),
    () => sumAndCopyValues(frames)
  );
  const result = compare(`assess-${CODES}x${BUCKETS}`, assess, floor, bareAgain, 'ratio <= 3');
  result.note = `default policy (rise rule on), ${assessDistribution(distribution).findings.length} findings`;
  results.push(result);
}

function benchBundle(results: BenchResult[]) {
  const file = path.join(ROOT, 'dist/module.js');
  const baseline = `${BUNDLE_BUDGET_KB} KB budget`;
  if (!fs.existsSync(file)) {
    results.push({
      name: 'bundle-gzip',
      ours_ms: NaN,
      baseline,
      baseline_ms: BUNDLE_BUDGET_KB,
      ratio: null,
      note: 'dist/module.js missing: run npm run build',
    });
    return;
  }
  const kb = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;
  results.push({
    name: 'bundle-gzip',
    ours_ms: round(kb),
    baseline,
    baseline_ms: BUNDLE_BUDGET_KB,
    ratio: round(kb / BUNDLE_BUDGET_KB),
    goal: 'ratio <= 1',
    note: 'gzip -9 of dist/module.js, the entry chunk every dashboard load pays for; figures in KB, not ms',
  });
}

async function main() {
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o));
  const results: BenchResult[] = [];
  if (wanted('normalize-raw')) {
    benchNormalizeRaw(results);
  }
  if (wanted('normalize-logs')) {
    benchNormalizeLogs(results);
  }
  if (wanted('normalize-timeseries') || wanted('assess')) {
    benchTimeseries(results);
  }
  if (wanted('render')) {
    results.push(...(await benchRender()));
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
