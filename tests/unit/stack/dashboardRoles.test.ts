/**
 * The NOC dashboard's SIP panel and its queries, read the way the panel reads them: the frames its targets return
 * (computed from the seeder's call records for the default "last 6 hours", with the frame builders the panel's own
 * tests use) go through assignQueryRoles, normalisation, assessment and follow-up. Checks that each query serves
 * the role it was written for, that its cost stays what the provisioning README says, and that what the card shows
 * for the recent 503 storm is true: the storm's account, its recent calls and their SIP ladders.
 */
import type { DataFrame } from '@grafana/data';

import {
  DEFAULT_FOLLOW_UP_FIELDS,
  DEFAULT_TOP_VALUES,
  alertRuleUid,
  alertRulesForCode,
  assessCodes,
  assignQueryRoles,
  buildPolicy,
  dominantContributor,
  followUpFieldsFor,
  normalizeFrames,
  QueryRoleOverrides,
  recentCalls,
  resolveField,
  topContributors,
} from '../../../src/core';
import { targetFactsOf } from '../../../src/core/queryTargets';
import { buildCallTraceLink } from '../../../src/links/callLinks';
import { buildScenario, callsBetween, sipMessagesOf } from '../../../tools/seed';
import { RECENT_INCIDENT_WINDOW } from '../../../tools/seed/scenario';
import { callRecordsBetween, dashboardFrames } from '../../../tools/seed/testing/dashboardFrames';
import { readJson, readYaml } from './stackFiles';

interface Target {
  refId: string;
  query?: string;
  hide?: boolean;
  metrics: Array<{ id: string; type: string; settings?: Record<string, unknown> }>;
  bucketAggs: Array<{ id: string; type: string; field?: string; settings?: Record<string, string> }>;
}

interface Panel {
  id: number;
  type: string;
  description?: string;
  targets: Target[];
  options: {
    codeField: string;
    callIdField: string;
    traceUrlTemplate: string;
    alertRuleUidPrefix: string;
    queryRoles: QueryRoleOverrides;
    policyOverrides: unknown;
  };
}

const dashboard = readJson<{ description: string; refresh: string; panels: Panel[] }>(
  'provisioning/dashboards/noc/sip-noc.json'
);
const pluginId = readJson<{ id: string }>('src/plugin.json').id;
const panel = dashboard.panels.find((candidate) => candidate.type === pluginId)!;
const { options, targets } = panel;
const { policy } = buildPolicy(options.policyOverrides);

/** Elasticsearch's default search.max_buckets: a response with more buckets fails. */
const MAX_BUCKETS = 65_536;

/** The breakdowns, by refId, and the field each one counts failed calls by. */
const BREAKDOWNS: Record<string, string> = {
  C: 'account_sid',
  D: 'source.ip',
  E: 'trunk',
  F: 'x_reason',
  G: 'application_sid',
};

// The stack's default seed (.env.example), on a Wednesday afternoon, over the dashboard's default range.
const ANCHOR = Date.UTC(2026, 10, 25, 14, 0);
const HOUR_MS = 3_600_000;
const scenario = buildScenario({ seed: 42, anchorMs: ANCHOR, days: 1, peakPerMinute: 20, utcOffsetHours: 0 });
const range = { from: ANCHOR - 6 * HOUR_MS, to: ANCHOR, stepMs: 60_000 };
const records = callRecordsBetween(scenario, range.from, range.to);
const frames = dashboardFrames(targets, records, range);
const roles = assignQueryRoles(frames, targets, options.queryRoles, options.codeField);
const distribution = normalizeFrames(roles.distribution, roles.normalizeOptions);

const fieldNames = (list: readonly DataFrame[]) => [
  ...new Set(list.flatMap((frame) => frame.fields.map((f) => f.name))),
];
const target = (refId: string) => targets.find((candidate) => candidate.refId === refId)!;

