/**
 * The accumulator every frame shape counts into: calls per code in a typed array indexed by the code, values that
 * are not codes, unusable count cells, and (for row data) calls per time bucket.
 *
 * The row loops are the hot path (a million log rows must stay close to a bare counting loop): numeric cells
 * go straight into the typed array; text cells are parsed once per distinct text and cached; nothing is allocated
 * per row.
 */
import { parseSipCode } from '../catalog/codes';
import { CodeCount, InvalidValues, Timeline } from '../types';
import { MAX_TIME_MS, TimeGrid, gridTimes } from './timeGrid';
import { timeMs } from './frameView';

/** One slot per possible code 0–699; SIP codes use 100–699. */
export const CODE_SLOTS = 700;

/** Larger count cells are corrupt data, not calls (a trillion calls in one cell). */
export const MAX_SANE_COUNT = 1e12;

/** Distinct invalid values remembered for samples; beyond this, calls are still counted. */
const MAX_DISTINCT_INVALID = 1000;
/** Distinct texts whose parse is cached (codes are few; a column of call ids is not worth caching). */
const MAX_CACHED_TEXTS = 10000;
export const MAX_INVALID_SAMPLES = 10;
const MAX_SAMPLE_TEXT = 40;

const NOT_A_CODE = -1;
/** Size of the direct-mapped text cache (a power of two). */
const TEXT_SLOTS = 256;
const FIRST_FINAL_CODE = 200;
/** Histograms counted side by side in the raw-row loop, and the shortest range worth clearing and adding them for. */
const LANES = 4;
const MIN_CELLS_FOR_LANES = 4096;

export class CodeTally {
  /** Calls per code counted without the time grid. Read totals through callsPerCode(). */
  private readonly direct = new Float64Array(CODE_SLOTS);
  /** Calls whose code value is not a SIP status code. */
  invalidCalls = 0;
  /** Count cells that were negative, not numbers, or absurdly large. */
  badCountCells = 0;
  readonly badCountSamples: string[] = [];

  private readonly invalidByValue = new Map<unknown, number>();
  private invalidUnsampled = 0;
  private readonly textCodes = new Map<string, number>();
  private readonly slotTexts: Array<string | undefined> = new Array(TEXT_SLOTS).fill(undefined);
  private readonly slotCodes = new Int32Array(TEXT_SLOTS);

  /** Scratch histograms of countRange, LANES × CODE_SLOTS. */
  private lanes?: Float64Array;

  private grid?: TimeGrid;
  /**
   * With a grid, calls go only here: one row of CODE_SLOTS per bucket, plus a last row for calls without a usable
   * time. One store per call keeps the timed loop nearly as cheap as the untimed one; totals are folded on demand.
   */
  private gridCells?: Float64Array;

  /** A usable time fell outside the grid (see bucketOf). */
  leftGrid = false;

  /**
   * The grid was drawn from the first and last time of each column, which is the true span only for time-sorted
   * rows: with such a grid, rows that are not sorted are not counted but flagged with `leftGrid`.
   */
  private gridFromEnds = false;

  /** Starts counting calls per time bucket too (row data). */
  useGrid(grid: TimeGrid, fromColumnEnds = false): void {
    this.grid = grid;
    this.gridFromEnds = fromColumnEnds;
    this.gridCells = new Float64Array((grid.count + 1) * CODE_SLOTS);
  }

  get hasGrid(): boolean {
    return this.grid !== undefined;
  }

  /** The code in a cell, or -1. Numbers and texts ("404", " 404 ", "404.0"); a one-element array is unwrapped. */
  codeOf(value: unknown): number {
    if (typeof value === 'number') {
      const code = parseSipCode(value);
      return code === null ? NOT_A_CODE : code;
    }
    if (typeof value === 'string') {
      return this.codeOfText(value);
    }
    if (Array.isArray(value) && value.length === 1) {
      return this.codeOf(value[0]);
    }
    return NOT_A_CODE;
  }

