export {
  DEFAULT_OPTIONS,
  DISTRIBUTION_VIEWS,
  QUERY_ROLE_CHOICES,
  TEXT_SIZES,
  parseRecentWindow,
  validateOptions,
} from './options';
export type { ValidatedOptions } from './options';
export { migrateOptions, needsMigration, savedOptionsVersion } from './migrations';
export type { SipCodesOptionsV1 } from './migrations';
export { OPTIONS_VERSION } from './types';
export type { DistributionView, QueryRoleChoice, SipCodesOptions, SipCodesOptionKey, TextSize } from './types';
export { DATA_LINKS_NOTE_PATH, addSipCodesOptions } from './panelOptions';
export { SUGGESTION_NAMES, sipCodesSuggestions } from './suggestions';
export { CORE_PIE_CHART_ID, sipCodesPanelChanged } from './panelChange';