describe('the SIP panel’s queries, through the panel’s own role assignment', () => {
  it('gives every query the role it was written for, with no role set in the options', () => {
    expect(options.queryRoles).toEqual({});
    expect(targets.map((candidate) => candidate.refId)).toEqual(['A', 'B', ...Object.keys(BREAKDOWNS)]);
    expect(roles.roles.map(({ refId, role, kind, also }) => ({ refId, role, kind, also }))).toEqual([
      { refId: 'A', role: 'distribution', kind: 'terms-series', also: [] },
      { refId: 'B', role: 'calls', kind: 'raw-rows', also: [] },
      ...Object.keys(BREAKDOWNS).map((refId) => ({ refId, role: 'breakdown', kind: 'nested-table', also: [] })),
    ]);
    expect(roles.breakdownFields).toEqual(
      Object.fromEntries(Object.entries(BREAKDOWNS).map(([refId, field]) => [refId, [field]]))
    );
    expect(roles.codeField).toBe('sip_status');
    expect(roles.notices.filter((notice) => notice.level !== 'info')).toEqual([]);
  });

  it('keeps those roles in a range without calls: the targets alone decide', () => {
    const empty = assignQueryRoles([], targets, options.queryRoles, options.codeField);
    expect(empty.roles.map(({ refId, role }) => [refId, role])).toEqual(
      roles.roles.map(({ refId, role }) => [refId, role])
    );
  });

  it('counts every call of the range once, from query A only (call rows and breakdowns are never added)', () => {
    expect(roles.distribution.every((frame) => frame.refId === 'A')).toBe(true);
    expect(roles.calls.map((frame) => frame.refId)).toEqual(['B']);
    expect(roles.breakdowns.map((frame) => frame.refId)).toEqual(Object.keys(BREAKDOWNS));
    expect(records.length).toBeGreaterThan(2000);
    expect(distribution.total).toBe(records.length);
  });
});

describe('what the queries cost a wallboard (30 s refresh, every viewer)', () => {
  it('refreshes every 30 s, as the reasoning in the descriptions assumes', () => {
    expect(dashboard.refresh).toBe('30s');
    expect(panel.description).toContain('30 s');
    expect(panel.description).toContain('search.max_buckets');
    expect(dashboard.description).toContain('provisioning/README.md');
  });

  it('asks raw data for a few hundred failed calls only, newest first, what the recent-calls list needs', () => {
    const [facts] = targetFactsOf([target('B')]);
    expect(facts).toMatchObject({ rawMetric: 'raw_data', query: 'sip_status:>=300', hidden: false });
    expect(facts.rowLimit).toBeGreaterThanOrEqual(100);
    expect(facts.rowLimit).toBeLessThanOrEqual(500);
    expect(roles.rowLimits).toEqual({ B: facts.rowLimit });
    // Grafana sorts raw data by the time field, descending; no setting here asks for anything else.
    expect(Object.keys(target('B').metrics[0].settings ?? {})).toEqual(['size']);
    const [rows] = roles.calls;
    expect(rows.length).toBe(facts.rowLimit);
    const times = rows.fields.find((field) => field.name === '@timestamp')!.values as number[];
    expect([...times].sort((a, b) => b - a)).toEqual([...times]);
    const codes = rows.fields.find((field) => field.name === 'sip_status')!.values as number[];
    expect(codes.filter((code) => code < 300)).toEqual([]);
  });

  it.each(Object.entries(BREAKDOWNS))(
    'keeps breakdown %s (code → %s) exact and small: failed calls, Terms by count, well under search.max_buckets',
    (refId, field) => {
      const { query, bucketAggs, metrics } = target(refId);
      expect(query).toBe('sip_status:>=300');
      expect(metrics.map((metric) => metric.type)).toEqual(['count']);
      // The code outermost and no Date Histogram: that is what makes it a breakdown, exact per code and value.
      expect(bucketAggs.map((agg) => [agg.type, agg.field])).toEqual([
        ['terms', 'sip_status'],
        ['terms', field],
      ]);
      for (const agg of bucketAggs) {
        expect(agg.settings).toMatchObject({ orderBy: '_count', order: 'desc', min_doc_count: '1' });
      }
      const [codes, values] = bucketAggs.map((agg) => Number(agg.settings!.size));
      // As many values as the card lists; every code (rare ones are the ones the panel follows up first).
      expect(values).toBe(DEFAULT_TOP_VALUES);
      expect(codes).toBe(100);
      const buckets = codes + codes * values;
      expect(buckets).toBeLessThan(MAX_BUCKETS / 100);
      const [frame] = roles.breakdowns.filter((candidate) => candidate.refId === refId);
      expect(frame.length).toBeGreaterThan(0);
      expect(frame.length).toBeLessThanOrEqual(codes * values);
    }
  );
});

describe('follow-up fields find their data', () => {
  const breakdownNames = fieldNames(roles.breakdowns);
  const callNames = fieldNames(roles.calls);

  it.each([
    [403, { source_ip: 'breakdown source.ip', user_agent: 'calls user_agent' }],
    [488, { trunk: 'breakdown trunk', x_reason: 'breakdown x_reason' }],
    [503, { account: 'breakdown account_sid', x_reason: 'breakdown x_reason' }],
  ])('%i: each field of the policy in a breakdown (exact) or, failing that, the call rows', (code, expected) => {
    const found = Object.fromEntries(
      followUpFieldsFor(code, policy).map((wanted) => {
        const exact = resolveField(breakdownNames, wanted).field;
        return [wanted, exact ? `breakdown ${exact}` : `calls ${resolveField(callNames, wanted).field}`];
      })
    );
    expect(found).toEqual(expected);
  });

  it('every code the policy follows up finds each of its fields somewhere', () => {
    const missing = Object.keys(DEFAULT_FOLLOW_UP_FIELDS)
      .map(Number)
      .flatMap((code) =>
        followUpFieldsFor(code, policy)
          .filter((wanted) => !resolveField([...breakdownNames, ...callNames], wanted).field)
          .map((wanted) => `${code} ${wanted}`)
      );
    expect(missing).toEqual([]);
  });
});

