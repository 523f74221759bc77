import type { DataFrame, DataQueryError, GrafanaTheme2 } from '@grafana/data';
import type {
  CodeDistribution,
  CodePolicy,
  DominantContributor,
  Finding,
  NoticeKind,
  NoticeLevel,
  Policy,
  QueryRoles,
  Severity,
} from '../core';
import type { SipCodesOptions } from '../options';
import type { ChartSlice } from './chartSlices';

/** One code as the chart, legend and guidance card draw it. */
export interface CodeView {
  code: number;
  /** The reason phrase ("Service Unavailable"). */
  reasonPhrase: string;
  count: number;
  /** Percent of all final responses; null for provisional 1xx (never an outcome). */
  share: number | null;
  severity: Severity;
  provisional: boolean;
  policy: CodePolicy;
  /** Present when the code needs follow-up now. */
  finding?: Finding;
  /** The code's colour in the current theme: the same for the same code and severity in every data set. */
  color: string;
  callsText: string;
  shareText: string;
  /** "404 Not Found: 37 calls, 2.1 %, track" — the accessible name of the code's slice. */
  label: string;
}

/** A code that needs follow-up now, as the findings strip shows it. */
export interface FindingView {
  code: number;
  reasonPhrase: string;
  severity: Severity;
  color: string;
  /** "503 · 8.2 % · above 5 %". */
  summary: string;
  /** "12 calls in the last 15 min · last seen 2 min ago" / "earlier in range · last seen 14:55"; absent without time. */
  recency?: string;
  /** One value behind most of the code's calls ("87 % of 403s from 203.0.113.9"). */
  dominant?: DominantContributor;
  finding: Finding;
}

export type MessageKind =
  | NoticeKind
  | 'options'
  | 'policy-issues'
  | 'query-error'
  | 'internal'
  | 'nothing-shown'
  | 'terms-size'
  | 'query-roles-summary';

/** A message instead of a blank or broken panel. */
export interface PanelMessage {
  kind: MessageKind;
  level: NoticeLevel;
  title: string;
  text: string;
  details?: string[];
}

/** Everything the panel draws, computed once per data, options or theme change. */
export interface SipViewModel {
  /** The options after validation (bad values replaced by defaults). */
  options: SipCodesOptions;
  policy: Policy;
  distribution: CodeDistribution;
  /** Final responses counted. */
  total: number;
  /** Codes drawn as bars, in legend order (urgency, then calls). */
  slices: CodeView[];
  /** What the donut and pie draw: the same codes with the calm tail folded into "Other" and rare codes boosted. */
  chart: ChartSlice[];
  /** The number in the donut's hole and its caption: what the ring shows. */
  centre: { value: string; caption: string };
  /** Codes listed in the legend: most urgent first, then most calls; provisional 1xx last. */
  legend: CodeView[];
  /** Every code seen (also hidden 2xx and 1xx), for the guidance card. */
  byCode: Map<number, CodeView>;
  findings: FindingView[];
  messages: PanelMessage[];
  /** Calls left out of the chart because 2xx is hidden. */
  hidden2xx?: { count: number; share: number };
  /** Field the codes were read from (option, else what normalisation detected, else the query's Terms field). */
  codeField?: string;
  /** The colour of a healthy state (the "nothing needs follow-up" mark). */
  healthyColor: string;
  /** What each query serves, and the frames of the calls and breakdown queries (for contributors and recent calls). */
  roles: QueryRoles;
  /** End of the range, epoch ms: recency is measured back from it ("2 min ago"). */
  now: number;
  /** The recency window, ms. */
  recencyMs: number;
  /** Hints that need an editor are shown. */
  canEdit: boolean;
}

export interface ViewModelInput {
  series: DataFrame[] | undefined;
  /** Saved options, of any shape: validated here. */
  options: unknown;
  /** `data.request.targets`: Terms sizes, raw-data row limits, the code field of Terms × Date Histogram series. */
  targets?: readonly unknown[];
  errors?: readonly DataQueryError[];
  /** True while the query is running (no "no data" message then). */
  loading?: boolean;
  theme: GrafanaTheme2;
  /** The panel's time range, epoch ms: recency is measured back from its end. */
  timeRange?: { from: number; to: number };
  /** The user can edit the dashboard: hints that need an editor ("set Code field …") are shown. Default true. */
  canEdit?: boolean;
}
