/**
 * Elasticsearch query models for alerting, shaped like the NOC dashboard's panel query (Count, optional Terms on the
 * code field, Date Histogram on the time field), as the data source's backend reads them (grafana/grafana
 * pkg/tsdb/elasticsearch: parse_query.go, data_query.go). The histogram interval is fixed, and its
 * min_doc_count 0 with the backend's extended bounds gives a bucket, zero or not, for the whole range: a query that
 * selects codes with Lucene therefore always has a series, so an hour without a code reads as 0 calls, not as
 * "no data" (which would make the whole rule NoData).
 */
import { histogramInterval } from './durations';
import { AlertQuery, RelativeTimeRange } from './grafanaTypes';

export interface EsTarget {
  datasourceUid: string;
  /** Field the codes are in (Terms, Lucene). */
  codeField: string;
  /** The data source's time field (the dashboard's date histogram names it). */
  timeField: string;
}

export interface CountQuery {
  refId: string;
  /** Lucene query (query_string). */
  query: string;
  range: RelativeTimeRange;
  /** One series per code: Terms on the code field with this size. */
  termsSize?: number;
}

/** A Count query as an alert rule's data entry. */
export function countQuery(target: EsTarget, query: CountQuery): AlertQuery {
  const rangeSeconds = query.range.from - query.range.to;
  const bucketAggs: Array<Record<string, unknown>> = [];
  if (query.termsSize !== undefined) {
    bucketAggs.push({
      id: '2',
      type: 'terms',
      field: target.codeField,
      settings: { order: 'desc', orderBy: '_count', size: String(query.termsSize), min_doc_count: '1' },
    });
  }
  bucketAggs.push({
    id: '3',
    type: 'date_histogram',
    field: target.timeField,
    settings: { interval: histogramInterval(rangeSeconds).text, min_doc_count: '0', trimEdges: '0' },
  });
  return {
    refId: query.refId,
    datasourceUid: target.datasourceUid,
    relativeTimeRange: { ...query.range },
    model: {
      refId: query.refId,
      datasource: { type: 'elasticsearch', uid: target.datasourceUid },
      query: query.query,
      alias: '',
      metrics: [{ id: '1', type: 'count' }],
      bucketAggs,
      timeField: target.timeField,
    },
  };
}
