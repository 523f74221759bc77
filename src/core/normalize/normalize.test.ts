import { DataFrame, FieldType, toDataFrame } from '@grafana/data';
import { CodeDistribution, Notice, NoticeKind } from '../types';
import * as fixtures from './testing/frames';
import { FIXTURE_START_MS, toFrames } from './testing/frames';
import { normalizeFrames } from './normalize';

const MINUTE = 60_000;

function counts(result: CodeDistribution): Record<number, number> {
  return Object.fromEntries(result.codes.map(({ code, count }) => [code, count]));
}

function notice(result: CodeDistribution, kind: NoticeKind): Notice | undefined {
  return result.notices.find((item) => item.kind === kind);
}

function sumOf(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A Time + Value frame named like Grafana 11/12 names Terms × Date Histogram series. */
function namedSeries(name: string, values: Array<number | null>, refId = 'A', startMs = FIXTURE_START_MS): DataFrame {
  return toDataFrame({
    name,
    refId,
    meta: { type: 'timeseries-multi' },
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => startMs + i * MINUTE) },
      { name: 'Value', type: FieldType.number, values },
    ],
  });
}

function rowsFrame(fields: Record<string, unknown[]>, extra: Partial<DataFrame> = {}): DataFrame {
  return {
    ...toDataFrame({
      fields: Object.entries(fields).map(([name, values]) => ({ name, values })),
    }),
    ...extra,
  };
}

