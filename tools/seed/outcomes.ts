/**
 * How the simulated gateway ends a call: status, reason phrase, X-Reason and Q.850 cause, which component decides,
 * the timing of the SIP ladder and the log line it writes. Statuses, X-Reasons and causes follow the corrected
 * catalog (docs/guidance-sources.md: every X-Reason here is in its dictionary, a test checks it); most log lines are
 * in our words, except where the catalog tells the NOC to search for the gateway's own (603, drachtio's filter).
 */
import { GatewayService, LogLevel, SimCall } from './model';
import { Rng } from './prng';

export type OutcomeKey =
  | 'answered'
  | 'caller-cancel'
  | 'no-application'
  | 'webhook-error'
  | 'busy'
  | 'not-provisioned'
  | 'flow-no-answer'
  | 'at-capacity'
  | 'bad-credentials'
  | 'db-error'
  | 'codec-mismatch'
  | 'webhook-outage'
  | 'fs-timeout'
  | 'account-call-limit'
  | 'scanner-filtered'
  | 'scanner-spammer'
  | 'scanner-unknown-did';

/** A call before its outcome is settled: who called whom, from where, routed where. */
export type CallDraft = Pick<
  SimCall,
  | 'callId'
  | 'kind'
  | 'startMs'
  | 'from'
  | 'to'
  | 'sourceIp'
  | 'sourcePort'
  | 'userAgent'
  | 'trunk'
  | 'account'
  | 'applicationSid'
  | 'featureServer'
  | 'cause'
> & { applicationName?: string };

interface OutcomeSpec {
  status: number;
  reason: string;
  service: GatewayService;
  level: LogLevel;
  /** The call rang (180) before the final response. */
  rings: boolean;
  /** Answered before sbc-inbound sees the INVITE, so the gateway writes no call record (drachtio's spammer filter). */
  noCallRecord?: true;
  xReason?: (call: CallDraft) => string;
  /** Q.850 cause of the Reason header the final response carries. */
  q850?: number;
  message: (call: CallDraft, timing: Timing) => string;
}

interface Timing {
  ringingMs?: number;
  cancelMs?: number;
  finalMs: number;
}

const fsName = (call: CallDraft) => call.featureServer?.host ?? 'feature server';
const accountLabel = (call: CallDraft) =>
  call.account ? `${call.account.name} (${call.account.sid})` : 'unknown account';
const source = (call: CallDraft) => `${call.sourceIp}:${call.sourcePort}`;

