/**
 * Turns simulated calls into the three kinds of Elasticsearch documents (call records, SIP messages, application
 * log lines), with deterministic ids and monthly index names. Pure: no I/O.
 */
import { Scenario, SimCall } from './model';

export const INDEX_PREFIX = {
  calls: 'voice-calls',
  sip: 'voice-sip',
  logs: 'voice-applogs',
} as const;

export type RecordKind = keyof typeof INDEX_PREFIX;

/** One call record: the final response to one inbound INVITE that reached sbc-inbound (see tools/seed/README.md). */
export interface CallRecordDoc {
  '@timestamp': string;
  sip_status: number;
  sip_status_class: string;
  sip_reason: string;
  x_reason?: string;
  /** Q.850 cause of the final response's Reason header, when it has one. */
  q850_cause?: number;
  sip_callid: string;
  call_sid?: string;
  trace_id?: string;
  direction: 'inbound';
  from: string;
  to: string;
  source: { ip: string; port: number };
  host: string;
  trunk?: string;
  account_sid?: string;
  service_provider_sid?: string;
  application_sid?: string;
  user_agent: string;
  answered: boolean;
  answered_at?: string;
  terminated_at: string;
  duration: number;
  termination_reason: string;
}

interface SipUri {
  original: string;
  username: string;
  host: string;
}

/** One SIP message as a Packetbeat-like event (every sip.* field is a keyword, as in Packetbeat). */
export interface SipMessageDoc {
  '@timestamp': string;
  message: string;
  event: { dataset: 'sip'; kind: 'event' };
  network: { transport: 'udp'; protocol: 'sip' };
  source: { ip: string; port: number };
  destination: { ip: string; port: number };
  sip: {
    type: 'request' | 'response';
    method?: string;
    code?: string;
    status?: string;
    call_id: string;
    version: '2.0';
    cseq: { code: string; method: string };
    uri?: SipUri;
    from: { uri: SipUri };
    to: { uri: SipUri };
    user_agent?: { original: string };
  };
}

/** One line of the gateway's application log. */
export interface AppLogDoc {
  '@timestamp': string;
  level: string;
  message: string;
  service: string;
  host: string;
  sip_callid: string;
  sip_status: number;
  call_sid?: string;
  account_sid?: string;
}

export type SeedDoc = CallRecordDoc | SipMessageDoc | AppLogDoc;

/** What the writer sends: one bulk `index` action and its document. */
export interface BulkOp {
  kind: RecordKind;
  index: string;
  id: string;
  doc: SeedDoc;
}

const MINUTE = 60_000;
/** Largest instant toISOString prints in the short form (year 9999). */
const MAX_SHORT_ISO_MS = 253_402_300_799_999;
const minutePrefixes = new Map<number, string>();

/**
 * `Date#toISOString` for epoch ms, several times faster: "YYYY-MM-DDTHH:MM:" is cached per minute and only the
 * seconds are formatted per call (timestamp formatting dominated the generation profile).
 */
export function iso(ms: number): string {
  if (!(ms >= 0 && ms <= MAX_SHORT_ISO_MS) || !Number.isInteger(ms)) {
    return new Date(ms).toISOString();
  }
  const minute = Math.floor(ms / MINUTE);
  let prefix = minutePrefixes.get(minute);
  if (prefix === undefined) {
    if (minutePrefixes.size >= 4096) {
      minutePrefixes.clear();
    }
    prefix = new Date(minute * MINUTE).toISOString().slice(0, 17);
    minutePrefixes.set(minute, prefix);
  }
  const inMinute = ms - minute * MINUTE;
  const seconds = Math.floor(inMinute / 1000);
  const millis = inMinute - seconds * 1000;
  // Short enough (7 characters) for V8 to build flat: the result is one prefix + tail pair, not a long rope.
  const tail = (seconds < 10 ? '0' : '') + seconds + (millis < 10 ? '.00' : millis < 100 ? '.0' : '.') + millis + 'Z';
  return prefix + tail;
}