describe('Terms tables', () => {
  it('counts a numeric Terms table by its Count column', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_TERMS_TABLE));
    expect(result.shape).toBe('terms-table');
    expect(result.codeField).toBe('sip.status_code');
    expect(result.codes).toEqual([
      { code: 200, count: 1520 },
      { code: 487, count: 88 },
      { code: 486, count: 64 },
      { code: 404, count: 37 },
      { code: 503, count: 12 },
      { code: 408, count: 3 },
    ]);
    expect(result.total).toBe(1724);
    expect(result.timeline).toBeUndefined();
    expect(result.notices).toEqual([]);
    expect(result.fieldsSeen).toEqual(['sip.status_code', 'Count']);
  });

  it('reads string keys from a .keyword Terms field the same way', () => {
    const keyword = normalizeFrames(toFrames(fixtures.ES_TERMS_TABLE_KEYWORD));
    const numeric = normalizeFrames(toFrames(fixtures.ES_TERMS_TABLE));
    expect(keyword.codes).toEqual(numeric.codes);
    expect(keyword.codeField).toBe('sip.status_code.keyword');
  });

  it('counts only the Count column when the query has other metrics', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_TERMS_TABLE_MULTI_METRIC));
    expect(result.total).toBe(1724);
    expect(counts(result)[408]).toBe(3);
    expect(result.notices).toEqual([]);
  });

  it('finds the Count column whatever its case', () => {
    const frame = rowsFrame({ 'sip.status_code': [200, 404], count: [10, 2] });
    expect(counts(normalizeFrames([frame]))).toEqual({ 200: 10, 404: 2 });
  });

  it('counts each row once, with a warning, when a table has no Count column', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_TERMS_TABLE_NO_COUNT));
    expect(result.shape).toBe('terms-table');
    expect(counts(result)).toEqual({ 200: 1, 404: 1, 486: 1 });
    expect(notice(result, 'no-count-field')).toMatchObject({ level: 'warning' });
    expect(notice(result, 'no-count-field')!.message).toContain('Count');
  });

  it('uses a count-like column when there is no Count column, and says so', () => {
    const frame = rowsFrame({ status_code: ['200', '486'], doc_count: [90, 7], 'Average sip.duration': [120.5, 0] });
    const result = normalizeFrames([frame]);
    expect(counts(result)).toEqual({ 200: 90, 486: 7 });
    expect(notice(result, 'no-count-field')!.message).toContain('doc_count');
  });

  it('sums codes over the outer buckets of nested Terms', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_NESTED_TERMS_TABLE));
    expect(result.codeField).toBe('sip.status_code');
    expect(counts(result)).toEqual({ 200: 1520, 487: 80, 486: 60, 404: 30, 401: 25, 481: 4 });
  });

  it('sums a code that is the outer Terms key (text) across inner buckets', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_NESTED_TERMS_TABLE_CODE_OUTER));
    expect(result.codeField).toBe('sip.status_code');
    expect(counts(result)).toEqual({ 200: 1520, 486: 64, 503: 12 });
  });

  it('adds up the tables of several queries', () => {
    const result = normalizeFrames(toFrames([...fixtures.ES_TERMS_TABLE, ...fixtures.ES_TERMS_TABLE_QUERY_B]));
    expect(counts(result)).toEqual({ 200: 1900, 487: 88, 486: 64, 404: 58, 503: 12, 480: 6, 408: 3, 603: 3 });
    expect(result.total).toBe(1724 + 410);
  });

  it('keeps junk codes, provisional codes and unusable counts apart', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_TERMS_TABLE_DIRTY));
    expect(result.codes).toEqual([
      { code: 200, count: 900 },
      { code: 404, count: 40 },
    ]);
    expect(result.total).toBe(940);
    expect(result.provisional).toEqual([{ code: 180, count: 12 }]);
    expect(result.invalid).toEqual({
      count: 17,
      samples: [
        { value: 'abc', count: 7 },
        { value: 'N/A', count: 5 },
        { value: '42', count: 3 },
        { value: '999', count: 2 },
      ],
    });
    const invalidNotices = result.notices.filter((item) => item.kind === 'invalid-values');
    expect(invalidNotices).toHaveLength(1);
    expect(invalidNotices[0].message).toContain('abc ×7');
    // Bad counts are their own kind of problem, with their own title in the panel.
    expect(notice(result, 'invalid-counts')!.message).toMatch(/2 count values.*NaN, -4/);
  });

  it('leaves out Count cells that are infinite or absurdly large', () => {
    const frame = rowsFrame({ code: [200, 404, 486, 503], Count: [10, Infinity, 1e20, 5] });
    const result = normalizeFrames([frame]);
    expect(counts(result)).toEqual({ 200: 10, 503: 5 });
    expect(Number.isFinite(result.total)).toBe(true);
    expect(notice(result, 'invalid-counts')!.message).toContain('Infinity');
  });

  it('builds a timeline from a long-format table (time, code, Count)', () => {
    const frame = toDataFrame({
      fields: [
        {
          name: 'time',
          type: FieldType.time,
          values: [FIXTURE_START_MS + MINUTE, FIXTURE_START_MS, FIXTURE_START_MS + MINUTE, FIXTURE_START_MS],
        },
        { name: 'status_code', type: FieldType.number, values: [200, 200, 486, 486] },
        { name: 'Count', type: FieldType.number, values: [30, 20, 4, 1] },
      ],
    });
    const result = normalizeFrames([frame]);
    expect(result.shape).toBe('terms-table');
    expect(counts(result)).toEqual({ 200: 50, 486: 5 });
    const timeline = result.timeline!;
    expect(timeline.times[0]).toBe(FIXTURE_START_MS);
    expect(sumOf(timeline.byCode[486])).toBe(5);
    expect(timeline.byCode[200][timeline.times.indexOf(FIXTURE_START_MS + MINUTE)]).toBe(30);
  });

  it('lists ties in count lowest code first', () => {
    const frame = rowsFrame({ code: [503, 404, 486, 200], Count: [5, 5, 5, 9] });
    expect(normalizeFrames([frame]).codes.map((item) => item.code)).toEqual([200, 404, 486, 503]);
  });
});

