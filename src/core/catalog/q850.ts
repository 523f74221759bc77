/**
 * Q.850 cause values as they reach a NOC: in a Reason header (RFC 3326, "Q.850;cause=88;text=…") or in FreeSWITCH
 * records (hangup_cause_q850 = 17, hangup_cause = "USER_BUSY"). Each cause carries the SIP code RFC 3398 §8.2.1 maps
 * it to and, where FreeSWITCH names it, the code FreeSWITCH itself sends (mod_sofia hangup_cause_to_sip), which
 * differs for some causes (21 → 603, 88 → 488, and its default 480 for causes it does not map, such as 16 and 127).
 * Plain data in a module of its own (nothing runs at load), so it can move to a lazily loaded chunk.
 */
import type { SourceRef } from './sources';

/** How FreeSWITCH names a cause and which SIP code it sends for it. */
export interface FreeswitchCause {
  /** hangup_cause, e.g. "USER_BUSY". */
  name: string;
  /** FreeSWITCH's own number for the cause (above 127 for its own causes, such as ORIGINATOR_CANCEL = 487). */
  value: number;
  /** The SIP code FreeSWITCH sends for it. */
  sipCode: number;
  /** True when FreeSWITCH has no mapping for the cause and falls back to 480. */
  byDefault: boolean;
}

export interface Q850Info {
  /** The Q.850 cause value (1–127), as hangup_cause_q850 or a Reason header's cause= holds it. */
  cause: number;
  /** The cause's name in Q.850 terms. */
  name: string;
  /**
   * The SIP response RFC 3398 §8.2.1 maps the cause to; null where it maps to none (16: normal clearing) or where its
   * table does not list the cause (see `inRfc3398`).
   */
  sipCode: number | null;
  /** RFC 3398's table lists the cause (false: only FreeSWITCH's mapping applies). */
  inRfc3398: boolean;
  /** FreeSWITCH's name and SIP code for the cause, when FreeSWITCH knows it. */
  freeswitch?: FreeswitchCause;
  /** RFC 3398 lists the cause and FreeSWITCH's SIP code differs from it: show both. */
  differs: boolean;
  /** A caveat worth showing (RFC 3398's exceptions, FreeSWITCH-only causes). */
  note?: string;
}

/**
 * cause, Q.850 name, RFC 3398 SIP code (0 = no response, -1 = not in its table), FreeSWITCH name ('' = none),
 * FreeSWITCH SIP code (0 = its default 480).
 */
type Row = readonly [number, string, number, string, number];

