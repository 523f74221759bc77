/**
 * The most recent calls of a code, from the call rows: when, which Call-ID, from whom to whom, over which trunk or
 * account, and why (X-Reason or termination reason). Each row is what the SIP ladder and log links need.
 */
import type { DataFrame } from '@grafana/data';
import { parseSipCode } from '../catalog/codes';
import { dataFieldNames, findFieldName } from '../roles/fieldNames';
import { cellText, cellTimeMs } from '../roles/frameCells';
import { ColumnTable, codeColumnOf, readTables, timeColumnOf } from './callRows';
import { FIELD_MEANINGS, FollowUpFieldKey, resolveField } from './fieldAliases';

export const DEFAULT_RECENT_CALLS = 10;

export interface RecentCall {
  /** Epoch ms; absent when the row has no usable time. */
  time?: number;
  callId?: string;
  from?: string;
  to?: string;
  trunk?: string;
  account?: string;
  /** "trunk / account", or whichever of them the row has. */
  trunkOrAccount?: string;
  /** X-Reason, else the termination reason. */
  xReason?: string;
  refId: string;
}

/** The data's fields the rows were read from, per query. */
export interface RecentCallFields {
  refId: string;
  code?: string;
  time?: string;
  callId?: string;
  from?: string;
  to?: string;
  trunk?: string;
  account?: string;
  xReason?: string;
}

export interface RecentCallsResult {
  code: number;
  /** Most recent first; rows without a time last, in the order the query returned them. */
  calls: RecentCall[];
  /** Rows of the code in all call rows (more than `calls` when the limit cut them). */
  matching: number;
  fields: RecentCallFields[];
  problems: string[];
}

export interface RecentCallsOptions {
  /** The Call-ID field as set in the options; detected when absent. */
  callIdField?: string;
  codeField?: string;
  /** Calls listed (default 10). */
  limit?: number;
}

const PARTS: Array<[keyof Omit<RecentCallFields, 'refId' | 'code' | 'time' | 'callId'>, FollowUpFieldKey]> = [
  ['from', 'calling_number'],
  ['to', 'called_number'],
  ['trunk', 'trunk'],
  ['account', 'account'],
  ['xReason', 'x_reason'],
];

/** The `limit` most recent calls of `code` in the call rows. Never throws; problems are returned as lines. */
export function recentCalls(
  code: number,
  calls: readonly DataFrame[] | undefined,
  options: RecentCallsOptions = {}
): RecentCallsResult {
  const result: RecentCallsResult = { code, calls: [], matching: 0, fields: [], problems: [] };
  try {
    const limit = options.limit !== undefined && options.limit >= 0 ? Math.floor(options.limit) : DEFAULT_RECENT_CALLS;
    const tables = readTables(calls);
    if (tables.length === 0) {
      result.problems.push(
        'No call rows: add a raw data query of failed calls (e.g. sip_status:>=300) to list recent calls.'
      );
      return result;
    }
    const found: RecentCall[] = [];
    for (const table of tables) {
      const fields = fieldsOf(table, options, result.problems);
      result.fields.push(fields);
      if (!fields.code) {
        continue;
      }
      collectRows(code, table, fields, found);
    }
    result.matching = found.length;
    result.calls = found
      .map((call, order) => ({ call, order }))
      .sort((a, b) => (b.call.time ?? -Infinity) - (a.call.time ?? -Infinity) || a.order - b.order)
      .slice(0, limit)
      .map(({ call }) => call);
  } catch (error) {
    result.problems.push(
      `The recent calls could not be read (${error instanceof Error ? error.message : String(error)}).`
    );
  }
  return result;
}

function fieldsOf(table: ColumnTable, options: RecentCallsOptions, problems: string[]): RecentCallFields {
  const fields: RecentCallFields = { refId: table.refId };
  const name = table.refId === '' ? 'The call rows' : `The call rows of query ${table.refId}`;
  const code = codeColumnOf(table, options.codeField);
  if (code) {
    fields.code = code;
  } else {
    problems.push(`${name} have no SIP code field, so their calls cannot be matched to a code.`);
  }
  const time = timeColumnOf(table);
  if (time) {
    fields.time = time;
  }
  const configured = typeof options.callIdField === 'string' ? options.callIdField.trim() : '';
  const callId = configured ? findFieldName(table.names, configured) : resolveField(table.names, 'call_id').field;
  if (callId) {
    fields.callId = callId;
  } else if (configured) {
    problems.push(
      `${name} have no field "${configured}" (the Call-ID field set in the options). Fields seen: ${listed(dataFieldNames(table.names))}.`
    );
  } else {
    problems.push(
      `${name} have no Call-ID field (looked for ${FIELD_MEANINGS.call_id.aliases.join(', ')}), so calls cannot link ` +
        'to their SIP ladder and logs. Set "Call-ID field" in the options.'
    );
  }
  for (const [part, key] of PARTS) {
    const field = resolveField(table.names, key).field;
    if (field && field !== fields.code && field !== fields.callId) {
      fields[part] = field;
    }
  }
  return fields;
}

function collectRows(code: number, table: ColumnTable, fields: RecentCallFields, into: RecentCall[]): void {
  const codes = table.columns.get(fields.code!)!;
  const read = (field: string | undefined, row: number) =>
    field ? cellText(unwrap(table.columns.get(field)?.[row])) : undefined;
  for (let row = 0; row < table.rows; row++) {
    if (parseSipCode(unwrap(codes[row])) !== code) {
      continue;
    }
    const call: RecentCall = { refId: table.refId };
    const time = fields.time ? cellTimeMs(table.columns.get(fields.time)?.[row]) : NaN;
    if (Number.isFinite(time)) {
      call.time = time;
    }
    const parts: Array<[keyof RecentCall, string | undefined]> = [
      ['callId', read(fields.callId, row)],
      ['from', read(fields.from, row)],
      ['to', read(fields.to, row)],
      ['trunk', read(fields.trunk, row)],
      ['account', read(fields.account, row)],
      ['xReason', read(fields.xReason, row)],
    ];
    for (const [part, value] of parts) {
      if (value !== undefined) {
        (call as unknown as Record<string, unknown>)[part] = value;
      }
    }
    const trunkOrAccount = [call.trunk, call.account].filter((value) => value !== undefined).join(' / ');
    if (trunkOrAccount !== '') {
      call.trunkOrAccount = trunkOrAccount;
    }
    into.push(call);
  }
}

function unwrap(cell: unknown): unknown {
  return Array.isArray(cell) && cell.length === 1 ? cell[0] : cell;
}

function listed(names: string[]): string {
  return names.slice(0, 12).join(', ') + (names.length > 12 ? ` and ${names.length - 12} more` : '') || 'none';
}
