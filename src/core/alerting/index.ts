/** Grafana alert rules from the same policy the panel shows: their names (uid, title) and the rule plan. */
export {
  alertRuleTitle,
  alertRuleUid,
  alertRuleViewPath,
  codeRuleLabel,
  DEFAULT_ALERT_UID_PREFIX,
  isAlertableCode,
  isValidAlertUidPrefix,
  MAX_ALERT_UID_LENGTH,
  MAX_ALERT_UID_PREFIX_LENGTH,
} from './uid';
export type { AlertRuleKind, AlertRuleSubject, CodeRuleKind } from './uid';
export { alertRulesForCode, planAlertRules, toRanges } from './plan';
export type {
  AlertPlanOptions,
  AlertRulePlan,
  AnyIncidentRulePlan,
  ClassNotice,
  CodeAlertRule,
  CodeNotice,
  CodeRange,
  CodeRulePlan,
  CountRulePlan,
  NoCallsRulePlan,
  RiseRulePlan,
  ShareRulePlan,
  TeamPolicy,
} from './plan';
