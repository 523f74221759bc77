import fc from 'fast-check';
import { DataFrame, FieldType, toDataFrame } from '@grafana/data';
import { parseSipCode } from '../catalog/codes';
import { CodeDistribution } from '../types';
import { FIXTURE_START_MS } from './testing/frames';
import { normalizeFrames } from './normalize';

const RUNS = { numRuns: Number(process.env.FAST_CHECK_RUNS) || 300 };

// ------------------------------------------------------------------ arbitrary, mostly hostile input

const oddNumber = fc.constantFrom(
  200,
  404,
  486,
  183,
  100,
  699,
  700,
  99,
  0,
  -1,
  42,
  999,
  404.5,
  NaN,
  Infinity,
  -Infinity,
  1e20,
  -1e20,
  Number.MAX_VALUE
);
const codeText = fc.constantFrom('200', ' 486 ', '404.0', '180', 'abc', '', 'N/A', '1e3', '0x1F4', '2OO');
const cell = fc.oneof(
  oddNumber,
  fc.integer({ min: -1000, max: 2000 }),
  fc.double(),
  codeText,
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
  fc.integer({ min: FIXTURE_START_MS - 1e9, max: FIXTURE_START_MS + 1e9 })
);
const fieldName = fc.oneof(
  fc.constantFrom(
    'sip_status',
    'sip.status_code',
    'sip.status_code.keyword',
    'code',
    'Count',
    'count',
    'Time',
    'time',
    'Value',
    '@timestamp',
    '_id',
    'status',
    'A',
    'x'
  ),
  fc.string({ maxLength: 10 })
);
const fieldType = fc.constantFrom('number', 'string', 'time', 'other', 'boolean', undefined, 'weird');
const seriesName = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('200', '404 Count', 'Count', 'INVITE 486', 'Average x', '999', '486 trunk-a')
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const anyField = fc.record({
  name: fieldName,
  type: fieldType,
  values: fc.oneof(
    { weight: 9, arbitrary: fc.array(cell, { maxLength: 30 }) },
    { weight: 1, arbitrary: fc.anything() }
  ),
  labels: optional(
    fc.dictionary(fieldName, fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('200', '404', 'abc')), {
      maxKeys: 3,
    })
  ),
  config: optional(fc.record({ displayNameFromDS: optional(seriesName), displayName: optional(seriesName) })),
});
const anyFrame = fc.record({
  name: optional(seriesName),
  refId: optional(fc.constantFrom('A', 'B', 'C')),
  meta: optional(
    fc.record({
      type: optional(fc.constantFrom('timeseries-multi', 'table')),
      preferredVisualisationType: optional(fc.constant('logs')),
      limit: optional(cell),
      custom: optional(fc.record({ limit: cell, total: cell })),
    })
  ),
  fields: fc.array(anyField, { maxLength: 5 }),
});
const anySeries = fc.array(fc.oneof({ weight: 9, arbitrary: anyFrame }, { weight: 1, arbitrary: fc.anything() }), {
  maxLength: 4,
});
const anyOptions = optional(
  fc.record({
    codeField: optional(fc.oneof(fieldName, fc.anything())),
    rowLimit: optional(fc.oneof(fc.integer({ min: -5, max: 40 }), fc.double(), fc.anything())),
  })
);

