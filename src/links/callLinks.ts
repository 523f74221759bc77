import type { RawTimeRange } from '@grafana/data';
import { callIdPhrase, type DatasourceRefLike } from '../core';
import { escapeLuceneField, logsExploreUrl } from './exploreLogs';
import { buildTraceLink, CodeLinkContext } from './templateLinks';
import type { GuidanceLink } from './types';

/** Everything needed to open Grafana Explore on the gateway log lines of one call. */
export interface CallLogsExploreInput {
  /** The logs data source (the configured logs uid, or the panel's Elasticsearch source). */
  datasource: DatasourceRefLike;
  /** The field holding the Call-ID in the log documents (`sip_callid`, `Call-ID`, …). */
  callIdField: string;
  callId: string;
  range: RawTimeRange;
}

/** Explore pane id; Grafana accepts any short id that is not all digits. */
const PANE_ID = 'call';

/** `<call id field>:"<id>"`, the Call-ID escaped for a Lucene phrase (RFC 3261 allows quotes and backslashes). */
export function callLogsQuery(callIdField: string, callId: string): string {
  return `${escapeLuceneField(callIdField)}:${callIdPhrase(callId)}`;
}

/**
 * Grafana Explore URL (schemaVersion 1 panes, as buildLogsExploreUrl) for the log lines of one call. The Call-ID is
 * escaped in this order: for Lucene (callLogsQuery), then as JSON (the panes), then for the URL (renderUrl).
 * Sanitised.
 */
export function buildCallLogsExploreUrl(input: CallLogsExploreInput): string {
  const { datasource, callIdField, callId, range } = input;
  return logsExploreUrl(datasource, callLogsQuery(callIdField, callId), range, PANE_ID);
}

/** The "SIP ladder" link of one call from the trace URL template (`${callId}`, `${callId:lucene}`), or undefined. */
export function buildCallTraceLink(
  template: string,
  context: CodeLinkContext & { callId: string }
): GuidanceLink | undefined {
  const link = buildTraceLink(template, context);
  return link ? { ...link, title: 'SIP ladder' } : undefined;
}
