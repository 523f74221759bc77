/**
 * Which Grafana alert rules a policy asks for, and with which numbers: the plan tools/alert-rules turns into a
 * provisioning file. Rules are read exactly as the panel reads them (compileRules), so the alerts and the panel can
 * never disagree about what needs follow-up; only the time ranges differ (see docs/alerting.md).
 */
import { compileRules, CompiledRules } from '../assess/firing';
import { codeClass, DEFAULT_POLICY, policyFor } from '../catalog';
import { CodeClass, CodePolicy, Policy, Severity } from '../types';
import {
  AlertRuleKind,
  alertRuleTitle,
  alertRuleUid,
  codeRuleLabel,
  CodeRuleKind,
  DEFAULT_ALERT_UID_PREFIX,
  isAlertableCode,
} from './uid';

/** "custom" when the team's overrides changed the code's policy, "default" otherwise. */
export type TeamPolicy = 'default' | 'custom';

/** An inclusive range of codes: 500–502. A single code has from === to. */
export interface CodeRange {
  from: number;
  to: number;
}

/** What an alert says about one code, taken from its policy. */
export interface CodeNotice {
  code: number;
  severity: Severity;
  teamPolicy: TeamPolicy;
  /** One line: what the code means (catalog or team text, as written). */
  meaning: string;
  /** One line: what to do. */
  action: string;
}

/** What the class default says for the codes of a class that have no policy entry of their own. */
export interface ClassNotice extends Omit<CodeNotice, 'code'> {
  cls: CodeClass;
}

interface PlannedRule {
  uid: string;
  title: string;
}

/** One multi-dimensional rule: one alert instance per code that occurred at all in the window. */
export interface AnyIncidentRulePlan extends PlannedRule {
  kind: 'any-incident';
  /** Every final code whose policy investigates any incident, as ranges, ascending. */
  ranges: CodeRange[];
  /** How many codes the ranges hold. */
  codeCount: number;
  /** Codes of the ranges that have a policy entry of their own, ascending. */
  codes: CodeNotice[];
  /** For codes of the ranges without an entry of their own: their class default. */
  classes: ClassNotice[];
}

interface CodeRulePlanBase extends PlannedRule, CodeNotice {
  kind: CodeRuleKind;
}

/** Share of all final responses reaches `shareAtLeast` % with at least `minCount` calls of the code. */
export interface ShareRulePlan extends CodeRulePlanBase {
  kind: 'share';
  shareAtLeast: number;
  /** Calls of the code the share needs: the policy's shareMinCount, and never less than 1 (as in the panel). */
  minCount: number;
}

/** The code occurs at least `countAtLeast` times (and at least once). */
export interface CountRulePlan extends CodeRulePlanBase {
  kind: 'count';
  countAtLeast: number;
}

/** The code's share in the recent window is `factor` times its earlier share, significant at `minZ`. */
export interface RiseRulePlan extends CodeRulePlanBase {
  kind: 'rise';
  factor: number;
  /** Calls of the code in the recent window: the policy's minCount, and never less than 1. */
  minCount: number;
  minZ: number;
}

export type CodeRulePlan = ShareRulePlan | CountRulePlan | RiseRulePlan;

/** No final response at all in the window: the gateway or the call-record ingest is down. */
export interface NoCallsRulePlan extends PlannedRule {
  kind: 'no-calls';
  severity: Severity;
}

export interface AlertRulePlan {
  prefix: string;
  /** Null when no code investigates any incident. */
  anyIncident: AnyIncidentRulePlan | null;
  /** Per code, ascending, each code's rules in the order share, count, rise. */
  codeRules: CodeRulePlan[];
  noCalls: NoCallsRulePlan;
}

export interface AlertPlanOptions {
  /** Uid prefix (see alertRuleUid); default DEFAULT_ALERT_UID_PREFIX. */
  prefix?: string;
}

const FIRST_FINAL = 200;
const LAST_FINAL = 699;
const CODE_RULE_KINDS: readonly CodeRuleKind[] = ['share', 'count', 'rise'];

/**
 * The rules a policy asks for. Throws only for a prefix that cannot make valid uids (callers validate it first with
 * isValidAlertUidPrefix); any policy, however odd, gives a plan.
 */
export function planAlertRules(policy: Policy = DEFAULT_POLICY, options: AlertPlanOptions = {}): AlertRulePlan {
  const prefix = options.prefix ?? DEFAULT_ALERT_UID_PREFIX;
  const noCallsUid = alertRuleUid('no-calls', 'no-calls', prefix);
  if (noCallsUid === null) {
    throw new Error(`"${prefix}" cannot prefix alert rule uids (letters, digits, - and _ only, at most 28)`);
  }
  const own = ownCodes(policy);
  const codeRules: CodeRulePlan[] = [];
  for (const code of own) {
    codeRules.push(...planCodeRules(policyFor(code, policy), prefix));
  }
  return {
    prefix,
    anyIncident: planAnyIncident(policy, own, prefix),
    codeRules,
    noCalls: {
      kind: 'no-calls',
      uid: noCallsUid,
      title: alertRuleTitle('no-calls', 'no-calls'),
      severity: 'immediate',
    },
  };
}

/** A code's rules, as the guidance card links them: kind, uid, the rule's title and the card's label. */
export interface CodeAlertRule {
  kind: AlertRuleKind;
  uid: string;
  title: string;
  /** "SIP 503 share (track)", "SIP 500 any incident (immediate)". */
  label: string;
}