/** Every number anywhere in the result is finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') {
    return Number.isFinite(value);
  }
  if (Array.isArray(value)) {
    return value.every(allFinite);
  }
  if (value && typeof value === 'object') {
    return Object.values(value).every(allFinite);
  }
  return true;
}

function expectWellFormed(result: CodeDistribution): void {
  expect(allFinite(result)).toBe(true);
  expect(result.total).toBe(result.codes.reduce((sum, item) => sum + item.count, 0));
  result.codes.forEach((item, index) => {
    expect(item.code).toBeGreaterThanOrEqual(200);
    expect(item.code).toBeLessThanOrEqual(699);
    expect(item.count).toBeGreaterThan(0);
    const next = result.codes[index + 1];
    if (next) {
      expect(item.count > next.count || (item.count === next.count && item.code < next.code)).toBe(true);
    }
  });
  result.provisional.forEach((item) => {
    expect(item.code).toBeGreaterThanOrEqual(100);
    expect(item.code).toBeLessThanOrEqual(199);
  });
  expect(result.invalid.count).toBeGreaterThanOrEqual(0);
  expect(result.notices.every((notice) => typeof notice.message === 'string' && notice.message.length > 0)).toBe(true);
  // The safety net in normalizeFrames must never be what caught a problem.
  expect(result.notices.some((notice) => notice.message.startsWith('The panel could not read'))).toBe(false);
  if (result.timeline) {
    const { times, totals, byCode } = result.timeline;
    times.forEach((time, index) => index > 0 && expect(time).toBeGreaterThan(times[index - 1]));
    expect(totals).toHaveLength(times.length);
    for (const series of Object.values(byCode)) {
      expect(series).toHaveLength(times.length);
    }
    expect(totals.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(result.total + 1e-6);
  }
}

describe('normalizeFrames on arbitrary input', () => {
  it('never throws and always gives finite, consistent totals', () => {
    fc.assert(
      fc.property(anySeries, anyOptions, (series, options) => {
        expectWellFormed(normalizeFrames(series as unknown as DataFrame[], options as never));
      }),
      RUNS
    );
  });

  it('also holds for frames built by toDataFrame', () => {
    fc.assert(
      fc.property(fc.array(anyFrame, { maxLength: 3 }), (frames) => {
        const series = frames.map((frame) =>
          toDataFrame({
            ...frame,
            fields: frame.fields.map((field) => ({
              ...field,
              values: Array.isArray(field.values) ? field.values : [],
            })),
          })
        );
        expectWellFormed(normalizeFrames(series));
      }),
      RUNS
    );
  });
});

// ------------------------------------------------------------------ conservation and order, on well-formed counts

/** A code cell: a final code, a provisional code, or something that is not a SIP code. */
const codeCell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(200, 404, 486, 487, 503, 603, '200', '486', ' 404 ') },
  { weight: 1, arbitrary: fc.constantFrom(180, 183, '100') },
  { weight: 2, arbitrary: fc.constantFrom('abc', 42, 999, null, NaN, -1, 404.5, '', 'N/A', undefined) }
);
const countCell = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.constant(null) }
);

interface Row {
  code: unknown;
  count: number | null;
  time: number | null;
}
const row = fc.record({
  code: codeCell,
  count: countCell,
  time: fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: FIXTURE_START_MS, max: FIXTURE_START_MS + 6 * 3600_000 }) },
    { weight: 1, arbitrary: fc.constant(null) }
  ),
});
const rowsOf = fc.array(row, { maxLength: 60 });

function rawFrame(rows: Row[], refId: string, withTime: boolean): DataFrame {
  return toDataFrame({
    refId,
    fields: [
      ...(withTime ? [{ name: '@timestamp', type: FieldType.time, values: rows.map((r) => r.time) }] : []),
      { name: '_id', type: FieldType.string, values: rows.map((_, i) => `${refId}-${i}`) },
      { name: 'sip.status_code', type: FieldType.other, values: rows.map((r) => r.code) },
    ],
  });
}

function tableFrame(rows: Row[], refId: string): DataFrame {
  return toDataFrame({
    refId,
    fields: [
      { name: 'sip.status_code', type: FieldType.other, values: rows.map((r) => r.code) },
      { name: 'Count', type: FieldType.number, values: rows.map((r) => r.count) },
    ],
  });
}

/** Time series named after their code; the first is always a valid code so invalid names count as invalid. */
const seriesList = fc.array(
  fc.record({
    name: fc.constantFrom('200', '486', '503', '180', 'abc', '999', '42', 'N/A'),
    values: fc.array(countCell, { minLength: 1, maxLength: 8 }),
  }),
  { maxLength: 6 }
);
function seriesFrames(list: Array<{ name: string; values: Array<number | null> }>, refId: string): DataFrame[] {
  return [{ name: '404', values: [1] }, ...list].map((series) =>
    toDataFrame({
      refId,
      name: series.name,
      meta: { type: 'timeseries-multi' },
      fields: [
        { name: 'Time', type: FieldType.time, values: series.values.map((_, i) => FIXTURE_START_MS + i * 60_000) },
        { name: 'Value', type: FieldType.number, values: series.values },
      ],
    })
  );
}

