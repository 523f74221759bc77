/** @jest-environment ./tools/seed/testing/nodeEnvironment.js */
import type { DataFrame } from '@grafana/data';

import { assessCodes, Finding, normalizeFrames, policyFor } from '../../src/core';
import { Incident, SimCall } from './model';
import { FILTERED_SCANNER_AGENTS, buildScenario, DAY_MS, HOUR_MS, MINUTE_MS, RECENT_INCIDENT_WINDOW } from './scenario';
import { callsBetween, diurnalWeight, expectedCallsPerMinute, generateMinute, HOURLY_WEIGHT } from './traffic';

// Wednesday 2026-11-25 14:00 UTC; seven days of history reach back to Wednesday 2026-11-18.
const ANCHOR = Date.UTC(2026, 10, 25, 14, 0);
const scenario = buildScenario({ seed: 42, anchorMs: ANCHOR, days: 7, peakPerMinute: 20, utcOffsetHours: 0 });
let history: SimCall[];

beforeAll(() => {
  history = [...callsBetween(scenario, scenario.startMs, ANCHOR)];
});

function share(calls: SimCall[], predicate: (call: SimCall) => boolean): number {
  return calls.filter(predicate).length / calls.length;
}

const customerBaseline = () => history.filter((call) => call.kind !== 'scanner' && call.cause === undefined);

/**
 * What the panel finds on the NOC dashboard for [from, to): the call records of that range aggregated the way its
 * query asks Elasticsearch to (Terms on sip_status × Date Histogram, one frame per code, as current Grafana names
 * them), read by the panel's own normalisation and assessed with the default policy.
 */
function panelFindings(from: number, to: number, bucketMs = 5 * MINUTE_MS): Finding[] {
  const bucketCount = Math.ceil((to - from) / bucketMs);
  const times = Array.from({ length: bucketCount }, (_, i) => from + i * bucketMs);
  const perCode = new Map<number, number[]>();
  for (const call of history) {
    if (call.callRecord && call.startMs >= from && call.startMs < to) {
      const series = perCode.get(call.status) ?? new Array<number>(bucketCount).fill(0);
      series[Math.floor((call.startMs - from) / bucketMs)]++;
      perCode.set(call.status, series);
    }
  }
  // Built by hand in the shape dataFrameFromJSON gives (@grafana/data itself needs a browser window).
  const frames = [...perCode].map(
    ([code, values]) =>
      ({
        refId: 'A',
        name: String(code),
        meta: { type: 'timeseries-multi', typeVersion: [0, 0] },
        length: bucketCount,
        fields: [
          { name: 'Time', type: 'time', config: {}, values: times },
          { name: 'Value', type: 'number', config: {}, values },
        ],
      }) as unknown as DataFrame
  );
  const distribution = normalizeFrames(frames);
  expect(distribution.total).toBe([...perCode.values()].flat().reduce((a, b) => a + b, 0));
  return assessCodes(distribution);
}

const describeFindings = (findings: Finding[]) =>
  findings.map((finding) => `${finding.code} ${finding.rules.map((rule) => rule.rule).join('+')}`);

/** The codes the default policy investigates at the first incident (408, 488, 500, 603…). */
const investigatedAtOnce = (code: number) => policyFor(code).rules.anyIncident;

describe('outcome mix', () => {
  it('answers about 85 % of ordinary calls, more than the ~70 % ASR carriers see', () => {
    expect(share(customerBaseline(), (call) => call.status === 200)).toBeGreaterThan(0.82);
    expect(share(customerBaseline(), (call) => call.status === 200)).toBeLessThan(0.88);
    // Scanners and incidents pull the share of all call records down a little, not far.
    const records = history.filter((call) => call.callRecord);
    expect(share(records, (call) => call.answered)).toBeGreaterThan(0.75);
    expect(share(records, (call) => call.answered)).toBeLessThan(0.86);
  });

  it.each([
    [487, 0.06, 0.11],
    [486, 0.015, 0.035],
    [480, 0.012, 0.03],
    [404, 0.008, 0.02],
    [403, 0.003, 0.008],
    [503, 0.002, 0.008],
  ])(
    'gives %i a realistic share of ordinary calls, well under the share the panel follows up at',
    (code, low, high) => {
      const value = share(customerBaseline(), (call) => call.status === code);
      expect(value).toBeGreaterThan(low);
      expect(value).toBeLessThan(high);
      const threshold = policyFor(code).rules.shareAtLeast;
      expect(threshold).not.toBeNull();
      expect(value * 100).toBeLessThan(0.6 * threshold!);
    }
  );

  it('has no code the panel investigates at the first incident (408, 488, 500, 603) in ordinary call records', () => {
    expect([408, 488, 500, 603].every(investigatedAtOnce)).toBe(true);
    const ordinaryRecords = history.filter(
      (call) => call.callRecord && (call.cause === undefined || call.cause === 'scanner')
    );
    expect(ordinaryRecords.length).toBeGreaterThan(10_000);
    expect(ordinaryRecords.filter((call) => investigatedAtOnce(call.status))).toEqual([]);
  });

  it('keeps every call consistent: answered iff 200, duration only when answered, ladder in time order', () => {
    const inconsistent = history.filter(
      (call) =>
        call.answered !== (call.status === 200) ||
        call.durationS > 0 !== call.answered ||
        !(call.finalMs > call.startMs) ||
        (call.ringingMs !== undefined && !(call.ringingMs < call.finalMs)) ||
        (call.status === 487) !== (call.cancelMs !== undefined)
    );
    expect(inconsistent).toEqual([]);
  });
});

