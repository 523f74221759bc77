/**
 * The view stage: turns the core's results into everything the panel draws. Components never read frames or call
 * the core: they render this model. Never throws: problems become messages.
 */
import type { GrafanaTheme2 } from '@grafana/data';
import {
  assessDistribution,
  assignQueryRoles,
  buildPolicy,
  codeFieldFromTargets,
  DEFAULT_RECENCY_MS,
  CodeDistribution,
  Finding,
  formatCalls,
  formatCount,
  formatSharePercent,
  normalizeFrames,
  Notice,
  Policy,
  policyFor,
  QueryRoleOverrides,
  QueryRoles,
  recencyText,
  SEVERITY_RANK,
} from '../core';
import { SEVERITY_LABEL } from '../constants/severity';
import { parseRecentWindow, SipCodesOptions, validateOptions } from '../options';
import { chartSlicesOf } from './chartSlices';
import { codeColor } from './colors';
import { dominantFor } from './followUp';
import {
  internalErrorMessage,
  noticeMessage,
  nothingShownMessage,
  optionIssuesMessage,
  policyIssuesMessage,
  queryErrorMessages,
  queryRolesMessage,
  termsSizeMessage,
} from './messages';
import type { CodeView, FindingView, PanelMessage, SipViewModel, ViewModelInput } from './types';
import { summarizeFinding } from './wording';

/** Most urgent first, then most calls, then lowest code. */
export function byUrgency(a: CodeView, b: CodeView): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count || a.code - b.code;
}

function codeView(
  code: number,
  count: number,
  share: number | null,
  policy: Policy,
  theme: GrafanaTheme2,
  finding?: Finding
): CodeView {
  const codePolicy = policyFor(code, policy);
  const provisional = share === null;
  const severity = finding?.severity ?? codePolicy.severity;
  const callsText = formatCalls(count);
  const shareText = share === null ? 'provisional' : formatSharePercent(share);
  return {
    code,
    reasonPhrase: codePolicy.reason,
    count,
    share,
    severity,
    provisional,
    policy: codePolicy,
    finding,
    color: codeColor(code, severity, provisional, theme),
    callsText,
    shareText,
    label: `${code} ${codePolicy.reason}: ${callsText}, ${shareText}, ${SEVERITY_LABEL[severity].toLowerCase()}`,
  };
}

function emptyDistribution(): CodeDistribution {
  return {
    codes: [],
    total: 0,
    provisional: [],
    invalid: { count: 0, samples: [] },
    notices: [],
    shape: 'none',
    fieldsSeen: [],
  };
}

/** The options' roles by refId, without "auto" (no override). */
function roleOverridesOf(options: SipCodesOptions): QueryRoleOverrides {
  const overrides: QueryRoleOverrides = {};
  for (const [refId, role] of Object.entries(options.queryRoles)) {
    if (role !== 'auto') {
      overrides[refId] = role;
    }
  }
  return overrides;
}

/**
 * The frames counted: the distribution queries; with none, every frame that is neither calls nor a breakdown, so
 * normalisation says what it found there (the fields seen, "no field holds SIP codes") instead of "no data".
 */
function distributionFramesOf(series: ViewModelInput['series'], roles: QueryRoles) {
  if (roles.distribution.length > 0 || !Array.isArray(series)) {
    return roles.distribution;
  }
  return series.filter((frame) => !roles.calls.includes(frame) && !roles.breakdowns.includes(frame));
}

function normalizeSafely(
  series: ViewModelInput['series'],
  roles: QueryRoles,
  messages: PanelMessage[]
): CodeDistribution {
  try {
    return normalizeFrames(distributionFramesOf(series, roles), roles.normalizeOptions);
  } catch (error) {
    messages.push(internalErrorMessage('The data could not be read', error));
    return emptyDistribution();
  }
}

function assessSafely(
  distribution: CodeDistribution,
  policy: Policy,
  options: SipCodesOptions,
  recency: { recencyMs: number; rangeEnd?: number },
  messages: PanelMessage[]
): { findings: Finding[]; notices: Notice[] } {
  const recent = parseRecentWindow(options.recentWindow);
  try {
    return assessDistribution(distribution, policy, {
      ...(recent.ms ? { recentMs: recent.ms } : {}),
      recencyMs: recency.recencyMs,
      ...(recency.rangeEnd !== undefined ? { rangeEnd: recency.rangeEnd } : {}),
    });
  } catch (error) {
    messages.push(internalErrorMessage('The codes could not be assessed', error));
    return { findings: [], notices: [] };
  }
}

function hidden2xxOf(finals: readonly CodeView[], total: number): SipViewModel['hidden2xx'] {
  const count = finals
    .filter((entry) => Math.floor(entry.code / 100) === 2)
    .reduce((sum, entry) => sum + entry.count, 0);
  return count > 0 ? { count, share: (count * 100) / total } : undefined;
}

