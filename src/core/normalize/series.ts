/**
 * Time-series frames: Terms(code) × Date Histogram in Elasticsearch gives one frame per code, Time + Value.
 * The code is in the value field's labels (alerting, Grafana 10.0–10.4 dashboards) or only in the frame name
 * ("404", "404 Count", "INVITE 404"; Grafana 10.4.1+, 11, 12). Wide frames (Time + one field per code, e.g. after
 * a join transformation) are read the same way, one value field at a time.
 */
import { parseSipCode } from '../catalog/codes';
import { Timeline } from '../types';
import { Candidate, columnStats, pickCodeCandidate } from './detect';
import { FieldView, FrameView, findFieldByName, findLabelKey, timeFieldOf, timeMs } from './frameView';
import { codeNameScore, isMetricOnlyName, suffixMeansCount } from './names';
import { CodeTally, MAX_SANE_COUNT } from './tally';
import { MAX_TIME_MS } from './timeGrid';

/** One value field of a time-series frame and what it counts. */
export interface SeriesPlan {
  frame: FrameView;
  time?: FieldView;
  value: FieldView;
  /** The SIP code counted, or null when the series' code value is not a SIP code (its calls are invalid). */
  code: number | null;
  /** The code value as the data gave it, for invalid-value samples. */
  codeText: string;
  /** Label key the code came from, when labels were used. */
  labelKey?: string;
}

export interface SeriesPlanning {
  /** Count series with a code (valid or not). */
  plans: SeriesPlan[];
  /** Series that carry no code at all: a date histogram without Terms, or Terms on another field. */
  uncoded: Array<{ frame: FrameView; name: string; metricOnly: boolean }>;
  /** Label keys seen (for "fields seen" hints). */
  labelKeys: string[];
  /** refIds whose labels lack the configured code field. */
  codeFieldMissingIn: string[];
}

const METRIC_LABELS = new Set(['metric', 'field', 'metricId']);
const FIRST_FINAL_CODE = 200;

/** Whether a frame is a time series (Time + numbers, named or labelled) rather than rows that happen to have time. */
export function isSeriesFrame(frame: FrameView, codeField: string | undefined): boolean {
  const time = timeFieldOf(frame);
  if (!time) {
    return false;
  }
  const others = frame.fields.filter((field) => field !== time);
  if (others.length === 0 || others.some((field) => field.kind !== 'number')) {
    return false;
  }
  if (codeField && findFieldByName(others, codeField)) {
    return false;
  }
  if (frame.isTimeSeries || others.some((field) => field.labels || field.displayNameFromDS)) {
    return true;
  }
  if (others.some((field) => codeNameScore(field.name) > 0)) {
    return false;
  }
  return (
    frame.name !== undefined ||
    (others.length === 1 && /^value$/i.test(others[0].name)) ||
    others.some((field) => firstCodeWord(words(field.name)) >= 0)
  );
}

interface SeriesName {
  /** Index of the SIP-code word in `words`, -1 when none. */
  codeAt: number;
  words: string[];
}

function words(name: string | undefined): string[] {
  return name ? name.trim().split(/\s+/).filter(Boolean) : [];
}

function firstCodeWord(list: string[]): number {
  return list.findIndex((word) => parseSipCode(word) !== null);
}

/** The names a value field could be known by, most telling first. */
function candidateNames(frame: FrameView, field: FieldView, wide: boolean): string[] {
  const fieldName = /^value$/i.test(field.name) ? undefined : field.name;
  const ordered = wide
    ? [field.displayNameFromDS, fieldName, frame.name, field.displayName]
    : [field.displayNameFromDS, frame.name, fieldName, field.displayName];
  return ordered.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
}

function nameWithCode(names: string[]): SeriesName | undefined {
  for (const name of names) {
    const list = words(name);
    const codeAt = firstCodeWord(list);
    if (codeAt >= 0) {
      return { codeAt, words: list };
    }
  }
  return undefined;
}

/** Series naming puts the label values first (sorted by key), then the metric; what follows them says the metric. */
function labelledSeriesCounts(field: FieldView, names: string[], labelKeys: string[]): boolean {
  const labels = field.labels ?? {};
  if (labels.metric !== undefined) {
    return labels.metric === 'count';
  }
  const name = field.displayNameFromDS ?? names[0];
  if (!name) {
    return true;
  }
  const prefix = labelKeys
    .filter((key) => !METRIC_LABELS.has(key))
    .sort()
    .map((key) => labels[key])
    .join(' ');
  const trimmed = name.trim();
  if (prefix && trimmed.startsWith(prefix)) {
    return suffixMeansCount(words(trimmed.slice(prefix.length)));
  }
  return true;
}

