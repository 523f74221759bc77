/**
 * Everything the panel shows, computed once per data/options change from the pure core.
 * Components never read frames: they render this model.
 */
import type { DataFrame, DataQueryError, GrafanaTheme2 } from '@grafana/data';
import {
  assessDistribution,
  codeFieldFromTargets,
  codeTermsAgg,
  rowLimitFromTargets,
  buildPolicy,
  CodeDistribution,
  CodePolicy,
  Finding,
  FiredRule,
  formatCalls,
  formatSharePercent,
  normalizeFrames,
  Notice,
  NoticeKind,
  NoticeLevel,
  Policy,
  PolicyIssue,
  policyFor,
  SEVERITY_RANK,
  Severity,
} from './core';
import { SEVERITY_COLOR_NAMES, SEVERITY_LABEL } from './constants/severity';
import { parseRecentWindow, validateOptions } from './options';
import type { SipCodesOptions } from './options';

/** One code as the chart, legend and guidance card show it. */
export interface CodeEntry {
  code: number;
  reason: string;
  count: number;
  /** Percent of all final responses; null for provisional 1xx (never an outcome). */
  share: number | null;
  severity: Severity;
  provisional: boolean;
  policy: CodePolicy;
  /** Present when the code needs follow-up now. */
  finding?: Finding;
  callsText: string;
  shareText: string;
  /** "404 Not Found: 37 calls, 2.1 %, track" — the accessible name of the code's slice. */
  label: string;
}

/** A code that needs follow-up now, with the rules and numbers that fired. */
export interface FindingEntry {
  code: number;
  reason: string;
  severity: Severity;
  /** "503 · 8.2 % · above 5 %". */
  summary: string;
  finding: Finding;
}

export type MessageLevel = NoticeLevel;

/** A message instead of a blank or broken panel. */
export interface PanelMessage {
  /** Stable key: notice kind or 'options' / 'policy' / 'query-error' / 'internal'. */
  kind: NoticeKind | 'options' | 'policy-issues' | 'query-error' | 'internal' | 'nothing-shown' | 'terms-size';
  level: MessageLevel;
  title: string;
  text: string;
  details?: string[];
}

export interface SipPanelModel {
  /** The options after validation (bad values replaced by defaults). */
  options: SipCodesOptions;
  policy: Policy;
  distribution: CodeDistribution;
  /** Final responses counted. */
  total: number;
  /** Codes drawn as slices / bars, in legend order (urgency, then calls). */
  slices: CodeEntry[];
  /** Codes listed in the legend: most urgent first, then most calls; provisional 1xx last. */
  legend: CodeEntry[];
  /** Every code seen (also hidden 2xx and 1xx), for the guidance card. */
  byCode: Map<number, CodeEntry>;
  findings: FindingEntry[];
  messages: PanelMessage[];
  /** Calls left out of the chart because 2xx is hidden. */
  hidden2xx?: { count: number; share: number };
  /** Field the codes were read from (option, else what normalisation detected). */
  codeField?: string;
}

export interface PanelModelInput {
  series: DataFrame[] | undefined;
  /** Saved options, of any shape: validated here. */
  options: unknown;
  /** `data.request.targets`, used for the raw-data size limit. */
  targets?: readonly unknown[];
  errors?: readonly DataQueryError[];
  /** True while the query is running (no "no data" message then). */
  loading?: boolean;
}

const NOTICE_TITLES: Record<NoticeKind, string> = {
  'no-data': 'No data',
  'no-code-field': 'No field holds SIP codes',
  'code-field-missing': 'Code field not found',
  'invalid-values': 'Values that are not SIP codes',
  'partial-data': 'Partial data',
  'no-count-field': 'No count field',
  'mixed-shapes': 'Mixed query results',
  'no-time-data': 'No time data',
  policy: 'Policy overrides',
  'rise-needs-histogram': 'Rise rule not checked',
};

const CODE_FIELD_HINT =
  'Set "Code field" in the panel options (Data › Code field) to the field or label that holds the SIP status code, e.g. sip.status_code.';

/**
 * A Terms aggregation ordered by count keeps only its `size` most frequent codes: when the panel got exactly that many,
 * the rarest codes (often the urgent ones) may have been cut off and the shares are of the codes kept.
 */
function termsSizeMessage(
  targets: readonly unknown[] | undefined,
  codeField: string | undefined,
  distribution: CodeDistribution
): PanelMessage | undefined {
  const agg = codeTermsAgg(targets, codeField);
  const seen = distribution.codes.length + distribution.provisional.length + distribution.invalid.samples.length;
  if (!agg?.size || seen < agg.size) {
    return undefined;
  }
  return {
    kind: 'terms-size',
    level: 'warning',
    title: 'Codes may be cut off',
    text: `The query's Terms aggregation on ${agg.field} keeps only its ${agg.size} most frequent values, and the panel got ${seen}. Rarer codes, often the urgent ones, may be missing and shares are of the codes kept: raise the Terms size (e.g. to 100).`,
  };
}

