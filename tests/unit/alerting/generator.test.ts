/**
 * The generated provisioning file against what Grafana's file provisioning requires (grafana/grafana
 * pkg/services/provisioning/alerting/rules_types.go), the NOC dashboard's query and the policy.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { buildPolicy, DEFAULT_POLICY, policyFor } from '../../../src/core';
import { generate } from '../../../tools/alert-rules/main';
import type { AlertingFile, AlertQuery, ProvisionedRule } from '../../../tools/alert-rules/grafanaTypes';
import {
  DEMO_ARGS,
  DEMO_RULES_FILE,
  readRepoJson,
  readRepoText,
  readRepoYaml,
  removeScratchDirs,
  REPO_ROOT,
  scratchDir,
} from './testing/repo';
import { decide, parseAlertingFile, ruleByUid, rulesOf } from './testing/rules';

afterAll(removeScratchDirs);

/** Prometheus model.ParseDuration, which Grafana uses for `interval` and `for`. */
const PROMETHEUS_DURATION = /^((\d+)y)?((\d+)w)?((\d+)d)?((\d+)h)?((\d+)m)?((\d+)s)?((\d+)ms)?$/;
const NO_DATA_STATES = ['NoData', 'Alerting', 'OK', 'KeepLast'];
const EXEC_ERR_STATES = ['Error', 'Alerting', 'OK', 'KeepLast'];

async function generated(args: string[] = DEMO_ARGS): Promise<{ text: string; file: AlertingFile }> {
  const result = await generate(args, REPO_ROOT);
  if (result === 'help') {
    throw new Error('help');
  }
  return { text: result.text, file: parseAlertingFile(result.text) };
}

function datasourceUids(): string[] {
  const file = readRepoYaml<{ datasources: Array<{ uid: string }> }>(
    'provisioning/datasources/voice-elasticsearch.yml'
  );
  return file.datasources.map((source) => source.uid);
}

interface DashboardPanel {
  id: number;
  type: string;
  targets: Array<Record<string, unknown>>;
  options?: Record<string, unknown>;
}

function sipPanel(): { uid: string; panel: DashboardPanel } {
  const dashboard = readRepoJson<{ uid: string; panels: DashboardPanel[] }>('provisioning/dashboards/noc/sip-noc.json');
  return { uid: dashboard.uid, panel: dashboard.panels.find((panel) => panel.type === 'voiceops-sipcodes-panel')! };
}

function esQueries(rule: ProvisionedRule): AlertQuery[] {
  return rule.data.filter((query) => query.datasourceUid !== '__expr__');
}

/** The codes a generated Lucene query selects: `f:503`, `f:[500 TO 502]`, joined by OR. */
function selectedCodes(query: string, field: string): number[] {
  const codes: number[] = [];
  const inner = query.replace(/^\((.*)\)$/, '$1');
  for (const term of inner.split(' OR ')) {
    const single = new RegExp(`^${field.replace('.', '\\.')}:(\\d{3})$`).exec(term);
    const range = new RegExp(`^${field.replace('.', '\\.')}:\\[(\\d{3}) TO (\\d{3})\\]$`).exec(term);
    if (single) {
      codes.push(Number(single[1]));
    } else if (range) {
      for (let code = Number(range[1]); code <= Number(range[2]); code++) {
        codes.push(code);
      }
    } else {
      throw new Error(`unexpected Lucene term ${term}`);
    }
  }
  return codes;
}

describe('the demo stack’s alert rules', () => {
  it('are exactly what the generator writes for the default policy (regenerate when this fails)', async () => {
    const { text } = await generated();
    const command = `npm run alert-rules -- ${DEMO_ARGS.map((arg) => (arg.includes(' ') ? `'${arg}'` : arg)).join(' ')}`;
    expect({ file: DEMO_RULES_FILE, upToDate: readRepoText(DEMO_RULES_FILE) === text, regenerate: command }).toEqual({
      file: DEMO_RULES_FILE,
      upToDate: true,
      regenerate: command,
    });
  });
});