/** Picks, for one query's series, the label key holding codes. */
function codeLabelKey(fields: FieldView[], codeField: string | undefined): { key?: string; missing: boolean } {
  const labelled = fields.filter((field) => field.labels);
  if (labelled.length === 0) {
    return { missing: false };
  }
  if (codeField) {
    for (const field of labelled) {
      const key = findLabelKey(field.labels!, codeField);
      if (key) {
        return { key, missing: false };
      }
    }
  }
  const valuesByKey = new Map<string, unknown[]>();
  for (const field of labelled) {
    for (const [key, value] of Object.entries(field.labels!)) {
      if (METRIC_LABELS.has(key)) {
        continue;
      }
      const list = valuesByKey.get(key) ?? [];
      list.push(value);
      valuesByKey.set(key, list);
    }
  }
  const candidates: Array<Candidate<string>> = [...valuesByKey].map(([key, values]) => ({
    item: key,
    name: key,
    stats: columnStats(values),
  }));
  return { key: pickCodeCandidate(candidates)?.item, missing: codeField !== undefined };
}

/** Works out what each series counts. Cheap: looks at names and labels only, never at values. */
export function planSeries(frames: FrameView[], codeField: string | undefined): SeriesPlanning {
  const planning: SeriesPlanning = { plans: [], uncoded: [], labelKeys: [], codeFieldMissingIn: [] };
  const labelKeys = new Set<string>();
  const groups = new Map<string, FrameView[]>();
  for (const frame of frames) {
    const group = groups.get(frame.refId ?? '') ?? [];
    group.push(frame);
    groups.set(frame.refId ?? '', group);
  }

  groups.forEach((group, refId) => {
    const entries = group.flatMap((frame) => {
      const time = timeFieldOf(frame);
      const values = frame.fields.filter((field) => field !== time && field.kind === 'number');
      return values.map((value) => ({ frame, time, value, wide: values.length > 1 }));
    });
    entries.forEach(({ value }) => Object.keys(value.labels ?? {}).forEach((key) => labelKeys.add(key)));
    const { key, missing } = codeLabelKey(
      entries.map((entry) => entry.value),
      codeField
    );
    if (missing) {
      planning.codeFieldMissingIn.push(refId);
    }

    const groupPlans: SeriesPlan[] = [];
    const maybeInvalid: Array<{ plan: SeriesPlan; name: string }> = [];
    for (const { frame, time, value, wide } of entries) {
      const names = candidateNames(frame, value, wide);
      const labelValue = key !== undefined ? value.labels?.[key] : undefined;
      if (labelValue !== undefined) {
        if (labelledSeriesCounts(value, names, Object.keys(value.labels ?? {}))) {
          groupPlans.push({ frame, time, value, code: parseSipCode(labelValue), codeText: labelValue, labelKey: key });
        }
        continue;
      }
      const named = nameWithCode(names);
      if (named) {
        if (suffixMeansCount(named.words.slice(named.codeAt + 1))) {
          const codeText = named.words[named.codeAt];
          groupPlans.push({ frame, time, value, code: parseSipCode(codeText), codeText });
        }
        continue;
      }
      const name = names[0] ?? '';
      if (name === '' || isMetricOnlyName(name)) {
        planning.uncoded.push({ frame, name: name || value.name, metricOnly: true });
        continue;
      }
      // Named like a Terms bucket but not a SIP code ("abc", "999"): invalid when other series of the query
      // carry codes, otherwise the query is grouped by some other field.
      const nameWords = words(name);
      if (!suffixMeansCount(nameWords)) {
        continue;
      }
      const bucketWords = nameWords[nameWords.length - 1] === 'Count' ? nameWords.slice(0, -1) : nameWords;
      maybeInvalid.push({ plan: { frame, time, value, code: null, codeText: bucketWords.join(' ') }, name });
    }
    if (groupPlans.length > 0) {
      groupPlans.push(...maybeInvalid.map((entry) => entry.plan));
    } else {
      planning.uncoded.push(...maybeInvalid.map(({ plan, name }) => ({ frame: plan.frame, name, metricOnly: false })));
    }
    planning.plans.push(...groupPlans);
  });
  planning.labelKeys = [...labelKeys];
  return planning;
}

/** Calls per code on a list of instants, before they become a Timeline. */
interface SeriesCounts {
  /** Instants, epoch ms, ascending, unique. */
  times: number[];
  /** Calls per instant of each code that had at least one call with a time. */
  byCode: Map<number, number[]>;
  /** Final-response calls without a usable time. */
  untimedCalls: number;
  /** Final-response calls per instant, when summed on the way (see countOnSharedTimes). */
  totals?: number[];
}

