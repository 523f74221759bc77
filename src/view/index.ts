export { buildViewModel, byUrgency } from './buildViewModel';
export { codeColor } from './colors';
export { describeFiredRule, describeRules, policyIssueText, summarizeFinding } from './wording';
export type { CodeView, FindingView, MessageKind, PanelMessage, SipViewModel, ViewModelInput } from './types';
export {
  BOOST_BUDGET,
  chartSlicesOf,
  FOLD_BELOW_FRACTION,
  MAX_OWN_SLICES,
  MIN_VISIBLE_FRACTION,
  boostWeights,
} from './chartSlices';
export type { ChartSlice } from './chartSlices';
export { chipsThatFit, chipWidth, CODES_NAMED, FOLD_AT, findingChipsOf } from './findingChips';
export type { FindingChip } from './findingChips';
export { BASE_SIZE, MAX_SCALE, panelLayout } from './layout';
export type { PanelLayout, SizeClass } from './layout';
export { codeFollowUp, dominantFor } from './followUp';
export type { CodeFollowUp } from './followUp';
// cardContent (X-Reason dictionary, escalation text) is imported by the guidance card only, which loads lazily.
export { buildEscalationText } from './escalation';
export type { EscalationInput } from './escalation';
export { userCanEdit } from './canEdit';