  /**
   * Parses each distinct text once, caching the result in a Map. In front of the Map sits a small direct-mapped
   * cache keyed by a few characters: a column of a million "200"/"486" texts then mostly costs one short string
   * comparison per cell instead of a hash lookup.
   */
  private codeOfText(text: string): number {
    const length = text.length;
    const slot =
      length === 0
        ? 0
        : (text.charCodeAt(0) * 31 + text.charCodeAt(length - 1) * 7 + text.charCodeAt(length >> 1) + length) &
          (TEXT_SLOTS - 1);
    if (this.slotTexts[slot] === text) {
      return this.slotCodes[slot];
    }
    let code = this.textCodes.get(text);
    if (code === undefined) {
      const parsed = parseSipCode(text);
      code = parsed === null ? NOT_A_CODE : parsed;
      if (this.textCodes.size < MAX_CACHED_TEXTS) {
        this.textCodes.set(text, code);
      }
    }
    this.slotTexts[slot] = text;
    this.slotCodes[slot] = code;
    return code;
  }

  /** One call per cell (raw rows, logs), no time. */
  countCells(values: ArrayLike<unknown>, rows: number): void {
    this.countRange(values, 0, rows, this.direct);
  }

  /** One call per cell of values[from..to), into counts[code]. Long ranges are counted in lanes (see countCodeNumbers). */
  private countRange(values: ArrayLike<unknown>, from: number, to: number, counts: Float64Array): void {
    const useLanes = to - from >= MIN_CELLS_FOR_LANES;
    const target = useLanes ? this.clearedLanes() : counts;
    const laneStride = useLanes ? CODE_SLOTS : 0;
    let i = from;
    while (i < to) {
      i = countCodeNumbers(values, i, to, target, laneStride);
      i = this.countOtherCells(values, i, to, target);
    }
    if (useLanes) {
      addLanes(target, counts);
    }
  }

  private clearedLanes(): Float64Array {
    if (!this.lanes) {
      this.lanes = new Float64Array(LANES * CODE_SLOTS);
    } else {
      this.lanes.fill(0);
    }
    return this.lanes;
  }

  /** Counts cells from `from` on that are not plain code numbers (texts, arrays, junk); stops at the next one that is. */
  private countOtherCells(values: ArrayLike<unknown>, from: number, to: number, counts: Float64Array): number {
    for (let i = from; i < to; i++) {
      const value = values[i];
      if (isCodeNumber(value)) {
        return i;
      }
      const code = this.codeOf(value);
      if (code === NOT_A_CODE) {
        this.noteInvalid(value, 1);
      } else {
        counts[code]++;
      }
    }
    return to;
  }

  /**
   * Time-sorted rows (Elasticsearch returns raw data and logs newest first): each bucket is a contiguous run of
   * rows, found by binary search, then counted with the plain loop, so the timeline costs one cheap pass over the
   * times instead of work on every row. Counts nothing and returns false when the times are not sorted numbers
   * inside the grid.
   */
  private countSortedRuns(values: ArrayLike<unknown>, times: ArrayLike<unknown>, rows: number): boolean {
    const grid = this.grid;
    const cells = this.gridCells;
    if (!grid || !cells || rows < 2 || times.length < rows) {
      return false;
    }
    const first = times[0];
    const last = times[rows - 1];
    if (typeof first !== 'number' || typeof last !== 'number') {
      return false;
    }
    const descending = first > last;
    if (!isMonotonic(times, rows, descending)) {
      return false;
    }
    const firstBucket = Math.floor((first - grid.start) / grid.width);
    const lastBucket = Math.floor((last - grid.start) / grid.width);
    if (Math.min(firstBucket, lastBucket) < 0 || Math.max(firstBucket, lastBucket) >= grid.count) {
      return false;
    }
    let from = 0;
    while (from < rows) {
      const bucket = Math.floor(((times[from] as number) - grid.start) / grid.width);
      const low = grid.start + bucket * grid.width;
      const to = descending
        ? firstIndexWhere(times, from, rows, (time) => time < low)
        : firstIndexWhere(times, from, rows, (time) => time >= low + grid.width);
      // At least one row per step, whatever rounding does at a bucket edge.
      const end = Math.max(to, from + 1);
      // A view of the bucket's row keeps the hot loop free of offset arithmetic.
      this.countRange(values, from, end, cells.subarray(bucket * CODE_SLOTS, (bucket + 1) * CODE_SLOTS));
      from = end;
    }
    return true;
  }