describe('the generated file has the structure Grafana’s provisioning requires', () => {
  let file: AlertingFile;
  beforeAll(async () => {
    file = (await generated()).file;
  });

  it('has apiVersion 1 and one named group with a folder and a readable interval', () => {
    expect(file.apiVersion).toBe(1);
    expect(file.groups).toHaveLength(1);
    const [group] = file.groups;
    expect(group).toMatchObject({ orgId: 1, name: 'SIP response codes', folder: 'Voice NOC', interval: '1m' });
    expect(group.interval).toMatch(PROMETHEUS_DURATION);
  });

  it('gives every rule the required keys, unique valid uids and unique titles', () => {
    const rules = rulesOf(file);
    for (const rule of rules) {
      expect(Object.keys(rule)).toEqual(
        expect.arrayContaining([
          'uid',
          'title',
          'condition',
          'data',
          'for',
          'noDataState',
          'execErrState',
          'labels',
          'annotations',
        ])
      );
      expect(rule.uid).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
      expect(rule.title.trim()).not.toBe('');
      expect(rule.for).toMatch(PROMETHEUS_DURATION);
      expect(NO_DATA_STATES).toContain(rule.noDataState);
      expect(EXEC_ERR_STATES).toContain(rule.execErrState);
      expect(rule.execErrState).toBe('Error');
      for (const map of [rule.labels, rule.annotations]) {
        for (const value of Object.values(map)) {
          expect(typeof value).toBe('string');
        }
      }
    }
    expect(new Set(rules.map((rule) => rule.uid)).size).toBe(rules.length);
    expect(new Set(rules.map((rule) => rule.title)).size).toBe(rules.length);
  });

  it('names only refIds that exist, and a condition that is an expression', () => {
    for (const rule of rulesOf(file)) {
      const refIds = rule.data.map((query) => query.refId);
      expect(new Set(refIds).size).toBe(refIds.length);
      const condition = rule.data.find((query) => query.refId === rule.condition);
      expect(condition?.datasourceUid).toBe('__expr__');
      rule.data.forEach((query, index) => {
        expect(query.model.refId).toBe(query.refId);
        const earlier = refIds.slice(0, index);
        const model = query.model as Record<string, unknown>;
        if (query.datasourceUid !== '__expr__') {
          return;
        }
        expect(['reduce', 'math', 'threshold']).toContain(model.type);
        if (model.type === 'math') {
          const names = [...String(model.expression).matchAll(/\$([A-Za-z]+)/g)].map((match) => match[1]);
          expect(names.length).toBeGreaterThan(0);
          names.forEach((name) => expect(earlier).toContain(name));
          // Math variables are letters only: a digit or _ would end the variable in Grafana's lexer.
          expect(String(model.expression)).not.toMatch(/\$[A-Za-z]*[0-9_]/);
        } else {
          expect(earlier).toContain(model.expression);
          expect(refIds.indexOf(model.expression as string)).toBeLessThan(index);
        }
      });
    }
  });

  it('uses data sources that are provisioned, the __expr__ uid for expressions, and relative ranges that end now or earlier', () => {
    const uids = datasourceUids();
    for (const rule of rulesOf(file)) {
      for (const query of rule.data) {
        if (query.datasourceUid === '__expr__') {
          expect(query.relativeTimeRange).toBeUndefined();
          continue;
        }
        expect(uids).toContain(query.datasourceUid);
        expect(query.model.datasource).toEqual({ type: 'elasticsearch', uid: query.datasourceUid });
        const range = query.relativeTimeRange!;
        expect(range.to).toBeGreaterThanOrEqual(0);
        expect(range.from).toBeGreaterThan(range.to);
      }
    }
  });

  it('links every rule to the NOC dashboard’s SIP panel', () => {
    const { uid, panel } = sipPanel();
    for (const rule of rulesOf(file)) {
      expect({ dashboardUid: rule.dashboardUid, panelId: rule.panelId }).toEqual({
        dashboardUid: uid,
        panelId: panel.id,
      });
    }
  });

  it('queries Elasticsearch with the dashboard panel’s query model: Count, Terms on the code field, Date Histogram', () => {
    const { panel } = sipPanel();
    const [target] = panel.targets as Array<{
      datasource: unknown;
      metrics: unknown[];
      timeField: string;
      bucketAggs: Array<{ id: string; type: string; field: string; settings: Record<string, string> }>;
    }>;
    const dashboardTerms = target.bucketAggs.find((agg) => agg.type === 'terms')!;
    const dashboardHistogram = target.bucketAggs.find((agg) => agg.type === 'date_histogram')!;
    expect(dashboardTerms.field).toBe(panel.options!.codeField);
    for (const rule of rulesOf(file)) {
      for (const query of esQueries(rule)) {
        const model = query.model as typeof target & { alias: string; query: string };
        expect(model.datasource).toEqual(target.datasource);
        expect(model.metrics).toEqual(target.metrics);
        expect(model.timeField).toBe(target.timeField);
        const terms = model.bucketAggs.find((agg) => agg.type === 'terms');
        const histogram = model.bucketAggs.find((agg) => agg.type === 'date_histogram')!;
        if (terms) {
          expect({ ...terms, settings: { ...terms.settings, size: 'any' } }).toEqual({
            ...dashboardTerms,
            settings: { ...dashboardTerms.settings, size: 'any' },
          });
          expect(model.bucketAggs.map((agg) => agg.type)).toEqual(['terms', 'date_histogram']);
        } else {
          expect(model.bucketAggs.map((agg) => agg.type)).toEqual(['date_histogram']);
        }
        expect({ ...histogram, settings: { ...histogram.settings, interval: 'fixed' } }).toEqual({
          ...dashboardHistogram,
          settings: { ...dashboardHistogram.settings, interval: 'fixed' },
        });
        // Fixed, never auto, and codes × buckets far below search.max_buckets.
        expect(histogram.settings.interval).toMatch(/^\d+[smhd]$/);
        const seconds =
          Number(histogram.settings.interval.slice(0, -1)) *
          { s: 1, m: 60, h: 3600, d: 86400 }[histogram.settings.interval.slice(-1) as 's']!;
        const range = query.relativeTimeRange!;
        const buckets = Math.ceil((range.from - range.to) / seconds) + 1;
        expect(buckets * Number(terms?.settings.size ?? 1)).toBeLessThan(65_536);
      }
    }
  });
});

