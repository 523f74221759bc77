/**
 * Every `data-testid` the panel renders. Components and tests (unit and browser) read them from here only,
 * so a selector can never drift between the two.
 */
export const TEST_IDS = {
  /** The panel's root element. */
  panel: 'sip-panel',
  /** One slice (donut/pie arc, or bar in the bar view) per code. */
  slice: (code: number | string) => `sip-slice-${code}`,
  /** The folded tail of calm codes ("Other (n codes)"); outside the `sip-slice-` prefix on purpose. */
  otherSlice: 'sip-other-slice',
  /** The SVG drawing of the distribution. */
  chart: 'sip-chart',
  /** One legend row per code. */
  legendRow: (code: number | string) => `sip-legend-row-${code}`,
  legend: 'sip-legend',
  /** The strip of codes that need follow-up now. */
  findings: 'sip-findings',
  /** One finding inside the strip. */
  finding: (code: number | string) => `sip-finding-${code}`,
  /** The "+N more" control of the strip, and the list it opens. */
  findingsMore: 'sip-findings-more',
  findingsOverflow: 'sip-findings-overflow',
  /** The guidance card for the selected code. */
  guidance: 'sip-guidance',
  guidanceClose: 'sip-guidance-close',
  /** "12 calls in the last 15 min · last seen 2 min ago" in the card's header. */
  guidanceRecency: 'sip-guidance-recency',
  /** Top contributors (section) and one row per value. */
  contributors: 'sip-contributors',
  contributor: 'sip-contributor',
  /** Recent calls of the code (section) and one row per call, holding its Call-ID. */
  recentCalls: 'sip-recent-calls',
  recentCall: 'sip-recent-call',
  /** Q.850 causes of the code's recent calls, with what they mean. */
  q850Causes: 'sip-q850-causes',
  /** The "Copy escalation summary" button. */
  copyEscalation: 'sip-copy-escalation',
  /** A link to one of the code's generated alert rules. */
  alertRuleLink: 'sip-alert-rule-link',
  /** Rendered (sanitised) guidance notes. */
  guidanceNotes: 'sip-guidance-notes',
  /** Links inside the guidance card. */
  logsLink: 'sip-link-logs',
  tracesLink: 'sip-link-traces',
  dataLink: (index: number) => `sip-link-data-${index}`,
  /** One message (no data, no code field, invalid values, policy issues, errors…). */
  message: 'sip-message',
  /** The fold holding messages beyond the first lines. */
  messagesMore: 'sip-messages-more',
  /** The policy editor (panel options). */
  policyEditor: 'sip-policy-editor',
  policyRow: (code: number | string) => `sip-policy-row-${code}`,
  policyAddInput: 'sip-policy-add-input',
  policyAddButton: 'sip-policy-add',
  policyJson: 'sip-policy-json',
  policyImport: 'sip-policy-import',
  policyExport: 'sip-policy-export',
  policyIssues: 'sip-policy-issues',
} as const;
