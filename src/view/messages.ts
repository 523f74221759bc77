/**
 * Every message the panel can show instead of (or above) the distribution: its kind, level, title and words.
 */
import type { DataQueryError } from '@grafana/data';
import { codeTermsAgg, CodeDistribution, formatCount, Notice, NoticeKind, PolicyIssue, QueryRoles } from '../core';
import type { PanelMessage, SipViewModel } from './types';
import { policyIssueText } from './wording';

const NOTICE_TITLES: Record<NoticeKind, string> = {
  'no-data': 'No calls in this range',
  'no-code-field': 'No field holds SIP codes',
  'code-field-missing': 'Code field not found',
  'invalid-values': 'Values that are not SIP codes',
  'invalid-counts': 'Counts that could not be used',
  'partial-data': 'Partial data',
  'no-count-field': 'No count field',
  'mixed-shapes': 'Mixed query results',
  'no-time-data': 'No time data',
  policy: 'Policy overrides',
  'rise-needs-histogram': 'Rise rule not checked',
  'query-roles': 'Queries',
  'sip-messages': 'SIP messages, not calls',
};

const CODE_FIELD_HINT =
  'Set "Code field" in the panel options (Data › Code field) to the field or label that holds the SIP status code, e.g. sip.status_code.';

/** No calls at all is something to look into (a gateway or ingest outage), never a calm note. */
const NO_CALLS_ADVICE = 'Check the gateway and the ingest.';

export function noticeMessage(notice: Notice, distribution: CodeDistribution, canEdit = true): PanelMessage {
  const message: PanelMessage = {
    kind: notice.kind,
    level: notice.level,
    title: NOTICE_TITLES[notice.kind] ?? 'Note',
    text: notice.message,
  };
  if (notice.editorHint && canEdit) {
    message.text = `${message.text} ${notice.editorHint}`;
  }
  if (notice.kind === 'no-data') {
    message.level = notice.level === 'error' ? 'error' : 'warning';
    message.text = `${notice.message} ${NO_CALLS_ADVICE}`;
  }
  // The core's words usually list the fields seen already; add them only when they do not.
  if (
    (notice.kind === 'no-code-field' || notice.kind === 'code-field-missing') &&
    !/fields seen/i.test(notice.message)
  ) {
    const seen = distribution.fieldsSeen.length > 0 ? distribution.fieldsSeen.join(', ') : 'none';
    message.details = canEdit ? [`Fields seen: ${seen}`, CODE_FIELD_HINT] : [`Fields seen: ${seen}`];
  }
  return message;
}

export function optionIssuesMessage(issues: string[]): PanelMessage {
  return {
    kind: 'options',
    level: 'warning',
    title: 'Some panel options were not usable',
    text: 'Defaults are used for these options.',
    details: issues,
  };
}

export function policyIssuesMessage(issues: PolicyIssue[]): PanelMessage {
  return {
    kind: 'policy-issues',
    level: 'warning',
    title: 'Policy overrides have problems',
    text: 'The fields below were not applied; the built-in policy stays in force for them. Fix them in the policy editor.',
    details: issues.map(policyIssueText),
  };
}

export function queryErrorMessages(errors: readonly DataQueryError[] | undefined): PanelMessage[] {
  return (errors ?? []).map((error) => ({
    kind: 'query-error' as const,
    level: 'error' as const,
    title: error.refId ? `Query ${error.refId} failed` : 'Query failed',
    text: error.message ?? error.data?.message ?? 'The data source returned an error.',
  }));
}

export function internalErrorMessage(title: string, error: unknown): PanelMessage {
  return { kind: 'internal', level: 'error', title, text: error instanceof Error ? error.message : String(error) };
}

/**
 * A Terms aggregation ordered by count keeps only its `size` most frequent codes: when the panel got exactly that many,
 * the rarest codes (often the urgent ones) may have been cut off and the shares are of the codes kept.
 */
export function termsSizeMessage(
  targets: readonly unknown[] | undefined,
  codeField: string | undefined,
  distribution: CodeDistribution,
  canEdit = true
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
    text: `The query's Terms aggregation on ${agg.field} keeps only its ${agg.size} most frequent values, and the panel got ${seen}. Rarer codes, often the urgent ones, may be missing and shares are of the codes kept${canEdit ? ': raise the Terms size (e.g. to 100)' : ''}.`,
  };
}

/** Says why the chart is empty when no other message does: the panel never shows a blank area without a reason. */
export function nothingShownMessage(
  sliceCount: number,
  messages: readonly PanelMessage[],
  distribution: CodeDistribution,
  hidden2xx: SipViewModel['hidden2xx']
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
      text: `All ${formatCount(hidden2xx.count)} final responses are 2xx, which the "Show 2xx (answered)" option hides.`,
    };
  }
  const provisional = distribution.provisional.reduce((sum, entry) => sum + entry.count, 0);
  if (provisional > 0) {
    return {
      kind: 'nothing-shown',
      level: 'info',
      title: 'No final responses',
      text: `Only provisional responses (1xx, ${formatCount(provisional)} in all) are in the data; calls are counted by their final response (200–699).`,
    };
  }
  return { kind: 'nothing-shown', level: 'warning', title: 'No calls in this range', text: NO_CALLS_ADVICE };
}

const ROLE_WORDS = {
  distribution: 'distribution',
  calls: 'calls',
  breakdown: 'breakdown',
  ignore: 'not used',
} as const;

/**
 * Which query serves which role ("A distribution · B calls · C breakdown"), when the panel has more than one query;
 * each query's reason in the details. One query needs no explanation.
 */
export function queryRolesMessage(roles: QueryRoles, canEdit = true): PanelMessage | undefined {
  const named = roles.roles.filter((entry) => entry.refId !== '');
  if (named.length < 2) {
    return undefined;
  }
  return {
    kind: 'query-roles-summary',
    level: 'info',
    title: `Queries: ${named.map((entry) => `${entry.refId} ${ROLE_WORDS[entry.role] ?? entry.role}`).join(' · ')}`,
    text: canEdit
      ? 'What each query of this panel serves. Change a role in the panel options (Data › Query roles).'
      : 'What each query of this panel serves.',
    details: named.map((entry) => `${entry.refId}: ${entry.why}`),
  };
}
