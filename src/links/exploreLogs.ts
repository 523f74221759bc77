import { locationUtil, RawTimeRange, toURLRange, urlUtil } from '@grafana/data';
import { safeUrl } from './safeUrl';
import type { DatasourceRefLike } from '../core';

/** Everything needed to open Grafana Explore on the log lines of one code. */
export interface LogsExploreInput {
  datasource: DatasourceRefLike;
  /** The field holding the SIP code in the documents (e.g. `sip.status_code`). */
  codeField: string;
  code: number;
  /** The panel's time range as the dashboard has it (relative "now-6h" or absolute). */
  range: RawTimeRange;
  /** The panel query's own Lucene filter, kept so the logs match what the panel counted. */
  baseQuery?: string;
  /** One more Lucene clause, ANDed: a contributor's value (`account_sid:"AC-42"`). */
  extraClause?: string;
}

/** Explore pane id; Grafana accepts any short id that is not all digits. */
const PANE_ID = 'sip';

const LUCENE_SPECIAL = /[\\+\-!(){}[\]^"~*?:/&| ]/g;

/** Escapes a field name for a Lucene query string (`sip.status code` → `sip.status\ code`). */
export function escapeLuceneField(field: string): string {
  return field.replace(LUCENE_SPECIAL, (char) => `\\${char}`);
}

/** `<field>:<code>`, combined with the panel's own filter when it has one. */
export function logsQueryFor(codeField: string, code: number, baseQuery?: string, extraClause?: string): string {
  const codeClause = `${escapeLuceneField(codeField)}:${code}${extraClause ? ` AND ${extraClause}` : ''}`;
  const base = baseQuery?.trim() ?? '';
  return base === '' || base === '*' ? codeClause : `(${base}) AND ${codeClause}`;
}

/**
 * Grafana Explore URL (schemaVersion 1 `panes` format, as built by Grafana's own getExploreUrl: one pane with the
 * data source uid, its queries and the URL range) for an Elasticsearch logs query. The query text goes into the panes
 * JSON, which is then URL-encoded: escape it for Lucene before. Sanitised.
 */
export function logsExploreUrl(
  datasource: DatasourceRefLike,
  query: string,
  range: RawTimeRange,
  paneId = PANE_ID
): string {
  const datasourceRef = datasource.type ? { type: datasource.type, uid: datasource.uid } : { uid: datasource.uid };
  const panes = {
    [paneId]: {
      datasource: datasource.uid,
      queries: [{ refId: 'A', datasource: datasourceRef, query, metrics: [{ id: '1', type: 'logs' }], bucketAggs: [] }],
      range: toURLRange(range),
    },
  };
  const url = urlUtil.renderUrl('/explore', { schemaVersion: 1, panes: JSON.stringify(panes) });
  return safeUrl(locationUtil.assureBaseUrl(url));
}

/** Explore on the log lines of one code (and, with `extraClause`, one contributor value), within the panel's query. */
export function buildLogsExploreUrl(input: LogsExploreInput): string {
  const { datasource, codeField, code, range, baseQuery, extraClause } = input;
  return logsExploreUrl(datasource, logsQueryFor(codeField, code, baseQuery, extraClause), range);
}
