/**
 * The rule plan of a policy (src/core planAlertRules) as Grafana-managed alert rules: queries, expressions,
 * states, labels and annotations. Nothing here decides which rules exist or their numbers; that is the core's.
 */
import {
  AlertRulePlan,
  AnyIncidentRulePlan,
  CodeRulePlan,
  CountRulePlan,
  formatDuration,
  formatThreshold,
  NoCallsRulePlan,
  RiseRulePlan,
  ShareRulePlan,
} from '../../src/core';
import { bucketsFor, formatSeconds, histogramInterval } from './durations';
import { allOf, math, num, pooledText, riseFactorText, shareText, sumOf, threshold, zText } from './expressions';
import { AlertingFile, AlertQuery, ProvisionedRule } from './grafanaTypes';
import { codesQuery, finalResponsesQuery } from './lucene';
import { countQuery, EsTarget } from './queries';
import { chooseByCode, CodeBranch, interpolatedText, labelOf, labelValue, templateText, valueOf } from './template';

export interface RuleSettings extends EsTarget {
  folder: string;
  group: string;
  /** Evaluation interval of the group, seconds. */
  intervalSeconds: number;
  /** The evaluation (recent) window, seconds. */
  windowSeconds: number;
  /** How far back the rise rule's comparison range starts, seconds (its earlier part ends where the window starts). */
  baselineSeconds: number;
  dashboard?: { uid: string; panelId: number };
  /** Added as runbook_url; `${code}` is replaced by the code. */
  runbookUrl?: string;
}

/** Elasticsearch's default search.max_buckets. */
export const ES_MAX_BUCKETS = 65_536;

/** The refId of every rule's condition: a Threshold expression. */
const CONDITION = 'ALERT';

export function alertingFile(plan: AlertRulePlan, settings: RuleSettings): AlertingFile {
  const rules: ProvisionedRule[] = [];
  if (plan.anyIncident) {
    rules.push(anyIncidentRule(plan.anyIncident, settings));
  }
  for (const rule of plan.codeRules) {
    rules.push(codeRule(rule, settings));
  }
  rules.push(noCallsRule(plan.noCalls, settings));
  return {
    apiVersion: 1,
    groups: [
      {
        orgId: 1,
        name: interpolatedText(settings.group),
        folder: interpolatedText(settings.folder),
        interval: formatSeconds(settings.intervalSeconds),
        rules,
      },
    ],
  };
}

// ------------------------------------------------------------------ any incident

function anyIncidentRule(plan: AnyIncidentRulePlan, settings: RuleSettings): ProvisionedRule {
  const window = recentRange(settings);
  const terms = Math.min(plan.codeCount, 500);
  const buckets = terms * bucketsFor(settings.windowSeconds, histogramInterval(settings.windowSeconds).seconds);
  if (buckets > ES_MAX_BUCKETS) {
    throw new Error(`the any-incident query would need ${buckets} buckets, more than Elasticsearch allows`);
  }
  const code = labelOf(settings.codeField);
  // The Lucene query lets only the plan's codes through, so the branches cover every code an instance can have.
  const byCode = (pick: (notice: Notice) => string) => chooseByCode(code, branchesOf(plan, pick));
  const labels: Record<string, string> = {
    sip_code: labelValue(`{{ ${code} }}`),
    severity: labelValue(byCode((notice) => notice.severity)),
    team_policy: labelValue(byCode((notice) => notice.teamPolicy)),
  };
  const annotations: Record<string, string> = {
    summary:
      `SIP {{ ${code} }}: ${valueOf('N')} calls in the last ${words(settings.windowSeconds)}; ` +
      'investigate every one',
    description: byCode((notice) => templateText(notice.meaning)),
    action: byCode((notice) => templateText(notice.action)),
  };
  addRunbook(annotations, settings, `{{ ${code} }}`);
  return rule(settings, {
    uid: plan.uid,
    title: plan.title,
    data: [
      countQuery(settings, {
        refId: 'A',
        query: codesQuery(settings.codeField, plan.ranges),
        range: window,
        termsSize: terms,
      }),
      sumOf('N', 'A'),
      threshold(CONDITION, 'N', 'gt', 0),
    ],
    noDataState: 'OK',
    labels,
    annotations,
  });
}

