/**
 * Builds the synthetic gateway (accounts, trunks, servers) and the scripted incidents from the CLI options.
 * Everything is derived from the seed; incidents are placed relative to the anchor so the most recent one always
 * sits in the last hours of the default dashboard range.
 *
 * Addresses come from the documentation ranges (RFC 5737 / RFC 6598 / RFC 1918) and phone numbers from Ofcom's and
 * NANPA's fictional ("drama") ranges, so nothing here points at a real network or subscriber.
 */
import { Account, Incident, Scenario, ScannerBurst, Trunk } from './model';
import { createRng, hashInts, labelKey, Rng } from './prng';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface ScenarioOptions {
  seed: number;
  /** Epoch ms; floored to the minute. */
  anchorMs: number;
  /** History length in days (≥ 1). */
  days: number;
  /** Carrier calls per minute at the weekday peak. */
  peakPerMinute: number;
  /** Offset of the callers' local time from UTC, in hours. */
  utcOffsetHours: number;
  /** Replay a small incident every this many minutes after the anchor (replay.ts); 0 or absent: never. */
  replayEveryMinutes?: number;
}

/** The recent incident (a 503 storm) runs from 80 to 20 minutes before the anchor. */
export const RECENT_INCIDENT_WINDOW = { fromBeforeAnchorMs: 80 * MINUTE_MS, toBeforeAnchorMs: 20 * MINUTE_MS };

/** Historical incidents stay out of the last three hours so the recent one stands alone there. */
const QUIET_BEFORE_ANCHOR_MS = 3 * HOUR_MS;

export const FILTERED_SCANNER_AGENTS = ['friendly-scanner', 'sipcli/v1.8', 'sip-cli'] as const;
export const SPOOFED_SCANNER_AGENTS = [
  'VaxSIPUserAgent/3.1',
  'pplsip',
  'Asterisk PBX 16.2.1',
  'Cisco-SIPGateway/IOS-12.x',
];

const CARRIERS: Trunk[] = [
  { name: 'voxline', kind: 'carrier', ips: ['198.51.100.10', '198.51.100.11'], userAgents: ['Ribbon SBC 12.1'] },
  { name: 'telcoglobal', kind: 'carrier', ips: ['198.51.100.20', '198.51.100.21'], userAgents: ['Oracle ESBC 9.2'] },
  { name: 'bluewave', kind: 'carrier', ips: ['198.51.100.30'], userAgents: ['Sonus SBC 8.2', 'Sonus SBC 8.2.1'] },
];

const DEVICE_TRUNK: Trunk = {
  name: 'user',
  kind: 'user',
  ips: [],
  userAgents: [
    'Zoiper rv2.10.20.5',
    'Yealink SIP-T54W 96.86.0.100',
    'Linphone/5.2.0 (belle-sip/5.2.0)',
    'MicroSIP/3.21.3',
  ],
};

interface AccountPlan {
  name: string;
  weight: number;
  callLimit: number;
  carriers: string[];
  apps: string[];
}

const ACCOUNT_PLANS: AccountPlan[] = [
  {
    name: 'northwind-contact-center',
    weight: 0.32,
    callLimit: 60,
    carriers: ['voxline', 'telcoglobal'],
    apps: ['ivr-main', 'voicebot-orders'],
  },
  {
    name: 'contoso-support',
    weight: 0.22,
    callLimit: 40,
    carriers: ['telcoglobal', 'bluewave'],
    apps: ['support-bot', 'callback-queue'],
  },
  { name: 'fabrikam-helpdesk', weight: 0.16, callLimit: 30, carriers: ['bluewave'], apps: ['helpdesk-ivr'] },
  {
    name: 'tailspin-clinics',
    weight: 0.12,
    callLimit: 25,
    carriers: ['voxline'],
    apps: ['appointments-bot', 'after-hours'],
  },
  { name: 'adatum-sales', weight: 0.1, callLimit: 20, carriers: ['bluewave', 'voxline'], apps: ['sales-router'] },
  { name: 'litware-logistics', weight: 0.08, callLimit: 15, carriers: ['telcoglobal'], apps: ['tracking-bot'] },
];

const DIDS_PER_ACCOUNT = 8;