describe('Terms × Date Histogram series', () => {
  it('sums each code over time (null as 0) and lines the codes up on one timeline', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_TERMS_TIMESERIES));
    expect(result.shape).toBe('terms-timeseries');
    expect(counts(result)).toEqual({ 200: 1520, 487: 88, 404: 37, 503: 12 });
    const timeline = result.timeline!;
    expect(timeline.times).toEqual(Array.from({ length: 10 }, (_, i) => FIXTURE_START_MS + i * MINUTE));
    expect(timeline.byCode[404]).toEqual([3, 4, 0, 3, 4, 5, 4, 3, 5, 6]);
    expect(timeline.byCode[503]).toEqual([0, 0, 0, 0, 0, 0, 1, 3, 4, 4]);
    expect(timeline.totals[0]).toBe(150 + 8 + 3 + 0);
    for (const { code, count } of result.codes) {
      expect(sumOf(timeline.byCode[code])).toBe(count);
    }
    expect(sumOf(timeline.totals)).toBe(result.total);
  });

  it('counts only the Count series when the query has several metrics', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_TERMS_TIMESERIES_MULTI_METRIC));
    expect(counts(result)).toEqual({ 200: 762, 404: 16 });
  });

  it('reads the code from labels (alerting, Grafana 10.0–10.4) and reports the label key', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_TERMS_TIMESERIES_LABELS));
    expect(result.codeField).toBe('sip.status_code');
    expect(counts(result)).toEqual({ 200: 762, 486: 35, 503: 8 });
    expect(result.fieldsSeen).toContain('sip.status_code');
  });

  it('gives the same counts from labels as from frame names', () => {
    const labelled = fixtures.ES_TERMS_TIMESERIES_LABELS;
    const named = labelled.map((frame) => ({
      ...frame,
      schema: {
        ...frame.schema!,
        name: frame.schema!.fields[1].config!.displayNameFromDS,
        fields: frame.schema!.fields.map((field) => ({ name: field.name, type: field.type, config: {} })),
      },
    }));
    const fromLabels = normalizeFrames(toFrames(labelled));
    const fromNames = normalizeFrames(toFrames(named));
    expect(fromNames.codes).toEqual(fromLabels.codes);
    expect(fromNames.timeline).toEqual(fromLabels.timeline);
  });

  it('prefers the label over a frame name that disagrees', () => {
    const frame = namedSeries('renamed by alias', [4, 5]);
    frame.fields[1].labels = { 'sip.status_code': '486' };
    expect(counts(normalizeFrames([frame]))).toEqual({ 486: 9 });
  });

  it('reads older lowercase time/value frames', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_TERMS_TIMESERIES_LEGACY));
    expect(counts(result)).toEqual({ 200: 385, 404: 6 });
    expect(result.timeline!.times).toHaveLength(4);
  });

  it('finds the code among two Terms levels, by name token or by label', () => {
    const named = normalizeFrames(toFrames(fixtures.ES_TWO_TERMS_TIMESERIES));
    const labelled = normalizeFrames(toFrames(fixtures.ES_TWO_TERMS_TIMESERIES_LABELS));
    expect(counts(named)).toEqual({ 200: 965, 486: 22, 481: 2 });
    expect(labelled.codes).toEqual(named.codes);
    expect(labelled.codeField).toBe('sip.status_code');
    expect(named.timeline!.byCode[200]).toEqual([230, 233, 246, 256]);
  });

  it('uses the configured label key when two labels hold code-like values', () => {
    const frame = namedSeries('', [3, 4]);
    frame.name = undefined;
    frame.fields[1].labels = { 'sip.status_code': '404', 'sip.original_code': '503' };
    expect(counts(normalizeFrames([frame], { codeField: 'sip.original_code' }))).toEqual({ 503: 7 });
    expect(counts(normalizeFrames([frame]))).toEqual({ 404: 7 });
  });

  it('reports a configured label key that the series do not have', () => {
    const frames = toFrames(fixtures.ES_TERMS_TIMESERIES_LABELS);
    const result = normalizeFrames(frames, { codeField: 'sip.response' });
    expect(notice(result, 'code-field-missing')!.message).toContain('sip.response');
    expect(result.total).toBe(805);
  });

  it('keeps counting when a second Terms level sorts after the code ("404 trunk-a")', () => {
    const result = normalizeFrames([namedSeries('404 trunk-a', [1, 2]), namedSeries('200 trunk-a', [10, 10])]);
    expect(counts(result)).toEqual({ 200: 20, 404: 3 });
  });

  it('skips series of other metrics even after a second Terms level', () => {
    const result = normalizeFrames([
      namedSeries('404 trunk-a Count', [1, 2]),
      namedSeries('404 trunk-a Average sip.duration', [50, 60]),
      namedSeries('404 trunk-a p95 sip.duration', [70, 80]),
      namedSeries('404 trunk-a Derivative Count', [9, 9]),
    ]);
    expect(counts(result)).toEqual({ 404: 3 });
  });

  it('counts series named after a non-code bucket as invalid calls', () => {
    const result = normalizeFrames([
      namedSeries('200', [10, 10]),
      namedSeries('999', [1, 1]),
      namedSeries('abc', [2, null]),
    ]);
    expect(result.total).toBe(20);
    expect(result.invalid).toEqual({
      count: 4,
      samples: [
        { value: '999', count: 2 },
        { value: 'abc', count: 2 },
      ],
    });
  });

  it('aligns series with different bucket times on the union of their times', () => {
    const early = namedSeries('200', [1, 2, 3], 'A', FIXTURE_START_MS);
    const late = namedSeries('486', [4, 5], 'A', FIXTURE_START_MS + 2 * MINUTE);
    const timeline = normalizeFrames([late, early]).timeline!;
    expect(timeline.times).toEqual([0, 1, 2, 3].map((i) => FIXTURE_START_MS + i * MINUTE));
    expect(timeline.byCode[200]).toEqual([1, 2, 3, 0]);
    expect(timeline.byCode[486]).toEqual([0, 0, 4, 5]);
    expect(timeline.totals).toEqual([1, 2, 7, 5]);
  });

  it('builds no timeline when no final call has a time, and gives zeros to a code whose calls are all untimed', () => {
    expect(normalizeFrames([namedSeries('200', [0, 0, 0])]).timeline).toBeUndefined();
    const untimed = toDataFrame({
      name: '200',
      meta: { type: 'timeseries-multi' },
      fields: [
        { name: 'Time', type: FieldType.time, values: [FIXTURE_START_MS, FIXTURE_START_MS + MINUTE] },
        { name: 'Value', type: FieldType.number, values: [0, 0, 2] },
      ],
    });
    const result = normalizeFrames([namedSeries('180', [1, 0]), untimed]);
    expect(counts(result)).toEqual({ 200: 2 });
    expect(result.timeline).toEqual({
      times: [FIXTURE_START_MS, FIXTURE_START_MS + MINUTE],
      totals: [0, 0],
      byCode: { 200: [0, 0] },
    });
    expect(notice(result, 'no-time-data')!.message).toContain('2 calls have no usable timestamp');
  });

  it('reads times given as text or Dates, and never shows -0 as a time', () => {
    const frame = (name: string, times: unknown[], values: number[]) =>
      toDataFrame({
        name,
        meta: { type: 'timeseries-multi' },
        fields: [
          { name: 'Time', type: FieldType.time, values: times },
          { name: 'Value', type: FieldType.number, values },
        ],
      });
    const result = normalizeFrames([
      frame('200', [-0, String(MINUTE), new Date(2 * MINUTE)], [1, 2, 3]),
      frame('486', [0, MINUTE, 2 * MINUTE], [1, 1, 1]),
    ]);
    expect(Object.is(result.timeline!.times[0], 0)).toBe(true);
    expect(result.timeline).toEqual({
      times: [0, MINUTE, 2 * MINUTE],
      totals: [2, 3, 4],
      byCode: { 200: [1, 2, 3], 486: [1, 1, 1] },
    });
  });

  it('reads wide frames with one field per code', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: [FIXTURE_START_MS, FIXTURE_START_MS + MINUTE] },
        { name: '200', type: FieldType.number, values: [30, 31] },
        { name: '486', type: FieldType.number, values: [2, null] },
      ],
    });
    const result = normalizeFrames([frame]);
    expect(result.shape).toBe('terms-timeseries');
    expect(counts(result)).toEqual({ 200: 61, 486: 2 });
    expect(result.timeline!.byCode[486]).toEqual([2, 0]);
  });

  it('explains that a date histogram alone has no code to count', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_DATE_HISTOGRAM_ONLY));
    expect(result.shape).toBe('none');
    expect(result.total).toBe(0);
    const problem = notice(result, 'no-code-field')!;
    expect(problem.level).toBe('error');
    expect(problem.message).toContain('Terms');
  });

  it('counts the coded series and mentions a code-less histogram from another query', () => {
    const histogram = toFrames(fixtures.ES_DATE_HISTOGRAM_ONLY).map((frame) => ({ ...frame, refId: 'B' }));
    const result = normalizeFrames([...toFrames(fixtures.ES_TERMS_TIMESERIES), ...histogram]);
    expect(result.total).toBe(1657);
    expect(notice(result, 'no-code-field')).toMatchObject({ level: 'info' });
    expect(notice(result, 'no-code-field')!.message).toContain('query B');
  });
});

