/**
 * Frames read row by row: Terms tables (one row per code bucket, weighted by the Count column), raw data and logs
 * (one row per call), and raw documents (one hit per row, code inside the hit).
 */
import { Candidate, columnStats, detectCodeField, pickCodeCandidate } from './detect';
import { detectTimePath, documentField, extractDocuments, samplePaths } from './documents';
import { FieldView, FrameView, findFieldByName, timeFieldOf } from './frameView';
import { isCountColumnName, isMetadataField, looksLikeCountColumn } from './names';
import { MessageSelection, messageFieldsOf, selectCallOutcomes } from './sipMessages';
import { CodeTally } from './tally';
import { TimeSpan, timeGrid, widenSpan } from './timeGrid';

export type RowShape = 'terms-table' | 'raw-rows' | 'raw-document';

/** How the count of calls per row is known, when a table has no column named Count. */
export type CountSource =
  | { kind: 'count-column'; field: FieldView }
  | { kind: 'fallback-column'; field: FieldView }
  | { kind: 'one-per-row'; reason?: 'no-count-column' };

export interface RowPlan {
  shape: RowShape;
  frame: FrameView;
  /** Where the code was read: a field name, or a path inside raw documents. */
  codeName: string;
  codes: ArrayLike<unknown>;
  count: CountSource;
  times?: ArrayLike<unknown>;
  timeName?: string;
  /** Rows the query returned (`codes` and `times` hold fewer when the rows are SIP messages). */
  rows: number;
  /** Set when the rows are SIP messages: `codes` and `times` then hold each call's outcome only. */
  messages?: MessageSelection;
}

export interface RowPlanning {
  plan?: RowPlan;
  /** The configured code field is not in this frame. */
  codeFieldMissing: boolean;
  /** Names seen (fields, or paths inside documents). */
  names: string[];
}

/** Decides how to read a non-series frame: where the code is, what a row weighs, where the time is. */
export function planRows(frame: FrameView, codeField: string | undefined): RowPlanning {
  const docs = documentField(frame);
  if (docs) {
    return planDocuments(frame, docs, codeField);
  }
  const names = frame.fields.map((field) => field.name);
  const time = timeFieldOf(frame);
  const countColumn = frame.fields.find((field) => isCountColumnName(field.name) && field.kind !== 'time');
  let codeFieldMissing = false;
  let code: FieldView | undefined;
  if (codeField) {
    code = findFieldByName(frame.fields, codeField);
    codeFieldMissing = code === undefined;
  }
  const excluded = new Set<FieldView>([time, countColumn].filter((field): field is FieldView => !!field));
  code ??= detectCodeField(frame.fields, excluded);
  if (!code) {
    return { codeFieldMissing, names };
  }

  const looksLikeHits = frame.isLogs || frame.fields.some((field) => field.name === '_id' || field.name === '_index');
  let shape: RowShape = 'raw-rows';
  let count: CountSource = { kind: 'one-per-row' };
  if (!looksLikeHits && countColumn && countColumn !== code) {
    shape = 'terms-table';
    count = { kind: 'count-column', field: countColumn };
  } else if (!looksLikeHits && !time) {
    const numbers = frame.fields.filter((field) => field !== code && field.kind === 'number');
    if (numbers.length > 0) {
      // Aggregated table without a Count metric (e.g. Terms + Average only).
      shape = 'terms-table';
      const fallback = numbers.find((field) => looksLikeCountColumn(field.name));
      count = fallback
        ? { kind: 'fallback-column', field: fallback }
        : { kind: 'one-per-row', reason: 'no-count-column' };
    }
  }
  const plan: RowPlan = {
    shape,
    frame,
    codeName: code.name,
    codes: code.values,
    count,
    times: time?.values,
    timeName: time?.name,
    rows: code.values.length,
  };
  const messageFields = shape === 'raw-rows' ? messageFieldsOf(frame, code) : undefined;
  if (messageFields) {
    const messages = selectCallOutcomes(code.values, time?.values, plan.rows, messageFields);
    plan.messages = messages;
    plan.codes = messages.rows.map((row) => code!.values[row]);
    plan.times = time && messages.rows.map((row) => time.values[row]);
  }
  return { plan, codeFieldMissing, names };
}

function planDocuments(frame: FrameView, field: FieldView, codeField: string | undefined): RowPlanning {
  const paths = samplePaths(field.values);
  const names = [...paths.keys()];
  const timePath = detectTimePath(paths);
  let codePath: string | undefined;
  let codeFieldMissing = false;
  if (codeField) {
    const configured = extractDocuments(field.values, codeField, timePath, true);
    if (configured.found > 0) {
      return { plan: documentPlan(frame, codeField, configured, timePath), codeFieldMissing, names };
    }
    codeFieldMissing = true;
  }
  const candidates: Array<Candidate<string>> = names
    .filter((path) => path !== timePath && !isMetadataField(path) && !isCountColumnName(path))
    .map((path) => ({ item: path, name: path, stats: columnStats(paths.get(path) ?? []) }));
  codePath = pickCodeCandidate(candidates)?.item;
  if (!codePath) {
    return { codeFieldMissing, names };
  }
  const extracted = extractDocuments(field.values, codePath, timePath, false);
  return { plan: documentPlan(frame, codePath, extracted, timePath), codeFieldMissing, names };
}

function documentPlan(
  frame: FrameView,
  codeName: string,
  extracted: { codes: unknown[]; times?: unknown[] },
  timePath: string | undefined
): RowPlan {
  return {
    shape: 'raw-document',
    frame,
    codeName,
    codes: extracted.codes,
    count: { kind: 'one-per-row' },
    times: extracted.times,
    timeName: timePath,
    rows: extracted.codes.length,
  };
}

/** Earliest and latest usable time over the plans' rows, or undefined when none has one. */
export function timeSpan(plans: RowPlan[]): TimeSpan | undefined {
  const span: TimeSpan = { min: Infinity, max: -Infinity };
  for (const plan of plans) {
    if (plan.times) {
      widenSpan(plan.times, plan.rows, span);
    }
  }
  return span.min <= span.max ? span : undefined;
}

/**
 * Counts row plans (the single pass over the data), with a time grid spanning every usable time when the rows have
 * times, so the grid is the same whatever the row order.
 */
export function countRowPlans(plans: RowPlan[]): { tally: CodeTally; span?: TimeSpan } {
  const tally = new CodeTally();
  const span = timeSpan(plans);
  if (span) {
    tally.useGrid(timeGrid(span.min, span.max));
  }
  plans.forEach((plan) => countRows(plan, tally));
  return { tally, span };
}

/** Counts a plan's rows into the tally. Rows without a time field still count; the grid records them as untimed. */
export function countRows(plan: RowPlan, tally: CodeTally): void {
  const { codes, times } = plan;
  const rows = codes.length;
  if (plan.count.kind === 'one-per-row') {
    tally.countCells(codes, rows, times);
    return;
  }
  const counts = plan.count.field.values;
  const placeInTime = tally.hasGrid;
  for (let i = 0; i < rows; i++) {
    const calls = tally.readCount(i < counts.length ? counts[i] : null);
    if (calls > 0) {
      tally.addCalls(codes[i], calls, placeInTime ? (times && i < times.length ? times[i] : null) : undefined);
    }
  }
}