  /**
   * One call per cell, placed in the time grid (set one first with useGrid). Rows from Elasticsearch come sorted
   * by time, so the current bucket's bounds are kept and most rows need two comparisons instead of a division.
   * Stops early once a time falls outside the grid (`leftGrid`): the caller then counts again on a wider grid.
   */
  countCellsTimed(values: ArrayLike<unknown>, times: ArrayLike<unknown>, rows: number): void {
    const grid = this.grid;
    const cells = this.gridCells;
    if (!grid || !cells) {
      this.countCells(values, rows);
      return;
    }
    if (this.countSortedRuns(values, times, rows)) {
      return;
    }
    if (this.gridFromEnds) {
      this.leftGrid = true;
      return;
    }
    const start = grid.start;
    const width = grid.width;
    const buckets = grid.count;
    const untimedRow = buckets * CODE_SLOTS;
    let low = Infinity;
    let high = -Infinity;
    let row = 0;
    for (let i = 0; i < rows; i++) {
      const value = values[i];
      const code = isCodeNumber(value) ? value : this.codeOf(value);
      if (code === NOT_A_CODE) {
        this.noteInvalid(value, 1);
        continue;
      }
      const time = times[i];
      if (typeof time === 'number') {
        if (time >= low && time < high) {
          cells[row + code]++;
          continue;
        }
        const bucket = Math.floor((time - start) / width);
        if (bucket >= 0 && bucket < buckets) {
          low = start + bucket * width;
          high = low + width;
          row = bucket * CODE_SLOTS;
          cells[row + code]++;
          continue;
        }
      }
      const bucket = this.bucketOf(time);
      if (this.leftGrid) {
        return;
      }
      cells[(bucket < 0 ? untimedRow : bucket * CODE_SLOTS) + code]++;
    }
  }

  /** `calls` calls of the code in `value` (tables, series). `time`, when given, places them in the grid. */
  addCalls(value: unknown, calls: number, time?: unknown): void {
    if (!(calls > 0)) {
      return;
    }
    const code = this.codeOf(value);
    if (code === NOT_A_CODE) {
      this.noteInvalid(value, calls);
      return;
    }
    const grid = this.grid;
    const cells = this.gridCells;
    if (grid && cells && time !== undefined) {
      const bucket = this.bucketOf(time);
      cells[(bucket < 0 ? grid.count : bucket) * CODE_SLOTS + code] += calls;
    } else {
      this.direct[code] += calls;
    }
  }

  /** Adds calls of a known code (series named after their code). */
  addCodeCalls(code: number, calls: number): void {
    if (calls > 0) {
      this.direct[code] += calls;
    }
  }

  /**
   * Adds calls of a known code summed elsewhere from whole counts, when the code's total is whole and stays a safe
   * integer: then the result is the same as adding them one cell at a time. Adds nothing and returns false otherwise.
   */
  addWholeCalls(code: number, calls: number): boolean {
    const total = this.direct[code] + calls;
    if (!Number.isInteger(this.direct[code]) || !(total <= Number.MAX_SAFE_INTEGER)) {
      return false;
    }
    this.direct[code] = total;
    return true;
  }

  /**
   * The grid bucket of a time cell, or -1 when it has no usable time. A usable time outside the grid also gives -1
   * and sets `leftGrid`: the grid was drawn from a guessed span and the counting must be redone on the full span.
   */
  private bucketOf(time: unknown): number {
    const grid = this.grid;
    if (!grid) {
      return -1;
    }
    const ms = typeof time === 'number' ? time : timeMs(time);
    if (!(ms >= -MAX_TIME_MS && ms <= MAX_TIME_MS)) {
      return -1;
    }
    const bucket = Math.floor((ms - grid.start) / grid.width);
    if (bucket < 0 || bucket >= grid.count) {
      this.leftGrid = true;
      return -1;
    }
    return bucket;
  }

