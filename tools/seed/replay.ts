/**
 * Small incidents replayed now and then after the anchor, so a long-running demo keeps giving the alert rules
 * (provisioning/alerting/) something to fire on and resolve: the scripted storm lies 20–80 minutes before the first
 * start and would never be in a 15-minute evaluation window again. Off unless the scenario has a replay schedule
 * (`--replay-every`). Pure: the incident of any instant follows from the scenario alone, so history written later
 * and the live trickle agree.
 */
import { Incident, Scenario } from './model';
import { MINUTE_MS } from './scenario';

/** The first replay starts this long after the anchor, then one every `everyMs`. */
export const FIRST_REPLAY_AFTER_MS = 5 * MINUTE_MS;

/** The replays rotate through these, shortest-lived first: an outage, a call-limit storm, a dead feature server. */
const REPLAYS: ReadonlyArray<(scenario: Scenario) => Omit<Incident, 'startMs' | 'endMs'> & { durationMs: number }> = [
  () => ({ kind: 'db-outage', status: 500, probability: 0.5, durationMs: 4 * MINUTE_MS }),
  (scenario) => ({
    kind: 'call-limit',
    status: 503,
    probability: 0.6,
    accountSid: scenario.accounts[0].sid,
    surge: 2.5,
    durationMs: 8 * MINUTE_MS,
  }),
  (scenario) => ({
    kind: 'feature-server-down',
    status: 408,
    probability: 1,
    featureServer: scenario.featureServers[1].host,
    durationMs: 4 * MINUTE_MS,
  }),
];

/** The longest replay: a schedule must leave a quiet gap after it. */
export const LONGEST_REPLAY_MS = 8 * MINUTE_MS;

/** The replayed incident of slot `index` (0, 1, …). */
export function replayedIncident(scenario: Scenario, everyMs: number, index: number): Incident {
  const { durationMs, ...incident } = REPLAYS[index % REPLAYS.length](scenario);
  const startMs = scenario.anchorMs + FIRST_REPLAY_AFTER_MS + index * everyMs;
  return { ...incident, startMs, endMs: startMs + durationMs };
}

/** The replayed incident active at the instant, if any (none before the anchor or without a schedule). */
export function replayedIncidentsAt(scenario: Scenario, atMs: number): Incident[] {
  const everyMs = scenario.replayEveryMs ?? 0;
  if (!(everyMs > 0)) {
    return [];
  }
  const index = Math.floor((atMs - scenario.anchorMs - FIRST_REPLAY_AFTER_MS) / everyMs);
  if (index < 0) {
    return [];
  }
  const incident = replayedIncident(scenario, everyMs, index);
  return atMs >= incident.startMs && atMs < incident.endMs ? [incident] : [];
}