/**
 * The generated rules that watch one code under `policy`, in the order any incident, share, count, rise; empty when
 * the code has none (or the prefix is not valid). Codes without a policy entry of their own have only the
 * any-incident rule (when their class default asks for it): the generator writes per-code rules only for codes the
 * policy names.
 */
export function alertRulesForCode(
  code: number,
  policy: Policy = DEFAULT_POLICY,
  prefix: string = DEFAULT_ALERT_UID_PREFIX
): CodeAlertRule[] {
  if (!isAlertableCode(code) || alertRuleUid('no-calls', 'no-calls', prefix) === null) {
    return [];
  }
  const codePolicy = policyFor(code, policy);
  const rules = compileRules(codePolicy);
  const found: CodeAlertRule[] = [];
  if (rules.anyIncident) {
    found.push({
      kind: 'any-incident',
      uid: alertRuleUid(code, 'any-incident', prefix)!,
      title: alertRuleTitle('any-incident', 'any-incident'),
      label: codeRuleLabel(code, 'any-incident', rules.severity),
    });
  }
  if (ownCodes(policy).has(code)) {
    for (const rule of planCodeRules(codePolicy, prefix)) {
      found.push({ kind: rule.kind, uid: rule.uid, title: rule.title, label: rule.title });
    }
  }
  return found;
}

/** The share, count and rise rules of one code, for the thresholds its policy sets. */
function planCodeRules(codePolicy: CodePolicy, prefix: string): CodeRulePlan[] {
  const code = codePolicy.code;
  if (!isAlertableCode(code)) {
    return [];
  }
  const rules = compileRules(codePolicy);
  const notice = noticeOf(code, codePolicy, rules);
  const plans: CodeRulePlan[] = [];
  for (const kind of CODE_RULE_KINDS) {
    const named = {
      ...notice,
      kind,
      uid: alertRuleUid(code, kind, prefix)!,
      title: alertRuleTitle(code, kind, rules.severity),
    };
    if (kind === 'share' && Number.isFinite(rules.shareAtLeast)) {
      plans.push({ ...named, kind, shareAtLeast: rules.shareAtLeast, minCount: Math.max(1, rules.shareMinCount) });
    } else if (kind === 'count' && Number.isFinite(rules.countAtLeast)) {
      plans.push({ ...named, kind, countAtLeast: Math.max(1, rules.countAtLeast) });
    } else if (kind === 'rise' && rules.rise) {
      const { factor, minCount, minZ } = rules.rise;
      plans.push({ ...named, kind, factor, minCount: Math.max(1, minCount), minZ });
    }
  }
  return plans;
}

function planAnyIncident(policy: Policy, own: ReadonlySet<number>, prefix: string): AnyIncidentRulePlan | null {
  const selected: number[] = [];
  const codes: CodeNotice[] = [];
  const classes = new Map<CodeClass, ClassNotice>();
  for (let code = FIRST_FINAL; code <= LAST_FINAL; code++) {
    const codePolicy = policyFor(code, policy);
    const rules = compileRules(codePolicy);
    if (!rules.anyIncident) {
      continue;
    }
    selected.push(code);
    const notice = noticeOf(code, codePolicy, rules);
    if (own.has(code)) {
      codes.push(notice);
    } else if (!classes.has(codeClass(code))) {
      const { severity, teamPolicy, meaning, action } = notice;
      classes.set(codeClass(code), { cls: codeClass(code), severity, teamPolicy, meaning, action });
    }
  }
  if (selected.length === 0) {
    return null;
  }
  return {
    kind: 'any-incident',
    uid: alertRuleUid('any-incident', 'any-incident', prefix)!,
    title: alertRuleTitle('any-incident', 'any-incident'),
    ranges: toRanges(selected),
    codeCount: selected.length,
    codes,
    classes: [...classes.values()],
  };
}

function noticeOf(code: number, codePolicy: CodePolicy, rules: CompiledRules): CodeNotice {
  return {
    code,
    severity: rules.severity,
    teamPolicy: codePolicy.origin === 'override' ? 'custom' : 'default',
    meaning: textOr(codePolicy.guidance?.meaning, codePolicy.reason),
    action: textOr(codePolicy.guidance?.action, ''),
  };
}

function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** Final codes the policy (or the default policy under it) has an entry for, ascending. */
function ownCodes(policy: Policy): Set<number> {
  const keys = new Set<number>();
  for (const source of [DEFAULT_POLICY, policy]) {
    const codes =
      source && typeof source === 'object' && source.codes && typeof source.codes === 'object' ? source.codes : {};
    for (const key of Object.keys(codes)) {
      const code = Number(key);
      if (isAlertableCode(code)) {
        keys.add(code);
      }
    }
  }
  return new Set([...keys].sort((a, b) => a - b));
}

/** Ascending, distinct codes as inclusive ranges of consecutive codes: [500, 501, 502, 504] → 500–502, 504–504. */
export function toRanges(sortedCodes: readonly number[]): CodeRange[] {
  const ranges: CodeRange[] = [];
  for (const code of sortedCodes) {
    const last = ranges[ranges.length - 1];
    if (last && code === last.to + 1) {
      last.to = code;
    } else {
      ranges.push({ from: code, to: code });
    }
  }
  return ranges;
}