  /** Calls per code, whether counted with or without the grid. */
  callsPerCode(): Float64Array {
    const totals = Float64Array.from(this.direct);
    const cells = this.gridCells;
    if (cells) {
      for (let offset = 0; offset < cells.length; offset += CODE_SLOTS) {
        for (let code = 0; code < CODE_SLOTS; code++) {
          totals[code] += cells[offset + code];
        }
      }
    }
    return totals;
  }

  /** Final-response calls without a usable time, when a grid is in use. */
  get untimedCalls(): number {
    const grid = this.grid;
    const cells = this.gridCells;
    if (!grid || !cells) {
      return 0;
    }
    let untimed = 0;
    for (let code = FIRST_FINAL_CODE; code < CODE_SLOTS; code++) {
      untimed += cells[grid.count * CODE_SLOTS + code] + this.direct[code];
    }
    return untimed;
  }

  /** Reads a count cell: calls (0 for empty), or -1 when the cell is not a usable count (it is recorded). */
  readCount(cell: unknown): number {
    if (cell == null || (typeof cell === 'string' && cell.trim() === '')) {
      return 0;
    }
    const count = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell) : NaN;
    if (count >= 0 && count <= MAX_SANE_COUNT) {
      return count;
    }
    this.badCountCells++;
    if (this.badCountSamples.length < 5) {
      this.badCountSamples.push(sampleText(cell));
    }
    return -1;
  }

  noteInvalid(value: unknown, calls: number): void {
    this.invalidCalls += calls;
    const key = isObjectLike(value) ? sampleText(value) : value;
    const known = this.invalidByValue.get(key);
    if (known !== undefined) {
      this.invalidByValue.set(key, known + calls);
    } else if (this.invalidByValue.size < MAX_DISTINCT_INVALID) {
      this.invalidByValue.set(key, calls);
    } else {
      this.invalidUnsampled += calls;
    }
  }

  /** Final responses 200–699, most calls first, then lowest code first. */
  finalCodes(): CodeCount[] {
    return this.codeList(200, 699);
  }

  provisionalCodes(): CodeCount[] {
    return this.codeList(100, 199);
  }

  private codeList(from: number, to: number): CodeCount[] {
    const calls = this.callsPerCode();
    const list: CodeCount[] = [];
    for (let code = from; code <= to; code++) {
      const count = calls[code];
      if (count > 0) {
        list.push({ code, count });
      }
    }
    return list.sort((a, b) => b.count - a.count || a.code - b.code);
  }

  invalid(): InvalidValues {
    const byText = new Map<string, number>();
    this.invalidByValue.forEach((calls, value) => {
      const text = sampleText(value);
      byText.set(text, (byText.get(text) ?? 0) + calls);
    });
    const samples = [...byText]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, MAX_INVALID_SAMPLES);
    if (this.invalidUnsampled > 0) {
      samples.push({ value: '(other values)', count: this.invalidUnsampled });
    }
    return { count: this.invalidCalls, samples };
  }

  /** Calls per grid bucket for the given codes; undefined when no call had a usable time. */
  gridTimeline(codes: CodeCount[]): Timeline | undefined {
    const grid = this.grid;
    const cells = this.gridCells;
    if (!grid || !cells) {
      return undefined;
    }
    const times = gridTimes(grid);
    const totals = new Array<number>(grid.count).fill(0);
    const byCode: Record<number, number[]> = {};
    let timed = 0;
    for (const { code } of codes) {
      const series = new Array<number>(grid.count);
      for (let bucket = 0; bucket < grid.count; bucket++) {
        const calls = cells[bucket * CODE_SLOTS + code];
        series[bucket] = calls;
        totals[bucket] += calls;
        timed += calls;
      }
      byCode[code] = series;
    }
    return timed > 0 ? { times, totals, byCode } : undefined;
  }
}

