/** @jest-environment ./tools/seed/testing/nodeEnvironment.js */
import { assessCodes, CountsInput } from '../../src/core';
import { SimCall } from './model';
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

describe('outcome mix', () => {
  it('answers about 70 % of calls', () => {
    expect(share(customerBaseline(), (call) => call.status === 200)).toBeGreaterThan(0.67);
    expect(share(customerBaseline(), (call) => call.status === 200)).toBeLessThan(0.73);
    // Scanners and incidents pull the overall share down a little, not far.
    expect(share(history, (call) => call.answered)).toBeGreaterThan(0.62);
    expect(share(history, (call) => call.answered)).toBeLessThan(0.72);
  });

  it.each([
    [487, 0.09, 0.16],
    [480, 0.03, 0.07],
    [486, 0.035, 0.07],
    [404, 0.02, 0.06],
    [603, 0.01, 0.03],
    [503, 0.005, 0.025],
    [403, 0.003, 0.015],
  ])('gives %i a realistic share of ordinary calls', (code, low, high) => {
    const value = share(customerBaseline(), (call) => call.status === code);
    expect(value).toBeGreaterThan(low);
    expect(value).toBeLessThan(high);
  });

  it('has no 408, 488 or 500 outside incidents', () => {
    expect(customerBaseline().filter((call) => [408, 488, 500].includes(call.status))).toEqual([]);
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
        (incident.featureServer !== undefined && call.featureServer?.host !== incident.featureServer)
    );
    expect(outside).toEqual([]);
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
  });

  it('makes the project’s rise rule fire for 503 on the default dashboard range (last 6 h, recent = last quarter)', () => {
    const bucketMs = MINUTE_MS;
    const from = ANCHOR - 6 * HOUR_MS;
    const times: number[] = [];
    for (let t = from; t < ANCHOR; t += bucketMs) {
      times.push(t);
    }
    const totals = times.map(() => 0);
    const byCode: Record<number, number[]> = {};
    const counts = new Map<number, number>();
    for (const call of history) {
      if (call.startMs < from) {
        continue;
      }
      const bucket = Math.floor((call.startMs - from) / bucketMs);
      totals[bucket]++;
      (byCode[call.status] ??= times.map(() => 0))[bucket]++;
      counts.set(call.status, (counts.get(call.status) ?? 0) + 1);
    }
    const input: CountsInput = {
      codes: [...counts].map(([code, count]) => ({ code, count })),
      total: totals.reduce((a, b) => a + b, 0),
      timeline: { times, totals, byCode },
    };
    const finding = assessCodes(input).find((candidate) => candidate.code === 503);
    expect(finding?.rules.map((rule) => rule.rule)).toContain('rise');
  });
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
