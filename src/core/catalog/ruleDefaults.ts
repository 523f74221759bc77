import { RiseRule, RuleConfig, Severity } from '../types';

/**
 * The default rise rule: the code's share in the recent window at least doubled, with at least 10 calls in that
 * window and a one-sided two-proportion z of 3 or more (p < 0.0014), so a handful of calls never counts as a trend.
 */
export const DEFAULT_RISE: RiseRule = Object.freeze({ factor: 2, minCount: 10, minZ: 3 });

/** The share rule's default minimum number of calls of the code (see RuleConfig.shareMinCount). */
export const DEFAULT_SHARE_MIN_COUNT = 10;

/** No follow-up rules at all (answered calls, provisional responses). */
export function noRules(): RuleConfig {
  return { anyIncident: false, shareAtLeast: null, countAtLeast: null, rise: null };
}

/** Every single occurrence needs a person. */
export function anyIncidentRules(): RuleConfig {
  return { anyIncident: true, shareAtLeast: null, countAtLeast: null, rise: null };
}

/** Tracked: follow up when the code reaches a share of all calls, or rises significantly. */
export function trackRules(shareAtLeast: number | null, rise: RiseRule | null = DEFAULT_RISE): RuleConfig {
  return {
    anyIncident: false,
    shareAtLeast,
    countAtLeast: null,
    shareMinCount: DEFAULT_SHARE_MIN_COUNT,
    rise: rise ? { ...rise } : null,
  };
}

/** The runbook's follow-up rule in words. */
export const FOLLOW_UP: Record<Severity, string> = Object.freeze({
  immediate: 'Investigate every one',
  track: 'Track: investigate significant numbers or a rise',
  normal: 'Normal',
});

/** Words for provisional responses, which are never a call's outcome. */
export const FOLLOW_UP_PROVISIONAL = 'Provisional; never counted as an outcome';

/** Says in words what a set of rules asks for (used when a team changes the rules but not the words). */
export function followUpFor(rules: RuleConfig): string {
  if (rules.anyIncident) {
    return FOLLOW_UP.immediate;
  }
  if (rules.shareAtLeast !== null || rules.countAtLeast !== null || rules.rise !== null) {
    return FOLLOW_UP.track;
  }
  return FOLLOW_UP.normal;
}

/** True when at least one rule can fire. */
export function hasActiveRule(rules: RuleConfig): boolean {
  return followUpFor(rules) !== FOLLOW_UP.normal;
}
