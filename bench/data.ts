/**
 * Synthetic data for the benchmarks, shaped as Grafana's Elasticsearch data source delivers it, at the sizes it
 * really sends: at most 10,000 raw or log rows per query (the default `size` limit of raw data and logs), and
 * Terms × Date Histogram answers under Elasticsearch's default `search.max_buckets` of 65,536.
 */
import { DataFrame, FieldType } from '@grafana/data';

const CODES = [200, 200, 200, 200, 200, 200, 200, 487, 480, 404, 403, 486, 503, 408, 488, 500, 603];
const START_MS = Date.UTC(2026, 10, 24);
const MINUTE = 60_000;

function codeSequence(rows: number): number[] {
  const codes = new Array<number>(rows);
  let state = 12345;
  for (let i = 0; i < rows; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    codes[i] = CODES[state % CODES.length];
  }
  return codes;
}

/** One raw-data frame: one row per call, numeric `sip_status` plus a string id column. */
export function rawFrame(rows: number): DataFrame {
  const codes = codeSequence(rows);
  const ids = codes.map((_, i) => `call-${i}`);
  return {
    length: rows,
    fields: [
      { name: 'sip_status', type: FieldType.number, config: { filterable: true }, values: codes },
      { name: 'call_id', type: FieldType.string, config: { filterable: true }, values: ids },
    ],
  };
}

/**
 * A logs frame as the Elasticsearch logs query returns it: newest first over six hours, the code as text (a keyword
 * field), with the message, hit metadata and the source document beside it.
 */
export function logsFrame(rows: number, spanMs = 6 * 60 * MINUTE): DataFrame {
  const codes = codeSequence(rows).map(String);
  const end = START_MS + spanMs;
  const times = codes.map((_, i) => end - Math.floor((i * spanMs) / rows));
  const ids = codes.map((_, i) => `Lg${(100000 + i).toString(36)}Wt`);
  return {
    refId: 'A',
    length: rows,
    meta: { preferredVisualisationType: 'logs', custom: { searchWords: [], limit: 10_000, total: rows } },
    fields: [
      { name: '@timestamp', type: FieldType.time, config: { filterable: true }, values: times },
      {
        name: 'message',
        type: FieldType.string,
        config: {},
        values: codes.map((code, i) => `INVITE call-${i} -> ${code}`),
      },
      { name: '_id', type: FieldType.string, config: {}, values: ids },
      { name: '_index', type: FieldType.string, config: {}, values: codes.map(() => 'voip-calls-2026.11.24') },
      {
        name: '_source',
        type: FieldType.string,
        config: {},
        values: codes.map((code, i) => JSON.stringify({ sip_status: code, call_id: `call-${i}` })),
      },
      {
        name: 'call_id',
        type: FieldType.string,
        config: { filterable: true },
        values: codes.map((_, i) => `call-${i}`),
      },
      { name: 'sip_status', type: FieldType.string, config: { filterable: true }, values: codes },
    ],
  };
}

/**
 * Terms × date histogram: one frame per code named after it, with Time and Value fields. Every frame has the same
 * buckets, each in its own Time array, as Grafana decodes them.
 */
export function timeseriesFrames(codeCount: number, buckets: number, bucketMs = 10 * MINUTE): DataFrame[] {
  return Array.from({ length: codeCount }, (_, c) => {
    const times = Array.from({ length: buckets }, (_, i) => START_MS + i * bucketMs);
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

/** The limit for log rows with text codes: parse each text with Number() and count it. */
export function countTexts(values: readonly unknown[]): Uint32Array {
  const counts = new Uint32Array(700);
  for (let i = 0; i < values.length; i++) {
    const code = Number(values[i]);
    if (code >= 100 && code <= 699) {
      counts[code]++;
    }
  }
  return counts;
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
