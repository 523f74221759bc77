/**
 * The public face of the pure core. Tests, the panel, the seeder and the benchmarks import from here only.
 */
export * from './types';
export {
  DEFAULT_POLICY,
  DEFAULT_RISE,
  DEFAULT_SHARE_MIN_COUNT,
  REGISTRY,
  buildPolicy,
  codeClass,
  parseSipCode,
  policyFor,
} from './catalog';
export {
  FREESWITCH_DEFAULT_SIP,
  Q850_SOURCES,
  SOURCE_COMMITS,
  X_REASONS,
  describeQ850,
  describeXReason,
  explainXReason,
  guidanceSources,
  isQ850FieldName,
  isReasonFieldName,
  q850Cause,
  q850Causes,
} from './catalog';
export type { FreeswitchCause, GuidanceSourceEntry, Q850Info, SourceRef, XReasonCarrier, XReasonInfo } from './catalog';
export { namesSeenInFrames, normalizeFrames } from './normalize';
export type { NamesSeen, NormalizeOptions } from './normalize';
export { DEFAULT_RECENCY_MS, assessCodes, assessDistribution, mostUrgentFirst, ongoingFirst } from './assess';
export {
  describeFraction,
  formatCalls,
  formatCount,
  formatDuration,
  formatFactor,
  formatShare,
  formatSharePercent,
  formatThreshold,
  formatTimes,
} from './format';
export {
  codeFieldFromTargets,
  codeTermsAgg,
  datasourceRefOf,
  resolveLogsSource,
  rowLimitFromTargets,
  termsAggsOf,
} from './queryTargets';
export type { DatasourceRefLike, TargetLike, TermsAgg } from './queryTargets';
export {
  alertRulesForCode,
  alertRuleTitle,
  alertRuleUid,
  alertRuleViewPath,
  codeRuleLabel,
  DEFAULT_ALERT_UID_PREFIX,
  isAlertableCode,
  isValidAlertUidPrefix,
  MAX_ALERT_UID_LENGTH,
  MAX_ALERT_UID_PREFIX_LENGTH,
  planAlertRules,
} from './alerting';
export type {
  AlertRuleKind,
  AlertRulePlan,
  AlertRuleSubject,
  AnyIncidentRulePlan,
  CodeAlertRule,
  CodeRange,
  CodeRulePlan,
  CodeRuleKind,
  CountRulePlan,
  NoCallsRulePlan,
  RiseRulePlan,
  ShareRulePlan,
  TeamPolicy,
} from './alerting';
export { assignQueryRoles } from './roles';
export type { QueryKind, QueryRole, QueryRoleEntry, QueryRoleOverrides, QueryRoles } from './roles';
export {
  DEFAULT_FOLLOW_UP_FIELDS,
  DEFAULT_RECENT_CALLS,
  DEFAULT_TOP_VALUES,
  DOMINANT_MIN_CALLS,
  DOMINANT_MIN_SHARE,
  FALLBACK_FOLLOW_UP_FIELDS,
  FIELD_MEANINGS,
  callIdPhrase,
  dominantContributor,
  escalationSummary,
  escapeCallIdForLucene,
  fieldMeaningOf,
  followUpFieldLabel,
  followUpFieldsFor,
  formatAgo,
  formatUtcDateTime,
  formatUtcTime,
  recencyText,
  recentCalls,
  resolveField,
  topContributors,
  q850CausesSeen,
} from './followUp';
export type {
  ContributorField,
  ContributorOptions,
  ContributorProblem,
  ContributorValue,
  Contributors,
  DominantContributor,
  EscalationSummaryInput,
  FieldMeaning,
  FollowUpFieldKey,
  RecentCall,
  RecentCallFields,
  RecentCallsOptions,
  RecentCallsResult,
  ResolvedField,
  Q850Seen,
} from './followUp';
