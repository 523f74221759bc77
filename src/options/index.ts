export { DEFAULT_OPTIONS, DISTRIBUTION_VIEWS, parseRecentWindow, validateOptions } from './options';
export type { ValidatedOptions } from './options';
export { migrateOptions, needsMigration, savedOptionsVersion } from './migrations';
export type { SipCodesOptionsV1 } from './migrations';
export { OPTIONS_VERSION } from './types';
export type { DistributionView, SipCodesOptions, SipCodesOptionKey } from './types';
export { addSipCodesOptions } from './panelOptions';
