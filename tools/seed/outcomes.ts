/**
 * How the simulated gateway ends a call: status, reason phrase, which component decides, the timing of the SIP
 * ladder and the log line it writes. Shapes follow the jambonz code paths in research/sip-domain.md §b; the words of
 * the log lines are ours.
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
    xReason: () => 'invalid application payload',
    message: (c) =>
      `application ${c.applicationName ?? 'unknown'} returned an invalid payload to the call webhook; rejecting with 480`,
  },
  busy: {
    status: 486,
    reason: 'Busy Here',
    service: 'feature-server',
    level: 'info',
    rings: false,
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
    message: (c) =>
      `application ${c.applicationName ?? 'unknown'}: tasks completed without answering the call; auto-generating a 603 Decline`,
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
  'db-error': {
    status: 500,
    reason: 'Server Internal Error',
    service: 'sbc-inbound',
    level: 'error',
    rings: false,
    message: () => 'identifyAccount: database error (connect ECONNREFUSED 10.0.2.5:3306); rejecting with 500',
  },
  'codec-mismatch': {
    status: 488,
    reason: 'Not Acceptable Here',
    service: 'sbc-inbound',
    level: 'error',
    rings: false,
    message: (c) =>
      `rtpengine rejected the offer from carrier ${c.trunk ?? 'unknown'}: no common codec (offer: G729/8000 only); rejecting with 488`,
  },
  'webhook-outage': {
    status: 480,
    reason: 'Temporarily Unavailable',
    service: 'feature-server',
    level: 'error',
    rings: false,
    xReason: () => 'webhook error: 502 Bad Gateway',
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
    message: (c) =>
      `detected potential spammer from ${source(c)} (User-Agent "${c.userAgent}"), replying 603 statelessly`,
  },
  'scanner-spammer': {
    status: 403,
    reason: 'Forbidden',
    service: 'sbc-inbound',
    level: 'warn',
    rings: false,
    xReason: (c) => `detected potential spammer from ${source(c)}`,
    message: (c) => `rejecting INVITE to ${c.to} from ${source(c)}: detected potential spammer`,
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
