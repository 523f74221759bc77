/**
 * Every scripted incident has someone behind it, and the panel names them: the seeded call records of an incident's
 * range, turned into the frames the NOC dashboard's SIP panel queries return (testing/dashboardFrames.ts), go
 * through the panel's own role assignment, normalisation and follow-up (topContributors, dominantContributor), as
 * the finding and its guidance card show them.
 *
 * jsdom, not the seeder's node environment: the frames are built with @grafana/data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  assessCodes,
  assignQueryRoles,
  buildPolicy,
  dominantContributor,
  explainXReason,
  followUpFieldsFor,
  normalizeFrames,
  QueryRoleOverrides,
  topContributors,
} from '../../src/core';
import { Incident, Scenario } from './model';
import { buildScenario, HOUR_MS, MINUTE_MS } from './scenario';
import { callRecordsBetween, dashboardFrames, flattenDocument } from './testing/dashboardFrames';
import { callsBetween } from './traffic';

interface Panel {
  type: string;
  targets: unknown[];
  options: { codeField: string; queryRoles: QueryRoleOverrides; policyOverrides: unknown };
}

const dashboard = JSON.parse(
  readFileSync(join(__dirname, '../../provisioning/dashboards/noc/sip-noc.json'), 'utf8')
) as { panels: Panel[] };
const panel = dashboard.panels.find((candidate) => candidate.type === 'voiceops-sipcodes-panel')!;
const { policy } = buildPolicy(panel.options.policyOverrides);

// As traffic.test.ts: Wednesday 2026-11-25 14:00 UTC, seven days of history.
const ANCHOR = Date.UTC(2026, 10, 25, 14, 0);
const scenario = buildScenario({ seed: 42, anchorMs: ANCHOR, days: 7, peakPerMinute: 20, utcOffsetHours: 0 });

/** What the panel makes of [from, to): its roles, the distribution, and the call records behind them. */
function panelView(from: number, to: number, on: Scenario = scenario) {
  const records = callRecordsBetween(on, from, to);
  const frames = dashboardFrames(panel.targets, records, { from, to, stepMs: MINUTE_MS });
  const roles = assignQueryRoles(frames, panel.targets, panel.options.queryRoles, panel.options.codeField);
  const distribution = normalizeFrames(roles.distribution, roles.normalizeOptions);
  const contributorsOf = (code: number, fields = followUpFieldsFor(code, policy)) =>
    topContributors(code, fields, roles.breakdowns, roles.calls, {
      codeField: roles.codeField,
      codeCalls: distribution.codes.find((entry) => entry.code === code)?.count,
      rowLimits: roles.rowLimits,
    });
  return { records, distribution, contributorsOf };
}

/** The range the card would be read in: the incident, or the last hour up to its end when it is shorter. */
function rangeOf(incident: Incident): [number, number] {
  return [Math.min(incident.startMs, incident.endMs - HOUR_MS), incident.endMs];
}

const incident = (kind: Incident['kind']) => scenario.incidents.find((candidate) => candidate.kind === kind)!;

