/** @jest-environment ./tools/seed/testing/nodeEnvironment.js */
import { assessCodes, normalizeFrames } from '../../src/core';
import { parseOptions, UsageError } from './main';
import { FIRST_REPLAY_AFTER_MS, LONGEST_REPLAY_MS, replayedIncident, replayedIncidentsAt } from './replay';
import { buildScenario, MINUTE_MS } from './scenario';
import { activeIncidents, callsBetween } from './traffic';

// A weekday 14:00 UTC anchor: daytime traffic, so a replay produces enough calls to raise its code.
const ANCHOR = Date.UTC(2026, 2, 4, 14, 0);
const options = { seed: 42, anchorMs: ANCHOR, days: 1, peakPerMinute: 20, utcOffsetHours: 0 };

describe('replayed incidents', () => {
  it('are off unless asked for, and never touch the history before the anchor', () => {
    const off = buildScenario(options);
    expect(off.replayEveryMs).toBeUndefined();
    const on = buildScenario({ ...options, replayEveryMinutes: 30 });
    for (let at = on.startMs; at < ANCHOR + 6 * 60 * MINUTE_MS; at += MINUTE_MS) {
      expect(replayedIncidentsAt(off, at)).toEqual([]);
      if (at < ANCHOR) {
        expect(replayedIncidentsAt(on, at)).toEqual([]);
        expect(activeIncidents(on, at)).toEqual(activeIncidents(off, at));
      }
    }
  });

  it('start 5 minutes after the anchor, then every period, rotating 500, 503, 408, each shorter than the gap', () => {
    const scenario = buildScenario({ ...options, replayEveryMinutes: 30 });
    const first = [0, 1, 2, 3].map((index) => replayedIncident(scenario, 30 * MINUTE_MS, index));
    expect(first.map((incident) => incident.status)).toEqual([500, 503, 408, 500]);
    expect(first.map((incident) => (incident.startMs - ANCHOR) / MINUTE_MS)).toEqual([5, 35, 65, 95]);
    for (const incident of first) {
      expect(incident.endMs - incident.startMs).toBeLessThanOrEqual(LONGEST_REPLAY_MS);
      expect(replayedIncidentsAt(scenario, incident.startMs)).toEqual([incident]);
      expect(replayedIncidentsAt(scenario, incident.endMs)).toEqual([]);
    }
    expect(FIRST_REPLAY_AFTER_MS).toBe(5 * MINUTE_MS);
  });

  it('make the panel raise the code in the window around them, through its own core', () => {
    const scenario = buildScenario({ ...options, replayEveryMinutes: 30 });
    for (const index of [0, 1, 2]) {
      const incident = replayedIncident(scenario, 30 * MINUTE_MS, index);
      const calls = [...callsBetween(scenario, incident.endMs - 15 * MINUTE_MS, incident.endMs)].filter(
        (call) => call.callRecord
      );
      const counts = new Map<number, number>();
      calls.forEach((call) => counts.set(call.status, (counts.get(call.status) ?? 0) + 1));
      const frame = {
        name: 'calls',
        length: counts.size,
        fields: [
          { name: 'sip_status', type: 'number', config: {}, values: [...counts.keys()] },
          { name: 'Count', type: 'number', config: {}, values: [...counts.values()] },
        ],
      };
      const findings = assessCodes(normalizeFrames([frame as never]));
      expect(findings.map((finding) => finding.code)).toContain(incident.status);
    }
  });

  it('are asked for with --replay-every (0 or 15–1440 minutes)', () => {
    expect(parseOptions(['--dry-run'], {})).toMatchObject({ replayEveryMinutes: 0 });
    expect(parseOptions(['--dry-run', '--replay-every', '30'], {})).toMatchObject({ replayEveryMinutes: 30 });
    expect(() => parseOptions(['--dry-run', '--replay-every', '5'], {})).toThrow(UsageError);
    expect(() => parseOptions(['--dry-run', '--replay-every', '2.5'], {})).toThrow(UsageError);
  });
});
