/**
 * What each query returns: read from its target (`data.request.targets`, which exists even when an empty aggregation
 * returned no frame) and, for queries without a usable target, from the shapes of its frames.
 */
import type { DataFrame } from '@grafana/data';
import { parseSipCode } from '../catalog/codes';
import { normalizeFrames } from '../normalize';
import { TargetFacts, targetFactsOf } from '../queryTargets';
import { CellFrame, fieldNamesOf, readCellFrame } from './frameCells';
import { findFieldName } from './fieldNames';
import { QueryKind } from './types';

export interface QueryAnalysis {
  /** '' for frames that name no query. */
  refId: string;
  frames: DataFrame[];
  cells: CellFrame[];
  facts?: TargetFacts;
  kind: QueryKind;
  /** The field (column, Terms field or label key) holding the code, when known. */
  codeField?: string;
  /** Terms fields outermost first, the code included. */
  termsFields: string[];
  /** Terms fields other than the code (nested tables). */
  otherFields: string[];
  /** Row limit of a raw query: its target's size, else the limit its frames report. */
  rowLimit?: number;
  /** Field names seen in the frames (flattened paths for raw documents). */
  fieldNames: string[];
}

/** Share of sampled non-empty cells that must be SIP codes for a column to hold codes. */
const CODE_SHARE = 0.8;
const SAMPLE = 200;
const HIT_COLUMNS = new Set(['_id', '_index']);
const METRIC_COLUMN =
  /^(Count|Average|Sum|Max|Min|Unique Count|Extended Stats|Percentiles|Std Dev|Top Metrics|Moving Average|Moving Function|Cumulative Sum|Derivative|Serial Difference|Bucket Script|Rate|p\d+(\.\d+)?)(\s|$)/;
const NOT_STATUS_WORDS = new Set([
  'class',
  'reason',
  'phrase',
  'text',
  'count',
  'message',
  'msg',
  'desc',
  'id',
  'cause',
]);
const STATUS_WORDS = new Set(['status', 'code', 'statuscode', 'responsecode', 'rcode']);

/** Names like sip_status, sip.status_code, response.code; not sip_status_class or sip_reason. */
export function isStatusLikeName(name: string): boolean {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && word !== 'keyword');
  return words.some((word) => STATUS_WORDS.has(word)) && !words.some((word) => NOT_STATUS_WORDS.has(word));
}

/** Whether most sampled non-empty cells are SIP status codes. */
export function mostlyCodes(values: ArrayLike<unknown>): boolean {
  let filled = 0;
  let codes = 0;
  const stride = values.length > SAMPLE ? values.length / SAMPLE : 1;
  for (let position = 0; position < values.length; position += stride) {
    const value = values[Math.floor(position)];
    if (value == null || value === '') {
      continue;
    }
    filled++;
    if (parseSipCode(value) !== null) {
      codes++;
    }
  }
  return filled > 0 && codes >= filled * CODE_SHARE;
}

/** Every query the panel has, targets first in query order, then refIds only frames name. */
export function analyseQueries(
  frames: readonly unknown[],
  targets: readonly unknown[] | undefined,
  codeFieldOption: string | undefined
): QueryAnalysis[] {
  const facts = targetFactsOf(targets);
  const groups = new Map<string, { frames: DataFrame[]; cells: CellFrame[] }>();
  for (const fact of facts) {
    groups.set(fact.refId, { frames: [], cells: [] });
  }
  for (const frame of Array.isArray(frames) ? frames : []) {
    const cells = readCellFrame(frame);
    if (!cells) {
      continue;
    }
    const refId = cells.refId ?? '';
    const group = groups.get(refId) ?? { frames: [], cells: [] };
    group.frames.push(frame as DataFrame);
    group.cells.push(cells);
    groups.set(refId, group);
  }
  const distributionTerms = facts.flatMap((fact) => fact.termsFields);
  return [...groups].map(([refId, group]) =>
    analyseQuery(
      refId,
      group.frames,
      group.cells,
      facts.find((fact) => fact.refId === refId),
      {
        codeFieldOption,
        distributionTerms,
      }
    )
  );
}

