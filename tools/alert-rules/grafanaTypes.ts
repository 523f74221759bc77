/**
 * The shapes of Grafana's alerting file provisioning (apiVersion 1) that the generator writes, after
 * grafana/grafana pkg/services/provisioning/alerting (rules_types.go: AlertRuleGroupV1, AlertRuleV1, QueryV1;
 * contact points and policies are hand-written in provisioning/alerting/).
 */

export const EXPRESSION_DATASOURCE_UID = '__expr__';

export type NoDataState = 'NoData' | 'Alerting' | 'OK' | 'KeepLast';
export type ExecErrState = 'Error' | 'Alerting' | 'OK' | 'KeepLast';

/** Seconds before now: a query over the last 15 minutes is { from: 900, to: 0 }. */
export interface RelativeTimeRange {
  from: number;
  to: number;
}

export interface AlertQuery {
  refId: string;
  datasourceUid: string;
  relativeTimeRange?: RelativeTimeRange;
  model: Record<string, unknown>;
}

export interface ProvisionedRule {
  uid: string;
  title: string;
  condition: string;
  data: AlertQuery[];
  dashboardUid?: string;
  panelId?: number;
  noDataState: NoDataState;
  execErrState: ExecErrState;
  for: string;
  annotations: Record<string, string>;
  labels: Record<string, string>;
  isPaused: boolean;
}

export interface ProvisionedGroup {
  orgId: number;
  name: string;
  folder: string;
  interval: string;
  rules: ProvisionedRule[];
}

export interface AlertingFile {
  apiVersion: 1;
  groups: ProvisionedGroup[];
}
