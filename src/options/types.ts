import type { PolicyOverrides } from '../core';

/** How the distribution is drawn. */
export type DistributionView = 'donut' | 'pie' | 'bar';

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
