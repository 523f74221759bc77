/**
 * Rows that are SIP messages rather than calls: an index of every request and response (Packetbeat's SIP module:
 * `sip.code` on responses only, `sip.type` request or response, `sip.method` on requests, `sip.cseq.method` and
 * `sip.call_id` on every message). Counted as they are, the 200 OK of every BYE, REGISTER and OPTIONS would be an
 * answered call, a 401 challenge to REGISTER a refused one, every retransmitted final response another call, and
 * each request's empty code an invalid value.
 *
 * When the rows say which request a response answers (a CSeq method field) or whether a row is a request or a
 * response (a type field), only each call's outcome is counted: per Call-ID, the first 2xx to INVITE, else the last
 * final response to INVITE other than a 401/407 challenge, else the last challenge. Requests are left out, and so
 * are provisional responses (not outcomes). A re-INVITE comes after the call's 2xx, so its answer never replaces it.
 */
import { parseSipCode } from '../catalog/codes';
import { isEmptyCell } from './detect';
import { FieldView, FrameView, timeMs } from './frameView';
import { nameWords } from './names';

/** The fields that make rows SIP messages; `cseqMethod` or `type` is always present. */
export interface MessageFields {
  /** The method of the request a message belongs to (CSeq: INVITE, BYE, REGISTER …). */
  cseqMethod?: FieldView;
  /** "request" or "response". */
  type?: FieldView;
  callId?: FieldView;
  /** The CSeq number: orders an INVITE's retries after a challenge when times tie. */
  cseqNumber?: FieldView;
}

/** What was kept of a frame of SIP messages, and what was left out. */
export interface MessageSelection {
  /** Rows whose code is counted: one response per call, and responses whose code is not a SIP code. */
  rows: number[];
  /** Whether responses were told apart by their CSeq method (else responses to every method are counted). */
  byMethod: boolean;
  /** Whether calls were told apart by Call-ID (else every final response counts). */
  byCallId: boolean;
  /** Responses to other methods than INVITE. */
  otherMethods: number;
}

const TYPE_SAMPLE = 64;
const REQUEST = 'request';
const RESPONSE = 'response';
const FIRST_FINAL = 200;
const CHALLENGES = new Set([401, 407]);

/** The SIP message fields of a row frame, or undefined when its rows are not SIP messages. */
export function messageFieldsOf(frame: FrameView, code: FieldView): MessageFields | undefined {
  const fields: MessageFields = {};
  for (const field of frame.fields) {
    if (field === code || field.kind === 'time' || field.name.startsWith('_')) {
      continue;
    }
    const words = nameWords(field.name);
    if (words.includes('cseq')) {
      if (words.includes('method')) {
        fields.cseqMethod ??= field;
      } else if (words.some((word) => ['code', 'number', 'num', 'seq', 'sequence'].includes(word))) {
        fields.cseqNumber ??= field;
      }
    } else if (isCallIdName(words)) {
      fields.callId ??= field;
    } else if (words[words.length - 1] === 'type' && holdsMessageTypes(field.values)) {
      fields.type ??= field;
    }
  }
  return fields.cseqMethod || fields.type ? fields : undefined;
}

function isCallIdName(words: string[]): boolean {
  const at = words.indexOf('call');
  return words.includes('callid') || (at >= 0 && words[at + 1] === 'id');
}

/** Whether the filled cells of a sample are all "request" or "response" (in any case). */
function holdsMessageTypes(values: ArrayLike<unknown>): boolean {
  let filled = 0;
  const stride = Math.max(1, values.length / TYPE_SAMPLE);
  for (let position = 0; position < values.length; position += stride) {
    const cell = values[Math.floor(position)];
    if (isEmptyCell(cell)) {
      continue;
    }
    const type = textOf(cell);
    if (type !== REQUEST && type !== RESPONSE) {
      return false;
    }
    filled++;
  }
  return filled > 0;
}

/** The best response of a call so far, and where it stands in time. */
interface Pick {
  row: number;
  code: number;
  ms: number;
  cseq: number;
}

interface CallResponses {
  first2xx?: Pick;
  lastFinal?: Pick;
  lastChallenge?: Pick;
}

/**
 * The rows to count among the first `rows` rows of SIP messages whose codes are `codes`: one final response per call
 * (see the module comment) and every response whose code is not a SIP code (it shows as an invalid value), in row
 * order.
 */
export function selectCallOutcomes(
  codes: ArrayLike<unknown>,
  times: ArrayLike<unknown> | undefined,
  rows: number,
  fields: MessageFields
): MessageSelection {
  const selection: MessageSelection = {
    rows: [],
    byMethod: fields.cseqMethod !== undefined,
    byCallId: fields.callId !== undefined,
    otherMethods: 0,
  };
  const calls = new Map<string, CallResponses>();
  for (let row = 0; row < rows; row++) {
    const cell = codes[row];
    const type = fields.type ? textOf(fields.type.values[row]) : undefined;
    if (type === REQUEST || (type !== RESPONSE && isEmptyCell(cell))) {
      continue;
    }
    if (fields.cseqMethod && textOf(fields.cseqMethod.values[row]) !== 'invite') {
      selection.otherMethods++;
      continue;
    }
    const code = parseSipCode(Array.isArray(cell) && cell.length === 1 ? cell[0] : cell);
    if (code === null) {
      selection.rows.push(row);
      continue;
    }
    if (code < FIRST_FINAL) {
      continue;
    }
    const callId = fields.callId ? textOf(fields.callId.values[row]) : '';
    if (callId === '') {
      selection.rows.push(row);
      continue;
    }
    const pick: Pick = {
      row,
      code,
      ms: orderMs(times?.[row]),
      cseq: fields.cseqNumber ? orderNumber(fields.cseqNumber.values[row]) : 0,
    };
    let call = calls.get(callId);
    if (!call) {
      call = {};
      calls.set(callId, call);
    }
    if (code < 300) {
      if (!call.first2xx || isEarlier(pick, call.first2xx)) {
        call.first2xx = pick;
      }
    } else if (CHALLENGES.has(code)) {
      call.lastChallenge = later(call.lastChallenge, pick);
    } else {
      call.lastFinal = later(call.lastFinal, pick);
    }
  }
  calls.forEach((call) => selection.rows.push((call.first2xx ?? call.lastFinal ?? call.lastChallenge)!.row));
  selection.rows.sort((a, b) => a - b);
  return selection;
}

/**
 * The later of two final responses of a call; of a response and its retransmission (same CSeq number and code), the
 * first, which is when the call got its answer.
 */
function later(known: Pick | undefined, pick: Pick): Pick {
  if (!known) {
    return pick;
  }
  const [first, second] = isEarlier(known, pick) ? [known, pick] : [pick, known];
  return first.code === second.code && first.cseq === second.cseq ? first : second;
}

/** Whether `a` came before `b`: by time, then CSeq number, then row (rows without either keep their order). */
function isEarlier(a: Pick, b: Pick): boolean {
  return a.ms !== b.ms ? a.ms < b.ms : a.cseq !== b.cseq ? a.cseq < b.cseq : a.row < b.row;
}

/** A time for ordering: unusable times sort first. */
function orderMs(cell: unknown): number {
  const ms = timeMs(cell);
  return Number.isFinite(ms) ? ms : -Infinity;
}

function orderNumber(cell: unknown): number {
  const number = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell) : NaN;
  return Number.isFinite(number) ? number : 0;
}

/** A text cell trimmed and lower-cased; one-element arrays unwrapped; anything else is empty. */
function textOf(cell: unknown): string {
  const value = Array.isArray(cell) && cell.length === 1 ? cell[0] : cell;
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}
