export { buildViewModel, byUrgency } from './buildViewModel';
export { codeColor } from './colors';
export { summarizeFinding, policyIssueText } from './wording';
export type { CodeView, FindingView, MessageKind, PanelMessage, SipViewModel, ViewModelInput } from './types';