type Notice = Omit<AnyIncidentRulePlan['codes'][number], 'code'>;

function branchesOf(plan: AnyIncidentRulePlan, pick: (notice: Notice) => string): CodeBranch[] {
  return [
    ...plan.codes.map((notice) => ({ codes: [notice.code], then: pick(notice) })),
    ...plan.classes.map((notice) => ({
      range: { from: notice.cls * 100, to: notice.cls * 100 + 99 },
      then: pick(notice),
    })),
  ];
}

// ------------------------------------------------------------------ per code

function codeRule(plan: CodeRulePlan, settings: RuleSettings): ProvisionedRule {
  const built =
    plan.kind === 'share'
      ? shareParts(plan, settings)
      : plan.kind === 'count'
        ? countParts(plan, settings)
        : riseParts(plan, settings);
  const annotations: Record<string, string> = {
    summary: built.summary,
    description: templateText(plan.meaning),
    action: templateText(plan.action),
  };
  addRunbook(annotations, settings, String(plan.code));
  return rule(settings, {
    uid: plan.uid,
    title: plan.title,
    data: [...built.data, threshold(CONDITION, 'FIRES', 'gt', 0)],
    // No calls of a code in the window means nothing is wrong with it; no calls at all has its own rule.
    noDataState: 'OK',
    labels: { sip_code: String(plan.code), severity: plan.severity, team_policy: plan.teamPolicy },
    annotations,
  });
}

interface RuleParts {
  data: AlertQuery[];
  summary: string;
}

/** Code and total over the window, each reduced before the math (windows of other ranges would not line up). */
function recentCounts(plan: CodeRulePlan, settings: RuleSettings): AlertQuery[] {
  const window = recentRange(settings);
  return [
    countQuery(settings, {
      refId: 'CODE',
      query: codesQuery(settings.codeField, [{ from: plan.code, to: plan.code }]),
      range: window,
    }),
    countQuery(settings, { refId: 'ALL', query: finalResponsesQuery(settings.codeField), range: window }),
    sumOf('N', 'CODE'),
    sumOf('T', 'ALL'),
  ];
}

function shareParts(plan: ShareRulePlan, settings: RuleSettings): RuleParts {
  return {
    data: [
      ...recentCounts(plan, settings),
      math('SHARE', shareText('N', 'T')),
      math('FIRES', allOf([`$N >= ${num(plan.minCount)}`, `$SHARE >= ${num(plan.shareAtLeast)}`])),
    ],
    summary:
      `SIP ${plan.code}: ${valueOf('SHARE', '%.1f')} % of calls (${valueOf('N')} of ${valueOf('T')}) in the last ` +
      `${words(settings.windowSeconds)}; follow-up at ${formatThreshold(plan.shareAtLeast)} % with at least ` +
      `${formatThreshold(plan.minCount)} calls`,
  };
}

function countParts(plan: CountRulePlan, settings: RuleSettings): RuleParts {
  return {
    data: [
      ...recentCounts(plan, settings).filter((query) => query.refId !== 'ALL' && query.refId !== 'T'),
      math('FIRES', `$N >= ${num(plan.countAtLeast)}`),
    ],
    summary:
      `SIP ${plan.code}: ${valueOf('N')} calls in the last ${words(settings.windowSeconds)}; ` +
      `follow-up at ${formatThreshold(plan.countAtLeast)} calls`,
  };
}

