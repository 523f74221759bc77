/**
 * Pure traffic generation: how many calls arrive in a minute and how each one ends. Each minute is generated from
 * its own PRNG stream (seed × minute), so any minute can be (re)generated on its own, history and live trickle agree,
 * and re-running never produces different ids for the same calls.
 */
import { Account, Incident, ScannerBurst, Scenario, SimCall, Trunk } from './model';
import { CallDraft, CARRIER_MIX, DEVICE_MIX, OutcomeKey, settleCall } from './outcomes';
import { createRng, hashInts, Rng } from './prng';
import { replayedIncidentsAt } from './replay';
import {
  callerNumber,
  DAY_MS,
  floorTo,
  MINUTE_MS,
  scannerBurstsOnDay,
  scannerTarget,
  tollFraudNumber,
  unprovisionedNumber,
} from './scenario';

/**
 * Relative call volume by local hour (weekday), 1 = peak. Assumption, not a sourced figure: night trough at ~5 %,
 * ramp from 07:00, two business-hour humps around 10:00 and 14:00 with a lunch dip, evening tail.
 */
export const HOURLY_WEIGHT = [
  0.1, 0.07, 0.05, 0.05, 0.05, 0.07, 0.14, 0.32, 0.62, 0.9, 1.0, 0.96, 0.74, 0.8, 0.95, 0.92, 0.78, 0.58, 0.4, 0.29,
  0.22, 0.18, 0.15, 0.12,
];

/** Weekend volume relative to a weekday (Saturday, Sunday). Assumption: 30–50 % of weekdays. */
export const SATURDAY_FACTOR = 0.45;
export const SUNDAY_FACTOR = 0.32;

/** Share of carrier-trunk traffic that comes from registered devices instead of carriers. */
const DEVICE_SHARE = 0.1;

/** Weight of the diurnal curve at a local minute of the day, linear between hour midpoints. */
export function diurnalWeight(localMinuteOfDay: number): number {
  const hourPosition = localMinuteOfDay / 60 - 0.5;
  const lower = Math.floor(hourPosition);
  const fraction = hourPosition - lower;
  const a = HOURLY_WEIGHT[(lower + 24) % 24];
  const b = HOURLY_WEIGHT[(lower + 1 + 24) % 24];
  return a + (b - a) * fraction;
}