export const OUTCOMES: Record<OutcomeKey, OutcomeSpec> = {
  answered: {
    status: 200,
    reason: 'OK',
    service: 'feature-server',
    level: 'info',
    rings: true,
    message: (c) => `call to ${c.to} answered by application ${c.applicationName ?? 'unknown'}`,
  },
  'caller-cancel': {
    status: 487,
    reason: 'Request Terminated',
    service: 'feature-server',
    level: 'info',
    rings: true,
    message: (c, t) =>
      `caller hung up after ${(((t.cancelMs ?? t.finalMs) - (t.ringingMs ?? c.startMs)) / 1000).toFixed(1)} s of ringing (CANCEL); replying 487`,
  },
  'no-application': {
    status: 480,
    reason: 'Temporarily Unavailable',
    service: 'feature-server',
    level: 'warn',
    rings: false,
    xReason: () => 'no configured application',
    message: (c) => `rejecting call to ${c.to}: no application or webhook url configured for this number`,
  },
  'webhook-error': {
    status: 480,
    reason: 'Temporarily Unavailable',
    service: 'feature-server',
    level: 'error',
    rings: false,
    xReason: () => 'malformed jambonz application payload',
    message: (c) =>
      `application ${c.applicationName ?? 'unknown'} returned an invalid payload to the call webhook; rejecting with 480`,
  },
  busy: {
    status: 486,
    reason: 'Busy Here',
    service: 'feature-server',
    level: 'info',
    rings: false,
    xReason: () => 'SIP Decline Verb',
    message: (c) =>
      `application ${c.applicationName ?? 'unknown'} declined the call with 486 Busy Here (sip:decline verb)`,
  },
  'not-provisioned': {
    status: 404,
    reason: 'Number Not Provisioned',
    service: 'sbc-inbound',
    level: 'warn',
    rings: false,
    message: (c) => `DID has not been provisioned: ${c.to} (carrier ${c.trunk ?? 'unknown'})`,
  },
  'flow-no-answer': {
    status: 603,
    reason: 'Decline',
    service: 'feature-server',
    level: 'warn',
    rings: true,
    // The feature server's own log line (lib/session/inbound-call-session.js), which the 603 guidance says to look for.
    message: (c) =>
      `InboundCallSession:_onTasksDone auto-generating non-success response to invite (application ${c.applicationName ?? 'unknown'})`,
  },
  'at-capacity': {
    status: 503,
    reason: 'Maximum Calls In Progress',
    service: 'sbc-inbound',
    level: 'warn',
    rings: false,
    message: (c) =>
      `checkLimits: account ${accountLabel(c)} is at its limit of ${c.account?.callLimit ?? '?'} calls; rejecting with 503`,
  },
  'bad-credentials': {
    status: 403,
    reason: 'Forbidden',
    service: 'sbc-inbound',
    level: 'warn',
    rings: false,
    xReason: () => 'Invalid credentials',
    message: (c) => `digest authentication failed for device ${c.from} at ${source(c)} (account ${accountLabel(c)})`,
  },
  // Redis fails while sbc-inbound checks the call limits: the account is known by then, so a call record is written
  // (an outage that hits identifyAccount first leaves none, see the 500 guidance).
  'db-error': {
    status: 500,
    reason: 'Server Internal Error',
    service: 'sbc-inbound',
    level: 'error',
    rings: false,
    message: () =>
      'error checking limits for inbound call: connect ECONNREFUSED 10.0.2.6:6379 (Redis); rejecting with 500',
  },
  // FreeSWITCH refuses the endpoint for a G.729-only offer; the feature server passes its 488 and Reason header on.
  'codec-mismatch': {
    status: 488,
    reason: 'Not Acceptable Here',
    service: 'feature-server',
    level: 'error',
    rings: false,
    xReason: () => 'endpoint allocation failure: Not Acceptable Here',
    q850: 88,
    message: (c) =>
      `media server refused the endpoint for the offer from carrier ${c.trunk ?? 'unknown'} (G729/8000 only; Reason: Q.850;cause=88); rejecting with 488`,
  },
  'webhook-outage': {
    status: 480,
    reason: 'Temporarily Unavailable',
    service: 'feature-server',
    level: 'error',
    rings: false,
    xReason: () => 'Unexpected HTTP Response',
    message: (c) =>
      `call webhook POST https://hooks.example.net/${c.account?.name ?? 'unknown'}/call failed: 502 Bad Gateway; rejecting with 480`,
  },
  'fs-timeout': {
    status: 408,
    reason: 'Request Timeout',
    service: 'sbc-inbound',
    level: 'error',
    rings: false,
    message: (c) =>
      `no final response from ${fsName(c)} (${c.featureServer?.ip ?? '?'}) within 32 s (Timer B); failing the call with 408`,
  },
  'account-call-limit': {
    status: 503,
    reason: 'Max Account Calls In Progress',
    service: 'sbc-inbound',
    level: 'warn',
    rings: false,
    message: (c) =>
      `checkLimits: account ${accountLabel(c)} has reached its call limit of ${c.account?.callLimit ?? '?'}; rejecting with 503 Max Account Calls In Progress`,
  },
  'scanner-filtered': {
    status: 603,
    reason: 'Decline',
    service: 'drachtio',
    level: 'info',
    rings: false,
    noCallRecord: true,
    // drachtio's own log line (src/controller.cpp), which fail2ban reads and the 603 guidance says to look for.
    message: (c) =>
      `DrachtioController::processMessageStatelessly: detected potential spammer from ${source(c)} due to header value: ${c.userAgent}`,
  },
  'scanner-spammer': {
    status: 403,
    reason: 'Forbidden',
    service: 'sbc-inbound',
    level: 'warn',
    rings: false,
    // The account's device-auth webhook flags the scanner (the scan targets that account's SIP realm).
    xReason: (c) => `detected potential spammer from ${source(c)}`,
    message: (c) => `device-auth webhook flagged ${source(c)} as a spammer; rejecting INVITE to ${c.to} with 403`,
  },
  'scanner-unknown-did': {
    status: 404,
    reason: 'Not Found',
    service: 'sbc-inbound',
    level: 'warn',
    rings: false,
    message: (c) => `rejecting INVITE to ${c.to} from ${source(c)}: no carrier, account or number matches`,
  },
};