const ROWS: readonly Row[] = [
  [1, 'Unallocated (unassigned) number', 404, 'UNALLOCATED_NUMBER', 404],
  [2, 'No route to specified transit network', 404, 'NO_ROUTE_TRANSIT_NET', 404],
  [3, 'No route to destination', 404, 'NO_ROUTE_DESTINATION', 404],
  [6, 'Channel unacceptable', -1, 'CHANNEL_UNACCEPTABLE', 0],
  [7, 'Call awarded, being delivered in an established channel', -1, 'CALL_AWARDED_DELIVERED', 0],
  [16, 'Normal call clearing', 0, 'NORMAL_CLEARING', 0],
  [17, 'User busy', 486, 'USER_BUSY', 486],
  [18, 'No user responding', 408, 'NO_USER_RESPONSE', 408],
  [19, 'No answer from user (user alerted)', 480, 'NO_ANSWER', 480],
  [20, 'Subscriber absent', 480, 'SUBSCRIBER_ABSENT', 480],
  [21, 'Call rejected', 403, 'CALL_REJECTED', 603],
  [22, 'Number changed', 410, 'NUMBER_CHANGED', 410],
  [23, 'Redirection to new destination', 410, 'REDIRECTION_TO_NEW_DESTINATION', 410],
  [25, 'Exchange routing error', -1, 'EXCHANGE_ROUTING_ERROR', 483],
  [26, 'Non-selected user clearing', 404, '', 0],
  [27, 'Destination out of order', 502, 'DESTINATION_OUT_OF_ORDER', 502],
  [28, 'Invalid number format (address incomplete)', 484, 'INVALID_NUMBER_FORMAT', 484],
  [29, 'Facility rejected', 501, 'FACILITY_REJECTED', 501],
  [30, 'Response to STATUS ENQUIRY', -1, 'RESPONSE_TO_STATUS_ENQUIRY', 0],
  [31, 'Normal, unspecified', 480, 'NORMAL_UNSPECIFIED', 480],
  [34, 'No circuit/channel available', 503, 'NORMAL_CIRCUIT_CONGESTION', 503],
  [38, 'Network out of order', 503, 'NETWORK_OUT_OF_ORDER', 503],
  [41, 'Temporary failure', 503, 'NORMAL_TEMPORARY_FAILURE', 503],
  [42, 'Switching equipment congestion', 503, 'SWITCH_CONGESTION', 503],
  [43, 'Access information discarded', -1, 'ACCESS_INFO_DISCARDED', 0],
  [44, 'Requested circuit/channel not available', -1, 'REQUESTED_CHAN_UNAVAIL', 503],
  [45, 'Pre-empted', -1, 'PRE_EMPTED', 0],
  [47, 'Resource unavailable, unspecified', 503, '', 0],
  [50, 'Requested facility not subscribed', -1, 'FACILITY_NOT_SUBSCRIBED', 0],
  [52, 'Outgoing calls barred', -1, 'OUTGOING_CALL_BARRED', 403],
  [54, 'Incoming calls barred', -1, 'INCOMING_CALL_BARRED', 403],
  [55, 'Incoming calls barred within CUG', 403, '', 0],
  [57, 'Bearer capability not authorized', 403, 'BEARERCAPABILITY_NOTAUTH', 403],
  [58, 'Bearer capability not presently available', 503, 'BEARERCAPABILITY_NOTAVAIL', 503],
  [63, 'Service or option not available, unspecified', -1, 'SERVICE_UNAVAILABLE', 0],
  [65, 'Bearer capability not implemented', 488, 'BEARERCAPABILITY_NOTIMPL', 488],
  [66, 'Channel type not implemented', -1, 'CHAN_NOT_IMPLEMENTED', 0],
  [69, 'Requested facility not implemented', -1, 'FACILITY_NOT_IMPLEMENTED', 501],
  [70, 'Only restricted digital information bearer capability is available', 488, '', 0],
  [79, 'Service or option not implemented, unspecified', 501, 'SERVICE_NOT_IMPLEMENTED', 501],
  [81, 'Invalid call reference value', -1, 'INVALID_CALL_REFERENCE', 0],
  [87, 'User not member of CUG', 403, '', 0],
  [88, 'Incompatible destination', 503, 'INCOMPATIBLE_DESTINATION', 488],
  [95, 'Invalid message, unspecified', -1, 'INVALID_MSG_UNSPECIFIED', 0],
  [96, 'Mandatory information element is missing', -1, 'MANDATORY_IE_MISSING', 0],
  [97, 'Message type non-existent or not implemented', -1, 'MESSAGE_TYPE_NONEXIST', 0],
  [98, 'Message not compatible with call state or message type non-existent', -1, 'WRONG_MESSAGE', 0],
  [99, 'Information element non-existent or not implemented', -1, 'IE_NONEXIST', 0],
  [100, 'Invalid information element contents', -1, 'INVALID_IE_CONTENTS', 0],
  [101, 'Message not compatible with call state', -1, 'WRONG_CALL_STATE', 0],
  [102, 'Recovery on timer expiry', 504, 'RECOVERY_ON_TIMER_EXPIRE', 504],
  [103, 'Parameter non-existent or not implemented, passed on', -1, 'MANDATORY_IE_LENGTH_ERROR', 0],
  [111, 'Protocol error, unspecified', 500, 'PROTOCOL_ERROR', 0],
  [127, 'Interworking, unspecified', 500, 'INTERWORKING', 0],
];

/**
 * FreeSWITCH's own causes (above 127) that CDRs often carry as hangup_cause: name, FreeSWITCH number, SIP code it
 * sends (0 = its default 480). FreeSWITCH records each of them as Q.850 16 in hangup_cause_q850.
 */
const FREESWITCH_ONLY: ReadonlyArray<readonly [string, number, number]> = [
  ['ORIGINATOR_CANCEL', 487, 487],
  ['CRASH', 700, 0],
  ['SYSTEM_SHUTDOWN', 701, 0],
  ['LOSE_RACE', 702, 0],
  ['MANAGER_REQUEST', 703, 0],
  ['BLIND_TRANSFER', 800, 0],
  ['ATTENDED_TRANSFER', 801, 0],
  ['ALLOTTED_TIMEOUT', 802, 0],
  ['MEDIA_TIMEOUT', 804, 0],
  ['USER_NOT_REGISTERED', 806, 0],
  ['PROGRESS_TIMEOUT', 807, 0],
  ['INVALID_GATEWAY', 808, 484],
  ['GATEWAY_DOWN', 809, 503],
  ['INVALID_URL', 810, 484],
  ['INVALID_PROFILE', 811, 502],
  ['NO_PICKUP', 812, 0],
  ['SRTP_READ_ERROR', 813, 0],
  ['BUSY_EVERYWHERE', 815, 600],
  ['DECLINE', 816, 603],
  ['DOES_NOT_EXIST_ANYWHERE', 817, 604],
  ['NOT_ACCEPTABLE', 818, 606],
  ['UNWANTED', 819, 607],
];

/** The SIP code FreeSWITCH falls back to for causes it does not map. */
export const FREESWITCH_DEFAULT_SIP = 480;

/** Where the two mappings come from. */
export const Q850_SOURCES: readonly SourceRef[] = [
  'RFC 3398 §8.2.1',
  'RFC 3326 §2',
  'signalwire/freeswitch src/mod/endpoints/mod_sofia/mod_sofia.c',
  'signalwire/freeswitch src/switch_channel.c',
];