describe('raw data and logs', () => {
  it('counts one call per row and builds a timeline of equal buckets', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_RAW_DATA));
    expect(result.shape).toBe('raw-rows');
    expect(result.codeField).toBe('sip.status_code');
    expect(counts(result)).toEqual({ 200: 18, 486: 4, 487: 3, 404: 2, 503: 1, 408: 1, 480: 1 });
    const timeline = result.timeline!;
    // 29 minutes 55 s of calls → 30 s buckets aligned to the half minute.
    expect(timeline.times[0]).toBe(FIXTURE_START_MS + 60_000);
    expect(timeline.times[1] - timeline.times[0]).toBe(30_000);
    expect(timeline.times.length).toBeGreaterThanOrEqual(40);
    expect(timeline.times.length).toBeLessThanOrEqual(100);
    expect(sumOf(timeline.totals)).toBe(30);
    expect(sumOf(timeline.byCode[486])).toBe(4);
    // The 480 call at +121 s falls in the bucket starting at +120 s.
    expect(timeline.byCode[480][timeline.times.indexOf(FIXTURE_START_MS + 120_000)]).toBe(1);
  });

  it('counts text codes in a field named sip_status', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_RAW_DATA_STRING_CODES));
    expect(result.codeField).toBe('sip_status');
    expect(counts(result)).toEqual({ 200: 8, 486: 2, 404: 1, 487: 1 });
  });

  it('reads logs frames (code in sip.code) and is not partial below the limit', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_LOGS));
    expect(result.codeField).toBe('sip.code');
    expect(result.total).toBe(20);
    expect(result.partial).toBeUndefined();
    expect(notice(result, 'partial-data')).toBeUndefined();
  });

  it('marks logs that reached their limit as partial, with the number matched', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_LOGS_AT_LIMIT));
    expect(result.total).toBe(25);
    expect(result.partial).toEqual({ rows: 25, limit: 25, matched: 1342 });
    expect(notice(result, 'partial-data')).toMatchObject({ level: 'warning' });
    expect(notice(result, 'partial-data')!.message).toContain('1,342');
  });

  it('marks raw rows as partial when they equal the row limit the caller passes', () => {
    const frames = toFrames(fixtures.ES_RAW_DATA);
    expect(normalizeFrames(frames, { rowLimit: 30 }).partial).toEqual({ rows: 30, limit: 30 });
    expect(normalizeFrames(frames, { rowLimit: 500 }).partial).toBeUndefined();
    expect(normalizeFrames(frames).partial).toBeUndefined();
  });

  it('honours meta.limit set by a data source', () => {
    const frame = rowsFrame({ sip_status: [200, 200, 486] }, { meta: { limit: 3 } });
    expect(normalizeFrames([frame]).partial).toEqual({ rows: 3, limit: 3 });
  });

  it('counts null, junk and out-of-range cells as invalid, by calls, with samples', () => {
    const frame = rowsFrame({
      sip_status: [200, 'abc', 42, 999, null, 404.5, ' 486 ', '200', 'abc', undefined, 180, NaN, -1, 200],
    });
    const result = normalizeFrames([frame]);
    expect(counts(result)).toEqual({ 200: 3, 486: 1 });
    expect(result.provisional).toEqual([{ code: 180, count: 1 }]);
    expect(result.invalid.count).toBe(9);
    expect(result.invalid.samples).toEqual([
      { value: '(empty)', count: 2 },
      { value: 'abc', count: 2 },
      { value: '-1', count: 1 },
      { value: '404.5', count: 1 },
      { value: '42', count: 1 },
      { value: '999', count: 1 },
      { value: 'NaN', count: 1 },
    ]);
    expect(notice(result, 'invalid-values')!.message).toContain('9 calls');
  });

  it('places rows without a usable time outside the timeline and says so', () => {
    const frame = toDataFrame({
      fields: [
        { name: '@timestamp', type: FieldType.time, values: [FIXTURE_START_MS, null, FIXTURE_START_MS + MINUTE] },
        { name: 'sip.status_code', type: FieldType.number, values: [200, 486, 200] },
      ],
    });
    const result = normalizeFrames([frame]);
    expect(result.total).toBe(3);
    expect(sumOf(result.timeline!.totals)).toBe(2);
    expect(notice(result, 'no-time-data')!.message).toContain('1 calls');
  });

  it('has no timeline and says why when the time field holds no times', () => {
    const frame = toDataFrame({
      fields: [
        { name: '@timestamp', type: FieldType.time, values: [null, null] },
        { name: '_id', type: FieldType.string, values: ['a', 'b'] },
        { name: 'sip.status_code', type: FieldType.number, values: [200, 486] },
      ],
    });
    const result = normalizeFrames([frame]);
    expect(result.total).toBe(2);
    expect(result.timeline).toBeUndefined();
    expect(notice(result, 'no-time-data')!.message).toContain('@timestamp');
  });
});

