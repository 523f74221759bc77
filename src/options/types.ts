import type { PolicyOverrides } from '../core';

/** How the distribution is drawn. */
export type DistributionView = 'donut' | 'pie' | 'bar';

/** Text and marks grow with the panel (wallboards) or keep Grafana's size. */
export type TextSize = 'auto' | 'fixed';

/** What a query serves in the panel (issue of several queries in one panel); `auto` = recognised from its shape. */
export type QueryRoleChoice = 'auto' | 'distribution' | 'calls' | 'breakdown' | 'ignore';

/** Current version of the saved options; bump it with a step in `migrations.ts`. */
export const OPTIONS_VERSION = 2;

/** The panel's options as saved in the dashboard JSON. */
export interface SipCodesOptions {
  /** Version of this options shape, for migrations. */
  optionsVersion: number;
  /** Field (or label) holding the SIP status code; empty = detect automatically. */
  codeField: string;
  view: DistributionView;
  /** Show 2xx (answered calls) in the distribution and legend. */
  include2xx: boolean;
  /** Show provisional 1xx responses in the legend (never counted as outcomes). */
  include1xx: boolean;
  /** Recent window for the rise rule, as a Grafana duration ("1h", "30m"); empty = last quarter of the range. */
  recentWindow: string;
  /** A finding is ongoing when its code has calls in this last part of the range, a Grafana duration; default 15m. */
  recencyWindow: string;
  /** Text and marks scale with the panel size (auto) or stay at Grafana's size (fixed). */
  textSize: TextSize;
  /** Field holding the Call-ID in call rows; empty = detected (sip_callid, call_id, sip.call_id, Call-ID). */
  callIdField: string;
  /** Links that leave the dashboard (logs, traces, alert rules) open in a new tab, so a wallboard stays put. */
  linksInNewTab: boolean;
  /** Uid prefix of the alert rules generated from this policy (npm run alert-rules); empty = no alert rule links. */
  alertRuleUidPrefix: string;
  /** A query's role by refId, where its shape is not enough ("B": "calls"). */
  queryRoles: Record<string, QueryRoleChoice>;
  /** Elasticsearch data source uid for the "Matching logs" link; empty = the data source of the panel's query. */
  logsDatasourceUid: string;
  /** URL template for the "SIP traces" link: ${code}, ${__from}, ${__to} and dashboard variables. Empty = no link. */
  traceUrlTemplate: string;
  /** The team's policy and guidance overrides, keyed by code. */
  policyOverrides: PolicyOverrides;
  /**
   * Policy JSON saved by an older version that could not be read during migration. Kept verbatim (never dropped)
   * so the policy editor can show it for repair; the panel says so in a message.
   */
  unparsedPolicyJson?: string;
}

/** The option paths, for editors and validation. */
export type SipCodesOptionKey = keyof SipCodesOptions;