export function buildScenario(options: ScenarioOptions): Scenario {
  const anchorMs = floorTo(options.anchorMs, MINUTE_MS);
  const startMs = anchorMs - Math.round(options.days * DAY_MS);
  const rng = createRng(hashInts(options.seed, labelKey('scenario')));
  const serviceProviderSid = uuid(rng);
  const accounts = ACCOUNT_PLANS.map((plan, index) => buildAccount(plan, index, serviceProviderSid, rng));
  const scenario: Scenario = {
    seed: options.seed,
    anchorMs,
    startMs,
    peakPerMinute: options.peakPerMinute,
    utcOffsetMinutes: Math.round(options.utcOffsetHours * 60),
    serviceProviderSid,
    sbc: { host: 'sbc-01', ip: '192.0.2.10' },
    sbcPort: 5060,
    featureServers: [
      { host: 'fs-01', ip: '10.0.1.11' },
      { host: 'fs-02', ip: '10.0.1.12' },
      { host: 'fs-03', ip: '10.0.1.13' },
    ],
    accounts,
    trunks: [...CARRIERS, DEVICE_TRUNK],
    incidents: [],
    anchoredBursts: [],
  };
  if (options.replayEveryMinutes !== undefined && options.replayEveryMinutes > 0) {
    scenario.replayEveryMs = options.replayEveryMinutes * MINUTE_MS;
  }
  scenario.incidents = planIncidents(scenario, rng);
  scenario.anchoredBursts = planAnchoredBursts(scenario, rng);
  return scenario;
}

function buildAccount(plan: AccountPlan, index: number, serviceProviderSid: string, rng: Rng): Account {
  const dids: string[] = [];
  for (let j = 0; j < DIDS_PER_ACCOUNT; j++) {
    dids.push(provisionedNumber(index * DIDS_PER_ACCOUNT + j));
  }
  return {
    sid: uuid(rng),
    name: plan.name,
    serviceProviderSid,
    applications: plan.apps.map((name) => ({ sid: uuid(rng), name })),
    dids,
    callLimit: plan.callLimit,
    weight: plan.weight,
    carriers: plan.carriers,
  };
}

function planIncidents(scenario: Scenario, rng: Rng): Incident[] {
  const storm = scenario.accounts[0];
  // After a bad deploy, contoso-support's callback-queue flow ends without answering (603); its other app is fine.
  const flowAccount = scenario.accounts[1];
  const at = (fraction: number, hour: number, minute: number, minutes: number) =>
    placeInHistory(scenario, fraction, hour * 60 + minute, minutes * MINUTE_MS);
  return [
    { kind: 'db-outage', status: 500, probability: 0.5, ...at(0.15, 11, 5, 3) },
    { kind: 'codec-change', status: 488, probability: 0.7, trunk: 'bluewave', ...at(0.45, 9, 30, 150) },
    { kind: 'webhook-outage', status: 480, probability: 0.85, ...at(0.6, 14, 10, 6) },
    {
      kind: 'feature-server-down',
      status: 408,
      probability: 1,
      featureServer: scenario.featureServers[1 + rng.int(scenario.featureServers.length - 1)].host,
      ...at(0.8, 10, 20, 15),
    },
    {
      kind: 'flow-no-answer',
      status: 603,
      probability: 1,
      accountSid: flowAccount.sid,
      applicationSid: flowAccount.applications[flowAccount.applications.length - 1].sid,
      ...at(0.35, 15, 40, 20),
    },
    digestFailures(scenario, at(0.5, 4, 10, 20)),
    {
      kind: 'call-limit',
      status: 503,
      probability: 0.6,
      accountSid: storm.sid,
      surge: 2.5,
      startMs: scenario.anchorMs - RECENT_INCIDENT_WINDOW.fromBeforeAnchorMs,
      endMs: scenario.anchorMs - RECENT_INCIDENT_WINDOW.toBeforeAnchorMs,
    },
  ];
}

/**
 * At night, a client at one address guesses the passwords of fabrikam-helpdesk's devices: INVITEs with digest
 * credentials for one extension after another, to an international number (toll fraud). It spoofs a softphone's
 * User-Agent, so drachtio's spammer filter lets it through, and sbc-inbound's digest check answers each one 403 with
 * X-Reason "Invalid credentials". Its identity comes from a stream of its own, so the other draws stay as they were.
 */
function digestFailures(scenario: Scenario, window: { startMs: number; endMs: number }): Incident {
  const rng = createRng(hashInts(scenario.seed, labelKey('digest-failures')));
  return {
    kind: 'digest-failures',
    status: 403,
    probability: 1,
    accountSid: scenario.accounts[2].sid,
    sourceIp: `203.0.113.${1 + rng.int(254)}`,
    sourcePort: 5060 + rng.int(40),
    userAgent: rng.pick(DEVICE_TRUNK.userAgents),
    rateFactor: 0.5,
    ...window,
  };
}

function planAnchoredBursts(scenario: Scenario, rng: Rng): ScannerBurst[] {
  const night = placeInHistory(scenario, 0.3, 2 * 60 + 40, 12 * MINUTE_MS);
  const evening = placeInHistory(scenario, 0.7, 21 * 60 + 15, 8 * MINUTE_MS);
  return [
    { ...night, ...scannerIdentity(rng, 0), rateFactor: 3 },
    { ...evening, ...scannerIdentity(rng, 1), rateFactor: 4 },
  ];
}