describe('raw documents', () => {
  it('finds the nested code path in whole hits and builds a timeline from @timestamp', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_RAW_DOCUMENT));
    expect(result.shape).toBe('raw-document');
    expect(result.codeField).toBe('sip.status_code');
    expect(counts(result)).toEqual({ 200: 8, 486: 2, 404: 1, 487: 1 });
    expect(sumOf(result.timeline!.totals)).toBe(12);
    expect(result.fieldsSeen).toEqual(expect.arrayContaining(['sip.status_code', 'sip.method', '@timestamp']));
  });

  it('reads a configured path, with or without .keyword', () => {
    const frames = toFrames(fixtures.ES_RAW_DOCUMENT);
    expect(normalizeFrames(frames, { codeField: 'sip.status_code' }).total).toBe(12);
    const keyword = normalizeFrames(frames, { codeField: 'sip.status_code.keyword' });
    expect(keyword.total).toBe(12);
    expect(keyword.codeField).toBe('sip.status_code.keyword');
    expect(notice(keyword, 'code-field-missing')).toBeUndefined();
  });

  it('reads top-level code fields and dotted keys', () => {
    expect(counts(normalizeFrames(toFrames(fixtures.ES_RAW_DOCUMENT_FLAT)))).toEqual({ 200: 6, 486: 1, 487: 1 });
    const dotted = toDataFrame({
      refId: 'A',
      fields: [
        { name: 'A', type: FieldType.other, values: [{ 'sip.status_code': 503 }, { 'sip.status_code': [404] }] },
      ],
    });
    expect(counts(normalizeFrames([dotted], { codeField: 'sip.status_code' }))).toEqual({ 503: 1, 404: 1 });
  });

  it('reads hits given as JSON text', () => {
    const frame = toDataFrame({
      refId: 'A',
      fields: [
        { name: 'A', type: FieldType.string, values: ['{"sip":{"status_code":486}}', '{"sip":{"status_code":"200"}}'] },
      ],
    });
    expect(counts(normalizeFrames([frame]))).toEqual({ 486: 1, 200: 1 });
  });

  it('applies the row limit to documents', () => {
    expect(normalizeFrames(toFrames(fixtures.ES_RAW_DOCUMENT), { rowLimit: 12 }).partial).toEqual({
      rows: 12,
      limit: 12,
    });
  });
});

