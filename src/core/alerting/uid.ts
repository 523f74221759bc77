/**
 * Names of the Grafana alert rules generated from a policy (tools/alert-rules): their uids and titles. The panel
 * derives the same names to link a code's guidance card to its rules without asking Grafana's API, so this is the
 * one place that decides them.
 */
import { Severity } from '../types';

/** The kinds of rule the generator writes: one per code and rule of its policy, plus two for the whole traffic. */
export type AlertRuleKind = 'any-incident' | 'share' | 'count' | 'rise' | 'no-calls';

/** The rules that exist once per code. */
export type CodeRuleKind = 'share' | 'count' | 'rise';

/** What a rule is about: a SIP code, or one of the two rules that cover every code at once. */
export type AlertRuleSubject = number | 'any-incident' | 'no-calls';

/** The uid prefix of the demo stack and of the generator when none is given. */
export const DEFAULT_ALERT_UID_PREFIX = 'sipcodes-';

/** Grafana accepts rule uids of at most 40 characters of letters, digits, `-` and `_`. */
export const MAX_ALERT_UID_LENGTH = 40;

/** The longest uid suffix ("any-incident"), so a prefix of this length or less always leaves a valid uid. */
const LONGEST_SUFFIX = 'any-incident'.length;

/** The longest prefix a valid uid leaves room for. */
export const MAX_ALERT_UID_PREFIX_LENGTH = MAX_ALERT_UID_LENGTH - LONGEST_SUFFIX;

const UID_CHARACTERS = /^[A-Za-z0-9_-]*$/;

/** The words of a kind in titles and labels. */
const KIND_WORDS: Record<AlertRuleKind, string> = {
  'any-incident': 'any incident',
  share: 'share',
  count: 'count',
  rise: 'rise',
  'no-calls': 'no calls',
};

/** Whether a prefix yields valid uids for every rule: letters, digits, `-` and `_`, at most 28 characters. */
export function isValidAlertUidPrefix(prefix: unknown): prefix is string {
  return typeof prefix === 'string' && prefix.length <= MAX_ALERT_UID_PREFIX_LENGTH && UID_CHARACTERS.test(prefix);
}

/** A final SIP code (200–699): the only codes with per-code rules. */
export function isAlertableCode(code: unknown): code is number {
  return typeof code === 'number' && Number.isInteger(code) && code >= 200 && code <= 699;
}

/**
 * The uid of the rule that watches `subject` for `kind`, derived from the code and the kind only:
 * - a code's share, count or rise rule: `<prefix><code>-<kind>` ("sipcodes-503-share");
 * - any incident: one multi-dimensional rule for every code, so `<prefix>any-incident` whatever the code
 *   (`alertRuleUid(500, 'any-incident')` and `alertRuleUid('any-incident', 'any-incident')` are the same);
 * - no calls at all: `<prefix>no-calls`, only as `alertRuleUid('no-calls', 'no-calls')`.
 * Null when the prefix is not valid (see isValidAlertUidPrefix), the code is not a final code (200–699) or the
 * subject does not go with the kind: the panel then shows no link rather than a broken one.
 */
export function alertRuleUid(
  subject: AlertRuleSubject,
  kind: AlertRuleKind,
  prefix: string = DEFAULT_ALERT_UID_PREFIX
): string | null {
  if (!isValidAlertUidPrefix(prefix)) {
    return null;
  }
  switch (kind) {
    case 'any-incident':
      return subject === 'any-incident' || isAlertableCode(subject) ? `${prefix}any-incident` : null;
    case 'no-calls':
      return subject === 'no-calls' ? `${prefix}no-calls` : null;
    case 'share':
    case 'count':
    case 'rise':
      return isAlertableCode(subject) ? `${prefix}${subject}-${kind}` : null;
    default:
      return null;
  }
}

/**
 * The rule's title in Grafana: "SIP 503 share (track)" for a code's rule, "SIP any incident" and "SIP no calls" for
 * the rules that cover every code (their severity is per code, in the alert's labels).
 */
export function alertRuleTitle(subject: AlertRuleSubject, kind: AlertRuleKind, severity?: Severity): string {
  if (typeof subject !== 'number' || kind === 'any-incident' || kind === 'no-calls') {
    return `SIP ${KIND_WORDS[kind]}`;
  }
  return codeRuleLabel(subject, kind, severity);
}

/** How the guidance card names a code's rule: "SIP 503 share (track)", "SIP 500 any incident (immediate)". */
export function codeRuleLabel(code: number, kind: AlertRuleKind, severity?: Severity): string {
  return `SIP ${code} ${KIND_WORDS[kind]}${severity ? ` (${severity})` : ''}`;
}

/** The path of a rule's page in Grafana, to be put after the app sub-URL: "/alerting/grafana/<uid>/view". */
export function alertRuleViewPath(uid: string): string {
  return `/alerting/grafana/${encodeURIComponent(uid)}/view`;
}
