/**
 * Reading the panel's Elasticsearch query targets (`data.request.targets`): what the frames alone do not say.
 * Targets arrive as saved JSON of any shape, so every reader accepts `unknown` and skips what it cannot use.
 */

/** A data source reference as Grafana stores it on a query target. */
export interface DatasourceRefLike {
  uid: string;
  type?: string;
}

/** A query target as the panel sees it; nothing about its shape is trusted. */
export type TargetLike = { datasource?: unknown; query?: unknown } & Record<string, unknown>;

/** One Terms aggregation of a query (`bucketAggs` entry of type `terms`). */
export interface TermsAgg {
  field: string;
  /** The Terms size setting, when it is a positive number. */
  size?: number;
}

const STATUS_LIKE_FIELD = /status|code/i;
/** Raw-data / logs queries return at most `size` rows (Grafana's default is 500). */
const RAW_METRIC_TYPES = new Set(['raw_data', 'raw_document', 'logs']);
const DEFAULT_RAW_SIZE = 500;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** The Terms aggregations of the targets, in query order. */
export function termsAggsOf(targets: readonly unknown[] | undefined): TermsAgg[] {
  const aggs: TermsAgg[] = [];
  for (const target of targets ?? []) {
    const bucketAggs = asRecord(target)?.bucketAggs;
    for (const agg of Array.isArray(bucketAggs) ? bucketAggs : []) {
      const { type, field, settings } = asRecord(agg) ?? {};
      if (type === 'terms' && typeof field === 'string' && field !== '') {
        const size = Number(asRecord(settings)?.size);
        aggs.push(Number.isFinite(size) && size > 0 ? { field, size } : { field });
      }
    }
  }
  return aggs;
}

/** The Terms aggregation on the code field (or, without one, on a status-like field). */
export function codeTermsAgg(
  targets: readonly unknown[] | undefined,
  codeField: string | undefined
): TermsAgg | undefined {
  const aggs = termsAggsOf(targets);
  return aggs.find((agg) => agg.field === codeField) ?? aggs.find((agg) => STATUS_LIKE_FIELD.test(agg.field));
}

/**
 * The field of the query's Terms aggregation, for links when the frames do not name it (current Grafana names
 * Terms × Date Histogram series by value only). With several Terms levels, a status-like field wins.
 */
export function codeFieldFromTargets(targets: readonly unknown[] | undefined): string | undefined {
  const fields = termsAggsOf(targets).map((agg) => agg.field);
  return fields.find((field) => STATUS_LIKE_FIELD.test(field)) ?? fields[fields.length - 1];
}

/** The row limit of the first raw-data or logs target (Elasticsearch `settings.size` / `limit`). */
export function rowLimitFromTargets(targets: readonly unknown[] | undefined): number | undefined {
  for (const target of targets ?? []) {
    const metrics = asRecord(target)?.metrics;
    for (const metric of Array.isArray(metrics) ? metrics : []) {
      const { type, settings } = asRecord(metric) ?? {};
      if (typeof type !== 'string' || !RAW_METRIC_TYPES.has(type)) {
        continue;
      }
      const { size, limit } = asRecord(settings) ?? {};
      const rows = Number(size ?? limit ?? DEFAULT_RAW_SIZE);
      return Number.isFinite(rows) && rows > 0 ? rows : DEFAULT_RAW_SIZE;
    }
  }
  return undefined;
}

const NOT_A_LOGS_SOURCE = new Set(['mixed', 'datasource', '__expr__']);
const SPECIAL_UIDS = new Set(['-- Mixed --', '-- Dashboard --', '__expr__', '-- Grafana --']);

/** A target's data source reference, unless it is one of Grafana's special sources (Mixed, Dashboard, …). */
export function datasourceRefOf(value: unknown): DatasourceRefLike | undefined {
  const { uid, type } = asRecord(value) ?? {};
  if (typeof uid !== 'string' || uid === '' || SPECIAL_UIDS.has(uid)) {
    return undefined;
  }
  return typeof type === 'string' && type !== '' ? { uid, type } : { uid };
}

/** True when a data source type can take an Elasticsearch logs query (unknown types are given the benefit). */
function canQueryLogs(ref: DatasourceRefLike): boolean {
  return ref.type === undefined || (!NOT_A_LOGS_SOURCE.has(ref.type) && ref.type.includes('elasticsearch'));
}