interface AnalysisContext {
  codeFieldOption?: string;
  /** Every Terms field of the panel's targets: a raw query's code field is likely one of them. */
  distributionTerms: string[];
}

function analyseQuery(
  refId: string,
  frames: DataFrame[],
  cells: CellFrame[],
  facts: TargetFacts | undefined,
  context: AnalysisContext
): QueryAnalysis {
  const fieldNames = [...new Set(cells.flatMap((cell) => fieldNamesOf(cell)))];
  const analysis: QueryAnalysis = {
    refId,
    frames,
    cells,
    kind: 'unknown',
    termsFields: [],
    otherFields: [],
    fieldNames,
  };
  if (facts) {
    analysis.facts = facts;
  }
  const frameLimit = cells.find((cell) => cell.limit !== undefined)?.limit;
  if (facts?.hidden) {
    analysis.kind = 'hidden';
  } else if (facts?.rawMetric) {
    analysis.kind = facts.rawMetric === 'raw_document' ? 'raw-document' : 'raw-rows';
    analysis.rowLimit = frameLimit ?? facts.rowLimit;
  } else if (facts && facts.termsFields.length > 0) {
    classifyTerms(analysis, facts, context);
    return analysis;
  } else if (facts?.hasDateHistogram) {
    analysis.kind = 'time-only';
    return analysis;
  } else {
    classifyFrames(analysis, context.codeFieldOption);
    if (analysis.kind === 'raw-rows' || analysis.kind === 'raw-document') {
      analysis.rowLimit = frameLimit;
    }
  }
  if ((analysis.kind === 'raw-rows' || analysis.kind === 'raw-document') && cells.length > 0) {
    analysis.codeField = rowsCodeField(analysis, context);
  }
  return analysis;
}

/** Terms targets: which Terms level is the code decides between distribution, breakdown and no code at all. */
function classifyTerms(analysis: QueryAnalysis, facts: TargetFacts, context: AnalysisContext): void {
  const terms = facts.termsFields;
  analysis.termsFields = [...terms];
  const code = termsCodeField(
    terms,
    analysis.cells,
    context.codeFieldOption,
    facts.hasDateHistogram,
    context.distributionTerms.some(isStatusLikeName)
  );
  if (code === undefined) {
    analysis.kind = 'no-code';
    return;
  }
  analysis.codeField = code;
  analysis.otherFields = terms.filter((field) => field !== code);
  const nested = analysis.otherFields.length > 0;
  analysis.kind = facts.hasDateHistogram
    ? nested
      ? 'nested-series'
      : 'terms-series'
    : nested
      ? 'nested-table'
      : 'terms-table';
}

function termsCodeField(
  terms: string[],
  cells: CellFrame[],
  codeFieldOption: string | undefined,
  series: boolean,
  otherTermsStatusLike: boolean
): string | undefined {
  if (codeFieldOption) {
    return findFieldName(terms, codeFieldOption);
  }
  if (!series) {
    const withCodes = terms.find((field) =>
      cells.some((cell) => {
        const column = cell.columns.find((candidate) => candidate.name === field);
        return column !== undefined && mostlyCodes(column.values);
      })
    );
    if (withCodes !== undefined) {
      return withCodes;
    }
  }
  const statusLike = terms.find(isStatusLikeName);
  if (statusLike !== undefined || terms.length !== 1) {
    return statusLike;
  }
  // One Terms level on a field not named like a code: its frames decide; without frames, it is taken for the code
  // unless another query groups by a field named like one.
  if (cells.length > 0) {
    return series && cells.some(seriesNamesHaveCodes) ? terms[0] : undefined;
  }
  return otherTermsStatusLike ? undefined : terms[0];
}