function riseParts(plan: RiseRulePlan, settings: RuleSettings): RuleParts {
  const earlier = { from: settings.baselineSeconds, to: settings.windowSeconds };
  const code = codesQuery(settings.codeField, [{ from: plan.code, to: plan.code }]);
  return {
    data: [
      ...recentCounts(plan, settings),
      countQuery(settings, { refId: 'CODEBEFORE', query: code, range: earlier }),
      countQuery(settings, { refId: 'ALLBEFORE', query: finalResponsesQuery(settings.codeField), range: earlier }),
      sumOf('NB', 'CODEBEFORE'),
      sumOf('TB', 'ALLBEFORE'),
      math('FACTOR', riseFactorText('N', 'T', 'NB', 'TB')),
      math('POOLED', pooledText('N', 'T', 'NB', 'TB')),
      math('Z', zText('N', 'T', 'NB', 'TB', 'POOLED')),
      math(
        'FIRES',
        allOf([`$N >= ${num(plan.minCount)}`, '$TB > 0', `$FACTOR >= ${num(plan.factor)}`, `$Z >= ${num(plan.minZ)}`])
      ),
    ],
    summary:
      `SIP ${plan.code}: share ×${valueOf('FACTOR', '%.1f')} in the last ${words(settings.windowSeconds)} against ` +
      `the rest of the last ${words(settings.baselineSeconds)} (z = ${valueOf('Z', '%.1f')}, ${valueOf('N')} calls); ` +
      `follow-up at ×${formatThreshold(plan.factor)}, z ≥ ${formatThreshold(plan.minZ)}, at least ` +
      `${formatThreshold(plan.minCount)} calls`,
  };
}

// ------------------------------------------------------------------ no calls at all

function noCallsRule(plan: NoCallsRulePlan, settings: RuleSettings): ProvisionedRule {
  return rule(settings, {
    uid: plan.uid,
    title: plan.title,
    data: [
      countQuery(settings, {
        refId: 'ALL',
        query: finalResponsesQuery(settings.codeField),
        range: recentRange(settings),
      }),
      sumOf('T', 'ALL'),
      threshold(CONDITION, 'T', 'lt', 1),
    ],
    // No data at all (no index, nothing returned) is exactly what this rule is about.
    noDataState: 'Alerting',
    labels: { severity: plan.severity, team_policy: 'default' },
    annotations: {
      summary: `No final SIP response in the last ${words(settings.windowSeconds)} (${valueOf('T')} calls)`,
      description:
        'No call ended with a final SIP response (200–699) in the window: the gateway takes no calls, or call ' +
        'records no longer reach Elasticsearch.',
      action: 'Check that the gateway answers SIP, that calls arrive from the carriers, and the call-record ingest.',
    },
  });
}

// ------------------------------------------------------------------ common

interface RuleBody {
  uid: string;
  title: string;
  data: AlertQuery[];
  noDataState: ProvisionedRule['noDataState'];
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

function rule(settings: RuleSettings, body: RuleBody): ProvisionedRule {
  const provisioned: ProvisionedRule = {
    uid: body.uid,
    title: body.title,
    condition: CONDITION,
    data: body.data,
    noDataState: body.noDataState,
    execErrState: 'Error',
    for: '0s',
    annotations: body.annotations,
    labels: body.labels,
    isPaused: false,
  };
  if (settings.dashboard) {
    provisioned.dashboardUid = settings.dashboard.uid;
    provisioned.panelId = settings.dashboard.panelId;
  }
  return provisioned;
}

function recentRange(settings: RuleSettings) {
  return { from: settings.windowSeconds, to: 0 };
}

function addRunbook(annotations: Record<string, string>, settings: RuleSettings, codeTemplate: string): void {
  if (!settings.runbookUrl) {
    return;
  }
  const parts = settings.runbookUrl.split('${code}');
  annotations.runbook_url = parts.map((part) => templateText(part)).join(codeTemplate);
}

function words(seconds: number): string {
  return formatDuration(seconds * 1000);
}
