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
import { CodeTally } from './tally';
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

/**
 * Sums every counted series over time into the tally, and lines the series up on the union of their times: cell i
 * of a series goes to the instant of its time cell i; cells without a usable time are counted but untimed.
 */
export function countSeries(plans: SeriesPlan[], tally: CodeTally): { timeline?: Timeline; untimedCalls: number } {
  const axis = timeAxis(plans);
  const instants = axis.instants.length;
  const byCode = new Map<number, number[]>();
  const untimed = { calls: 0 };
  for (const plan of plans) {
    if (plan.code === null) {
      countInvalidSeries(plan, tally);
    } else {
      const positions = !plan.time
        ? NO_POSITIONS
        : axis.aligned.has(plan)
          ? ALIGNED
          : positionsOn(axis.instants, plan.time.values);
      countCodeSeries(plan.code, plan.value.values, positions, instants, byCode, tally, untimed);
    }
  }
  if (instants === 0 || byCode.size === 0) {
    return { untimedCalls: untimed.calls };
  }
  const totals = new Float64Array(instants);
  const byFinalCode: Record<number, number[]> = {};
  // Code by code, most calls first: the totals are the same whatever the order of the frames.
  for (const { code } of tally.finalCodes()) {
    const series = byCode.get(code) ?? zeros(instants);
    addInto(totals, series);
    byFinalCode[code] = series;
  }
  return {
    timeline: { times: toArray(axis.instants), totals: toArray(totals), byCode: byFinalCode },
    untimedCalls: untimed.calls,
  };
}

/**
 * Counts one series of a code into the tally and into the code's calls per instant (made on its first timed call);
 * final-response calls without a usable time go to `untimed`.
 */
function countCodeSeries(
  code: number,
  cells: ArrayLike<unknown>,
  positions: Int32Array,
  instants: number,
  byCode: Map<number, number[]>,
  tally: CodeTally,
  untimed: { calls: number }
): void {
  let series = byCode.get(code);
  for (let i = 0; i < cells.length; i++) {
    const calls = tally.readCount(cells[i]);
    if (calls <= 0) {
      continue;
    }
    tally.addCodeCalls(code, calls);
    const index = positions === ALIGNED ? i : i < positions.length ? positions[i] : -1;
    if (index < 0 || index >= instants) {
      untimed.calls += code >= FIRST_FINAL_CODE ? calls : 0;
      continue;
    }
    if (!series) {
      series = zeros(instants);
      byCode.set(code, series);
    }
    series[index] += calls;
  }
}

/** A shared array of zeros, grown by doubling: copying part of it is a block copy and gives a packed array. */
let ZEROS = [0];

/** `length` zeros. Faster than `new Array(length).fill(0)`, which also leaves the array holey (slower to read). */
function zeros(length: number): number[] {
  while (ZEROS.length < length) {
    ZEROS = ZEROS.concat(ZEROS);
  }
  return ZEROS.slice(0, length);
}

function addInto(totals: Float64Array, series: number[]): void {
  for (let i = 0; i < totals.length; i++) {
    totals[i] += series[i];
  }
}

function toArray(values: Float64Array): number[] {
  const array = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    array[i] = values[i];
  }
  return array;
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

/**
 * Imported bindings read once: under CommonJS (tsx, jest) each use of an imported binding is a property lookup, and
 * one inside a per-cell helper, even on a branch never taken, keeps V8 from inlining that helper into its loop.
 */
const MAX_MS = MAX_TIME_MS;
const readTime = timeMs;

/** A time cell in epoch ms when it is a usable time (a -0 read as 0), else NaN. */
function usableMs(cell: unknown): number {
  const ms = typeof cell === 'number' ? cell : readTime(cell);
  return Math.abs(ms) <= MAX_MS ? ms + 0 : NaN;
}

/** The instants of the timeline, and the series whose time cell i is instant i. */
interface TimeAxis {
  instants: Float64Array;
  aligned: Set<SeriesPlan>;
}

/**
 * Every usable time of the coded series with a time field, ascending and unique. A Terms × Date Histogram answer
 * gives every code the same buckets: the first series makes the axis and each other one is found aligned with it
 * in one walk, which also spares looking up its cells' positions.
 */
function timeAxis(plans: SeriesPlan[]): TimeAxis {
  let instants: Float64Array = new Float64Array(0);
  const aligned = new Set<SeriesPlan>();
  for (const plan of plans) {
    if (!plan.time || plan.code === null) {
      continue;
    }
    if (!isAligned(instants, plan.time.values)) {
      instants = mergeAscending(instants, ascendingUnique(plan.time.values));
      // Instants were added: series found aligned before may not be any more.
      aligned.clear();
      if (!isAligned(instants, plan.time.values)) {
        continue;
      }
    }
    aligned.add(plan);
  }
  return { instants, aligned };
}

/** Whether time cell i is instant i, for every cell and instant. */
function isAligned(times: Float64Array, cells: ArrayLike<unknown>): boolean {
  if (cells.length !== times.length) {
    return false;
  }
  for (let i = 0; i < cells.length; i++) {
    // Instants are usable times, so a cell equal to one is that time; anything else (text, Dates) is read first.
    const cell = cells[i];
    if (cell !== times[i] && usableMs(cell) !== times[i]) {
      return false;
    }
  }
  return true;
}

/** The usable times among `cells`, ascending and unique. */
function ascendingUnique(cells: ArrayLike<unknown>): Float64Array {
  const times = new Float64Array(cells.length);
  let length = 0;
  for (let i = 0; i < cells.length; i++) {
    const ms = usableMs(cells[i]);
    if (ms === ms) {
      times[length++] = ms;
    }
  }
  times.subarray(0, length).sort();
  let unique = 0;
  for (let i = 0; i < length; i++) {
    if (unique === 0 || times[i] !== times[unique - 1]) {
      times[unique++] = times[i];
    }
  }
  return times.subarray(0, unique);
}

/** The union of two ascending unique lists. */
function mergeAscending(a: Float64Array, b: Float64Array): Float64Array {
  const merged = new Float64Array(a.length + b.length);
  let length = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j === b.length || (i < a.length && a[i] < b[j])) {
      merged[length++] = a[i++];
    } else {
      if (i < a.length && a[i] === b[j]) {
        i++;
      }
      merged[length++] = b[j++];
    }
  }
  return merged.slice(0, length);
}

const NO_POSITIONS = new Int32Array(0);
/** Positions of a series whose time cell i is instant i. */
const ALIGNED = new Int32Array(0);

/** Position in `times` (ascending, unique, holding every usable time of `cells`) of each time cell; -1 if unusable. */
function positionsOn(times: Float64Array, cells: ArrayLike<unknown>): Int32Array {
  const positions = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const ms = usableMs(cells[i]);
    positions[i] = ms === ms ? search(times, ms) : -1;
  }
  return positions;
}

/** Index of `ms` in ascending `times`, which holds it. */
function search(times: Float64Array, ms: number): number {
  let low = 0;
  let high = times.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle] < ms) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
