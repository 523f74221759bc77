/**
 * Who is behind a code's calls: per follow-up field, the values with the most calls of the code. Exact from
 * breakdown tables (Terms code → field); counted from the call rows otherwise, and then only over those rows.
 */
import type { DataFrame } from '@grafana/data';
import { parseSipCode } from '../catalog/codes';
import { formatCount } from '../format';
import { dataFieldNames } from '../roles/fieldNames';
import { cellText } from '../roles/frameCells';
import { ColumnTable, codeColumnOf, countColumnOf, hitRowLimit, readTables } from './callRows';
import { FIELD_MEANINGS, FollowUpFieldKey, followUpFieldLabel, resolveField } from './fieldAliases';

export const DEFAULT_TOP_VALUES = 5;

export interface ContributorValue {
  value: string;
  count: number;
  /** Percent of this code's calls (0–100). */
  share: number;
}

export interface ContributorField {
  /** The field as the policy names it ("source_ip"). */
  wanted: string;
  /** The data's field ("source.ip"). */
  field: string;
  /** Words for people ("source IP"). */
  label: string;
  key?: FollowUpFieldKey;
  source: 'breakdown' | 'calls';
  /** Breakdown counts are Elasticsearch's own; call rows count only the rows the query returned. */
  exact: boolean;
  refIds: string[];
  /** Calls of the code the shares are of. */
  codeCalls: number;
  /** Call rows read, of every code (calls only). */
  rowsConsidered?: number;
  /** All call rows are failures (3xx–6xx). */
  onlyFailures?: boolean;
  /** The call rows reached the query's size limit: older calls are missing (calls only). */
  rowLimitHit?: boolean;
  /** Calls of the code without a value in this field. */
  withoutValue: number;
  distinctValues: number;
  /** The top values, most calls first. */
  values: ContributorValue[];
  /** Where the numbers come from, in words: "exact, from query C", "in the 500 most recent failed calls". */
  basis: string;
}

export interface ContributorProblem {
  /** The field as the policy names it; '' for problems of the whole breakdown. */
  field: string;
  message: string;
}

export interface Contributors {
  code: number;
  fields: ContributorField[];
  problems: ContributorProblem[];
}

export interface ContributorOptions {
  /** The code field (the option, or QueryRoles.codeField). Found in each table when absent. */
  codeField?: string;
  /** The code's calls in the distribution: breakdown shares are of these when they are at least the table's sum. */
  codeCalls?: number;
  /** Row limits of the call queries by refId (QueryRoles.rowLimits). */
  rowLimits?: Record<string, number>;
  /** Values listed per field (default 5). */
  top?: number;
}

interface Tally {
  byValue: Map<string, number>;
  codeCalls: number;
  withoutValue: number;
  refIds: Set<string>;
}

function newTally(): Tally {
  return { byValue: new Map(), codeCalls: 0, withoutValue: 0, refIds: new Set() };
}

/**
 * Per wanted field, the top values of `code`'s calls: from the breakdown tables that have the field, else from the
 * call rows. Problems (a field the data lacks, no rows of the code) are returned as data; never throws.
 */
export function topContributors(
  code: number,
  fields: readonly string[],
  breakdowns: readonly DataFrame[] | undefined,
  calls: readonly DataFrame[] | undefined,
  options: ContributorOptions = {}
): Contributors {
  const result: Contributors = { code, fields: [], problems: [] };
  try {
    const top = options.top !== undefined && options.top >= 1 ? Math.floor(options.top) : DEFAULT_TOP_VALUES;
    const breakdownTables = readTables(breakdowns);
    const callTables = readTables(calls);
    const wantedFields = (Array.isArray(fields) ? fields : []).filter(
      (field): field is string => typeof field === 'string' && field.trim() !== ''
    );
    if (wantedFields.length > 0 && breakdownTables.length === 0 && callTables.length === 0) {
      result.problems.push({
        field: '',
        message: `No breakdown query and no call rows: add a Terms table on the code and ${wantedFields
          .map(followUpFieldLabel)
          .join(', ')}, or a raw data query of failed calls.`,
      });
      return result;
    }
    for (const wanted of wantedFields) {
      const found =
        fromBreakdowns(code, wanted, breakdownTables, options, top, result.problems) ??
        fromCalls(code, wanted, callTables, options, top, result.problems);
      if (found) {
        result.fields.push(found);
      } else if (!result.problems.some((problem) => problem.field === wanted)) {
        result.problems.push({ field: wanted, message: missingFieldText(wanted, [...breakdownTables, ...callTables]) });
      }
    }
  } catch (error) {
    result.problems.push({ field: '', message: `The contributors could not be read (${errorText(error)}).` });
  }
  return result;
}

