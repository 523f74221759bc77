/**
 * The fast counting paths (raw rows counted in lanes, time series on a shared time axis, detection that skips
 * columns which cannot win) must give exactly what plain cell-by-cell counting gives.
 */
import { DataFrame, FieldType } from '@grafana/data';
import { CodeDistribution } from '../types';
import { FIXTURE_START_MS } from './testing/frames';
import { normalizeFrames } from './normalize';
import { CodeTally } from './tally';

/** Deterministic cells: long runs of numeric codes broken by texts, junk and gaps. */
function mixedCells(length: number, seed = 7): unknown[] {
  const rare: unknown[] = [
    '200',
    ' 486 ',
    '404.0',
    'abc',
    404.5,
    99,
    700,
    NaN,
    null,
    undefined,
    [603],
    { code: 1 },
    183,
  ];
  const common = [200, 200, 200, 486, 487, 404, 503, 180];
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state % 40 === 0 ? rare[(state >>> 8) % rare.length] : common[(state >>> 8) % common.length];
  });
}

/** The reference: every cell added on its own, through the path tables use. */
function countedOneByOne(cells: unknown[], start?: (tally: CodeTally) => void): CodeTally {
  const tally = new CodeTally();
  start?.(tally);
  cells.forEach((cell) => tally.addCalls(cell, 1));
  return tally;
}

function summary(tally: CodeTally) {
  return { codes: tally.finalCodes(), provisional: tally.provisionalCodes(), invalid: tally.invalid() };
}

describe('counting raw cells', () => {
  it.each([1, 3, 4, 5, 4095, 4096, 4097, 4099, 50_000])(
    'gives what one-by-one counting gives for %i cells',
    (length) => {
      const cells = mixedCells(length);
      const tally = new CodeTally();
      tally.countCells(cells, cells.length);
      expect(summary(tally)).toEqual(summary(countedOneByOne(cells)));
    }
  );

  it('counts a column that is all numeric codes, with a junk cell first or last', () => {
    const codes = Array.from({ length: 10_001 }, (_, i) => [200, 486, 404][i % 3]);
    for (const cells of [codes, ['x', ...codes], [...codes, 'x'], Float64Array.from(codes)]) {
      const tally = new CodeTally();
      tally.countCells(cells, cells.length);
      expect(summary(tally)).toEqual(summary(countedOneByOne(Array.from(cells))));
    }
  });

  it('counts past the end of a short column as empty cells', () => {
    const tally = new CodeTally();
    tally.countCells([200, 200], 5000);
    expect(tally.finalCodes()).toEqual([{ code: 200, count: 2 }]);
    expect(tally.invalid().count).toBe(4998);
  });

  it('adds to a weighted total with a fraction exactly as single increments would', () => {
    const cells = new Array<number>(10_000).fill(200);
    const weighted = (tally: CodeTally) => tally.addCalls(200, 1 / 3);
    const tally = new CodeTally();
    weighted(tally);
    tally.countCells(cells, cells.length);
    let expected = 1 / 3;
    cells.forEach(() => expected++);
    expect(tally.finalCodes()).toEqual([{ code: 200, count: expected }]);
    expect(summary(tally)).toEqual(summary(countedOneByOne(cells, weighted)));
  });
});

describe('detecting the code field', () => {
  const frame = (fields: Record<string, unknown[]>): DataFrame => ({
    length: Object.values(fields)[0].length,
    fields: Object.entries(fields).map(([name, values]) => ({ name, type: FieldType.other, config: {}, values })),
  });

  it('takes a code-named field that holds mostly codes over an earlier column of nothing but codes', () => {
    const result = normalizeFrames([frame({ hop: [200, 200, 200, 200], sip_status: [486, 486, 'x', 404] })]);
    expect(result.codeField).toBe('sip_status');
  });

  it('takes a column of nothing but codes over a code-named field with few codes', () => {
    const result = normalizeFrames([frame({ sip_status: [486, 'x', 'y', 'z'], hop: [200, 200, 200, 200] })]);
    expect(result.codeField).toBe('hop');
  });
});

// ------------------------------------------------------------------ time series on one shared time axis

const MINUTE = 60_000;

interface SeriesSpec {
  name: string;
  values: unknown[];
  /** Own copy of the time array instead of the shared one. */
  copyTimes?: boolean;
}

function seriesFrames(specs: SeriesSpec[], times: unknown[]): DataFrame[] {
  return specs.map((spec) => ({
    name: spec.name,
    refId: 'A',
    length: spec.values.length,
    meta: { type: 'timeseries-multi' as never },
    fields: [
      { name: 'Time', type: FieldType.time, config: {}, values: spec.copyTimes ? [...times] : times },
      { name: 'Value', type: FieldType.number, config: {}, values: spec.values },
    ],
  })) as DataFrame[];
}

/** The same frames with times as text ("1741593600000"), which always take the general path: each parsed and looked up. */
function withTextTimes(frames: DataFrame[]): DataFrame[] {
  return frames.map((frame) => ({
    ...frame,
    fields: frame.fields.map((field) =>
      field.type === FieldType.time
        ? { ...field, values: field.values.map((ms: unknown) => (typeof ms === 'number' ? String(ms) : ms)) }
        : field
    ),
  }));
}

function expectSameAsGeneralPath(frames: DataFrame[]): CodeDistribution {
  const result = normalizeFrames(frames);
  expect(result).toEqual(normalizeFrames(withTextTimes(frames)));
  return result;
}