/** "500 · 2 calls · any incident is investigated now", "503 · 8.2 % · above 5 %", "487 · ×3.1 vs earlier in range". */
export function summarizeFinding(finding: Finding): string {
  const has = (id: FiredRule['rule']) => finding.rules.some((rule) => rule.rule === id);
  const parts: string[] = [String(finding.code)];
  if (has('share')) {
    parts.push(formatSharePercent(finding.share));
  } else if (has('any-incident') || has('count')) {
    parts.push(formatCalls(finding.count));
  }
  for (const rule of finding.rules) {
    parts.push(rule.text);
  }
  return parts.join(' · ');
}

function entryFor(code: number, count: number, share: number | null, policy: Policy, finding?: Finding): CodeEntry {
  const codePolicy = policyFor(code, policy);
  const provisional = share === null;
  const severity = finding?.severity ?? codePolicy.severity;
  const callsText = formatCalls(count);
  const shareText = share === null ? 'provisional' : formatSharePercent(share);
  return {
    code,
    reason: codePolicy.reason,
    count,
    share,
    severity,
    provisional,
    policy: codePolicy,
    finding,
    callsText,
    shareText,
    label: `${code} ${codePolicy.reason}: ${callsText}, ${shareText}, ${SEVERITY_LABEL[severity].toLowerCase()}`,
  };
}

/** Most urgent first, then most calls, then lowest code. */
export function byUrgency(a: CodeEntry, b: CodeEntry): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count || a.code - b.code;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

function noticeToMessage(notice: Notice, distribution: CodeDistribution): PanelMessage {
  const message: PanelMessage = {
    kind: notice.kind,
    level: notice.level,
    title: NOTICE_TITLES[notice.kind] ?? 'Note',
    text: notice.message,
  };
  // The core's words usually list the fields seen already; add them only when they do not.
  if (
    (notice.kind === 'no-code-field' || notice.kind === 'code-field-missing') &&
    !/fields seen/i.test(notice.message)
  ) {
    const seen = distribution.fieldsSeen.length > 0 ? distribution.fieldsSeen.join(', ') : 'none';
    message.details = [`Fields seen: ${seen}`, CODE_FIELD_HINT];
  }
  return message;
}

/** An issue in words. The core's messages already name the code and field ("404.severity must be …"). */
export function policyIssueText(issue: PolicyIssue): string {
  const message = issue.message ?? '';
  const where = [issue.code, issue.field].filter((part) => part && part !== '*').join('.');
  return where === '' || message.includes(where) || message.startsWith(`${issue.code}`)
    ? message
    : `${where}: ${message}`;
}

function policyIssuesMessage(issues: PolicyIssue[]): PanelMessage {
  return {
    kind: 'policy-issues',
    level: 'warning',
    title: 'Policy overrides have problems',
    text: 'The fields below were not applied; the built-in policy stays in force for them. Fix them in the policy editor.',
    details: issues.map(policyIssueText),
  };
}

function queryErrorMessages(errors: readonly DataQueryError[] | undefined): PanelMessage[] {
  return (errors ?? []).map((error) => ({
    kind: 'query-error' as const,
    level: 'error' as const,
    title: error.refId ? `Query ${error.refId} failed` : 'Query failed',
    text: error.message ?? error.data?.message ?? 'The data source returned an error.',
  }));
}

function safeNormalize(input: PanelModelInput, options: SipCodesOptions, messages: PanelMessage[]): CodeDistribution {
  try {
    return normalizeFrames(input.series ?? [], {
      codeField: options.codeField || undefined,
      rowLimit: rowLimitFromTargets(input.targets),
    });
  } catch (error) {
    messages.push({
      kind: 'internal',
      level: 'error',
      title: 'The data could not be read',
      text: errorText(error),
    });
    return emptyDistribution();
  }
}