function fromBreakdowns(
  code: number,
  wanted: string,
  tables: ColumnTable[],
  options: ContributorOptions,
  top: number,
  problems: ContributorProblem[]
): ContributorField | undefined {
  const tally = newTally();
  let fieldName: string | undefined;
  let key: FollowUpFieldKey | undefined;
  for (const table of tables) {
    const resolved = resolveField(table.names, wanted);
    const codeColumn = codeColumnOf(table, options.codeField);
    const countColumn = countColumnOf(table);
    if (!resolved.field || !codeColumn || !countColumn || resolved.field === codeColumn) {
      continue;
    }
    fieldName ??= resolved.field;
    key ??= resolved.key;
    tally.refIds.add(table.refId);
    const codes = table.columns.get(codeColumn)!;
    const values = table.columns.get(resolved.field)!;
    const counts = table.columns.get(countColumn)!;
    for (let row = 0; row < table.rows; row++) {
      const count = Number(counts[row]);
      if (parseSipCode(codes[row]) !== code || !(count > 0) || count === Infinity) {
        continue;
      }
      addValue(tally, values[row], count);
    }
  }
  if (fieldName === undefined) {
    return undefined;
  }
  const refIds = [...tally.refIds];
  if (tally.codeCalls > 0 && tally.byValue.size === 0) {
    problems.push({ field: wanted, message: noValuesText(code, tally.codeCalls, fieldName, queriesText(refIds)) });
    return undefined;
  }
  if (tally.codeCalls === 0) {
    problems.push({
      field: wanted,
      message: `The breakdown by ${fieldName} (${queriesText(refIds)}) has no rows for ${code}.`,
    });
    return undefined;
  }
  const given = options.codeCalls;
  const denominator =
    typeof given === 'number' && given >= tally.codeCalls && given < Infinity ? given : tally.codeCalls;
  return finish(wanted, fieldName, key, 'breakdown', tally, denominator, top, `exact, from ${queriesText(refIds)}`);
}

function fromCalls(
  code: number,
  wanted: string,
  tables: ColumnTable[],
  options: ContributorOptions,
  top: number,
  problems: ContributorProblem[]
): ContributorField | undefined {
  const tally = newTally();
  let fieldName: string | undefined;
  let key: FollowUpFieldKey | undefined;
  let rowsConsidered = 0;
  let onlyFailures = true;
  let limitHit = false;
  for (const table of tables) {
    const resolved = resolveField(table.names, wanted);
    const codeColumn = codeColumnOf(table, options.codeField);
    if (!resolved.field || !codeColumn || resolved.field === codeColumn) {
      continue;
    }
    fieldName ??= resolved.field;
    key ??= resolved.key;
    tally.refIds.add(table.refId);
    rowsConsidered += table.rows;
    limitHit = limitHit || hitRowLimit(table, options.rowLimits);
    const codes = table.columns.get(codeColumn)!;
    const values = table.columns.get(resolved.field)!;
    for (let row = 0; row < table.rows; row++) {
      const rowCode = parseSipCode(codes[row]);
      if (rowCode === null || rowCode < 300) {
        onlyFailures = false;
      }
      if (rowCode === code) {
        addValue(tally, values[row], 1);
      }
    }
  }
  if (fieldName === undefined) {
    return undefined;
  }
  const rowsText = `${formatCount(rowsConsidered)} most recent ${onlyFailures ? 'failed calls' : 'calls'}`;
  if (tally.codeCalls === 0) {
    problems.push({
      field: wanted,
      message: `None of the ${rowsText} (${queriesText([...tally.refIds])}) is a ${code}.`,
    });
    return undefined;
  }
  if (tally.byValue.size === 0) {
    problems.push({
      field: wanted,
      message: noValuesText(code, tally.codeCalls, fieldName, queriesText([...tally.refIds])),
    });
    return undefined;
  }
  const limitText = limitHit ? ", the query's size limit: older calls are not included" : '';
  const field = finish(wanted, fieldName, key, 'calls', tally, tally.codeCalls, top, `in the ${rowsText}${limitText}`);
  field.rowsConsidered = rowsConsidered;
  field.onlyFailures = onlyFailures;
  field.rowLimitHit = limitHit;
  return field;
}

function addValue(tally: Tally, cell: unknown, calls: number): void {
  tally.codeCalls += calls;
  const value = cellText(Array.isArray(cell) && cell.length === 1 ? cell[0] : cell);
  if (value === undefined) {
    tally.withoutValue += calls;
    return;
  }
  tally.byValue.set(value, (tally.byValue.get(value) ?? 0) + calls);
}

