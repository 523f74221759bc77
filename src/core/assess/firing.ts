/**
 * Which of a code's follow-up rules fire, and how a finding explains itself in one line.
 */
import { CodePolicy, FiredRule, RiseRule, RiseStats, RuleConfig, SEVERITY_RANK, Severity } from '../types';
import { formatCalls, formatCount, formatShare, formatThreshold, formatTimes as timesText } from '../format';

import { isUsableRiseRule, riseFires } from './rise';

/** What was measured for one code over the whole range. */
export interface CodeMeasure {
  code: number;
  /** Calls with this code (≥ 1 for anything assessed). */
  count: number;
  /** Percent of all final responses. */
  share: number;
}

/** The rise rule's inputs for one code, when the timeline allowed computing them. */
export interface RiseCheck {
  rule: RiseRule;
  stats: RiseStats;
  /** "the last quarter", "the last 15 min". */
  windowLabel: string;
}

/** Active voice, one phrase per rule: what the engineer does. */
export const ANY_INCIDENT_TEXT = 'investigate every one';

/** A code's rules reduced to numbers: thresholds that are off become Infinity. */
export interface CompiledRules {
  severity: Severity;
  anyIncident: boolean;
  /** Percent of all calls; Infinity when the rule is off. */
  shareAtLeast: number;
  /** Calls; Infinity when the rule is off. */
  countAtLeast: number;
  /** Calls of the code the share rule needs; 0 when there is no minimum. */
  shareMinCount: number;
  rise: RiseRule | null;
}

/** Reads a code's policy defensively: null, false, NaN or a non-number switch a rule off. */
export function compileRules(codePolicy: CodePolicy | undefined): CompiledRules {
  const rules: Partial<RuleConfig> | undefined = codePolicy?.rules;
  const severity = codePolicy?.severity;
  return {
    severity: severity && Object.prototype.hasOwnProperty.call(SEVERITY_RANK, severity) ? severity : 'track',
    anyIncident: rules?.anyIncident === true,
    shareAtLeast: thresholdOrOff(rules?.shareAtLeast),
    countAtLeast: thresholdOrOff(rules?.countAtLeast),
    shareMinCount: minimumOrNone(rules?.shareMinCount),
    rise: isUsableRiseRule(rules?.rise) ? rules.rise : null,
  };
}

/** Whether any rule but the rise fires: the cheap check that lets most codes skip building a finding. */
export function levelRuleFires(rules: CompiledRules, measure: CodeMeasure): boolean {
  return measure.count >= 1 && (rules.anyIncident || shareFires(rules, measure) || measure.count >= rules.countAtLeast);
}

function shareFires(rules: CompiledRules, measure: CodeMeasure): boolean {
  return measure.share >= rules.shareAtLeast && measure.count >= rules.shareMinCount;
}

/** The rules that fire for one code, in a fixed order: any incident, share, count, rise. */
export function fireRules(rules: CompiledRules, measure: CodeMeasure, rise?: RiseCheck): FiredRule[] {
  const fired: FiredRule[] = [];
  if (rules.anyIncident) {
    fired.push({ rule: 'any-incident', value: measure.count, threshold: 1, text: ANY_INCIDENT_TEXT });
  }
  if (shareFires(rules, measure)) {
    fired.push(thresholdRule('share', measure.share, rules.shareAtLeast, `${formatThreshold(rules.shareAtLeast)} %`));
  }
  if (measure.count >= rules.countAtLeast) {
    fired.push(thresholdRule('count', measure.count, rules.countAtLeast, `${formatCount(rules.countAtLeast)} calls`));
  }
  if (rise && riseFires(rise.stats, rise.rule)) {
    fired.push({
      rule: 'rise',
      value: rise.stats.factor,
      threshold: rise.rule.factor,
      text: riseText(rise.stats.factor),
    });
  }
  return fired;
}

/**
 * One line with the numbers, e.g.
 * "408 — 3 calls; investigate every one", "503 — 8.2 % of calls (820); above 5 %",
 * "487 — 3.1× as frequent as earlier in the range (42 calls in the last quarter)".
 */
export function describeFinding(measure: CodeMeasure, fired: FiredRule[], rise?: RiseCheck): string {
  const parts: string[] = [];
  const has = (id: FiredRule['rule']) => fired.some((rule) => rule.rule === id);
  if (has('share')) {
    parts.push(`${formatShare(measure.share)} % of calls (${formatCount(measure.count)})`);
  } else if (has('any-incident') || has('count')) {
    parts.push(formatCalls(measure.count));
  }
  for (const rule of fired) {
    if (rule.rule === 'rise') {
      const recent = rise ? ` (${formatCalls(rise.stats.recentCount)} in ${rise.windowLabel})` : '';
      parts.push(`${rule.text}${recent}`);
    } else {
      parts.push(rule.text);
    }
  }
  return `${measure.code} — ${parts.join('; ')}`;
}

/** A threshold rule that fired: "above 5 %", or "at 5 %" when the value is exactly the threshold. */
function thresholdRule(rule: 'share' | 'count', value: number, threshold: number, thresholdText: string): FiredRule {
  return { rule, value, threshold, text: `${value > threshold ? 'above' : 'at'} ${thresholdText}` };
}

function riseText(factor: number): string {
  return factor === Infinity
    ? 'new: none earlier in the range'
    : `${timesText(factor)} as frequent as earlier in the range`;
}

/** A configured minimum, or 0 (no minimum) when absent, null or not a usable number. */
function minimumOrNone(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** A configured threshold, or Infinity (never reached) when the rule is off: null, false, NaN, not a number. */
function thresholdOrOff(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Infinity;
}