describe('the recent 503 storm, as the card shows it', () => {
  const storm = scenario.incidents.find((incident) => incident.kind === 'call-limit')!;
  const calls503 = records.filter((record) => record.sip_status === 503);

  it('is a finding of the default range', () => {
    expect(storm.startMs).toBe(ANCHOR - RECENT_INCIDENT_WINDOW.fromBeforeAnchorMs);
    expect(assessCodes(distribution, policy).map((finding) => finding.code)).toContain(503);
  });

  it('names its account, exactly, from breakdown C', () => {
    const codeCalls = distribution.codes.find((entry) => entry.code === 503)!.count;
    expect(codeCalls).toBe(calls503.length);
    const contributors = topContributors(503, followUpFieldsFor(503, policy), roles.breakdowns, roles.calls, {
      codeField: roles.codeField,
      codeCalls,
      rowLimits: roles.rowLimits,
    });
    const dominant = dominantContributor(contributors);
    expect(dominant).toMatchObject({ field: 'account_sid', value: storm.accountSid, exact: true });
    expect(dominant!.share).toBeGreaterThanOrEqual(80);
    // 503 carries its reason in the phrase, not an X-Reason: the card says so instead of inventing one.
    expect(contributors.fields.map((field) => field.wanted)).toEqual(['account']);
    expect(contributors.problems.map((problem) => problem.field)).toContain('x_reason');
  });

  it('lists its recent calls with their Call-IDs (detected: no Call-ID field set), each opening its SIP ladder', () => {
    expect(options.callIdField).toBe('');
    const recent = recentCalls(503, roles.calls, { codeField: roles.codeField });
    expect(recent.fields[0]).toMatchObject({ callId: 'sip_callid', account: 'account_sid', trunk: 'trunk' });
    // The ten latest 503s of the range: mostly the storm's, and any 503 another account got after it.
    const latest = [...calls503].sort((a, b) => Date.parse(b['@timestamp']) - Date.parse(a['@timestamp']));
    expect(recent.calls.map((call) => call.callId)).toEqual(latest.slice(0, 10).map((record) => record.sip_callid));
    expect(recent.calls.filter((call) => call.account === storm.accountSid).length).toBeGreaterThan(5);
    const byCallId = new Map([...callsBetween(scenario, range.from, range.to)].map((call) => [call.callId, call]));
    for (const call of recent.calls) {
      const link = buildCallTraceLink(options.traceUrlTemplate, {
        code: 503,
        reason: 'Service Unavailable',
        from: range.from,
        to: range.to,
        replaceVariables: (text) => text,
        callId: call.callId!,
      })!;
      const panes = JSON.parse(new URL(link.href, 'http://grafana.local').searchParams.get('panes')!);
      const [pane] = Object.values(panes) as Array<{ queries: Array<{ query: string }> }>;
      expect(pane.queries[0].query).toBe(`sip.call_id:"${call.callId}"`);
      // The seeder writes that call's ladder to the SIP messages: INVITE, 100 Trying, the 503.
      const ladder = sipMessagesOf(byCallId.get(call.callId!)!, scenario);
      expect(ladder.map((message) => message.sip.method ?? message.sip.code)).toEqual(['INVITE', '100', '503', 'ACK']);
      expect(new Set(ladder.map((message) => message.sip.call_id))).toEqual(new Set([call.callId]));
    }
  });
});

describe('alert rule links', () => {
  const file = readYaml<{ groups: Array<{ rules: Array<{ uid: string }> }> }>('provisioning/alerting/sip-codes.yaml');
  const uids = new Set(file.groups.flatMap((group) => group.rules.map((rule) => rule.uid)));

  it('use the prefix of the generated rules', () => {
    expect(options.alertRuleUidPrefix).toBe('sipcodes-');
    expect(alertRuleUid(503, 'share', options.alertRuleUidPrefix)).not.toBeNull();
    expect([...uids].filter((uid) => !uid.startsWith(options.alertRuleUidPrefix))).toEqual([]);
  });

  it.each([403, 408, 488, 500, 503, 603])('point %i’s rules at rules the provisioned file has', (code) => {
    const linked = alertRulesForCode(code, policy, options.alertRuleUidPrefix).map((rule) => rule.uid);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((uid) => !uids.has(uid))).toEqual([]);
  });
});