describe('diurnal and weekly shape', () => {
  it('interpolates the hourly curve and has a night trough well below the business-hours peak', () => {
    expect(diurnalWeight(10 * 60 + 30)).toBeCloseTo(HOURLY_WEIGHT[10]);
    expect(diurnalWeight(10 * 60 + 30)).toBeGreaterThan(10 * diurnalWeight(3 * 60 + 30));
    expect(expectedCallsPerMinute(scenario, Date.UTC(2026, 10, 24, 10, 30))).toBeCloseTo(20 * HOURLY_WEIGHT[10], 1);
  });

  it('generates many more calls at the weekday peak hour than at night', () => {
    const inHour = (day: number, hour: number) =>
      history.filter(
        (call) =>
          call.kind !== 'scanner' &&
          call.startMs >= Date.UTC(2026, 10, day, hour) &&
          call.startMs < Date.UTC(2026, 10, day, hour + 1)
      ).length;
    // Monday 23rd and Friday 20th.
    for (const day of [20, 23]) {
      expect(inHour(day, 10)).toBeGreaterThan(8 * Math.max(1, inHour(day, 3)));
    }
  });

  it('has lower weekends (30–50 % of a weekday)', () => {
    const onDay = (day: number) =>
      history.filter(
        (call) =>
          call.kind !== 'scanner' &&
          call.startMs >= Date.UTC(2026, 10, day) &&
          call.startMs < Date.UTC(2026, 10, day + 1)
      ).length;
    const weekday = onDay(19); // Thursday
    expect(onDay(21) / weekday).toBeGreaterThan(0.3); // Saturday
    expect(onDay(21) / weekday).toBeLessThan(0.55);
    expect(onDay(22) / weekday).toBeGreaterThan(0.2); // Sunday
    expect(onDay(22) / weekday).toBeLessThan(0.45);
  });

  it('honours the callers’ time zone', () => {
    const shifted = buildScenario({ seed: 42, anchorMs: ANCHOR, days: 7, peakPerMinute: 20, utcOffsetHours: -5 });
    // 15:30 UTC is 10:30 in UTC-5, the peak.
    expect(expectedCallsPerMinute(shifted, Date.UTC(2026, 10, 24, 15, 30))).toBeCloseTo(20 * HOURLY_WEIGHT[10], 1);
  });
});