describe('the dominant contributor of each incident, as the panel names it', () => {
  it.each([
    ['call-limit', 503, 'account_sid', () => incident('call-limit').accountSid],
    ['digest-failures', 403, 'source.ip', () => incident('digest-failures').sourceIp],
    ['codec-change', 488, 'trunk', () => incident('codec-change').trunk],
    ['flow-no-answer', 603, 'application_sid', () => incident('flow-no-answer').applicationSid],
  ] as Array<[Incident['kind'], number, string, () => string | undefined]>)(
    '%s: its %i calls come from one %s (≥ 80 %, exact, from a breakdown), and the panel raises the code',
    (kind, code, field, expected) => {
      const view = panelView(...rangeOf(incident(kind)));
      const dominant = dominantContributor(view.contributorsOf(code));
      expect(dominant).toMatchObject({ field, value: expected(), exact: true });
      expect(dominant!.share).toBeGreaterThanOrEqual(80);
      // Exact: Elasticsearch's count of the code's records with that value, not a sample.
      const behind = view.records.filter(
        (record) => record.sip_status === code && flattenDocument(record)[field] === dominant!.value
      );
      expect(dominant!.count).toBe(behind.length);
      expect(assessCodes(view.distribution, policy).map((finding) => finding.code)).toContain(code);
    }
  );

  it('503 storm: the finding says so in words, and the storm is one account’s call limit', () => {
    const view = panelView(...rangeOf(incident('call-limit')));
    const dominant = dominantContributor(view.contributorsOf(503))!;
    expect(dominant.text).toMatch(new RegExp(`^\\d+ % of 503s from account ${incident('call-limit').accountSid}$`));
    const storm = view.records.filter((record) => record.sip_reason === 'Max Account Calls In Progress');
    expect(storm.length).toBe(dominant.count);
    expect(explainXReason(storm[0].sip_reason)?.codes).toEqual([503]);
  });

  it('403 burst: digest failures, X-Reason "Invalid credentials" as the digest check sends it', () => {
    const view = panelView(...rangeOf(incident('digest-failures')));
    const [xReason] = view.contributorsOf(403, ['x_reason']).fields;
    expect(xReason).toMatchObject({ field: 'x_reason', exact: true });
    expect(xReason.values[0]).toMatchObject({ value: 'Invalid credentials' });
    expect(xReason.values[0].share).toBeGreaterThanOrEqual(80);
    expect(explainXReason('Invalid credentials')).toMatchObject({ codes: [403] });
    expect(explainXReason('Invalid credentials')!.sentBy).toMatch(/digest/);
  });

  it('488 burst: the media server’s "endpoint allocation failure" with Q.850 cause 88, all on the trunk', () => {
    const view = panelView(...rangeOf(incident('codec-change')));
    const contributors = view.contributorsOf(488);
    expect(
      contributors.fields.map((field) => [field.field, field.values[0].value, Math.round(field.values[0].share)])
    ).toEqual([
      ['trunk', 'bluewave', 100],
      ['x_reason', 'endpoint allocation failure: Not Acceptable Here', 100],
    ]);
    const codec = view.records.filter((record) => record.sip_status === 488);
    expect(codec.length).toBeGreaterThan(50);
    expect(codec.filter((record) => record.q850_cause !== 88)).toEqual([]);
  });

  it('scanner bursts: their 403s from their one address; drachtio’s 603s leave no call record for the panel', () => {
    const burst = scenario.anchoredBursts[0];
    const view = panelView(Math.min(burst.startMs, burst.endMs - HOUR_MS), burst.endMs);
    const dominant = dominantContributor(view.contributorsOf(403))!;
    expect(dominant).toMatchObject({ field: 'source.ip', value: burst.ip, exact: true });
    const calls = [...callsBetween(scenario, burst.startMs, burst.endMs)].filter((call) => call.sourceIp === burst.ip);
    const filtered = calls.filter((call) => call.status === 603);
    expect(filtered.length).toBeGreaterThan(20);
    expect(filtered.filter((call) => call.callRecord || call.rejectedBy !== 'drachtio')).toEqual([]);
    expect(view.records.filter((record) => record.sip_status === 603)).toEqual([]);
    expect(view.distribution.codes.map((entry) => entry.code)).not.toContain(603);
  });

  it('holds for another seed and anchor too (the incidents’ scope does not depend on them)', () => {
    const other = buildScenario({
      seed: 7,
      anchorMs: ANCHOR + 3 * HOUR_MS,
      days: 7,
      peakPerMinute: 20,
      utcOffsetHours: 0,
    });
    for (const [kind, code, field] of [
      ['call-limit', 503, 'accountSid'],
      ['digest-failures', 403, 'sourceIp'],
      ['codec-change', 488, 'trunk'],
    ] as Array<[Incident['kind'], number, keyof Incident]>) {
      const scripted = other.incidents.find((candidate) => candidate.kind === kind)!;
      const view = panelView(...rangeOf(scripted), other);
      const dominant = dominantContributor(view.contributorsOf(code));
      expect([kind, dominant?.value, dominant?.exact]).toEqual([kind, scripted[field], true]);
      expect(dominant!.share).toBeGreaterThanOrEqual(80);
    }
  });
});