function accounted(result: CodeDistribution): number {
  return result.total + result.invalid.count + result.provisional.reduce((sum, item) => sum + item.count, 0);
}

describe('every call is accounted for once', () => {
  it('raw rows: final + provisional + invalid = rows', () => {
    fc.assert(
      fc.property(rowsOf, rowsOf, fc.boolean(), (a, b, withTime) => {
        const result = normalizeFrames([rawFrame(a, 'A', withTime), rawFrame(b, 'B', withTime)], {
          codeField: 'sip.status_code',
        });
        expect(accounted(result)).toBe(a.length + b.length);
        if (result.timeline) {
          const timed = [...a, ...b].filter((r) => r.time !== null && (parseSipCode(r.code) ?? 0) >= 200);
          expect(result.timeline.totals.reduce((x, y) => x + y, 0)).toBe(timed.length);
        }
      }),
      RUNS
    );
  });

  it('terms tables: final + provisional + invalid = sum of Count', () => {
    fc.assert(
      fc.property(rowsOf, rowsOf, (a, b) => {
        const result = normalizeFrames([tableFrame(a, 'A'), tableFrame(b, 'B')], { codeField: 'sip.status_code' });
        const calls = [...a, ...b].reduce((sum, r) => sum + (r.count ?? 0), 0);
        expect(accounted(result)).toBe(calls);
      }),
      RUNS
    );
  });

  it('time series: final + provisional + invalid = sum of values, and the timeline holds every final call', () => {
    fc.assert(
      fc.property(seriesList, (list) => {
        const result = normalizeFrames(seriesFrames(list, 'A'));
        const calls =
          1 + list.reduce((sum, series) => sum + series.values.reduce<number>((s, v) => s + (v ?? 0), 0), 0);
        expect(accounted(result)).toBe(calls);
        expect(result.timeline!.totals.reduce((x, y) => x + y, 0)).toBe(result.total);
      }),
      RUNS
    );
  });
});

// ------------------------------------------------------------------ order does not matter

function shuffled<T>(items: T[], keys: number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index % Math.max(1, keys.length)] ?? 0, index }))
    .sort((x, y) => x.key - y.key || x.index - y.index)
    .map(({ item }) => item);
}

function essentials(result: CodeDistribution) {
  return {
    codes: result.codes,
    total: result.total,
    provisional: result.provisional,
    invalid: result.invalid.count,
    shape: result.shape,
    timeline: result.timeline,
  };
}

describe('order of frames and rows does not change the result', () => {
  const keys = fc.array(fc.integer(), { minLength: 1, maxLength: 60 });

  it('raw rows, code field found automatically', () => {
    fc.assert(
      fc.property(rowsOf, rowsOf, keys, fc.boolean(), (a, b, order, withTime) => {
        const forward = normalizeFrames([rawFrame(a, 'A', withTime), rawFrame(b, 'B', withTime)]);
        const backward = normalizeFrames([
          rawFrame(shuffled(b, order), 'B', withTime),
          rawFrame(shuffled(a, order), 'A', withTime),
        ]);
        expect(essentials(backward)).toEqual(essentials(forward));
      }),
      RUNS
    );
  });

  it('terms tables', () => {
    fc.assert(
      fc.property(rowsOf, rowsOf, keys, (a, b, order) => {
        const forward = normalizeFrames([tableFrame(a, 'A'), tableFrame(b, 'B')]);
        const backward = normalizeFrames([tableFrame(shuffled(b, order), 'B'), tableFrame(shuffled(a, order), 'A')]);
        expect(essentials(backward)).toEqual(essentials(forward));
      }),
      RUNS
    );
  });

  it('time series', () => {
    fc.assert(
      fc.property(seriesList, keys, (list, order) => {
        const frames = seriesFrames(list, 'A');
        expect(essentials(normalizeFrames(shuffled(frames, order)))).toEqual(essentials(normalizeFrames(frames)));
      }),
      RUNS
    );
  });
});