/**
 * The scanner lottery of one UTC day: about one day in three has a burst. Depends only on the seed and the day, so
 * runs with different anchors agree on it.
 */
export function scannerBurstsOnDay(seed: number, utcDayIndex: number): ScannerBurst[] {
  const rng = createRng(hashInts(seed, utcDayIndex, labelKey('scanner-day')));
  if (!rng.chance(0.35)) {
    return [];
  }
  const startMs = utcDayIndex * DAY_MS + rng.int(24 * 60) * MINUTE_MS;
  const durationMs = (5 + rng.int(14)) * MINUTE_MS;
  return [
    { startMs, endMs: startMs + durationMs, ...scannerIdentity(rng, rng.int(3)), rateFactor: rng.between(1.5, 4) },
  ];
}

function scannerIdentity(rng: Rng, filteredIndex: number) {
  return {
    ip: `203.0.113.${1 + rng.int(254)}`,
    port: 5060 + rng.int(40),
    filteredUserAgent: FILTERED_SCANNER_AGENTS[filteredIndex % FILTERED_SCANNER_AGENTS.length],
    spoofedUserAgent: rng.pick(SPOOFED_SCANNER_AGENTS),
  };
}

/**
 * Puts an event at `fraction` of the history, moved to the given local clock time on that day when that keeps it
 * inside the history and out of the quiet hours before the anchor; otherwise clamps it into that interval.
 */
function placeInHistory(scenario: Scenario, fraction: number, localMinuteOfDay: number, durationMs: number) {
  const latestStart = scenario.anchorMs - QUIET_BEFORE_ANCHOR_MS - durationMs;
  const candidate = scenario.startMs + fraction * (scenario.anchorMs - scenario.startMs);
  const offsetMs = scenario.utcOffsetMinutes * MINUTE_MS;
  const localDayStart = floorTo(candidate + offsetMs, DAY_MS) - offsetMs;
  const snapped = localDayStart + localMinuteOfDay * MINUTE_MS;
  const startMs =
    snapped >= scenario.startMs && snapped <= latestStart
      ? snapped
      : floorTo(Math.max(scenario.startMs, Math.min(candidate, latestStart)), MINUTE_MS);
  return { startMs, endMs: startMs + durationMs };
}

export function floorTo(value: number, step: number): number {
  return Math.floor(value / step) * step;
}

export function uuid(rng: Rng): string {
  const variant = '89ab'[rng.int(4)];
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${variant}${rng.hex(3)}-${rng.hex(12)}`;
}

// ------------------------------------------------------------------ fictional numbers

const US_AREA_CODES = ['212', '312', '415', '512', '617', '702', '808', '919'];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Numbers the accounts own: Ofcom drama ranges (London, Leeds, Manchester) and NANP 555-01xx. */
export function provisionedNumber(index: number): string {
  const block = index % 4;
  const n = Math.floor(index / 4);
  switch (block) {
    case 0:
      return `+44207946${pad(n % 1000, 4)}`;
    case 1:
      return `+441134960${pad(n % 1000, 3)}`;
    case 2:
      return `+441614960${pad(n % 1000, 3)}`;
    default:
      return `+1${US_AREA_CODES[n % US_AREA_CODES.length]}55501${pad(n % 100, 2)}`;
  }
}

/** A number no account owns (Ofcom's Tyneside drama range): the carrier sends it, the gateway answers 404. */
export function unprovisionedNumber(rng: Rng): string {
  return `+441914980${pad(rng.int(1000), 3)}`;
}

/** A caller: UK mobile drama range, NANP 555-01xx, or the Australian fictional mobile range. */
export function callerNumber(rng: Rng): string {
  const r = rng.next();
  if (r < 0.45) {
    return `+447700900${pad(rng.int(1000), 3)}`;
  }
  if (r < 0.85) {
    return `+1${rng.pick(US_AREA_CODES)}55501${pad(rng.int(100), 2)}`;
  }
  return `+61491570${pad(rng.int(1000), 3)}`;
}

/** What scanners dial: short extensions, or an international number for toll fraud. */
export function scannerTarget(rng: Rng): string {
  const r = rng.next();
  if (r < 0.7) {
    return rng.pick(['100', '101', '200', '1000', '1001', '2000', '0', '00']);
  }
  return tollFraudNumber(rng);
}

/** An international number of the kind toll fraud dials (premium and satellite ranges). */
export function tollFraudNumber(rng: Rng): string {
  return `00${rng.pick(['972', '970', '882', '44'])}${pad(rng.int(100_000_000), 8)}`;
}
