/** The words the panel shows when normalisation could not use everything it was given. */
import { InvalidValues, Notice, NoticeKind, NoticeLevel } from '../types';
import { sampleText } from './tally';

const LEVEL_ORDER: Record<NoticeLevel, number> = { error: 0, warning: 1, info: 2 };
const MAX_NAMES_LISTED = 12;

export class NoticeList {
  private readonly list: Notice[] = [];

  add(kind: NoticeKind, level: NoticeLevel, message: string, editorHint?: string): void {
    if (!this.list.some((notice) => notice.kind === kind && notice.message === message)) {
      this.list.push(editorHint ? { kind, level, message, editorHint } : { kind, level, message });
    }
  }

  /** Errors first, then warnings, then information; otherwise in the order they arose. */
  sorted(): Notice[] {
    return this.list
      .map((notice, order) => ({ notice, order }))
      .sort((a, b) => LEVEL_ORDER[a.notice.level] - LEVEL_ORDER[b.notice.level] || a.order - b.order)
      .map(({ notice }) => notice);
  }
}

/** One formatter for every notice: `toLocaleString` would build a new one per number. */
let numberFormat: Intl.NumberFormat | undefined;

export function formatNumber(value: number): string {
  numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  return numberFormat.format(value);
}

export function listNames(names: string[]): string {
  if (names.length === 0) {
    return '(none)';
  }
  const shown = names.slice(0, MAX_NAMES_LISTED).join(', ');
  return names.length > MAX_NAMES_LISTED ? `${shown} and ${names.length - MAX_NAMES_LISTED} more` : shown;
}

/** "query A", "queries A and B"; unnamed queries are left out. */
export function queriesText(refIds: Array<string | undefined>): string {
  const named = [...new Set(refIds.filter((refId): refId is string => !!refId))];
  if (named.length === 0) {
    return 'the query';
  }
  if (named.length === 1) {
    return `query ${named[0]}`;
  }
  return `queries ${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

/** What an editor can do about a missing code field; shown only to users who can edit (Notice.editorHint). */
export const SET_CODE_FIELD =
  'Set the panel option "Code field" to the field that holds the SIP status code (for example sip.status_code), ' +
  'or group the query by that field with a Terms aggregation.';

export const FIX_CODE_FIELD = 'Fix or clear the "Code field" option.';

export const messages = {
  noData: () => 'The queries returned no data for this time range.',

  noFrames: (what: string) => `The panel received ${what} instead of data frames; there is nothing to count.`,

  dateHistogramOnly: (queries: string) =>
    `${capitalise(queries)} is grouped by time only (Date Histogram), so the data has no SIP code to count. ` +
    'Add a Terms group-by on the SIP status code field (for example sip.status_code) before the Date Histogram, ' +
    'or use the Terms group-by alone.',

  noCodeField: (fields: string[]) => `None of the fields holds SIP status codes. Fields seen: ${listNames(fields)}.`,

  uncodedIgnored: (names: string[], queries: string) =>
    `Not counted: ${listNames(names)} from ${queries} carry no SIP code.`,

  codeFieldMissing: (field: string, fields: string[], fallback: string | undefined, queries: string) =>
    `The code field "${field}" is not in the data of ${queries}. Fields seen: ${listNames(fields)}. ` +
    (fallback ? `Codes were read from "${fallback}" instead, found automatically.` : 'No codes were read.'),

  invalidValues: (invalid: InvalidValues, allCalls: number) => {
    const share = allCalls > 0 ? ` (${formatNumber((invalid.count / allCalls) * 100)} % of all calls)` : '';
    const samples = invalid.samples.map((sample) => `${sample.value} ×${formatNumber(sample.count)}`).join(', ');
    return (
      `${formatNumber(invalid.count)} calls${share} have a code value that is not a SIP status code (100–699) ` +
      `and are not in the counts: ${samples}.`
    );
  },

  badCounts: (cells: number, samples: string[]) =>
    `${formatNumber(cells)} count values could not be used (negative, not a number, or absurdly large) and were ` +
    `left out: ${samples.join(', ')}.`,

  partial: (rows: number, limit: number, matched: number | undefined, queries: string) =>
    `Only ${formatNumber(rows)} rows came back from ${queries}` +
    (matched !== undefined && matched > rows ? ` out of ${formatNumber(matched)} matching` : '') +
    ` (size limit ${formatNumber(limit)}), so the counts cover only those calls. ` +
    'Raise the size limit, or better, use a Terms aggregation on the code field: it counts every call.',

  badRowLimit: (value: unknown) =>
    `The row limit given to the panel (${optionText(value)}) is not a positive whole number and was ignored.`,

  badCodeFieldOption: () =>
    'The "Code field" option is not text and was ignored; the code field is found automatically.',

  mixedShapes: (used: string, ignored: string) =>
    `The queries return different kinds of data. Counted: ${used}. Not counted: ${ignored}, because adding it ` +
    'could count the same calls twice. Use one kind of query per panel.',

  noCountColumn: (fallback: string | undefined, queries: string) =>
    fallback
      ? `The table from ${queries} has no Count column; the column "${fallback}" was used as the number of calls. ` +
        'Add the Count metric to the query to be sure.'
      : `The table from ${queries} has no Count column, so each row was counted as one call. ` +
        'Add the Count metric to the query.',

  untimed: (calls: number) =>
    `${formatNumber(calls)} calls have no usable timestamp, so they are counted but missing from the timeline.`,

  noUsableTimes: (field: string) =>
    `The time field "${field}" holds no usable times, so there is no timeline (rise detection needs one).`,

  unreadable: (reason: string) => `The panel could not read this data (${reason}). Nothing was counted.`,

  sipMessagesCounted: (byMethod: boolean, byCallId: boolean, otherMethods: number) =>
    `SIP messages: counted the final responses${byMethod ? ' to INVITE' : ''}` +
    (byCallId ? ', one per Call-ID' : ' (there is no Call-ID field, so a retransmitted response counts again)') +
    (byMethod ? '' : ' (there is no CSeq method field, so answers to REGISTER or OPTIONS count too)') +
    (otherMethods > 0 ? `; ${formatNumber(otherMethods)} responses to other methods left out.` : '.'),

  termsOnMessages: (queries: string, queryKnown: boolean) =>
    `${capitalise(queries)} ${queries.startsWith('queries') ? 'count' : 'counts'} SIP messages with a Terms ` +
    'aggregation on sip.code' +
    (queryKnown ? ' and no INVITE filter, so' : ': unless the query keeps only responses to INVITE,') +
    ' the 200 OK of every BYE, REGISTER and OPTIONS counts as an answered call, a 401 challenge as a refused one, ' +
    'and every retransmission again.',

  inviteFilterHint: () =>
    'Add sip.cseq.method:INVITE AND sip.type:response to the query. A Terms count still counts each retransmitted ' +
    'response; a raw data query on the same index is counted one response per Call-ID.',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An option value as text. String() throws for some objects (no usable toString); those are shown as data. */
function optionText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return sampleText(value);
  }
}