/**
 * Baseline outcome mix of carrier calls, in percent (assumption, see tools/seed/README.md "Traffic"). Chosen so that
 * ordinary traffic raises nothing under the panel's default policy: no code the runbook investigates at the first
 * incident (408, 488, 500, 603: those come only from scripted incidents), and every tracked code well below its
 * share threshold (404 < 3 %, 403/480/503 and other 4xx < 5 %, 487 < 15 %) even in a quiet night's few hundred calls.
 */
export const CARRIER_MIX: ReadonlyArray<{ weight: number; value: OutcomeKey }> = [
  { weight: 85, value: 'answered' },
  { weight: 8.5, value: 'caller-cancel' },
  { weight: 2.5, value: 'busy' },
  { weight: 1.5, value: 'no-application' },
  { weight: 0.5, value: 'webhook-error' },
  { weight: 1.5, value: 'not-provisioned' },
  { weight: 0.5, value: 'at-capacity' },
];

/** Baseline outcome mix of calls from registered devices (trunk "user"), in percent. */
export const DEVICE_MIX: ReadonlyArray<{ weight: number; value: OutcomeKey }> = [
  { weight: 83, value: 'answered' },
  { weight: 7.5, value: 'caller-cancel' },
  { weight: 2.5, value: 'busy' },
  { weight: 1.5, value: 'no-application' },
  { weight: 0.5, value: 'webhook-error' },
  { weight: 5, value: 'bad-credentials' },
];

/** Settles a drafted call into a full SimCall with the outcome's timing, ids and log line. */
export function settleCall(draft: CallDraft, key: OutcomeKey, rng: Rng, sbcHost: string): SimCall {
  const spec = OUTCOMES[key];
  const start = draft.startMs;
  const ringingMs = spec.rings ? start + Math.round(rng.between(120, 900)) : undefined;
  let cancelMs: number | undefined;
  let finalMs: number;
  let durationS = 0;
  switch (key) {
    case 'answered':
      finalMs = (ringingMs ?? start) + Math.round(rng.between(800, 6000));
      durationS = Math.min(3600, 3 + Math.round(-170 * Math.log(1 - rng.next())));
      break;
    case 'caller-cancel':
      cancelMs = (ringingMs ?? start) + Math.round(rng.between(2000, 25_000));
      finalMs = cancelMs + Math.round(rng.between(2, 15));
      break;
    case 'flow-no-answer':
      finalMs = (ringingMs ?? start) + Math.round(rng.between(500, 8000));
      break;
    case 'fs-timeout':
      finalMs = start + 32_000 + Math.round(rng.between(0, 40));
      break;
    case 'webhook-outage':
      finalMs = start + Math.round(rng.between(3000, 5000));
      break;
    case 'scanner-filtered':
      finalMs = start + Math.round(rng.between(1, 5));
      break;
    default:
      finalMs = start + Math.round(spec.service === 'feature-server' ? rng.between(150, 1200) : rng.between(8, 120));
  }
  const answered = key === 'answered';
  const reachedFeatureServer = spec.service === 'feature-server';
  const timing: Timing = { ringingMs, cancelMs, finalMs };
  // Built field by field: object spread in this hot path costs V8 several microseconds per call.
  return {
    callId: draft.callId,
    kind: draft.kind,
    startMs: start,
    status: spec.status,
    reason: spec.reason,
    xReason: spec.xReason ? spec.xReason(draft) : undefined,
    q850Cause: spec.q850,
    from: draft.from,
    to: draft.to,
    sourceIp: draft.sourceIp,
    sourcePort: draft.sourcePort,
    userAgent: draft.userAgent,
    trunk: draft.trunk,
    account: draft.account,
    applicationSid: reachedFeatureServer ? draft.applicationSid : undefined,
    featureServer: draft.kind === 'scanner' ? undefined : draft.featureServer,
    rejectedBy: spec.service,
    trying: key !== 'scanner-filtered',
    ringingMs,
    cancelMs,
    finalMs,
    acked: draft.kind !== 'scanner',
    answered,
    durationS,
    hangupBy: answered ? (rng.chance(0.6) ? 'caller' : 'called party') : undefined,
    callSid: reachedFeatureServer ? uuidLike(rng) : undefined,
    traceId: reachedFeatureServer ? rng.hex(32) : undefined,
    callRecord: spec.noCallRecord !== true,
    log: {
      atMs: finalMs,
      service: spec.service,
      host: reachedFeatureServer ? (draft.featureServer?.host ?? sbcHost) : sbcHost,
      level: spec.level,
      message: spec.message(draft, timing),
    },
    cause: draft.cause,
  };
}

function uuidLike(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
}
