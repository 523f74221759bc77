import { locationUtil, RawTimeRange, toURLRange, urlUtil } from '@grafana/data';
import { safeUrl } from './safeUrl';
import type { DatasourceRefLike } from './types';

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
}

/** Explore pane id; Grafana accepts any short id that is not all digits. */
const PANE_ID = 'sip';

const LUCENE_SPECIAL = /[\\+\-!(){}[\]^"~*?:/&| ]/g;

/** Escapes a field name for a Lucene query string (`sip.status code` → `sip.status\ code`). */
export function escapeLuceneField(field: string): string {
  return field.replace(LUCENE_SPECIAL, (char) => `\\${char}`);
}

/** `<field>:<code>`, combined with the panel's own filter when it has one. */
export function logsQueryFor(codeField: string, code: number, baseQuery?: string): string {
  const codeClause = `${escapeLuceneField(codeField)}:${code}`;
  const base = baseQuery?.trim() ?? '';
  return base === '' || base === '*' ? codeClause : `(${base}) AND ${codeClause}`;
}

/**
 * Grafana Explore URL (schemaVersion 1 `panes` format, as built by Grafana's own getExploreUrl: one pane with the
 * data source uid, its queries and the URL range) for an Elasticsearch logs query on one code. Sanitised.
 */
export function buildLogsExploreUrl(input: LogsExploreInput): string {
  const { datasource, codeField, code, range, baseQuery } = input;
  const datasourceRef = datasource.type ? { type: datasource.type, uid: datasource.uid } : { uid: datasource.uid };
  const panes = {
    [PANE_ID]: {
      datasource: datasource.uid,
      queries: [
        {
          refId: 'A',
          datasource: datasourceRef,
          query: logsQueryFor(codeField, code, baseQuery),
          metrics: [{ id: '1', type: 'logs' }],
          bucketAggs: [],
        },
      ],
      range: toURLRange(range),
    },
  };
  const url = urlUtil.renderUrl('/explore', { schemaVersion: 1, panes: JSON.stringify(panes) });
  return safeUrl(locationUtil.assureBaseUrl(url));
}

const NOT_A_LOGS_SOURCE = new Set(['mixed', 'datasource', '__expr__']);
const SPECIAL_UIDS = new Set(['-- Mixed --', '-- Dashboard --', '__expr__', '-- Grafana --']);

/** What the panel knows about its query targets (`data.request.targets`). */
export type TargetLike = { datasource?: unknown; query?: unknown } & Record<string, unknown>;

function asRef(value: unknown): DatasourceRefLike | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { uid, type } = value as { uid?: unknown; type?: unknown };
  if (typeof uid !== 'string' || uid === '' || SPECIAL_UIDS.has(uid)) {
    return undefined;
  }
  return typeof type === 'string' && type !== '' ? { uid, type } : { uid };
}

/** True when a data source type can take an Elasticsearch logs query (unknown types are given the benefit). */
function canQueryLogs(ref: DatasourceRefLike): boolean {
  return ref.type === undefined || (!NOT_A_LOGS_SOURCE.has(ref.type) && ref.type.includes('elasticsearch'));
}

/** Where the "Matching logs" link points: the configured uid, else the first Elasticsearch query target. */
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
    const ref = asRef(target?.datasource);
    if (ref && canQueryLogs(ref)) {
      // Lucene format, as Grafana's Elasticsearch data source interpolates queries: multi-value variables become
      // ("a" OR "b") instead of {a,b}.
      const query = typeof target.query === 'string' ? interpolate(target.query, 'lucene') : undefined;
      return { datasource: { ...ref, uid: interpolate(ref.uid) }, baseQuery: query };
    }
  }
  return undefined;
}
