/**
 * The links of the guidance card's "who, which calls" sections: logs per contributor value (code and value), and per
 * recent call its SIP ladder and its gateway logs; the code's alert rules; absolute forms for the escalation summary.
 */
import type { InterpolateFunction, TimeRange } from '@grafana/data';
import {
  callIdPhrase,
  type CodeAlertRule,
  type RecentCall,
  resolveLogsSource,
  type TargetLike,
  alertRuleViewPath,
} from '../core';
import { buildCallLogsExploreUrl, buildCallTraceLink } from './callLinks';
import { buildLogsExploreUrl, escapeLuceneField } from './exploreLogs';
import { safeUrl } from './safeUrl';
import type { GuidanceLink } from './types';

export interface FollowUpLinksInput {
  code: number;
  reason: string;
  codeField?: string;
  logsDatasourceUid: string;
  traceUrlTemplate: string;
  targets?: readonly unknown[];
  timeRange: TimeRange;
  replaceVariables: InterpolateFunction;
  /** Field → values shown in the card's contributors. */
  contributors: Array<{ field: string; values: string[] }>;
  /** The recent calls shown, with the Call-ID field they were read from. */
  calls: readonly RecentCall[];
  callIdField?: string;
  alertRules: readonly CodeAlertRule[];
  /** Grafana's app sub-URL (`config.appSubUrl`), '' at the root. */
  appSubUrl: string;
  newTab: boolean;
}

export interface CallLinks {
  ladder?: string;
  logs?: string;
}

export interface FollowUpLinks {
  /** Logs of this code and value, keyed by contributorKey(field, value). */
  contributorLogs: Record<string, string>;
  /** Aligned with `calls`. */
  calls: CallLinks[];
  alertRules: GuidanceLink[];
}

/** The key of a contributor value in FollowUpLinks.contributorLogs. */
export function contributorKey(field: string, value: string): string {
  return `${field}\u0000${value}`;
}

function epochMs(value: { valueOf(): number } | undefined, fallback: number): number {
  const ms = Number(value?.valueOf());
  return Number.isFinite(ms) ? ms : fallback;
}

/** Builds every follow-up link; a link that cannot be built (no logs source, no template) is left out, never broken. */
export function buildFollowUpLinks(input: FollowUpLinksInput): FollowUpLinks {
  const interpolate = (text: string, format?: string) => {
    try {
      return input.replaceVariables(text, undefined, format);
    } catch {
      return text;
    }
  };
  const now = Date.now();
  const from = epochMs(input.timeRange?.from, now - 6 * 3_600_000);
  const to = epochMs(input.timeRange?.to, now);
  const range = input.timeRange?.raw ?? { from: String(from), to: String(to) };
  const source = resolveLogsSource(
    input.logsDatasourceUid,
    input.targets as readonly TargetLike[] | undefined,
    interpolate
  );

  const contributorLogs: Record<string, string> = {};
  if (source && input.codeField) {
    for (const { field, values } of input.contributors) {
      for (const value of values) {
        contributorLogs[contributorKey(field, value)] = buildLogsExploreUrl({
          datasource: source.datasource,
          codeField: input.codeField,
          code: input.code,
          range,
          baseQuery: source.baseQuery,
          extraClause: `${escapeLuceneField(field)}:${callIdPhrase(value)}`,
        });
      }
    }
  }

  const calls = input.calls.map((call): CallLinks => {
    if (!call.callId) {
      return {};
    }
    const ladder = buildCallTraceLink(input.traceUrlTemplate, {
      code: input.code,
      reason: input.reason,
      from,
      to,
      replaceVariables: input.replaceVariables,
      callId: call.callId,
    });
    return {
      ladder: ladder?.href,
      logs:
        source && input.callIdField
          ? buildCallLogsExploreUrl({
              datasource: source.datasource,
              callIdField: input.callIdField,
              callId: call.callId,
              range,
            })
          : undefined,
    };
  });

  const base = input.appSubUrl.replace(/\/+$/, '');
  const alertRules = input.alertRules.map((rule) => ({
    kind: 'data' as const,
    title: `Alert rule: ${rule.label}`,
    href: safeUrl(`${base}${alertRuleViewPath(rule.uid)}`),
    newTab: input.newTab,
  }));
  return { contributorLogs, calls, alertRules };
}

/** A link Grafana gave relative to its root, as an absolute URL for text pasted elsewhere (tickets, chat). */
export function absoluteUrl(href: string, origin: string): string {
  try {
    return new URL(href, origin).href;
  } catch {
    return href;
  }
}

/** The dashboard as the engineer sees it, with the panel's absolute time range, for the escalation summary. */
export function dashboardUrlWithRange(currentHref: string, from: number, to: number): string {
  try {
    const url = new URL(currentHref);
    url.searchParams.set('from', String(from));
    url.searchParams.set('to', String(to));
    return url.href;
  } catch {
    return currentHref;
  }
}