/**
 * The hot loop of raw rows: counts cells from `from` on while they are SIP codes as numbers, and returns where it
 * stopped. Nothing but the checks and an increment per cell. Four cells at a time go to four histograms `laneStride`
 * apart: one histogram would make each increment wait for the previous one whenever codes repeat (most calls are
 * 200), which costs more than the checks. With a stride of 0 every cell goes to the same histogram, in order.
 */
function countCodeNumbers(
  values: ArrayLike<unknown>,
  from: number,
  to: number,
  counts: Float64Array,
  laneStride: number
): number {
  const second = laneStride;
  const third = 2 * laneStride;
  const fourth = 3 * laneStride;
  let i = from;
  for (; i + 3 < to; i += 4) {
    const a = values[i];
    const b = values[i + 1];
    const c = values[i + 2];
    const d = values[i + 3];
    if (!isCodeNumber(a) || !isCodeNumber(b) || !isCodeNumber(c) || !isCodeNumber(d)) {
      break;
    }
    counts[a]++;
    counts[b + second]++;
    counts[c + third]++;
    counts[d + fourth]++;
  }
  for (; i < to; i++) {
    const value = values[i];
    if (!isCodeNumber(value)) {
      return i;
    }
    counts[value]++;
  }
  return to;
}

/** Adds the calls counted in the lanes to counts, each code as that many single increments would. */
function addLanes(lanes: Float64Array, counts: Float64Array): void {
  for (let code = 0; code < CODE_SLOTS; code++) {
    const calls = lanes[code] + lanes[code + CODE_SLOTS] + lanes[code + 2 * CODE_SLOTS] + lanes[code + 3 * CODE_SLOTS];
    if (calls > 0) {
      counts[code] = addOneByOne(counts[code], calls);
    }
  }
}

/**
 * `total + calls`, rounded as `calls` increments of 1 would round it. That is plain addition for whole totals; a
 * total with a fraction (weighted table rows counted alongside) is incremented one by one.
 */
function addOneByOne(total: number, calls: number): number {
  if (Number.isInteger(total) && total + calls <= Number.MAX_SAFE_INTEGER) {
    return total + calls;
  }
  for (let i = 0; i < calls; i++) {
    total++;
  }
  return total;
}

/** The same test as parseSipCode for numbers, written out so the hot loops need no call. */
function isCodeNumber(value: unknown): value is number {
  return typeof value === 'number' && value >= 100 && value <= 699 && Number.isInteger(value);
}

/** Whether the first `rows` times are numbers, each <= (descending) or >= the one before. NaN breaks it. */
function isMonotonic(times: ArrayLike<unknown>, rows: number, descending: boolean): boolean {
  let previous = times[0] as number;
  if (descending) {
    for (let i = 1; i < rows; i++) {
      const time = times[i];
      if (typeof time !== 'number' || !(time <= previous)) {
        return false;
      }
      previous = time;
    }
  } else {
    for (let i = 1; i < rows; i++) {
      const time = times[i];
      if (typeof time !== 'number' || !(time >= previous)) {
        return false;
      }
      previous = time;
    }
  }
  return true;
}

/** First index in [from, to) whose time meets `past`, for times sorted so that `past` holds from some index on. */
function firstIndexWhere(times: ArrayLike<unknown>, from: number, to: number, past: (time: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (past(times[middle] as number)) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

function isObjectLike(value: unknown): boolean {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** How a value is shown in samples: empty cells as "(empty)", long texts cut. */
export function sampleText(value: unknown): string {
  let text: string;
  if (value == null) {
    return '(empty)';
  } else if (typeof value === 'string') {
    text = value.trim();
    if (text === '') {
      return '(empty)';
    }
  } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    text = String(value);
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > MAX_SAMPLE_TEXT ? text.slice(0, MAX_SAMPLE_TEXT - 1) + '…' : text;
}
