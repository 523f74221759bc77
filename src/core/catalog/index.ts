/**
 * The catalog: what every SIP status code means on our gateway and what policy follows from it
 * (runbook codes, IANA registry, class defaults), plus a team's validated overrides.
 */
export { codeClass, isFinalCode, parseSipCode } from './codes';
export { REGISTRY, registryEntry } from './registry';
export type { RegistryEntry } from './registry';
export { CLASS_PROFILES, classProfile } from './classes';
export type { ClassProfile } from './classes';
export {
  DEFAULT_RISE,
  DEFAULT_SHARE_MIN_COUNT,
  FOLLOW_UP,
  FOLLOW_UP_PROVISIONAL,
  followUpFor,
  hasActiveRule,
} from './ruleDefaults';
export { DEFAULT_POLICY, classDefaultPolicy, policyFor } from './policy';
export { buildPolicy, exportOverrides } from './overrides';
export type { BuiltPolicy } from './overrides';
export { RUNBOOK_POLICIES } from './runbook';
export { guidanceSources } from './guidanceSources';
export type { GuidanceSourceEntry } from './guidanceSources';
export { SOURCE_COMMITS } from './sources';
export type { SourceRef } from './sources';
export { X_REASONS, describeXReason, explainXReason } from './xReasons';
export type { XReasonCarrier, XReasonEntry, XReasonInfo } from './xReasons';
export { FREESWITCH_DEFAULT_SIP, Q850_SOURCES, describeQ850, q850Cause, q850Causes } from './q850';
export { isQ850FieldName, isReasonFieldName } from './fieldNames';
export type { FreeswitchCause, Q850Info } from './q850';
