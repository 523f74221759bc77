/** Data shapes of the synthetic voice gateway the seeder simulates. Plain data, no behaviour. */

/** The gateway components that accept or reject a call (jambonz-style). */
export type GatewayService = 'drachtio' | 'sbc-inbound' | 'feature-server';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Host {
  host: string;
  ip: string;
}

export interface Application {
  sid: string;
  name: string;
}

export interface Account {
  sid: string;
  name: string;
  serviceProviderSid: string;
  applications: Application[];
  /** Provisioned numbers (E.164). */
  dids: string[];
  /** Concurrent-call limit configured for the account. */
  callLimit: number;
  /** Share of all carrier traffic (weights sum to 1 over accounts). */
  weight: number;
  /** Carrier trunks that deliver this account's numbers. */
  carriers: string[];
}

export interface Trunk {
  name: string;
  /** 'user' stands for SIP devices registered on the gateway (jambonz trunk "user"). */
  kind: 'carrier' | 'user';
  ips: string[];
  userAgents: string[];
}

export type IncidentKind =
  | 'db-outage'
  | 'codec-change'
  | 'webhook-outage'
  | 'feature-server-down'
  | 'call-limit'
  | 'flow-no-answer'
  | 'digest-failures';

/**
 * A scripted problem: between start and end, matching calls fail with the incident's code. Digest failures bring
 * calls of their own instead (INVITEs from one address, `rateFactor`), like a scanner burst.
 */
export interface Incident {
  kind: IncidentKind;
  /** SIP status the incident produces. */
  status: number;
  startMs: number;
  endMs: number;
  /** Chance that a matching call fails because of the incident. */
  probability: number;
  /** Only calls on this trunk (codec change). */
  trunk?: string;
  /** Only calls for this account (call-limit storm). */
  accountSid?: string;
  /** Only calls routed to this feature server (dead feature server). */
  featureServer?: string;
  /** Only calls for this application (a flow that ends without answering). */
  applicationSid?: string;
  /** Traffic multiplier for the matching account while the incident lasts (call-limit storm). */
  surge?: number;
  /** The one address its INVITEs come from, with port and User-Agent (digest failures). */
  sourceIp?: string;
  sourcePort?: number;
  userAgent?: string;
  /** INVITEs per minute of its own, as a multiple of the scenario's peak call rate (digest failures). */
  rateFactor?: number;
}

/** A SIP scanner sweeping the gateway from one address. */
export interface ScannerBurst {
  startMs: number;
  endMs: number;
  ip: string;
  port: number;
  /** The scanner's own User-Agent (caught by drachtio's spammer filter). */
  filteredUserAgent: string;
  /** The User-Agent it spoofs for the other half of its INVITEs (reaches sbc-inbound). */
  spoofedUserAgent: string;
  /** INVITEs per minute, as a multiple of the scenario's peak call rate. */
  rateFactor: number;
}

/** Everything that defines a seeded data set. Pure data, built from the CLI options by `buildScenario`. */
export interface Scenario {
  seed: number;
  /** Incidents are placed relative to this instant (the "now" of the first run). */
  anchorMs: number;
  /** Start of the history. */
  startMs: number;
  /** Carrier calls per minute at the weekday peak. */
  peakPerMinute: number;
  /** Local time of the gateway's callers, used for the diurnal curve. */
  utcOffsetMinutes: number;
  serviceProviderSid: string;
  sbc: Host;
  sbcPort: number;
  featureServers: Host[];
  accounts: Account[];
  trunks: Trunk[];
  incidents: Incident[];
  /** Bursts placed relative to the anchor so every data set has some (more come from the daily scanner lottery). */
  anchoredBursts: ScannerBurst[];
  /** A small incident is replayed this often after the anchor (replay.ts); absent or 0: never. */
  replayEveryMs?: number;
}

export type CallKind = 'carrier' | 'device' | 'scanner';

/** The one log line the gateway writes about a call's outcome. */
export interface CallLog {
  atMs: number;
  service: GatewayService;
  host: string;
  level: LogLevel;
  message: string;
}

/** One simulated inbound call with everything the three record kinds are built from. */
export interface SimCall {
  callId: string;
  kind: CallKind;
  /** INVITE received (the call record's @timestamp). */
  startMs: number;
  status: number;
  reason: string;
  xReason?: string;
  /** Q.850 cause of the Reason header on the final response, when it carries one (488 from the media server: 88). */
  q850Cause?: number;
  from: string;
  to: string;
  sourceIp: string;
  sourcePort: number;
  userAgent: string;
  trunk?: string;
  account?: Account;
  applicationSid?: string;
  featureServer?: Host;
  rejectedBy: GatewayService;
  /** The gateway answered 100 Trying (drachtio's stateless spammer reject does not). */
  trying: boolean;
  /** 180 Ringing time, when the call rang. */
  ringingMs?: number;
  /** CANCEL time, for calls the caller abandoned (487). */
  cancelMs?: number;
  /** Final response time. */
  finalMs: number;
  /** The caller acknowledged the final response (scanners usually do not). */
  acked: boolean;
  answered: boolean;
  /** Seconds; 0 unless answered. */
  durationS: number;
  hangupBy?: 'caller' | 'called party';
  callSid?: string;
  traceId?: string;
  /**
   * The gateway writes a call record (CDR) for this call. False only for INVITEs drachtio's spammer filter answers
   * statelessly: they never reach sbc-inbound, so they exist only as SIP messages and a drachtio log line.
   */
  callRecord: boolean;
  log: CallLog;
  /** What made this call fail, when it was an incident or a scanner. */
  cause?: IncidentKind | 'scanner';
}
