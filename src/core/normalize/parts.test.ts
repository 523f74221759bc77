import { DataFrame, FieldType, toDataFrame } from '@grafana/data';
import { FIXTURE_START_MS, ES_RAW_DATA, toFrames } from './testing/frames';
import { columnStats, pickCodeCandidate } from './detect';
import { readPath } from './documents';
import { codeNameScore, isMetricOnlyName, suffixMeansCount } from './names';
import { normalizeFrames } from './normalize';
import { CodeTally } from './tally';
import { MAX_ROW_BUCKETS, gridTimes, timeGrid } from './timeGrid';

describe('codeNameScore', () => {
  it.each([
    ['sip_status', 3],
    ['sip.status_code', 3],
    ['sip.status_code.keyword', 3],
    ['sip.code', 3],
    ['response.code', 3],
    ['statusCode', 3],
    ['code', 2],
    ['status', 2],
    ['response', 2],
    ['Count', 0],
    ['sip.status_text', 0],
    ['sip.response_time', 0],
    ['sip.call_id', 0],
    ['host.name', 0],
  ])('%s scores %i', (name, score) => {
    expect(codeNameScore(name)).toBe(score);
  });
});

describe('series name suffixes', () => {
  it.each([
    [[], true],
    [['Count'], true],
    [['trunk-a'], true],
    [['trunk-a', 'Count'], true],
    [['Average', 'sip.duration'], false],
    [['trunk-a', 'Average', 'sip.duration'], false],
    [['p95', 'sip.duration'], false],
    [['Unique', 'Count', 'sip.call_id'], false],
    [['Count', 'sip.duration'], false],
    [['Derivative', 'Count'], false],
  ])('%j counts calls: %s', (words, expected) => {
    expect(suffixMeansCount(words as string[])).toBe(expected);
  });

  it('recognises names that are only a metric', () => {
    expect(isMetricOnlyName('Count')).toBe(true);
    expect(isMetricOnlyName('Average sip.duration')).toBe(true);
    expect(isMetricOnlyName('sbc-fra-1')).toBe(false);
  });
});

describe('code field detection', () => {
  const candidate = (name: string, values: unknown[]) => ({ item: name, name, stats: columnStats(values) });

  it('requires most values of a code-named field to be codes', () => {
    expect(pickCodeCandidate([candidate('status', ['200', 'x', 'y', 'z', 'w'])])).toBeUndefined();
    expect(pickCodeCandidate([candidate('status', ['200', '486', 'x'])])?.item).toBe('status');
  });

  it('requires nearly all values of an unnamed field to be codes', () => {
    expect(pickCodeCandidate([candidate('rc', [200, 486, 200, 1])])).toBeUndefined();
    expect(pickCodeCandidate([candidate('rc', [200, 486, 200, 200, 404])])?.item).toBe('rc');
  });

  it('prefers few distinct values among unnamed fields', () => {
    const durations = Array.from({ length: 50 }, (_, i) => 100 + i * 7);
    const codes = Array.from({ length: 50 }, (_, i) => [200, 486, 404][i % 3]);
    expect(pickCodeCandidate([candidate('pdd', durations), candidate('rc', codes)])?.item).toBe('rc');
  });

  it('ignores empty cells when judging a column', () => {
    expect(columnStats([null, '', '  ', 200, undefined, '486'])).toEqual({ filled: 2, codes: 2, distinct: 2 });
  });

  it('samples long columns evenly instead of reading them whole', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 200 : 'x'));
    const stats = columnStats(values);
    expect(stats.filled).toBeLessThanOrEqual(600);
    expect(stats.codes / stats.filled).toBeCloseTo(0.5, 1);
  });
});

describe('readPath', () => {
  it('reads nested, dotted and mixed paths', () => {
    expect(readPath({ sip: { status_code: 404 } }, 'sip.status_code')).toBe(404);
    expect(readPath({ 'sip.status_code': 486 }, 'sip.status_code')).toBe(486);
    expect(readPath({ sip: { 'status.code': 503 } }, 'sip.status.code')).toBe(503);
    expect(readPath({ sip: null }, 'sip.status_code')).toBeUndefined();
    expect(readPath('text', 'a')).toBeUndefined();
  });
});