/** Monthly index of a kind: voice-calls-2026.11. Deterministic per document, so reruns hit the same index. */
export function indexFor(kind: RecordKind, atMs: number): string {
  const date = new Date(atMs);
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${INDEX_PREFIX[kind]}-${date.getUTCFullYear()}.${month}`;
}

export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

export function callRecordOf(call: SimCall, scenario: Scenario): CallRecordDoc {
  const answeredAt = call.answered ? call.finalMs : undefined;
  const terminatedMs = answeredAt !== undefined ? answeredAt + call.durationS * 1000 : call.finalMs;
  const doc: CallRecordDoc = {
    '@timestamp': iso(call.startMs),
    sip_status: call.status,
    sip_status_class: statusClass(call.status),
    sip_reason: call.reason,
    sip_callid: call.callId,
    direction: 'inbound',
    from: call.from,
    to: call.to,
    source: { ip: call.sourceIp, port: call.sourcePort },
    host: scenario.sbc.host,
    user_agent: call.userAgent,
    answered: call.answered,
    terminated_at: iso(terminatedMs),
    duration: call.durationS,
    // jambonz writes "failed" for every unanswered call (sip-domain.md §b, CDR caveat); we keep that behaviour.
    termination_reason: call.answered ? `${call.hangupBy ?? 'caller'} hungup` : 'failed',
  };
  if (call.xReason !== undefined) {
    doc.x_reason = call.xReason;
  }
  if (call.q850Cause !== undefined) {
    doc.q850_cause = call.q850Cause;
  }
  if (call.callSid !== undefined) {
    doc.call_sid = call.callSid;
  }
  if (call.traceId !== undefined) {
    doc.trace_id = call.traceId;
  }
  if (call.trunk !== undefined) {
    doc.trunk = call.trunk;
  }
  if (call.account !== undefined) {
    doc.account_sid = call.account.sid;
    doc.service_provider_sid = call.account.serviceProviderSid;
  }
  if (call.applicationSid !== undefined) {
    doc.application_sid = call.applicationSid;
  }
  if (answeredAt !== undefined) {
    doc.answered_at = iso(answeredAt);
  }
  return doc;
}

/** The SIP ladder of a call as the gateway's capture sees it: INVITE, 100, 180, (CANCEL/200), final, ACK. */
export function sipMessagesOf(call: SimCall, scenario: Scenario): SipMessageDoc[] {
  const caller = { ip: call.sourceIp, port: call.sourcePort };
  const gateway = { ip: scenario.sbc.ip, port: scenario.sbcPort };
  const fromUri = uri(call.from, call.sourceIp);
  const toUri = uri(call.to, scenario.sbc.ip);
  const event = { dataset: 'sip' as const, kind: 'event' as const };
  const network = { transport: 'udp' as const, protocol: 'sip' as const };
  const userAgent = { original: call.userAgent };
  // Object literals without spread: this runs for every SIP message of every call.
  const request = (atMs: number, method: string): SipMessageDoc => ({
    '@timestamp': iso(atMs),
    message: `${method} ${toUri.original} SIP/2.0`,
    event,
    network,
    source: caller,
    destination: gateway,
    sip: {
      type: 'request',
      method,
      call_id: call.callId,
      version: '2.0',
      cseq: { code: '1', method },
      uri: toUri,
      from: { uri: fromUri },
      to: { uri: toUri },
      user_agent: userAgent,
    },
  });
  const response = (atMs: number, code: number, status: string, cseqMethod: string): SipMessageDoc => ({
    '@timestamp': iso(atMs),
    message: `SIP/2.0 ${code} ${status}`,
    event,
    network,
    source: gateway,
    destination: caller,
    sip: {
      type: 'response',
      code: String(code),
      status,
      call_id: call.callId,
      version: '2.0',
      cseq: { code: '1', method: cseqMethod },
      from: { uri: fromUri },
      to: { uri: toUri },
    },
  });

  const ladder: SipMessageDoc[] = [request(call.startMs, 'INVITE')];
  if (call.trying) {
    ladder.push(response(call.startMs + 4, 100, 'Trying', 'INVITE'));
  }
  if (call.ringingMs !== undefined) {
    ladder.push(response(call.ringingMs, 180, 'Ringing', 'INVITE'));
  }
  if (call.cancelMs !== undefined) {
    ladder.push(request(call.cancelMs, 'CANCEL'));
    ladder.push(response(call.cancelMs + 1, 200, 'OK', 'CANCEL'));
  }
  ladder.push(response(call.finalMs, call.status, call.reason, 'INVITE'));
  if (call.acked) {
    ladder.push(request(call.finalMs + 25, 'ACK'));
  }
  return ladder;
}

function uri(user: string, host: string): SipUri {
  return { original: `sip:${user}@${host}`, username: user, host };
}

export function appLogsOf(call: SimCall): AppLogDoc[] {
  const doc: AppLogDoc = {
    '@timestamp': iso(call.log.atMs),
    level: call.log.level,
    message: call.log.message,
    service: call.log.service,
    host: call.log.host,
    sip_callid: call.callId,
    sip_status: call.status,
  };
  if (call.callSid !== undefined) {
    doc.call_sid = call.callSid;
  }
  if (call.account !== undefined) {
    doc.account_sid = call.account.sid;
  }
  return [doc];
}

/**
 * The bulk operations for one call: its record (unless the gateway writes none, see SimCall.callRecord), its SIP
 * ladder and its log line(s), with ids derived from the Call-ID.
 */
export function bulkOpsOf(call: SimCall, scenario: Scenario): BulkOp[] {
  // A call's documents all go to the month of its INVITE, so a rerun always finds them in the same indices.
  const suffix = indexFor('calls', call.startMs).slice(INDEX_PREFIX.calls.length);
  const ops: BulkOp[] = [];
  if (call.callRecord) {
    ops.push({ kind: 'calls', index: INDEX_PREFIX.calls + suffix, id: call.callId, doc: callRecordOf(call, scenario) });
  }
  const sipIndex = INDEX_PREFIX.sip + suffix;
  sipMessagesOf(call, scenario).forEach((doc, n) => {
    ops.push({ kind: 'sip', index: sipIndex, id: `${call.callId}~sip${n}`, doc });
  });
  const logIndex = INDEX_PREFIX.logs + suffix;
  appLogsOf(call).forEach((doc, n) => {
    ops.push({ kind: 'logs', index: logIndex, id: `${call.callId}~log${n}`, doc });
  });
  return ops;
}