describe('scripted incidents and scanners', () => {
  it('places every incident inside the history, the 503 storm 80 to 20 minutes before the anchor', () => {
    for (const incident of scenario.incidents) {
      expect(incident.startMs).toBeGreaterThanOrEqual(scenario.startMs);
      expect(incident.endMs).toBeLessThanOrEqual(ANCHOR);
    }
    const storm = scenario.incidents.find((incident) => incident.kind === 'call-limit')!;
    expect(storm.startMs).toBe(ANCHOR - RECENT_INCIDENT_WINDOW.fromBeforeAnchorMs);
    expect(storm.endMs).toBe(ANCHOR - RECENT_INCIDENT_WINDOW.toBeforeAnchorMs);
  });

  it.each([
    ['db-outage', 500],
    ['codec-change', 488],
    ['webhook-outage', 480],
    ['feature-server-down', 408],
    ['call-limit', 503],
    ['flow-no-answer', 603],
    ['digest-failures', 403],
  ])('produces %s failures (%i) only inside the incident window and scope', (kind, status) => {
    const incident = scenario.incidents.find((candidate) => candidate.kind === kind)!;
    const caused = history.filter((call) => call.cause === kind);
    expect(caused.length).toBeGreaterThan(5);
    const outside = caused.filter(
      (call) =>
        call.status !== status ||
        call.startMs < incident.startMs ||
        call.startMs >= incident.endMs ||
        (incident.trunk !== undefined && call.trunk !== incident.trunk) ||
        (incident.accountSid !== undefined && call.account?.sid !== incident.accountSid) ||
        (incident.featureServer !== undefined && call.featureServer?.host !== incident.featureServer) ||
        (incident.applicationSid !== undefined && call.applicationSid !== incident.applicationSid) ||
        (incident.sourceIp !== undefined && call.sourceIp !== incident.sourceIp)
    );
    expect(outside).toEqual([]);
    // Every incident call reaches sbc-inbound, so each one has a call record for the panel.
    expect(caused.filter((call) => !call.callRecord)).toEqual([]);
  });

  it('sends a digest-failures burst from one address, each INVITE refused by the digest check with 403', () => {
    const incident = scenario.incidents.find((candidate) => candidate.kind === 'digest-failures')!;
    const burst = history.filter((call) => call.cause === 'digest-failures');
    // Half the peak rate for 20 minutes: about 200 INVITEs, at night, when ordinary traffic is a trickle.
    expect(burst.length).toBeGreaterThan(120);
    expect(burst.length).toBeLessThan(300);
    expect(new Set(burst.map((call) => `${call.sourceIp}:${call.sourcePort} ${call.userAgent}`))).toEqual(
      new Set([`${incident.sourceIp}:${incident.sourcePort} ${incident.userAgent}`])
    );
    expect(
      burst.filter(
        (call) =>
          call.reason !== 'Forbidden' ||
          call.xReason !== 'Invalid credentials' ||
          call.rejectedBy !== 'sbc-inbound' ||
          call.trunk !== 'user' ||
          call.account?.sid !== incident.accountSid ||
          call.applicationSid !== undefined
      )
    ).toEqual([]);
    // The spoofed softphone User-Agent gets past drachtio's filter, so sbc-inbound answers and writes the record.
    expect(burst.filter((call) => (FILTERED_SCANNER_AGENTS as readonly string[]).includes(call.userAgent))).toEqual([]);
    const ordinary = history.filter(
      (call) => call.cause !== 'digest-failures' && call.startMs >= incident.startMs && call.startMs < incident.endMs
    );
    expect(ordinary.length).toBeLessThan(burst.length / 4);
  });

  it('takes 408s 32 s (Timer B) and names the dead feature server in the log', () => {
    const timeouts = history.filter((call) => call.status === 408);
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts.filter((call) => call.finalMs - call.startMs < 32_000)).toEqual([]);
    expect(timeouts.filter((call) => !call.log.message.includes(call.featureServer!.host))).toEqual([]);
  });

  it('has scanner bursts from one address with scanner user agents, short targets and 403/404/603', () => {
    const scans = history.filter((call) => call.kind === 'scanner');
    expect(scans.length).toBeGreaterThan(100);
    expect(new Set(scans.map((call) => call.status))).toEqual(new Set([403, 404, 603]));
    expect(scans.some((call) => (FILTERED_SCANNER_AGENTS as readonly string[]).includes(call.userAgent))).toBe(true);
    expect(share(scans, (call) => /^\d{1,4}$/.test(call.to))).toBeGreaterThan(0.5);
    const filtered = (call: SimCall) => (FILTERED_SCANNER_AGENTS as readonly string[]).includes(call.userAgent);
    expect(scans.filter((call) => !/^203\.0\.113\./.test(call.sourceIp) || call.account !== undefined)).toEqual([]);
    // drachtio's filter catches the scanners' own user agents with 603; the spoofed ones reach sbc-inbound (403/404).
    expect(scans.filter((call) => (call.status === 603) !== filtered(call))).toEqual([]);
    // jambonz writes no call record for drachtio's stateless 603; the ones that get past the filter keep theirs.
    expect(scans.filter((call) => call.callRecord === filtered(call))).toEqual([]);
    expect(scans.filter((call) => call.status === 603 && call.rejectedBy !== 'drachtio')).toEqual([]);
  });

  it('makes the project’s rise rule fire for 503 on the default dashboard range (last 6 h, recent = last quarter)', () => {
    const finding = panelFindings(ANCHOR - 6 * HOUR_MS, ANCHOR, MINUTE_MS).find((candidate) => candidate.code === 503);
    expect(finding?.rules.map((rule) => rule.rule)).toContain('rise');
  });
});