/** Builds everything the panel renders. Never throws: problems become messages. */
export function buildPanelModel(input: PanelModelInput): SipPanelModel {
  const messages: PanelMessage[] = [];
  const { options, issues: optionIssues } = validateOptions(input.options);
  if (optionIssues.length > 0) {
    messages.push({
      kind: 'options',
      level: 'warning',
      title: 'Some panel options were not usable',
      text: 'Defaults are used for these options.',
      details: optionIssues,
    });
  }
  messages.push(...queryErrorMessages(input.errors));

  const { policy, issues: policyIssues } = buildPolicy(options.policyOverrides);
  if (policyIssues.length > 0) {
    messages.push(policyIssuesMessage(policyIssues));
  }

  const distribution = safeNormalize(input, options, messages);
  const recent = parseRecentWindow(options.recentWindow);
  let findings: Finding[] = [];
  let assessNotices: Notice[] = [];
  try {
    const assessment = assessDistribution(distribution, policy, recent.ms ? { recentMs: recent.ms } : undefined);
    findings = assessment.findings;
    assessNotices = assessment.notices;
  } catch (error) {
    messages.push({
      kind: 'internal',
      level: 'error',
      title: 'The codes could not be assessed',
      text: errorText(error),
    });
  }

  for (const notice of [...distribution.notices, ...assessNotices]) {
    if (notice.kind === 'no-data' && input.loading) {
      continue;
    }
    messages.push(noticeToMessage(notice, distribution));
  }

  const total = distribution.total;
  const findingByCode = new Map(findings.map((finding) => [finding.code, finding]));
  const finals = distribution.codes.map((entry) =>
    entryFor(
      entry.code,
      entry.count,
      total > 0 ? (entry.count * 100) / total : 0,
      policy,
      findingByCode.get(entry.code)
    )
  );
  const shown = finals.filter((entry) => options.include2xx || Math.floor(entry.code / 100) !== 2).sort(byUrgency);
  const allProvisional = distribution.provisional
    .map((entry) => entryFor(entry.code, entry.count, null, policy))
    .sort((a, b) => b.count - a.count || a.code - b.code);
  const provisional = options.include1xx ? allProvisional : [];
  const byCode = new Map<number, CodeEntry>([...allProvisional, ...finals].map((entry) => [entry.code, entry]));

  let hidden2xx: SipPanelModel['hidden2xx'];
  if (!options.include2xx) {
    const count = finals
      .filter((entry) => Math.floor(entry.code / 100) === 2)
      .reduce((sum, entry) => sum + entry.count, 0);
    if (count > 0) {
      hidden2xx = { count, share: (count * 100) / total };
    }
  }

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

  return {
    options,
    policy,
    distribution,
    total,
    slices,
    legend: [...shown, ...provisional],
    byCode,
    findings: findings.map((finding) => ({
      code: finding.code,
      reason: policyFor(finding.code, policy).reason,
      severity: finding.severity,
      summary: summarizeFinding(finding),
      finding,
    })),
    messages,
    hidden2xx,
    codeField,
  };
}

/**
 * Says why the chart is empty when no other message does: the panel never shows a blank area without a reason.
 */
function nothingShownMessage(
  sliceCount: number,
  messages: readonly PanelMessage[],
  distribution: CodeDistribution,
  hidden2xx: SipPanelModel['hidden2xx']
): PanelMessage | undefined {
  // Any other message already explains the state of the panel; the rise notice alone does not.
  if (sliceCount > 0 || messages.some((message) => message.kind !== 'rise-needs-histogram')) {
    return undefined;
  }
  if (hidden2xx) {
    return {
      kind: 'nothing-shown',
      level: 'info',
      title: 'Only answered calls',
      text: `All ${hidden2xx.count} final responses are 2xx, which the "Show 2xx (answered)" option hides.`,
    };
  }
  const provisional = distribution.provisional.reduce((sum, entry) => sum + entry.count, 0);
  return {
    kind: 'nothing-shown',
    level: 'info',
    title: 'No final responses',
    text:
      provisional > 0
        ? `Only provisional responses (1xx, ${provisional} in all) are in the data; calls are counted by their final response (200–699).`
        : 'The data holds no final SIP response (200–699) in this time range.',
  };
}

/**
 * One colour per code from its severity's family of Grafana named colours (resolved for the current theme):
 * codes of one severity cycle through the family in legend order, so neighbours differ. Provisional codes are grey.
 */
export function severityColors(entries: readonly CodeEntry[], theme: GrafanaTheme2): Map<number, string> {
  const colors = new Map<number, string>();
  const used: Record<Severity, number> = { immediate: 0, track: 0, normal: 0 };
  for (const entry of entries) {
    if (colors.has(entry.code)) {
      continue;
    }
    if (entry.provisional) {
      colors.set(entry.code, theme.colors.text.disabled);
      continue;
    }
    const family = SEVERITY_COLOR_NAMES[entry.severity];
    const name = family[used[entry.severity] % family.length];
    used[entry.severity] += 1;
    colors.set(entry.code, theme.visualization.getColorByName(name));
  }
  return colors;
}