describe('time series sharing one time axis', () => {
  const times = Array.from({ length: 6 }, (_, i) => FIXTURE_START_MS + i * MINUTE);

  it('fills the timeline straight from the values', () => {
    const result = expectSameAsGeneralPath(
      seriesFrames(
        [
          { name: '200', values: [5, 6, 7, 8, 9, 10] },
          { name: '486', values: [0, 1, 0, 2, 0, 3], copyTimes: true },
          { name: '200', values: [1, 1, 1, 1, 1, 1] },
        ],
        times
      )
    );
    expect(result.timeline).toEqual({
      times,
      totals: [6, 8, 8, 11, 10, 14],
      byCode: { 200: [6, 7, 8, 9, 10, 11], 486: [0, 1, 0, 2, 0, 3] },
    });
  });

  it('treats bad, empty, fractional and huge counts and odd lengths as the general path does', () => {
    expectSameAsGeneralPath(
      seriesFrames(
        [
          { name: '200', values: [1.5, null, -2, 'x', NaN, 3] },
          { name: '486', values: [0.1, 0.2, 0.3, '4', ' ', 1e13] },
          { name: '503', values: [1, 2, 3] },
          { name: '404', values: [1, 2, 3, 4, 5, 6, 7, 8] },
          { name: '180', values: [1, 1, 1, 1, 1, 1] },
          { name: 'abc', values: [2, 2, 2, 2, 2, 2] },
        ],
        times
      )
    );
  });

  it('recounts the totals when a series turns out not to be plain counts halfway', () => {
    for (const late of [
      [1, 2, 3, 'x', 5, 6],
      [1, 2, 3, 4, 5, 0.5],
      [1, 2, 3, 4, 5, -0],
      [1, 2, 3, 4, 5, 6],
    ]) {
      expectSameAsGeneralPath(
        seriesFrames(
          [
            { name: '486', values: [1, 1, 1, 1, 1, 1] },
            { name: '200', values: late },
            { name: '503', values: [2, 0, 2, 0, 2, 0] },
            { name: '486', values: [3, 3, 3, 3, 3, 3] },
          ],
          times
        )
      );
    }
  });

  it('sums fractional counts per instant in the same order as the general path', () => {
    const result = expectSameAsGeneralPath(
      seriesFrames(
        [
          { name: '200', values: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1] },
          { name: '404', values: [0.2, 0.2, 0.2, 0.2, 0.2, 0.2] },
          { name: '503', values: [0.3, 0.3, 0.3, 0.3, 0.3, 0.3] },
        ],
        times
      )
    );
    // Most calls first: 0.3 + 0.2 + 0.1, which differs from 0.1 + 0.2 + 0.3 in the last bit.
    expect(result.timeline!.totals[0]).toBe(0 + 0.3 + 0.2 + 0.1);
  });

  it('adds a series to a fractional total of its code as cell-by-cell counting would', () => {
    // The first 200 series has no timed calls, only a third of a call past the last instant.
    const result = expectSameAsGeneralPath(
      seriesFrames(
        [
          { name: '200', values: [0, 0, 0, 0, 0, 0, 1 / 3] },
          { name: '200', values: [3, 3, 3, 3, 3, 3] },
        ],
        times
      )
    );
    expect(result.codes).toEqual([{ code: 200, count: 1 / 3 + 3 + 3 + 3 + 3 + 3 + 3 }]);
  });

  it('reads typed arrays and the largest sane counts like the general path', () => {
    expectSameAsGeneralPath(
      seriesFrames(
        [
          { name: '200', values: Float64Array.from([1e12, 1e12, 0, 3, 1e12, 7]) as unknown as unknown[] },
          { name: '404', values: [1e12, 1e12 + 1, 1e12, 1e12, 1e12, 1e12] },
        ],
        times
      )
    );
  });

  it('builds no timeline when no final call has a time, as the general path does', () => {
    const result = expectSameAsGeneralPath(seriesFrames([{ name: '200', values: [0, 0, 0, 0, 0, 0] }], times));
    expect(result.timeline).toBeUndefined();
    const provisionalOnly = expectSameAsGeneralPath(
      seriesFrames(
        [
          { name: '180', values: [1, 0, 0, 0, 0, 0] },
          { name: '200', values: [0, 0, 0, 0, 0, 0, 2] },
        ],
        times
      )
    );
    expect(provisionalOnly.timeline).toEqual({
      times,
      totals: [0, 0, 0, 0, 0, 0],
      byCode: { 200: [0, 0, 0, 0, 0, 0] },
    });
  });

  it('falls back to the union of times when the series do not share them', () => {
    const later = times.map((ms) => ms + 30_000);
    const frames = [
      ...seriesFrames([{ name: '200', values: [1, 2, 3, 4, 5, 6] }], times),
      ...seriesFrames([{ name: '486', values: [1, 1, 1, 1, 1, 1] }], later),
    ];
    const result = expectSameAsGeneralPath(frames);
    expect(result.timeline!.times).toEqual([...times, ...later].sort((a, b) => a - b));
  });

  it('falls back when the shared times are not ascending or not all usable, and never shows -0', () => {
    const odd = [
      [...times].reverse(),
      [times[0], times[0], ...times.slice(2)],
      [...times.slice(0, 5), null],
      [...times.slice(0, 5), 9e15],
      [NaN, ...times.slice(1)],
      [-0, ...times.slice(1)],
    ];
    for (const oddTimes of odd) {
      expectSameAsGeneralPath(
        seriesFrames(
          [
            { name: '200', values: [1, 2, 3, 4, 5, 6] },
            { name: '486', values: [1, 0, 1, 0, 1, 0], copyTimes: true },
          ],
          oddTimes
        )
      );
    }
  });
});