function finish(
  wanted: string,
  field: string,
  key: FollowUpFieldKey | undefined,
  source: 'breakdown' | 'calls',
  tally: Tally,
  denominator: number,
  top: number,
  basis: string
): ContributorField {
  const values = [...tally.byValue]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, top)
    .map(([value, count]) => ({ value, count, share: (count * 100) / denominator }));
  const result: ContributorField = {
    wanted,
    field,
    label: key ? FIELD_MEANINGS[key].label : field,
    source,
    exact: source === 'breakdown',
    refIds: [...tally.refIds],
    codeCalls: denominator,
    withoutValue: tally.withoutValue,
    distinctValues: tally.byValue.size,
    values,
    basis,
  };
  if (key) {
    result.key = key;
  }
  return result;
}

function noValuesText(code: number, calls: number, field: string, queries: string): string {
  const subject = calls === 1 ? `The only call of ${code}` : `None of the ${formatCount(calls)} calls of ${code}`;
  return `${subject} (${queries}) ${calls === 1 ? 'has no' : 'has a'} value in ${field}.`;
}

function missingFieldText(wanted: string, tables: ColumnTable[]): string {
  const names = dataFieldNames([...new Set(tables.flatMap((table) => table.names))]);
  const tried = resolveField([], wanted).tried;
  const alsoTried = tried.length > 1 ? ` (looked for ${tried.join(', ')})` : '';
  const shown = names.slice(0, 12).join(', ') + (names.length > 12 ? ` and ${names.length - 12} more` : '');
  return (
    `Breakdown on field ${wanted}: the data has no such field${alsoTried}. Fields seen: ${shown || 'none'}. ` +
    'Change the follow-up fields of this code in the policy, or add the field to the breakdown query.'
  );
}

function queriesText(refIds: string[]): string {
  const named = refIds.filter((refId) => refId !== '');
  if (named.length === 0) {
    return 'the query';
  }
  return named.length === 1
    ? `query ${named[0]}`
    : `queries ${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------- one dominant contributor

export interface DominantContributor {
  wanted: string;
  field: string;
  label: string;
  value: string;
  count: number;
  share: number;
  exact: boolean;
  /** "87 % of 403s from 203.0.113.9", qualified when counted from call rows. */
  text: string;
}

/**
 * One value behind most of a code's calls is worth saying in the finding itself. It takes a clear majority (60 %
 * by default: then blocking one IP or calling one customer deals with most of the problem) of at least 10 calls
 * (so that 2 of 3 calls is not "67 % from one IP"). Exact breakdowns win over call rows; then the higher share.
 */
export const DOMINANT_MIN_SHARE = 60;
export const DOMINANT_MIN_CALLS = 10;

export function dominantContributor(
  contributors: Contributors | undefined,
  options: { minShare?: number; minCalls?: number } = {}
): DominantContributor | undefined {
  const minShare = typeof options?.minShare === 'number' ? options.minShare : DOMINANT_MIN_SHARE;
  const minCalls = typeof options?.minCalls === 'number' ? options.minCalls : DOMINANT_MIN_CALLS;
  let best: { field: ContributorField; value: ContributorValue } | undefined;
  for (const field of Array.isArray(contributors?.fields) ? contributors!.fields : []) {
    const first: unknown = Array.isArray(field?.values) ? field.values[0] : undefined;
    if (typeof first !== 'object' || first === null) {
      continue;
    }
    const value = first as ContributorValue;
    if (!(value.share >= minShare) || !(value.count >= minCalls)) {
      continue;
    }
    if (
      !best ||
      (field.exact && !best.field.exact) ||
      (field.exact === best.field.exact && value.share > best.value.share)
    ) {
      best = { field, value };
    }
  }
  if (!best) {
    return undefined;
  }
  const { field, value } = best;
  const phrase = field.key ? FIELD_MEANINGS[field.key].dominantPhrase : `with ${field.field}`;
  const qualifier = field.exact ? '' : ` (${field.basis})`;
  return {
    wanted: field.wanted,
    field: field.field,
    label: field.label,
    value: value.value,
    count: value.count,
    share: value.share,
    exact: field.exact,
    text: `${wholePercent(value.share)} % of ${contributors!.code}s ${phrase} ${value.value}${qualifier}`,
  };
}

/** A share as a whole percent that never rounds up to 100 unless it is 100. */
export function wholePercent(share: number): string {
  const rounded = Math.round(share);
  return String(rounded === 100 && share < 100 ? 99 : rounded);
}