/** Sums every counted series over time into the tally, and lines the series up on the union of their times. */
export function countSeries(plans: SeriesPlan[], tally: CodeTally): { timeline?: Timeline; untimedCalls: number } {
  const shared = sharedTimes(plans);
  const counts = shared ? countOnSharedTimes(plans, shared, tally) : countOnUnionOfTimes(plans, tally);
  const { times, byCode, untimedCalls } = counts;
  if (times.length === 0 || byCode.size === 0) {
    return { untimedCalls };
  }
  const totals = counts.totals ?? finalTotals(times, byCode, tally);
  return { timeline: { times, totals, byCode: finalSeries(times, byCode, tally) }, untimedCalls };
}

/** Plans whose times go on the timeline: coded ones with a time field. */
function timedPlans(plans: SeriesPlan[]): Array<SeriesPlan & { time: FieldView }> {
  return plans.filter((plan): plan is SeriesPlan & { time: FieldView } => !!plan.time && plan.code !== null);
}

/**
 * The time cells every timed series has, when they all have the same ones (the usual Terms × Date Histogram
 * answer: one bucket list for every code), ascending numbers and all usable. Then cell i of each series belongs to
 * instant i and nothing needs looking up. Undefined otherwise.
 */
function sharedTimes(plans: SeriesPlan[]): ArrayLike<unknown> | undefined {
  const timed = timedPlans(plans);
  if (timed.length === 0) {
    return undefined;
  }
  const shared = timed[0].time.values;
  if (!isUsableAscending(shared)) {
    return undefined;
  }
  let checked = shared;
  for (const plan of timed) {
    const times = plan.time.values;
    if (times !== checked && !sameCells(times, shared)) {
      return undefined;
    }
    checked = times;
  }
  return shared;
}

/** Whether every cell is a usable time in epoch ms, each later than the one before. */
function isUsableAscending(times: ArrayLike<unknown>): boolean {
  // A local copy: an imported binding read in a hot loop can cost a call per read (CommonJS interop).
  const maxTime = MAX_TIME_MS;
  let previous = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const time = times[i];
    if (typeof time !== 'number' || !(time > previous) || !(Math.abs(time) <= maxTime)) {
      return false;
    }
    previous = time;
  }
  return true;
}

