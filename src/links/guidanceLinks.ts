import type { DataLink, InterpolateFunction, TimeRange } from '@grafana/data';
import { resolveLogsSource, TargetLike } from '../core';
import { buildLogsExploreUrl } from './exploreLogs';
import { buildDataLinks, buildTraceLink, CodeLinkContext } from './templateLinks';
import type { GuidanceLink } from './types';

export interface GuidanceLinksInput {
  code: number;
  reason: string;
  /** The field the codes come from (option, else detected). */
  codeField?: string;
  logsDatasourceUid: string;
  traceUrlTemplate: string;
  /** `data.request.targets` of the panel's query. */
  targets?: readonly unknown[];
  timeRange: TimeRange;
  replaceVariables: InterpolateFunction;
  /** `fieldConfig.defaults.links`. */
  dataLinks?: readonly DataLink[];
}

export interface GuidanceLinks {
  links: GuidanceLink[];
  /** Why an expected link is missing, and how to get it. */
  hints: string[];
}

function epochMs(value: { valueOf(): number } | undefined, fallback: number): number {
  const ms = Number(value?.valueOf());
  return Number.isFinite(ms) ? ms : fallback;
}

/** All links of the guidance card for one code: matching logs, SIP traces, then the field-config data links. */
export function buildGuidanceLinks(input: GuidanceLinksInput): GuidanceLinks {
  const links: GuidanceLink[] = [];
  const hints: string[] = [];
  const now = Date.now();
  const context: CodeLinkContext = {
    code: input.code,
    reason: input.reason,
    from: epochMs(input.timeRange?.from, now - 6 * 3_600_000),
    to: epochMs(input.timeRange?.to, now),
    replaceVariables: input.replaceVariables,
  };
  const interpolate = (text: string, format?: string) => {
    try {
      return input.replaceVariables(text, undefined, format);
    } catch {
      return text;
    }
  };

  const source = resolveLogsSource(
    input.logsDatasourceUid,
    input.targets as readonly TargetLike[] | undefined,
    interpolate
  );
  if (!source) {
    hints.push('Logs: choose a "Logs data source" (Elasticsearch) in the panel options (Links).');
  } else if (!input.codeField) {
    hints.push('Matching logs: set "Code field" in the panel options so the logs can be filtered by code.');
  } else {
    links.push({
      kind: 'logs',
      title: 'Matching logs',
      href: buildLogsExploreUrl({
        datasource: source.datasource,
        codeField: input.codeField,
        code: input.code,
        range: input.timeRange?.raw ?? { from: String(context.from), to: String(context.to) },
        baseQuery: source.baseQuery,
      }),
      newTab: false,
    });
  }

  // A template made for one call (`${callId}`) opens each recent call's SIP ladder; for the whole code it would search
  // an empty Call-ID, so the code-level link is left out.
  const perCall = /\$\{callId(:[a-z]+)?\}/.test(input.traceUrlTemplate);
  const trace = perCall ? undefined : buildTraceLink(input.traceUrlTemplate, context);
  if (trace) {
    links.push(trace);
  } else if (perCall) {
    hints.push('SIP traces: the template opens one call (${callId}); each recent call below links to its SIP ladder.');
  } else {
    hints.push(
      'SIP traces: set "SIP traces URL template" in the panel options (Links), e.g. https://homer/search?code=${code}&from=${__from}&to=${__to}.'
    );
  }

  links.push(...buildDataLinks(input.dataLinks, context));
  return { links, hints };
}
