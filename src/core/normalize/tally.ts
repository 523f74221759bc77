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

export class CodeTally {
  /** Calls per code. */
  readonly calls = new Float64Array(CODE_SLOTS);
  /** Calls whose code value is not a SIP status code. */
  invalidCalls = 0;
  /** Count cells that were negative, not numbers, or absurdly large. */
  badCountCells = 0;
  readonly badCountSamples: string[] = [];

  private readonly invalidByValue = new Map<unknown, number>();
  private invalidUnsampled = 0;
  private readonly textCodes = new Map<string, number>();

  private grid?: TimeGrid;
  private gridCells?: Float64Array;
  /** Calls with a valid code placed in a time bucket, and those that had no usable time. */
  timedCalls = 0;
  untimedCalls = 0;

  /** Starts counting calls per time bucket too (row data). */
  useGrid(grid: TimeGrid): void {
    this.grid = grid;
    this.gridCells = new Float64Array(grid.count * CODE_SLOTS);
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
      let code = this.textCodes.get(value);
      if (code === undefined) {
        const parsed = parseSipCode(value);
        code = parsed === null ? NOT_A_CODE : parsed;
        if (this.textCodes.size < MAX_CACHED_TEXTS) {
          this.textCodes.set(value, code);
        }
      }
      return code;
    }
    if (Array.isArray(value) && value.length === 1) {
      return this.codeOf(value[0]);
    }
    return NOT_A_CODE;
  }

  /** One call per cell (raw rows, logs), no time. */
  countCells(values: ArrayLike<unknown>, rows: number): void {
    const calls = this.calls;
    const parse = parseSipCode;
    for (let i = 0; i < rows; i++) {
      const value = values[i];
      if (typeof value === 'number') {
        const code = parse(value);
        if (code !== null) {
          calls[code]++;
          continue;
        }
      }
      const code = this.codeOf(value);
      if (code === NOT_A_CODE) {
        this.noteInvalid(value, 1);
      } else {
        calls[code]++;
      }
    }
  }

  /** One call per cell, also placed in the time grid (set one first with useGrid). */
  countCellsTimed(values: ArrayLike<unknown>, times: ArrayLike<unknown>, rows: number): void {
    const grid = this.grid;
    const cells = this.gridCells;
    if (!grid || !cells) {
      this.countCells(values, rows);
      return;
    }
    const calls = this.calls;
    const parse = parseSipCode;
    const start = grid.start;
    const width = grid.width;
    const buckets = grid.count;
    let timed = 0;
    for (let i = 0; i < rows; i++) {
      const value = values[i];
      let code: number;
      if (typeof value === 'number') {
        const parsed = parse(value);
        code = parsed === null ? NOT_A_CODE : parsed;
      } else {
        code = this.codeOf(value);
      }
      if (code === NOT_A_CODE) {
        this.noteInvalid(value, 1);
        continue;
      }
      calls[code]++;
      const time = times[i];
      if (typeof time === 'number' && time >= start) {
        const bucket = Math.floor((time - start) / width);
        if (bucket < buckets) {
          cells[bucket * CODE_SLOTS + code]++;
          timed++;
          continue;
        }
      }
      this.placeSlowly(code, time, 1);
    }
    this.timedCalls += timed;
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
    this.calls[code] += calls;
    if (this.grid && time !== undefined) {
      this.placeSlowly(code, time, calls);
    }
  }

  /** Adds calls of a known code (series named after their code). */
  addCodeCalls(code: number, calls: number): void {
    if (calls > 0) {
      this.calls[code] += calls;
    }
  }

  private placeSlowly(code: number, time: unknown, calls: number): void {
    const grid = this.grid;
    const cells = this.gridCells;
    const ms = timeMs(time);
    if (grid && cells && ms >= grid.start && ms <= MAX_TIME_MS) {
      const bucket = Math.floor((ms - grid.start) / grid.width);
      if (bucket < grid.count) {
        cells[bucket * CODE_SLOTS + code] += calls;
        this.timedCalls += calls;
        return;
      }
    }
    this.untimedCalls += calls;
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
    const list: CodeCount[] = [];
    for (let code = from; code <= to; code++) {
      const count = this.calls[code];
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
    if (!grid || !cells || this.timedCalls === 0) {
      return undefined;
    }
    const times = gridTimes(grid);
    const totals = new Array<number>(grid.count).fill(0);
    const byCode: Record<number, number[]> = {};
    for (const { code } of codes) {
      const series = new Array<number>(grid.count);
      for (let bucket = 0; bucket < grid.count; bucket++) {
        const calls = cells[bucket * CODE_SLOTS + code];
        series[bucket] = calls;
        totals[bucket] += calls;
      }
      byCode[code] = series;
    }
    return { times, totals, byCode };
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