describe('finding the code field', () => {
  it('prefers a field named like a status code over other fields holding numbers in range', () => {
    const frame = rowsFrame({
      _id: ['a', 'b', 'c', 'd'],
      'sip.pdd_ms': [120, 340, 560, 610],
      'sip.status_code': [200, 200, 486, 503],
    });
    const result = normalizeFrames([frame]);
    expect(result.codeField).toBe('sip.status_code');
    expect(counts(result)).toEqual({ 200: 2, 486: 1, 503: 1 });
  });

  it('falls back to any field whose values are SIP codes', () => {
    const frame = rowsFrame({ _id: ['a', 'b', 'c'], host: ['sbc1', 'sbc2', 'sbc1'], rc: ['200', '486', '200'] });
    const result = normalizeFrames([frame]);
    expect(result.codeField).toBe('rc');
    expect(counts(result)).toEqual({ 200: 2, 486: 1 });
  });

  it('ignores a code-named field that holds no codes', () => {
    const frame = rowsFrame({
      _id: ['a', 'b', 'c'],
      status: ['active', 'active', 'ended'],
      final: [200, 487, 200],
    });
    expect(normalizeFrames([frame]).codeField).toBe('final');
  });

  it('takes a code-named field that holds mostly codes over an earlier column of nothing but codes', () => {
    const frame = rowsFrame({ hop: [200, 200, 200, 200], sip_status: [486, 486, 'x', 404] });
    expect(normalizeFrames([frame]).codeField).toBe('sip_status');
  });

  it('takes a column of nothing but codes over a code-named field with few codes', () => {
    const frame = rowsFrame({ sip_status: [486, 'x', 'y', 'z'], hop: [200, 200, 200, 200] });
    expect(normalizeFrames([frame]).codeField).toBe('hop');
  });

  it('uses the configured field even when another looks more like a code field', () => {
    const frame = rowsFrame({ _id: ['a', 'b'], 'sip.status_code': [200, 200], 'sip.original_code': [503, 486] });
    const result = normalizeFrames([frame], { codeField: 'sip.original_code' });
    expect(result.codeField).toBe('sip.original_code');
    expect(counts(result)).toEqual({ 503: 1, 486: 1 });
  });

  it('matches the configured field ignoring case and a .keyword suffix', () => {
    const frames = toFrames(fixtures.ES_TERMS_TABLE_KEYWORD);
    expect(normalizeFrames(frames, { codeField: 'SIP.STATUS_CODE.keyword' }).total).toBe(1724);
    const bare = normalizeFrames(frames, { codeField: 'sip.status_code' });
    expect(bare.total).toBe(1724);
    expect(notice(bare, 'code-field-missing')).toBeUndefined();
  });

  it('reports a configured field that is missing, with the fields seen, and still counts what it finds', () => {
    const result = normalizeFrames(toFrames(fixtures.ES_RAW_DATA), { codeField: 'sip.response' });
    const problem = notice(result, 'code-field-missing')!;
    expect(problem.level).toBe('warning');
    expect(problem.message).toContain('"sip.response"');
    expect(problem.message).toContain('sip.status_code');
    expect(problem.message).toContain('sip.method');
    expect(result.codeField).toBe('sip.status_code');
    expect(result.total).toBe(30);
  });

  it('reports a missing configured field as an error when nothing else holds codes', () => {
    const frame = rowsFrame({ _id: ['a'], host: ['sbc1'] });
    const result = normalizeFrames([frame], { codeField: 'sip.status_code' });
    expect(result.shape).toBe('none');
    expect(notice(result, 'code-field-missing')).toMatchObject({ level: 'error' });
    expect(notice(result, 'no-code-field')).toBeUndefined();
  });

  it('lists the fields seen and the option to set when no field holds codes', () => {
    const frame = rowsFrame({
      '@timestamp': [FIXTURE_START_MS],
      _id: ['x'],
      'sip.method': ['INVITE'],
      'sip.duration': [12],
    });
    const result = normalizeFrames([frame]);
    expect(result.shape).toBe('none');
    const problem = notice(result, 'no-code-field')!;
    expect(problem.level).toBe('error');
    expect(problem.message).toContain('sip.method, sip.duration');
    expect(problem.editorHint).toContain('Code field');
    expect(problem.message).not.toContain('Set the panel option');
    expect(result.fieldsSeen).toEqual(['@timestamp', '_id', 'sip.method', 'sip.duration']);
  });
});

