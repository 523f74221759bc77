/**
 * The accumulator every frame shape counts into: calls per code in a typed array indexed by the code, values that
 * are not codes, unusable count cells, and (for row data) calls per time bucket.
 *
 * One plain loop per column: numeric cells are checked and counted directly, text cells are parsed once per
 * distinct text (a Map), and with a time grid each row costs one bucket lookup. Nothing is allocated per row.
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

/**
 * Imported bindings read once: under CommonJS (tsx, jest) each use of an imported binding is a property lookup, and
 * one inside a per-cell helper, even on a branch never taken, keeps V8 from inlining that helper into its loop.
 */
const MAX_MS = MAX_TIME_MS;
const readTime = timeMs;
const readCode = parseSipCode;

const NOT_A_CODE = -1;
const NO_TIMES: ArrayLike<unknown> = [];
const FIRST_FINAL_CODE = 200;

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

  private grid?: TimeGrid;
  /**
   * With a grid, calls go only here: for each code that has calls, one cell per bucket plus a last cell for calls
   * without a usable time. Totals are folded on demand.
   */
  private gridCalls: Array<Float64Array | undefined> = [];
  /** The codes that have grid calls, in the order first seen. */
  private readonly gridCodes: number[] = [];

  /** Starts counting calls per time bucket too (row data). */
  useGrid(grid: TimeGrid): void {
    this.grid = grid;
    this.gridCalls = new Array(CODE_SLOTS).fill(undefined);
  }

  get hasGrid(): boolean {
    return this.grid !== undefined;
  }

  /** The code in a cell, or -1. Numbers and texts ("404", " 404 ", "404.0"); a one-element array is unwrapped. */
  codeOf(value: unknown): number {
    if (typeof value === 'number') {
      return value >= 100 && value <= 699 && Number.isInteger(value) ? value : NOT_A_CODE;
    }
    if (typeof value === 'string') {
      return this.codeOfText(value);
    }
    if (Array.isArray(value) && value.length === 1) {
      return this.codeOf(value[0]);
    }
    return NOT_A_CODE;
  }

  /** Parses each distinct text once. */
  private codeOfText(text: string): number {
    let code = this.textCodes.get(text);
    if (code === undefined) {
      const parsed = readCode(text);
      code = parsed === null ? NOT_A_CODE : parsed;
      if (this.textCodes.size < MAX_CACHED_TEXTS) {
        this.textCodes.set(text, code);
      }
    }
    return code;
  }

  /**
   * One call per cell of the first `rows` cells (raw rows, logs, documents); cells past the column's end are empty.
   * With a grid, `times` places each call in its bucket (no times: every call is untimed).
   */
  countCells(values: ArrayLike<unknown>, rows: number, times: ArrayLike<unknown> = NO_TIMES): void {
    const grid = this.grid;
    for (let i = 0; i < rows; i++) {
      const value = values[i];
      const code = this.codeOf(value);
      if (code === NOT_A_CODE) {
        this.noteInvalid(value, 1);
      } else if (grid) {
        const cells = this.gridCalls[code] ?? this.addGridCode(code, grid);
        cells[this.bucketOf(i < times.length ? times[i] : undefined, grid)]++;
      } else {
        this.direct[code]++;
      }
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
    if (grid && time !== undefined) {
      (this.gridCalls[code] ?? this.addGridCode(code, grid))[this.bucketOf(time, grid)] += calls;
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

  private addGridCode(code: number, grid: TimeGrid): Float64Array {
    const cells = new Float64Array(grid.count + 1);
    this.gridCalls[code] = cells;
    this.gridCodes.push(code);
    return cells;
  }

  /**
   * The grid bucket of a time cell, or `grid.count` (the untimed cell) when it has no usable time. The grid is
   * drawn over every usable time of the rows counted, so each falls in it.
   */
  private bucketOf(time: unknown, grid: TimeGrid): number {
    const ms = typeof time === 'number' ? time : readTime(time);
    if (!(ms >= -MAX_MS && ms <= MAX_MS)) {
      return grid.count;
    }
    const bucket = Math.floor(ms / grid.width) - grid.first;
    // Never past the grid's ends, whatever the caller passed: a lost call would be worse than a misplaced one.
    return bucket < 0 ? 0 : bucket >= grid.count ? grid.count - 1 : bucket;
  }

  /** Calls per code, whether counted with or without the grid. Read only: without a grid it is the tally's own. */
  callsPerCode(): Float64Array {
    if (this.gridCodes.length === 0) {
      return this.direct;
    }
    const totals = Float64Array.from(this.direct);
    for (const code of this.gridCodes) {
      const calls = this.gridCalls[code]!;
      for (let bucket = 0; bucket < calls.length; bucket++) {
        totals[code] += calls[bucket];
      }
    }
    return totals;
  }

  /** Final-response calls without a usable time, when a grid is in use. */
  get untimedCalls(): number {
    const grid = this.grid;
    if (!grid) {
      return 0;
    }
    let untimed = 0;
    for (let code = FIRST_FINAL_CODE; code < CODE_SLOTS; code++) {
      untimed += (this.gridCalls[code]?.[grid.count] ?? 0) + this.direct[code];
    }
    return untimed;
  }

  /** Reads a count cell: calls (0 for empty), or -1 when the cell is not a usable count (it is recorded). */
  readCount(cell: unknown): number {
    if (typeof cell === 'number' && cell >= 0 && cell <= MAX_SANE_COUNT) {
      return cell;
    }
    if (cell == null || (typeof cell === 'string' && cell.trim() === '')) {
      return 0;
    }
    const count = typeof cell === 'string' ? Number(cell) : NaN;
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
    if (!grid) {
      return undefined;
    }
    const times = gridTimes(grid);
    const totals = new Array<number>(grid.count).fill(0);
    const byCode: Record<number, number[]> = {};
    let timed = 0;
    for (const { code } of codes) {
      const calls = this.gridCalls[code];
      const series = new Array<number>(grid.count).fill(0);
      for (let bucket = 0; calls && bucket < grid.count; bucket++) {
        series[bucket] = calls[bucket];
        totals[bucket] += calls[bucket];
        timed += calls[bucket];
      }
      byCode[code] = series;
    }
    return timed > 0 ? { times, totals, byCode } : undefined;
  }
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
