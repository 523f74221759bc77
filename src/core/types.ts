/**
 * The data shapes shared by the pure core (catalog, normalize, assess) and everything built on it.
 * No React and no Grafana runtime here: only plain data.
 */

/** How urgently a code needs a person's attention when its rule fires. */
export type Severity = 'immediate' | 'track' | 'normal';

/** Order used everywhere "most urgent first" is needed. */
export const SEVERITY_RANK: Record<Severity, number> = { immediate: 0, track: 1, normal: 2 };

/** The hundreds digit of a SIP status code. */
export type CodeClass = 1 | 2 | 3 | 4 | 5 | 6;

// ---------------------------------------------------------------- catalog / policy

/** Configurable follow-up rules for one code. A rule set to null (or false) is off. */
export interface RuleConfig {
  /** Fires when the code occurs at least once. */
  anyIncident: boolean;
  /** Fires when the code's share of all final responses is at least this percentage (0–100). */
  shareAtLeast: number | null;
  /** Fires when the code occurs at least this many times. */
  countAtLeast: number | null;
  /**
   * The share rule also needs at least this many calls of the code, so that 3 calls in a quiet hour of 60 is not
   * "5 % of calls". Absent or null: no minimum. The default policy uses DEFAULT_SHARE_MIN_COUNT.
   */
  shareMinCount?: number | null;
  /** Fires on a significant rise of the code's share in the recent window. */
  rise: RiseRule | null;
}

export interface RiseRule {
  /** Recent share must be at least this many times the earlier share (e.g. 2 = doubled). */
  factor: number;
  /** The code must occur at least this many times in the recent window. */
  minCount: number;
  /** One-sided two-proportion z-test: the z statistic must reach this value (3 ≈ p < 0.0014). */
  minZ: number;
}

/** What a NOC engineer needs to know about a code. Plain text, except `notes` which is markdown. */
export interface CodeGuidance {
  /** One line: what the code means on our gateway. */
  meaning: string;
  /** One line: what to do about it. */
  action: string;
  /** Likely causes, most common first. */
  causes: string[];
  /** What to check in SIP traces, application logs and metrics. */
  checks: string[];
  /**
   * What level 1 hands to engineering when escalating (Call-IDs, window, X-Reasons…), code-specific items first.
   * Every catalog policy has it; optional so that hand-built policies (tests, tools) need not.
   */
  handOff?: string[];
  /** Optional longer guidance, markdown (rendered sanitised by the panel). */
  notes?: string;
}

/** Where a code's policy came from. */
export type PolicyOrigin = 'runbook' | 'registry' | 'class-default' | 'override';

/** Everything the product knows and decides about one code. */
export interface CodePolicy {
  code: number;
  /** Reason phrase (IANA registry or runbook). */
  reason: string;
  /** Severity given by policy: colours the code and ranks its findings. */
  severity: Severity;
  /** What the follow-up rule says in words: "investigate at the first incident" etc. */
  followUp: string;
  rules: RuleConfig;
  guidance: CodeGuidance;
  /** Why this policy (shown in the guidance card). */
  rationale: string;
  origin: PolicyOrigin;
  /**
   * Fields worth breaking this code's calls down by when following up ("source.ip", "account"), most telling first.
   * Names are matched against the data's fields with aliases (src/core/followUp). Absent: the class default.
   */
  followUpFields?: string[];
}

/** A complete, validated policy: the catalog merged with a team's overrides. */
export interface Policy {
  /** Every known code (runbook, registry, overrides). */
  codes: Record<number, CodePolicy>;
}

/** A team's override of one code: any subset of the policy, guidance and rules. */
export interface CodeOverride {
  reason?: string;
  severity?: Severity;
  followUp?: string;
  rationale?: string;
  rules?: Partial<RuleConfig>;
  guidance?: Partial<CodeGuidance>;
  /** Replaces the code's follow-up breakdown fields (an empty list: none). */
  followUpFields?: string[];
}

/** Overrides keyed by code, as stored in panel options (JSON). */
export type PolicyOverrides = Record<string, CodeOverride>;

/** A problem found while validating overrides: names the code and field. */
export interface PolicyIssue {
  code: string;
  field: string;
  message: string;
}

// ---------------------------------------------------------------- normalize

export interface CodeCount {
  code: number;
  count: number;
}

/** The frame shape normalisation recognised. */
export type FrameShape = 'terms-table' | 'terms-timeseries' | 'raw-rows' | 'raw-document' | 'none';

export type NoticeLevel = 'info' | 'warning' | 'error';

export type NoticeKind =
  | 'no-data'
  | 'no-code-field'
  | 'code-field-missing'
  | 'invalid-values'
  /** Count cells that could not be used (negative, not a number, absurdly large): their calls were left out. */
  | 'invalid-counts'
  | 'partial-data'
  | 'no-count-field'
  | 'mixed-shapes'
  | 'no-time-data'
  | 'policy'
  | 'rise-needs-histogram'
  | 'query-roles'
  /** The rows are SIP messages (one per request or response), or a Terms query counts them: what was counted. */
  | 'sip-messages';

