/**
 * Realistic panel input built from the seeder's own traffic model: the last hours before the scenario's anchor
 * (which include its recent 503 storm), aggregated the way the NOC dashboard's query asks Elasticsearch to:
 * Terms on sip_status × Date Histogram, one frame per code named after it (current Grafana).
 */
import type { DataFrameJSON } from '@grafana/data';
import { buildScenario, callsBetween } from '../../tools/seed';

export const REALISTIC_ANCHOR_MS = Date.UTC(2026, 10, 24, 15, 0); // a Tuesday afternoon
const HOUR_MS = 3_600_000;

export interface RealisticData {
  frames: DataFrameJSON[];
  timeRange: { from: number; to: number };
  totals: Record<number, number>;
}

export function realisticTimeseries(hours = 6, bucketMs = 5 * 60_000, seed = 7, days = 3): RealisticData {
  const scenario = buildScenario({ seed, anchorMs: REALISTIC_ANCHOR_MS, days, peakPerMinute: 40, utcOffsetHours: 0 });
  const from = REALISTIC_ANCHOR_MS - hours * HOUR_MS;
  const bucketCount = Math.ceil((REALISTIC_ANCHOR_MS - from) / bucketMs);
  const times = Array.from({ length: bucketCount }, (_, i) => from + i * bucketMs);
  const perCode = new Map<number, number[]>();
  for (const call of callsBetween(scenario, from, REALISTIC_ANCHOR_MS)) {
    // Scanner INVITEs that drachtio's filter rejects leave no call record, so the dashboard's query never sees them.
    if (!call.callRecord) {
      continue;
    }
    const series = perCode.get(call.status) ?? new Array<number>(bucketCount).fill(0);
    series[Math.min(bucketCount - 1, Math.floor((call.startMs - from) / bucketMs))] += 1;
    perCode.set(call.status, series);
  }
  const totals: Record<number, number> = {};
  const frames = [...perCode.entries()].map(([code, values]) => {
    totals[code] = values.reduce((a, b) => a + b, 0);
    return seriesFrame(code, times, values);
  });
  return { frames, timeRange: { from, to: REALISTIC_ANCHOR_MS }, totals };
}

/** One Terms × Date Histogram series as the data source sends it: a frame per code, named by its value. */
export function seriesFrame(code: number, times: number[], values: number[]): DataFrameJSON {
  return {
    schema: {
      refId: 'A',
      name: String(code),
      meta: { type: 'timeseries-multi', typeVersion: [0, 0] },
      fields: [
        { name: 'Time', type: 'time', typeInfo: { frame: 'time.Time' } },
        { name: 'Value', type: 'number', typeInfo: { frame: 'float64', nullable: true } },
      ],
    },
    data: { values: [times, values] },
  } as unknown as DataFrameJSON;
}