function seriesNamesHaveCodes(cell: CellFrame): boolean {
  const names = [cell.name, ...cell.columns.flatMap((column) => [column.name, ...Object.values(column.labels ?? {})])];
  return names.some((name) => (name ?? '').split(/\s+/).some((word) => parseSipCode(word) !== null));
}

/** Queries without a usable target: the frames' shapes tell. */
function classifyFrames(analysis: QueryAnalysis, codeFieldOption: string | undefined): void {
  const { cells } = analysis;
  if (cells.length === 0) {
    return;
  }
  if (cells.some((cell) => cell.documentColumn !== undefined)) {
    analysis.kind = 'raw-document';
    return;
  }
  if (cells.some((cell) => cell.isLogs || cell.columns.some((column) => HIT_COLUMNS.has(column.name)))) {
    analysis.kind = 'raw-rows';
    return;
  }
  const series = cells.filter(isSeriesCells);
  if (series.length > 0) {
    classifySeries(analysis, series);
    return;
  }
  const table = cells.find((cell) => !cell.columns.some((column) => column.type === 'time'));
  if (!table) {
    analysis.kind = 'raw-rows';
    return;
  }
  const terms = termColumns(table);
  analysis.termsFields = terms;
  const code =
    (codeFieldOption ? findFieldName(terms, codeFieldOption) : undefined) ??
    (codeFieldOption ? undefined : detectedCodeField(analysis.frames, terms));
  if (code === undefined) {
    analysis.kind = 'no-code';
    return;
  }
  analysis.codeField = code;
  analysis.otherFields = terms.filter((field) => field !== code);
  analysis.kind = analysis.otherFields.length > 0 ? 'nested-table' : 'terms-table';
}

function isSeriesCells(cell: CellFrame): boolean {
  const time = cell.columns.find((column) => column.type === 'time');
  const others = cell.columns.filter((column) => column !== time);
  return (
    cell.isTimeSeries || (time !== undefined && others.length > 0 && others.every((column) => column.type === 'number'))
  );
}

const METRIC_LABELS = new Set(['metric', 'field', 'metricId']);

function classifySeries(analysis: QueryAnalysis, series: CellFrame[]): void {
  const values = series.flatMap((cell) => cell.columns.filter((column) => column.type !== 'time'));
  const labelKeys = new Set(
    values.flatMap((column) => Object.keys(column.labels ?? {}).filter((key) => !METRIC_LABELS.has(key)))
  );
  if (!series.some(seriesNamesHaveCodes)) {
    const metricOnly = series.every((cell) => !cell.name || METRIC_COLUMN.test(cell.name));
    analysis.kind = metricOnly ? 'time-only' : 'no-code';
    return;
  }
  analysis.kind = labelKeys.size > 1 ? 'nested-series' : 'terms-series';
}

/** The columns of a table before its first metric column: the Terms levels, outermost first. */
function termColumns(table: CellFrame): string[] {
  const terms: string[] = [];
  for (const column of table.columns) {
    if (METRIC_COLUMN.test(column.name)) {
      break;
    }
    if (column.name !== '') {
      terms.push(column.name);
    }
  }
  return terms;
}

/** The code field normalisation finds in these frames, when it is one of `among` (or any, without a list). */
function detectedCodeField(frames: DataFrame[], among?: string[]): string | undefined {
  const detected = normalizeFrames(frames).codeField;
  return detected !== undefined && (!among || among.includes(detected)) ? detected : undefined;
}

/** Raw rows: the configured field, else a Terms field of the panel's queries, else the field detection finds. */
function rowsCodeField(analysis: QueryAnalysis, context: AnalysisContext): string | undefined {
  const names = analysis.fieldNames;
  if (context.codeFieldOption) {
    return findFieldName(names, context.codeFieldOption);
  }
  for (const field of context.distributionTerms) {
    const found = findFieldName(names, field);
    if (found !== undefined && isStatusLikeName(found)) {
      return found;
    }
  }
  return detectedCodeField(analysis.frames);
}
