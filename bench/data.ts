/** Synthetic data for the benchmarks, shaped as Grafana's Elasticsearch data source delivers it. */
import { DataFrame, FieldType } from '@grafana/data';

const CODES = [200, 200, 200, 200, 200, 200, 200, 487, 480, 404, 403, 486, 503, 408, 488, 500, 603];

/** One raw-data frame: one row per call, numeric `sip_status` plus a string id column. */
export function rawFrame(rows: number): DataFrame {
  const codes = new Array<number>(rows);
  const ids = new Array<string>(rows);
  let state = 12345;
  for (let i = 0; i < rows; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    codes[i] = CODES[state % CODES.length];
    ids[i] = `call-${i}`;
  }
  return {
    length: rows,
    fields: [
      { name: 'sip_status', type: FieldType.number, config: { filterable: true }, values: codes },
      { name: 'call_id', type: FieldType.string, config: { filterable: true }, values: ids },
    ],
  };
}

/** Terms × date histogram: one frame per code named after it, with Time and Value fields. */
export function timeseriesFrames(codeCount: number, buckets: number): DataFrame[] {
  const start = Date.UTC(2026, 10, 24);
  const times = Array.from({ length: buckets }, (_, i) => start + i * 60_000);
  return Array.from({ length: codeCount }, (_, c) => {
    const code = c === 0 ? 200 : 400 + c;
    const values = times.map((_, i) => ((i * 7 + c * 13) % 11) + (c === 0 ? 50 : 0));
    return {
      name: String(code),
      refId: 'A',
      length: buckets,
      meta: { type: 'timeseries-multi' as never, typeVersion: [0, 0] as [number, number] },
      fields: [
        { name: 'Time', type: FieldType.time, config: {}, values: times },
        { name: 'Value', type: FieldType.number, config: {}, values },
      ],
    };
  });
}

/** The limit for raw rows: count one numeric column into a typed array indexed by code. */
export function countIntoTypedArray(frame: DataFrame): Uint32Array {
  const counts = new Uint32Array(700);
  const values = frame.fields[0].values as number[];
  for (let i = 0; i < values.length; i++) {
    counts[values[i]]++;
  }
  return counts;
}

/** The limit for time series: sum every value of every frame. */
export function sumAllValues(frames: DataFrame[]): number {
  let total = 0;
  for (const frame of frames) {
    const values = frame.fields[1].values as number[];
    for (let i = 0; i < values.length; i++) {
      total += values[i] ?? 0;
    }
  }
  return total;
}

/** The floor for normalising time series: sum every value and copy it into a per-code array with per-bucket totals. */
export function sumAndCopyValues(frames: DataFrame[]): Float64Array {
  const buckets = frames[0]?.length ?? 0;
  const totals = new Float64Array(buckets);
  for (const frame of frames) {
    const values = frame.fields[1].values as number[];
    const copy = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? 0;
      copy[i] = value;
      totals[i] += value;
    }
  }
  return totals;
}