describe('several queries and odd input', () => {
  it('counts one kind of data when queries return different kinds, and warns', () => {
    const raw = toFrames(fixtures.ES_RAW_DATA).map((frame) => ({ ...frame, refId: 'B' }));
    const result = normalizeFrames([...raw, ...toFrames(fixtures.ES_TERMS_TABLE)]);
    expect(result.shape).toBe('terms-table');
    expect(result.total).toBe(1724);
    const warning = notice(result, 'mixed-shapes')!;
    expect(warning.level).toBe('warning');
    expect(warning.message).toContain('query B');
  });

  it('says there is no data when there are no frames or only empty ones', () => {
    for (const fixture of [fixtures.NO_FRAMES, fixtures.ES_EMPTY_TABLE]) {
      const result = normalizeFrames(toFrames(fixture));
      expect(result.shape).toBe('none');
      expect(result.total).toBe(0);
      expect(result.notices.map((item) => item.kind)).toEqual(['no-data']);
    }
    expect(normalizeFrames(toFrames(fixtures.ES_EMPTY_TABLE)).fieldsSeen).toEqual(['sip.status_code', 'Count']);
  });

  it('reads old Vector-style values with get() or toArray()', () => {
    const codes = [200, 486, 200];
    const vector = { length: 3, get: (i: number) => codes[i] };
    const arrayVector = { length: 2, toArray: () => ['404', '200'], get: () => null };
    const frames = [
      { name: 'x', length: 3, fields: [{ name: 'sip_status', type: 'number', config: {}, values: vector }] },
      { length: 2, fields: [{ name: 'sip_status', type: 'string', config: {}, values: arrayVector }] },
    ] as unknown as DataFrame[];
    expect(counts(normalizeFrames(frames))).toEqual({ 200: 3, 486: 1, 404: 1 });
  });

  it('never throws on malformed frames, fields and options', () => {
    const junk = [
      null,
      42,
      'frame',
      { fields: null },
      {
        fields: [
          null,
          7,
          { name: 5, values: 'abc' },
          {
            name: 'code',
            values: {
              get: () => {
                throw new Error('boom');
              },
              length: 2,
            },
          },
        ],
      },
      { fields: [{ name: 'sip_status', values: [200, { nested: true }, [404], Symbol('x')] }] },
    ];
    const result = normalizeFrames(junk as unknown as DataFrame[], { codeField: 7 as unknown as string, rowLimit: -3 });
    expect(result.total).toBe(2);
    expect(counts(result)).toEqual({ 200: 1, 404: 1 });
    expect(result.invalid.count).toBe(2);
    expect(result.notices.some((item) => item.message.includes('row limit'))).toBe(true);
    expect(normalizeFrames(undefined as unknown as DataFrame[]).notices[0].kind).toBe('no-data');
    expect(normalizeFrames('nope' as unknown as DataFrame[]).notices[0]).toMatchObject({
      kind: 'no-data',
      level: 'warning',
    });
  });

  it('explains a row limit that cannot even be turned into text, and still counts', () => {
    const frames = [{ fields: [{ name: 'sip_status', values: [200, 486] }] }] as unknown as DataFrame[];
    const result = normalizeFrames(frames, { rowLimit: { toString: '' } as unknown as number });
    expect(result.total).toBe(2);
    expect(result.notices).toEqual([
      {
        kind: 'partial-data',
        level: 'info',
        message: 'The row limit given to the panel ({"toString":""}) is not a positive whole number and was ignored.',
      },
    ]);
  });
});
