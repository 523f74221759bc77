/**
 * The view stage: turns the core's results into everything the panel draws. Components never read frames or call
 * the core: they render this model. Never throws: problems become messages.
 */
import type { GrafanaTheme2 } from '@grafana/data';
import {
  assessDistribution,
  buildPolicy,
  codeFieldFromTargets,
  CodeDistribution,
  Finding,
  formatCalls,
  formatCount,
  formatSharePercent,
  normalizeFrames,
  Notice,
  Policy,
  policyFor,
  rowLimitFromTargets,
  SEVERITY_RANK,
} from '../core';
import { SEVERITY_LABEL } from '../constants/severity';
import { parseRecentWindow, SipCodesOptions, validateOptions } from '../options';
import { chartSlicesOf } from './chartSlices';
import { codeColor } from './colors';
import {
  internalErrorMessage,
  noticeMessage,
  nothingShownMessage,
  optionIssuesMessage,
  policyIssuesMessage,
  queryErrorMessages,
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

function normalizeSafely(input: ViewModelInput, options: SipCodesOptions, messages: PanelMessage[]): CodeDistribution {
  try {
    return normalizeFrames(input.series ?? [], {
      codeField: options.codeField || undefined,
      rowLimit: rowLimitFromTargets(input.targets),
    });
  } catch (error) {
    messages.push(internalErrorMessage('The data could not be read', error));
    return emptyDistribution();
  }
}

function assessSafely(
  distribution: CodeDistribution,
  policy: Policy,
  options: SipCodesOptions,
  messages: PanelMessage[]
): { findings: Finding[]; notices: Notice[] } {
  const recent = parseRecentWindow(options.recentWindow);
  try {
    return assessDistribution(distribution, policy, recent.ms ? { recentMs: recent.ms } : undefined);
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

  const distribution = normalizeSafely(input, options, messages);
  const assessment = assessSafely(distribution, policy, options, messages);
  for (const notice of [...distribution.notices, ...assessment.notices]) {
    if (!(notice.kind === 'no-data' && input.loading)) {
      messages.push(noticeMessage(notice, distribution));
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

  const codeField = options.codeField || distribution.codeField || codeFieldFromTargets(input.targets);
  const cutOff = termsSizeMessage(input.targets, codeField, distribution);
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
  };
}
