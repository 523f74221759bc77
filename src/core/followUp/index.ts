export {
  DEFAULT_TOP_VALUES,
  DOMINANT_MIN_CALLS,
  DOMINANT_MIN_SHARE,
  dominantContributor,
  topContributors,
  wholePercent,
} from './contributors';
export type {
  ContributorField,
  ContributorOptions,
  ContributorProblem,
  ContributorValue,
  Contributors,
  DominantContributor,
} from './contributors';
export { escalationSummary, formatUtcDateTime } from './escalationSummary';
export type { EscalationSummaryInput } from './escalationSummary';
export { FIELD_MEANINGS, fieldMeaningOf, followUpFieldLabel, resolveField } from './fieldAliases';
export type { FieldMeaning, FollowUpFieldKey, ResolvedField } from './fieldAliases';
export { DEFAULT_FOLLOW_UP_FIELDS } from './fieldDefaults';
export { FALLBACK_FOLLOW_UP_FIELDS, followUpFieldsFor } from './followUpFields';
export { callIdPhrase, escapeCallIdForLucene } from './lucene';
export { DEFAULT_RECENT_CALLS, recentCalls } from './recentCalls';
export type { RecentCall, RecentCallFields, RecentCallsOptions, RecentCallsResult } from './recentCalls';
export { formatAgo, formatUtcTime, recencyText } from './recencyText';
export { q850CausesSeen } from './q850Seen';
export type { Q850Seen } from './q850Seen';