/** A message for the person looking at the panel. */
export interface Notice {
  kind: NoticeKind;
  level: NoticeLevel;
  message: string;
  /** What someone who can edit the panel can do about it ("Set the panel option …"); shown to editors only. */
  editorHint?: string;
}

/** Values that are not SIP status codes, with how many calls carried them. */
export interface InvalidValues {
  /** Calls whose code value was not a SIP status code. */
  count: number;
  /** Distinct offending values as text, most calls first (capped). */
  samples: Array<{ value: string; count: number }>;
}

/** Calls per code over time, buckets ascending. */
export interface Timeline {
  /** Bucket start times, epoch ms, ascending, unique. */
  times: number[];
  /** Final-response calls in each bucket (all codes). */
  totals: number[];
  /** Calls of each final code in each bucket, aligned with `times`. */
  byCode: Record<number, number[]>;
}

/** The result of normalising a panel's frames. */
export interface CodeDistribution {
  /** Final responses (200–699), most calls first, then lowest code first. */
  codes: CodeCount[];
  /** Sum of `codes` counts. */
  total: number;
  /** Provisional 1xx responses seen (not calls' outcomes). */
  provisional: CodeCount[];
  invalid: InvalidValues;
  notices: Notice[];
  /** Present when the data has time (date histogram, or timestamped rows). */
  timeline?: Timeline;
  /** The field the codes were read from (or the label key for time series). */
  codeField?: string;
  shape: FrameShape;
  /** Field names seen in the data, for "set the code field" hints. */
  fieldsSeen: string[];
  /** Set when raw/log rows equal the query's size limit: counts cover only those rows. */
  partial?: {
    rows: number;
    limit: number;
    /** Documents the query matched, when the data source reports it (Elasticsearch logs: meta.custom.total). */
    matched?: number;
  };
}

/** Only what assessment strictly needs: normalised counts, optionally over time. */
export type CountsInput = Pick<CodeDistribution, 'codes' | 'total'> & Partial<Pick<CodeDistribution, 'timeline'>>;

// ---------------------------------------------------------------- assess

export type RuleId = 'any-incident' | 'share' | 'count' | 'rise';

/** One rule that fired for a code, with the numbers that made it fire. */
export interface FiredRule {
  rule: RuleId;
  /** The measured value: calls, percent share, or rise factor. */
  value: number;
  /** The configured threshold it reached. */
  threshold: number;
  /** Short words for the strip: "above 5 %", "3.1× as frequent as earlier in the range", "investigate every one". */
  text: string;
}

/** Statistics of the rise rule for one code. */
export interface RiseStats {
  recentCount: number;
  recentTotal: number;
  earlierCount: number;
  earlierTotal: number;
  /** recent share ÷ earlier share (Infinity when the code was absent earlier). */
  factor: number;
  /** One-sided two-proportion z statistic. */
  z: number;
  /** Start of the recent window, epoch ms. */
  windowStart: number;
}

/** A code that needs follow-up now. */
export interface Finding {
  code: number;
  severity: Severity;
  count: number;
  /** Percent of all final responses (0–100). */
  share: number;
  rules: FiredRule[];
  /** One sentence with the numbers: "408 — 3 calls; investigate every one". */
  explanation: string;
  rise?: RiseStats;
  /**
   * Recency, present only when the data has time and the code has timed calls. Times are bucket starts (epoch ms):
   * the first and the latest bucket with calls of the code.
   */
  firstSeen?: number;
  lastSeen?: number;
  /** Calls of the code in the recency window (the last `recencyWindowMs` before the end of the range). */
  recentCalls?: number;
  /** True when the code has calls in the recency window. */
  ongoing?: boolean;
  /**
   * The recency window actually measured, ms: the configured one (AssessOptions.recencyMs), widened to whole buckets
   * when the buckets are coarser than it (one-hour buckets cannot tell the last 15 minutes apart).
   */
  recencyWindowMs?: number;
}

export interface AssessOptions {
  /**
   * Recent window for the rise rule: a fraction of the range (default 0.25, the last quarter)
   * or a fixed duration in ms (wins when set).
   */
  recentFraction?: number;
  recentMs?: number;
  /**
   * Recency window, ms (default DEFAULT_RECENCY_MS, 15 min): a finding is ongoing when its code has calls in this
   * window, measured back from the end of the range. Independent of the rise rule's recent window.
   */
  recencyMs?: number;
  /**
   * End of the panel's time range, epoch ms. The range ends at the last bucket's end, or here when this is later
   * (raw rows: their timeline stops at the latest row, not at the end of the range).
   */
  rangeEnd?: number;
}

/** Findings plus what assessment could not do. */
export interface Assessment {
  findings: Finding[];
  notices: Notice[];
}