describe('timeGrid', () => {
  it('picks the smallest clock-friendly width giving at most 100 buckets, aligned to the width', () => {
    const start = Date.UTC(2025, 2, 10, 8, 3, 17);
    const grid = timeGrid(start, start + 6 * 3600_000);
    expect(grid.width).toBe(5 * 60_000);
    expect(grid.start % grid.width).toBe(0);
    expect(grid.start).toBeLessThanOrEqual(start);
    expect(grid.count).toBeLessThanOrEqual(MAX_ROW_BUCKETS);
    expect(grid.count).toBeGreaterThanOrEqual(40);
  });

  it('covers one instant with one bucket and very long spans with whole days', () => {
    expect(timeGrid(FIXTURE_START_MS, FIXTURE_START_MS)).toMatchObject({ count: 1, start: FIXTURE_START_MS });
    const years = timeGrid(0, 20 * 365 * 86_400_000);
    expect(years.width % 86_400_000).toBe(0);
    expect(years.count).toBeLessThanOrEqual(MAX_ROW_BUCKETS);
  });

  it('lists bucket starts ascending', () => {
    const grid = timeGrid(FIXTURE_START_MS, FIXTURE_START_MS + 10 * 60_000);
    const times = gridTimes(grid);
    expect(times).toHaveLength(grid.count);
    expect(times[1] - times[0]).toBe(grid.width);
  });
});

describe('CodeTally', () => {
  it('counts timed rows the same whether they are sorted or not', () => {
    const rows = 5000;
    const codes = Array.from({ length: rows }, (_, i) => [200, 486, 404, 200, '503', null][i % 6]);
    const times = Array.from({ length: rows }, (_, i) => FIXTURE_START_MS + i * 7_001);
    const grid = timeGrid(times[0], times[rows - 1]);
    const tallies = [
      { codes, times },
      { codes: [...codes].reverse(), times: [...times].reverse() },
      { codes: codes.map((_, i) => codes[(i * 7) % rows]), times: times.map((_, i) => times[(i * 7) % rows]) },
    ].map((input) => {
      const tally = new CodeTally();
      tally.useGrid(grid);
      tally.countCells(input.codes, rows, input.times);
      return tally;
    });
    const [sorted, reversed, shuffled] = tallies.map((tally) => ({
      codes: tally.finalCodes(),
      timeline: tally.gridTimeline(tally.finalCodes()),
      invalid: tally.invalid().count,
    }));
    expect(reversed).toEqual(sorted);
    expect(shuffled).toEqual(sorted);
    expect(sorted.invalid).toBe(Math.ceil((rows - 5) / 6));
  });
});

describe('time-sorted, reversed and shuffled rows through normalizeFrames', () => {
  it('give the same counts and timeline', () => {
    const [frame] = toFrames(ES_RAW_DATA);
    const order = frame.fields[0].values.map((_, i) => i);
    const reorder = (indices: number[]): DataFrame => ({
      ...frame,
      fields: frame.fields.map((field) => ({ ...field, values: indices.map((i) => field.values[i]) })),
    });
    const shuffled = order.map((_, i) => (i * 13) % order.length);
    const base = normalizeFrames([frame]);
    for (const variant of [reorder([...order].reverse()), reorder(shuffled)]) {
      const result = normalizeFrames([variant]);
      expect(result.codes).toEqual(base.codes);
      expect(result.timeline).toEqual(base.timeline);
    }
  });

  it('keep rows whose time is missing in the middle of a sorted column', () => {
    const frame = toDataFrame({
      fields: [
        {
          name: 'time',
          type: FieldType.time,
          values: [FIXTURE_START_MS + 3000, null, FIXTURE_START_MS + 1000, FIXTURE_START_MS],
        },
        { name: 'sip_status', type: FieldType.number, values: [200, 200, 486, 486] },
      ],
    });
    const result = normalizeFrames([frame]);
    expect(result.total).toBe(4);
    expect(result.timeline!.totals.reduce((a, b) => a + b, 0)).toBe(3);
  });
});