const NOTES: Readonly<Record<number, string>> = {
  16: 'Normal clearing ends a call with BYE or CANCEL; RFC 3398 gives no response for it.',
  21: 'RFC 3398 gives 603 instead of 403 when the cause location is the user.',
  22: 'RFC 3398 gives 301 instead of 410 when the diagnostic carries the new number.',
  88: 'FreeSWITCH uses it for a failed codec negotiation and sends 488; the jambonz feature server passes that 488 on.',
};

function freeswitchOf(name: string, value: number, sip: number): FreeswitchCause {
  return { name, value, sipCode: sip === 0 ? FREESWITCH_DEFAULT_SIP : sip, byDefault: sip === 0 };
}

function infoOf(row: Row): Q850Info {
  const [cause, name, rfc, fsName, fsSip] = row;
  const inRfc3398 = rfc >= 0;
  const sipCode = rfc > 0 ? rfc : null;
  const info: Q850Info = { cause, name, sipCode, inRfc3398, differs: false };
  if (fsName !== '') {
    info.freeswitch = freeswitchOf(fsName, cause, fsSip);
    info.differs = inRfc3398 && info.freeswitch.sipCode !== sipCode;
  }
  if (NOTES[cause] !== undefined) {
    info.note = NOTES[cause];
  }
  return info;
}

let byCause: Map<number, Row> | undefined;
let byName: Map<string, Q850Info> | undefined;

function causeIndex(): Map<number, Row> {
  byCause ??= new Map(ROWS.map((row) => [row[0], row]));
  return byCause;
}

function nameIndex(): Map<string, Q850Info> {
  if (!byName) {
    byName = new Map();
    for (const row of ROWS) {
      if (row[3] !== '') {
        byName.set(row[3], infoOf(row));
      }
    }
    const clearing = causeIndex().get(16)!;
    for (const [name, value, sip] of FREESWITCH_ONLY) {
      const freeswitch = freeswitchOf(name, value, sip);
      byName.set(name, {
        cause: 16,
        name: clearing[1],
        sipCode: null,
        inRfc3398: true,
        freeswitch,
        differs: true,
        note: `FreeSWITCH’s own cause ${value}; it records it as Q.850 16 and sends ${freeswitch.sipCode}.`,
      });
    }
  }
  return byName;
}

const CAUSE_NUMBER = /^\d{1,3}$/;
const REASON_CAUSE = /^q\.?850\s*;(?:.*;)?\s*cause\s*=\s*(\d{1,3})\b/i;

/**
 * The Q.850 cause of a value: a number (17), its text ("17"), a FreeSWITCH cause name ("USER_BUSY", any case) or a
 * Reason header value ("Q.850;cause=17;text=…"). Null for anything not in the dictionary; never throws.
 */
export function q850Cause(cause: number | string): Q850Info | null {
  let value: number | null = null;
  if (typeof cause === 'number') {
    value = Number.isInteger(cause) ? cause : null;
  } else if (typeof cause === 'string') {
    const text = cause.trim();
    const reason = REASON_CAUSE.exec(text);
    if (reason) {
      value = Number(reason[1]);
    } else if (CAUSE_NUMBER.test(text)) {
      value = Number(text);
    } else {
      return nameIndex().get(text.toUpperCase()) ?? null;
    }
  }
  const row = value === null ? undefined : causeIndex().get(value);
  return row ? infoOf(row) : null;
}

/** One line for the card: both mappings where they differ, or a clear "not in the dictionary". */
export function describeQ850(cause: unknown): string {
  const info = typeof cause === 'number' || typeof cause === 'string' ? q850Cause(cause) : null;
  if (!info) {
    const shown =
      typeof cause === 'number' || (typeof cause === 'string' && cause.trim() !== '')
        ? `"${String(cause).trim()}"`
        : 'This value';
    return `${shown} is not a Q.850 cause in the dictionary.`;
  }
  const rfc = info.sipCode === null ? 'no SIP response' : String(info.sipCode);
  let text = info.inRfc3398
    ? `Q.850 ${info.cause} ${info.name}: RFC 3398 maps it to ${rfc}`
    : `Q.850 ${info.cause} ${info.name}: not in RFC 3398’s table`;
  if (info.freeswitch) {
    const fs = `${info.freeswitch.sipCode}${info.freeswitch.byDefault ? ' (its default)' : ''}`;
    if (!info.inRfc3398) {
      text += `; FreeSWITCH (${info.freeswitch.name}) sends ${fs}`;
    } else {
      text += info.differs
        ? `; FreeSWITCH (${info.freeswitch.name}) sends ${fs}`
        : ` (FreeSWITCH ${info.freeswitch.name}: the same)`;
    }
  }
  return info.note ? `${text}. ${info.note}` : `${text}.`;
}

/** Every cause of the dictionary, ascending (for docs and tests). */
export function q850Causes(): Q850Info[] {
  return ROWS.map(infoOf);
}