/** Where log links point: the configured uid, else the first Elasticsearch target, with that target's query. */
export function resolveLogsSource(
  configuredUid: string,
  targets: readonly TargetLike[] | undefined,
  interpolate: (text: string, format?: string) => string
): { datasource: DatasourceRefLike; baseQuery?: string } | undefined {
  const configured = configuredUid.trim();
  if (configured !== '') {
    return { datasource: { uid: interpolate(configured) } };
  }
  for (const target of targets ?? []) {
    const ref = datasourceRefOf(target?.datasource);
    if (ref && canQueryLogs(ref)) {
      // Lucene format, as Grafana's Elasticsearch data source interpolates queries: multi-value variables become
      // ("a" OR "b") instead of {a,b}.
      const query = typeof target.query === 'string' ? interpolate(target.query, 'lucene') : undefined;
      return { datasource: { ...ref, uid: interpolate(ref.uid) }, baseQuery: query };
    }
  }
  return undefined;
}

/** One bucket aggregation of a query, in query order. */
export interface BucketAggFacts {
  type: string;
  field?: string;
  size?: number;
}

/** What one query target says about the frames it returns, for telling queries' roles apart. */
export interface TargetFacts {
  refId: string;
  /** Hidden in the query editor: Grafana does not run it. */
  hidden: boolean;
  /** Metric types in query order, hidden metrics left out (`count`, `avg`, `raw_data`, `logs`, …). */
  metricTypes: string[];
  bucketAggs: BucketAggFacts[];
  /** Fields of the Terms aggregations, outermost first. */
  termsFields: string[];
  hasDateHistogram: boolean;
  /** The raw metric when the query returns rows, not buckets. */
  rawMetric?: 'raw_data' | 'logs' | 'raw_document';
  /** Row limit of a raw query (its size or limit setting, Grafana's default 500). */
  rowLimit?: number;
  /** The query's Lucene text, as saved (not interpolated). */
  query?: string;
}

/** The facts of every target that has a refId, in query order; a repeated refId keeps its first target. */
export function targetFactsOf(targets: readonly unknown[] | undefined): TargetFacts[] {
  const facts: TargetFacts[] = [];
  for (const target of Array.isArray(targets) ? targets : []) {
    const record = asRecord(target);
    const refId = record?.refId;
    if (!record || typeof refId !== 'string' || refId === '' || facts.some((known) => known.refId === refId)) {
      continue;
    }
    facts.push(factsOf(record, refId));
  }
  return facts;
}

function factsOf(target: Record<string, unknown>, refId: string): TargetFacts {
  const metrics = Array.isArray(target.metrics) ? target.metrics.map(asRecord) : [];
  const metricTypes = metrics
    .filter((metric) => metric && metric.hide !== true && typeof metric.type === 'string')
    .map((metric) => metric!.type as string);
  const bucketAggs: BucketAggFacts[] = [];
  for (const agg of Array.isArray(target.bucketAggs) ? target.bucketAggs.map(asRecord) : []) {
    if (!agg || typeof agg.type !== 'string') {
      continue;
    }
    const entry: BucketAggFacts = { type: agg.type };
    if (typeof agg.field === 'string' && agg.field !== '') {
      entry.field = agg.field;
    }
    const size = Number(asRecord(agg.settings)?.size);
    if (Number.isFinite(size) && size > 0) {
      entry.size = size;
    }
    bucketAggs.push(entry);
  }
  const facts: TargetFacts = {
    refId,
    hidden: target.hide === true,
    metricTypes,
    bucketAggs,
    termsFields: bucketAggs.filter((agg) => agg.type === 'terms' && agg.field).map((agg) => agg.field!),
    hasDateHistogram: bucketAggs.some((agg) => agg.type === 'date_histogram'),
  };
  const rawMetric = metricTypes.find((type) => RAW_METRIC_TYPES.has(type));
  if (rawMetric) {
    facts.rawMetric = rawMetric as TargetFacts['rawMetric'];
    facts.rowLimit = rowLimitFromTargets([target]);
  }
  if (typeof target.query === 'string') {
    facts.query = target.query;
  }
  return facts;
}