/** The end of the last time bucket, when the data has time and no time range was given. */
function lastBucketEnd(distribution: CodeDistribution): number | undefined {
  const times = distribution.timeline?.times;
  return times && times.length > 0 ? times[times.length - 1] : undefined;
}

/** What the donut's hole says: all final responses, or with 2xx hidden, the failed ones of all. */
function centreText(slices: readonly CodeView[], total: number, twoXxHidden: boolean): SipViewModel['centre'] {
  if (!twoXxHidden) {
    return { value: formatCount(total), caption: 'final responses' };
  }
  const shown = slices.reduce((sum, entry) => sum + entry.count, 0);
  return { value: formatCount(shown), caption: `failed of ${formatCount(total)}` };
}

/** Builds everything the panel renders, in the order of the pipeline: options, policy, normalise, assess, draw. */
export function buildViewModel(input: ViewModelInput): SipViewModel {
  const { theme } = input;
  const canEdit = input.canEdit !== false;
  const messages: PanelMessage[] = [];

  const { options, issues: optionIssues } = validateOptions(input.options);
  if (optionIssues.length > 0) {
    messages.push(optionIssuesMessage(optionIssues));
  }
  messages.push(...queryErrorMessages(input.errors));

  const { policy, issues: policyIssues } = buildPolicy(options.policyOverrides);
  if (policyIssues.length > 0) {
    messages.push(policyIssuesMessage(policyIssues));
  }

  const roles = assignQueryRoles(
    input.series ?? [],
    input.targets,
    roleOverridesOf(options),
    options.codeField || undefined
  );
  const distribution = normalizeSafely(input.series, roles, messages);
  const recencyMs = parseRecentWindow(options.recencyWindow).ms ?? DEFAULT_RECENCY_MS;
  const rangeEnd = Number.isFinite(input.timeRange?.to) ? input.timeRange!.to : undefined;
  const now = rangeEnd ?? lastBucketEnd(distribution) ?? Date.now();
  const assessment = assessSafely(distribution, policy, options, { recencyMs, rangeEnd }, messages);
  for (const notice of [...roles.notices, ...distribution.notices, ...assessment.notices]) {
    if (!(notice.kind === 'no-data' && input.loading)) {
      messages.push(noticeMessage(notice, distribution, canEdit));
    }
  }

  const total = distribution.total;
  const findingByCode = new Map(assessment.findings.map((finding) => [finding.code, finding]));
  const finals = distribution.codes.map((entry) =>
    codeView(
      entry.code,
      entry.count,
      total > 0 ? (entry.count * 100) / total : 0,
      policy,
      theme,
      findingByCode.get(entry.code)
    )
  );
  const shown = finals.filter((entry) => options.include2xx || Math.floor(entry.code / 100) !== 2).sort(byUrgency);
  const allProvisional = distribution.provisional
    .map((entry) => codeView(entry.code, entry.count, null, policy, theme))
    .sort((a, b) => b.count - a.count || a.code - b.code);
  const byCode = new Map<number, CodeView>([...allProvisional, ...finals].map((entry) => [entry.code, entry]));
  const hidden2xx = options.include2xx ? undefined : hidden2xxOf(finals, total);

  const codeField =
    options.codeField || distribution.codeField || roles.codeField || codeFieldFromTargets(input.targets);
  const rolesSummary = queryRolesMessage(roles, canEdit);
  if (rolesSummary) {
    messages.push(rolesSummary);
  }
  const cutOff = termsSizeMessage(input.targets, codeField, distribution, canEdit);
  if (cutOff) {
    messages.push(cutOff);
  }
  const slices = shown.filter((entry) => entry.count > 0);
  const nothingShown = nothingShownMessage(slices.length, messages, distribution, hidden2xx);
  if (nothingShown && !input.loading) {
    messages.push(nothingShown);
  }

  const findings: FindingView[] = assessment.findings.map((finding) => {
    const entry = byCode.get(finding.code);
    return {
      code: finding.code,
      reasonPhrase: policyFor(finding.code, policy).reason,
      severity: finding.severity,
      color: entry?.color ?? codeColor(finding.code, finding.severity, false, theme),
      summary: summarizeFinding(finding),
      recency: recencyText(finding, now, recencyMs),
      dominant: dominantFor(finding.code, finding.count, policy, roles, codeField),
      finding,
    };
  });

  return {
    options,
    policy,
    distribution,
    total,
    slices,
    chart: chartSlicesOf(slices, theme.colors.text.secondary),
    centre: centreText(slices, total, hidden2xx !== undefined),
    legend: [...shown, ...(options.include1xx ? allProvisional : [])],
    byCode,
    findings,
    messages,
    hidden2xx,
    codeField,
    healthyColor: codeColor(200, 'normal', false, theme),
    roles,
    now,
    recencyMs,
    canEdit,
  };
}