function sameCells(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

/**
 * Series on one shared time axis: the first series of each code is copied in one pass that also sums its calls and
 * adds them to the totals per instant. That pass takes whole counts only, and a total per instant then holds at most
 * one series per final code (500 × MAX_SANE_COUNT < 2^53), so it is exact in any order: the same as summed code by
 * code at the end. A series with other cells (text, junk, fractions) or a second series of the same code is read
 * cell by cell instead, and the totals are then summed at the end.
 */
function countOnSharedTimes(plans: SeriesPlan[], shared: ArrayLike<unknown>, tally: CodeTally): SeriesCounts {
  const times = new Array<number>(shared.length);
  for (let i = 0; i < shared.length; i++) {
    // `+ 0` turns a -0 into 0, as the union of times (a Set) would.
    times[i] = (shared[i] as number) + 0;
  }
  const counts: SeriesCounts = {
    times,
    byCode: new Map(),
    untimedCalls: 0,
    totals: new Array<number>(times.length).fill(0),
  };
  for (const plan of plans) {
    if (plan.code === null) {
      countInvalidSeries(plan, tally);
    } else {
      addOnSharedTimes(plan.code, plan.value.values, plan.time ? times.length : 0, counts, tally);
    }
  }
  return counts;
}

/** One series of a code: cell i goes to instant i while i < timedCells; later cells have no time. */
function addOnSharedTimes(
  code: number,
  cells: ArrayLike<unknown>,
  timedCells: number,
  counts: SeriesCounts,
  tally: CodeTally
): void {
  const end = Math.min(timedCells, cells.length);
  const known = counts.byCode.get(code);
  const totals = code >= FIRST_FINAL_CODE ? counts.totals : undefined;
  const copied = known ? undefined : copyWholeCounts(cells, end, counts.times.length, totals);
  if (copied && tally.addWholeCalls(code, copied.calls)) {
    if (copied.calls > 0) {
      counts.byCode.set(code, copied.series);
    }
  } else {
    counts.totals = undefined;
    const series = known ?? new Array<number>(counts.times.length).fill(0);
    if (addCellByCell(code, cells, end, series, tally) && !known) {
      counts.byCode.set(code, series);
    }
  }
  for (let i = end; i < cells.length; i++) {
    const calls = tally.readCount(cells[i]);
    if (calls > 0) {
      tally.addCodeCalls(code, calls);
      counts.untimedCalls += code >= FIRST_FINAL_CODE ? calls : 0;
    }
  }
}

/**
 * Cells [0, end) as a new series of `length` instants, with their sum, each cell also added to `totals` when given.
 * Undefined at the first cell that is not a whole count from 0 to MAX_SANE_COUNT (a -0 neither): `totals` then
 * hold part of the series.
 */
function copyWholeCounts(
  cells: ArrayLike<unknown>,
  end: number,
  length: number,
  totals: number[] | undefined
): { series: number[]; calls: number } | undefined {
  // A local copy: an imported binding read in a hot loop can cost a call per read (CommonJS interop).
  const maxCount = MAX_SANE_COUNT;
  let calls = 0;
  for (let i = 0; i < end; i++) {
    const cell = cells[i];
    if (
      typeof cell !== 'number' ||
      !(cell >= 0 && cell <= maxCount) ||
      Math.floor(cell) !== cell ||
      (cell === 0 && 1 / cell < 0)
    ) {
      return undefined;
    }
    calls += cell;
    if (totals) {
      totals[i] += cell;
    }
  }
  // Every cell is a number now: copying them is a block copy.
  const series = Array.prototype.slice.call(cells, 0, end) as number[];
  while (series.length < length) {
    series.push(0);
  }
  return { series, calls };
}

/** Reads count cells [0, end) one by one into a series; true when any held calls. */
function addCellByCell(
  code: number,
  cells: ArrayLike<unknown>,
  end: number,
  series: number[],
  tally: CodeTally
): boolean {
  let anyCalls = false;
  for (let i = 0; i < end; i++) {
    const calls = tally.readCount(cells[i]);
    if (calls > 0) {
      tally.addCodeCalls(code, calls);
      series[i] += calls;
      anyCalls = true;
    }
  }
  return anyCalls;
}

/** Calls of a series whose code value is not a SIP code: all invalid, whatever their time. */
function countInvalidSeries(plan: SeriesPlan, tally: CodeTally): void {
  const cells = plan.value.values;
  for (let i = 0; i < cells.length; i++) {
    const calls = tally.readCount(cells[i]);
    if (calls > 0) {
      tally.noteInvalid(plan.codeText, calls);
    }
  }
}

/** The general case: series with different or unsorted times go on the union of every usable time. */
function countOnUnionOfTimes(plans: SeriesPlan[], tally: CodeTally): SeriesCounts {
  const instants = new Set<number>();
  for (const plan of timedPlans(plans)) {
    const times = plan.time.values;
    for (let i = 0; i < times.length; i++) {
      const ms = timeMs(times[i]);
      if (Math.abs(ms) <= MAX_TIME_MS) {
        instants.add(ms);
      }
    }
  }
  const times = [...instants].sort((a, b) => a - b);
  const position = new Map<number, number>();
  times.forEach((ms, index) => position.set(ms, index));
  const counts: SeriesCounts = { times, byCode: new Map(), untimedCalls: 0 };

  for (const plan of plans) {
    if (plan.code === null) {
      countInvalidSeries(plan, tally);
      continue;
    }
    const values = plan.value.values;
    const cellTimes = plan.time?.values;
    for (let i = 0; i < values.length; i++) {
      const calls = tally.readCount(values[i]);
      if (calls <= 0) {
        continue;
      }
      tally.addCodeCalls(plan.code, calls);
      const index = cellTimes && i < cellTimes.length ? position.get(timeMs(cellTimes[i])) : undefined;
      if (index === undefined) {
        counts.untimedCalls += plan.code >= FIRST_FINAL_CODE ? calls : 0;
        continue;
      }
      let series = counts.byCode.get(plan.code);
      if (!series) {
        series = new Array<number>(times.length).fill(0);
        counts.byCode.set(plan.code, series);
      }
      series[index] += calls;
    }
  }
  return counts;
}

/** The final codes' series, zeros for a code whose calls all lack a time. */
function finalSeries(times: number[], byCode: Map<number, number[]>, tally: CodeTally): Record<number, number[]> {
  const result: Record<number, number[]> = {};
  for (const { code } of tally.finalCodes()) {
    result[code] = byCode.get(code) ?? new Array<number>(times.length).fill(0);
  }
  return result;
}

/** Final-response calls per instant, summed code by code (most calls first). */
function finalTotals(times: number[], byCode: Map<number, number[]>, tally: CodeTally): number[] {
  const totals = new Array<number>(times.length).fill(0);
  for (const { code } of tally.finalCodes()) {
    const series = byCode.get(code);
    for (let i = 0; series && i < series.length; i++) {
      totals[i] += series[i];
    }
  }
  return totals;
}