describe('the rules cover the policy', () => {
  let file: AlertingFile;
  beforeAll(async () => {
    file = (await generated()).file;
  });

  it('selects every code investigated at the first incident, and only those, in the any-incident rule', () => {
    const rule = ruleByUid(file, 'sipcodes-any-incident');
    const [query] = esQueries(rule);
    const expected: number[] = [];
    for (let code = 200; code <= 699; code++) {
      if (policyFor(code).rules.anyIncident) {
        expected.push(code);
      }
    }
    expect(selectedCodes(String(query.model.query), 'sip_status')).toEqual(expected);
    for (const code of [408, 488, 500, 603]) {
      expect(expected).toContain(code);
    }
    expect(rule.noDataState).toBe('OK');
    expect(decide(rule, { A: 1 })).toBe(1);
    expect(decide(rule, { A: 0 })).toBe(0);
  });

  it('gives every tracked code share and rise rules that fire at the policy’s numbers', () => {
    const tracked = Object.values(DEFAULT_POLICY.codes).filter(
      (p) => p.code >= 200 && p.code <= 699 && p.rules.shareAtLeast !== null
    );
    expect(tracked.length).toBeGreaterThan(5);
    for (const { code, rules } of tracked) {
      const share = ruleByUid(file, `sipcodes-${code}-share`);
      const minCount = Math.max(1, rules.shareMinCount ?? 0);
      // minCount calls that are exactly, or just over, the threshold share of the total.
      const total = Math.max(minCount, Math.floor((minCount * 100) / rules.shareAtLeast!));
      expect(decide(share, { CODE: minCount, ALL: total })).toBe(1);
      expect(decide(share, { CODE: minCount - 1, ALL: total })).toBe(0);
      expect(decide(share, { CODE: minCount, ALL: total * 10 + 1000 })).toBe(0);
      expect(share.labels).toEqual({ sip_code: String(code), severity: 'track', team_policy: 'default' });
      expect(share.noDataState).toBe('OK');
      if (rules.rise) {
        const rise = ruleByUid(file, `sipcodes-${code}-rise`);
        expect(decide(rise, { CODE: 60, ALL: 1000, CODEBEFORE: 100, ALLBEFORE: 20_000 })).toBe(1);
        expect(decide(rise, { CODE: 4, ALL: 1000, CODEBEFORE: 2, ALLBEFORE: 1000 })).toBe(0);
        expect(rise.data.find((query) => query.refId === 'CODEBEFORE')!.relativeTimeRange).toEqual({
          from: 6 * 3600,
          to: 900,
        });
      }
    }
  });

  it('has a no-calls rule that alerts on no data', () => {
    const rule = ruleByUid(file, 'sipcodes-no-calls');
    expect(rule.noDataState).toBe('Alerting');
    expect(decide(rule, { ALL: 0 })).toBe(1);
    expect(decide(rule, { ALL: 3 })).toBe(0);
  });
});

describe('a team policy changes the rules', () => {
  it('follows the overrides the policy editor exported', async () => {
    const dir = scratchDir('policy');
    const policyFile = join(dir, 'team-policy.json');
    const overrides = {
      '487': { severity: 'immediate', rules: { anyIncident: true } },
      '503': { rules: { shareAtLeast: 2, rise: null } },
      '502': { rules: { anyIncident: false } },
    };
    expect(buildPolicy(overrides).issues).toEqual([]);
    writeFileSync(policyFile, JSON.stringify(overrides, null, 2));
    const args = [
      '--policy',
      relative(REPO_ROOT, policyFile),
      '--datasource',
      'voice-calls',
      '--code-field',
      'sip.code',
      '--window',
      '30m',
      '--uid-prefix',
      'team-',
      '--out',
      'unused.yaml',
    ];
    const { file, text } = await generated(args);
    const anyIncident = ruleByUid(file, 'team-any-incident');
    const codes = selectedCodes(String(esQueries(anyIncident)[0].model.query), 'sip.code');
    expect(codes).toContain(487);
    expect(codes).not.toContain(502);
    expect(anyIncident.labels.sip_code).toBe('{{ index $$labels "sip.code" }}');
    expect(anyIncident.labels.team_policy).toMatch(/eq \$\$c "487" }}custom/);
    const share = ruleByUid(file, 'team-503-share');
    expect(share.labels.team_policy).toBe('custom');
    expect(decide(share, { CODE: 20, ALL: 1000 })).toBe(1);
    expect(rulesOf(file).some((rule) => rule.uid === 'team-503-rise')).toBe(false);
    expect(share.data[0].relativeTimeRange).toEqual({ from: 1800, to: 0 });
    expect(share.dashboardUid).toBeUndefined();
    expect(text).toContain(`# Policy: ${relative(REPO_ROOT, policyFile)} over the built-in runbook policy.`);
  });
});