/** Expected carrier and device calls in the minute starting at `minuteStartMs`, before incidents. */
export function expectedCallsPerMinute(scenario: Scenario, minuteStartMs: number): number {
  const localMs = minuteStartMs + scenario.utcOffsetMinutes * MINUTE_MS;
  const localMinuteOfDay = Math.floor((((localMs % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  // 1970-01-01 was a Thursday: day 0 → 4 (0 = Sunday).
  const weekday = (((Math.floor(localMs / DAY_MS) + 4) % 7) + 7) % 7;
  const dayFactor = weekday === 6 ? SATURDAY_FACTOR : weekday === 0 ? SUNDAY_FACTOR : 1;
  return scenario.peakPerMinute * diurnalWeight(localMinuteOfDay + 0.5) * dayFactor;
}

export function activeIncidents(scenario: Scenario, atMs: number): Incident[] {
  const scripted = scenario.incidents.filter((incident) => atMs >= incident.startMs && atMs < incident.endMs);
  return [...scripted, ...replayedIncidentsAt(scenario, atMs)];
}

/** Scanner bursts active at the instant: the anchored ones plus the daily lottery (today's and yesterday's). */
export function activeScannerBursts(scenario: Scenario, atMs: number): ScannerBurst[] {
  const day = Math.floor(atMs / DAY_MS);
  const active: ScannerBurst[] = [];
  for (const list of [
    scenario.anchoredBursts,
    lotteryBursts(scenario.seed, day - 1),
    lotteryBursts(scenario.seed, day),
  ]) {
    for (const burst of list) {
      if (atMs >= burst.startMs && atMs < burst.endMs) {
        active.push(burst);
      }
    }
  }
  return active;
}

/** The daily scanner lottery is asked about the same two days for 1440 minutes in a row: remember the last few. */
const lotteryCache = new Map<string, ScannerBurst[]>();

function lotteryBursts(seed: number, day: number): ScannerBurst[] {
  const key = `${seed}:${day}`;
  let bursts = lotteryCache.get(key);
  if (!bursts) {
    if (lotteryCache.size > 64) {
      lotteryCache.clear();
    }
    bursts = scannerBurstsOnDay(seed, day);
    lotteryCache.set(key, bursts);
  }
  return bursts;
}

/** All calls whose INVITE arrives in the minute starting at `minuteStartMs` (floored), ordered by arrival. */
export function generateMinute(scenario: Scenario, minuteStartMs: number): SimCall[] {
  const start = floorTo(minuteStartMs, MINUTE_MS);
  const rng = createRng(hashInts(scenario.seed, start / MINUTE_MS));
  const incidents = activeIncidents(scenario, start);
  const base = expectedCallsPerMinute(scenario, start);

  const weights = scenario.accounts.map((account) => ({
    weight: account.weight * surgeFor(account, incidents),
    value: account,
  }));
  const totalWeight = weights.reduce((sum, w) => sum + w.weight, 0);
  const calls: SimCall[] = [];
  const count = rng.poisson(base * totalWeight);
  for (let i = 0; i < count; i++) {
    calls.push(customerCall(scenario, rng, start, rng.weighted(weights), incidents));
  }
  for (const burst of activeScannerBursts(scenario, start)) {
    const scans = rng.poisson(burst.rateFactor * scenario.peakPerMinute);
    for (let i = 0; i < scans; i++) {
      calls.push(scannerCall(scenario, rng, start, burst));
    }
  }
  // Incidents with calls of their own come last, so the minute's other calls stay as they were without them.
  for (const incident of incidents) {
    if (incident.kind === 'digest-failures') {
      const attempts = rng.poisson((incident.rateFactor ?? 0) * scenario.peakPerMinute);
      for (let i = 0; i < attempts; i++) {
        calls.push(digestFailureCall(scenario, rng, start, incident));
      }
    }
  }
  calls.sort((a, b) => a.startMs - b.startMs || (a.callId < b.callId ? -1 : 1));
  return calls;
}

function surgeFor(account: Account, incidents: Incident[]): number {
  let surge = 1;
  for (const incident of incidents) {
    if (incident.kind === 'call-limit' && incident.accountSid === account.sid && incident.surge) {
      surge *= incident.surge;
    }
  }
  return surge;
}

function trunkNamed(scenario: Scenario, name: string): Trunk {
  const trunk = scenario.trunks.find((t) => t.name === name);
  if (!trunk) {
    throw new Error(`scenario has no trunk named ${name}`);
  }
  return trunk;
}

function customerCall(
  scenario: Scenario,
  rng: Rng,
  minuteStart: number,
  account: Account,
  incidents: Incident[]
): SimCall {
  const device = rng.chance(DEVICE_SHARE);
  const trunk = trunkNamed(scenario, device ? 'user' : rng.pick(account.carriers));
  const sourceIp = device ? `100.64.${rng.int(256)}.${1 + rng.int(254)}` : rng.pick(trunk.ips);
  const application = rng.pick(account.applications);
  const draft: CallDraft = {
    callId: `${rng.hex(24)}@${sourceIp}`,
    kind: device ? 'device' : 'carrier',
    startMs: minuteStart + rng.int(MINUTE_MS),
    from: device ? `${1000 + rng.int(90)}` : callerNumber(rng),
    to: rng.pick(account.dids),
    sourceIp,
    sourcePort: device ? 1024 + rng.int(64_000) : scenario.sbcPort,
    userAgent: rng.pick(trunk.userAgents),
    trunk: trunk.name,
    account,
    applicationSid: application.sid,
    applicationName: application.name,
    featureServer: rng.pick(scenario.featureServers),
  };
  let key: OutcomeKey = rng.weighted(device ? DEVICE_MIX : CARRIER_MIX);
  if (key === 'not-provisioned') {
    draft.to = unprovisionedNumber(rng);
  }
  const incident = incidents.find((candidate) => affects(candidate, draft) && rng.chance(candidate.probability));
  if (incident) {
    key = INCIDENT_OUTCOME[incident.kind];
    draft.cause = incident.kind;
  }
  return settleCall(draft, key, rng, scenario.sbc.host);
}

const INCIDENT_OUTCOME: Record<Incident['kind'], OutcomeKey> = {
  'db-outage': 'db-error',
  'codec-change': 'codec-mismatch',
  'webhook-outage': 'webhook-outage',
  'feature-server-down': 'fs-timeout',
  'call-limit': 'account-call-limit',
  'flow-no-answer': 'flow-no-answer',
  'digest-failures': 'bad-credentials',
};

/** Incidents that bring calls of their own and leave the customers' calls alone. */
const OWN_CALLS: ReadonlySet<Incident['kind']> = new Set(['digest-failures']);

function affects(incident: Incident, call: CallDraft): boolean {
  if (OWN_CALLS.has(incident.kind)) {
    return false;
  }
  if (incident.trunk !== undefined && incident.trunk !== call.trunk) {
    return false;
  }
  if (incident.accountSid !== undefined && incident.accountSid !== call.account?.sid) {
    return false;
  }
  if (incident.featureServer !== undefined && incident.featureServer !== call.featureServer?.host) {
    return false;
  }
  if (incident.applicationSid !== undefined && incident.applicationSid !== call.applicationSid) {
    return false;
  }
  return true;
}

function scannerCall(scenario: Scenario, rng: Rng, minuteStart: number, burst: ScannerBurst): SimCall {
  const filtered = rng.chance(0.5);
  const draft: CallDraft = {
    callId: `${rng.hex(16)}@${burst.ip}`,
    kind: 'scanner',
    startMs: minuteStart + rng.int(MINUTE_MS),
    from: rng.pick(['100', '1000', 'sipvicious', '0']),
    to: scannerTarget(rng),
    sourceIp: burst.ip,
    sourcePort: burst.port,
    userAgent: filtered ? burst.filteredUserAgent : burst.spoofedUserAgent,
    cause: 'scanner',
  };
  const key: OutcomeKey = filtered ? 'scanner-filtered' : rng.chance(0.55) ? 'scanner-spammer' : 'scanner-unknown-did';
  return settleCall(draft, key, rng, scenario.sbc.host);
}

/** One INVITE of a digest-failures incident: a guessed extension's credentials, from the incident's one address. */
function digestFailureCall(scenario: Scenario, rng: Rng, minuteStart: number, incident: Incident): SimCall {
  const sourceIp = incident.sourceIp ?? '203.0.113.1';
  const draft: CallDraft = {
    callId: `${rng.hex(24)}@${sourceIp}`,
    kind: 'device',
    startMs: minuteStart + rng.int(MINUTE_MS),
    from: `${1000 + rng.int(90)}`,
    to: tollFraudNumber(rng),
    sourceIp,
    sourcePort: incident.sourcePort ?? 5060,
    userAgent: incident.userAgent ?? 'unknown',
    trunk: 'user',
    account: scenario.accounts.find((account) => account.sid === incident.accountSid),
    cause: incident.kind,
  };
  return settleCall(draft, INCIDENT_OUTCOME[incident.kind], rng, scenario.sbc.host);
}

/** Every call that arrives in [fromMs, toMs), minute by minute. */
export function* callsBetween(scenario: Scenario, fromMs: number, toMs: number): Generator<SimCall> {
  for (let minute = floorTo(fromMs, MINUTE_MS); minute < toMs; minute += MINUTE_MS) {
    for (const call of generateMinute(scenario, minute)) {
      if (call.startMs >= fromMs && call.startMs < toMs) {
        yield call;
      }
    }
  }
}