describe('what the panel finds in the seeded call records (default policy)', () => {
  /** Every 24-hour range of the history starting on a full 6 hours, with what happened in it. */
  const days = () => {
    const result: Array<{ from: number; incidents: boolean; scanners: boolean }> = [];
    const first = Math.ceil(scenario.startMs / (6 * HOUR_MS)) * 6 * HOUR_MS;
    for (let from = first; from + DAY_MS <= ANCHOR; from += 6 * HOUR_MS) {
      const inDay = history.filter((call) => call.startMs >= from && call.startMs < from + DAY_MS);
      result.push({
        from,
        incidents: inDay.some((call) => call.cause !== undefined && call.cause !== 'scanner'),
        scanners: inDay.some((call) => call.cause === 'scanner'),
      });
    }
    return result;
  };

  it('finds nothing on a day without incidents or scanners (calm traffic raises no alarm)', () => {
    const calm = days().filter((day) => !day.incidents && !day.scanners);
    expect(calm.length).toBeGreaterThan(0);
    for (const day of calm) {
      expect({
        day: new Date(day.from).toISOString(),
        findings: describeFindings(panelFindings(day.from, day.from + DAY_MS)),
      }).toEqual({
        day: new Date(day.from).toISOString(),
        findings: [],
      });
    }
  });

  it('raises at most the scanners’ 403/404 on a day with scanner bursts but no incident, never a 603', () => {
    const scanned = days().filter((day) => !day.incidents && day.scanners);
    expect(scanned.length).toBeGreaterThan(0);
    for (const day of scanned) {
      const codes = panelFindings(day.from, day.from + DAY_MS).map((finding) => finding.code);
      expect(codes.filter((code) => code !== 403 && code !== 404)).toEqual([]);
    }
  });

  it.each(scenario.incidents.map((incident): [string, number, Incident] => [incident.kind, incident.status, incident]))(
    'raises %s’s %i when the incident is in the last quarter of the range',
    (_kind, status, incident) => {
      // A range of four times the incident (at least 4 h) ending with it: the incident fills the recent quarter.
      const length = Math.max(4 * HOUR_MS, 4 * (incident.endMs - incident.startMs));
      const findings = panelFindings(incident.endMs - length, incident.endMs, MINUTE_MS);
      const finding = findings.find((candidate) => candidate.code === status);
      expect(finding).toBeDefined();
      if (investigatedAtOnce(status)) {
        expect(finding!.severity).toBe('immediate');
      } else {
        expect(finding!.rules.map((rule) => rule.rule)).toContain('rise');
      }
    }
  );
});

describe('determinism', () => {
  const minute = Date.UTC(2026, 10, 24, 10, 30);

  it('regenerates the same minute identically, on its own or as part of a range', () => {
    const alone = generateMinute(scenario, minute);
    expect(generateMinute(scenario, minute)).toEqual(alone);
    expect(
      [...callsBetween(scenario, minute - 5 * MINUTE_MS, minute + MINUTE_MS)].filter((call) => call.startMs >= minute)
    ).toEqual(alone);
    // Call-IDs do not depend on where the incidents sit (another anchor, same seed).
    const moved = buildScenario({ seed: 42, anchorMs: ANCHOR + DAY_MS, days: 7, peakPerMinute: 20, utcOffsetHours: 0 });
    expect(generateMinute(moved, Date.UTC(2026, 10, 25, 3, 0)).map((call) => call.callId)).toEqual(
      generateMinute(scenario, Date.UTC(2026, 10, 25, 3, 0)).map((call) => call.callId)
    );
  });

  it('gives another seed different calls', () => {
    const other = buildScenario({ seed: 43, anchorMs: ANCHOR, days: 7, peakPerMinute: 20, utcOffsetHours: 0 });
    const ids = new Set(generateMinute(scenario, minute).map((call) => call.callId));
    const otherIds = generateMinute(other, minute).map((call) => call.callId);
    expect(otherIds.length).toBeGreaterThan(0);
    expect(otherIds.filter((id) => ids.has(id))).toEqual([]);
    expect(other.accounts[0].sid).not.toBe(scenario.accounts[0].sid);
  });

  it('never repeats a Call-ID in the history', () => {
    expect(new Set(history.map((call) => call.callId)).size).toBe(history.length);
  });
});
