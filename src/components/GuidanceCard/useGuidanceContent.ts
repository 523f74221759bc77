import { useMemo } from 'react';
import type { FieldConfigSource, InterpolateFunction, PanelData, TimeRange } from '@grafana/data';
import { config } from '@grafana/runtime';
import { alertRulesForCode } from '../../core';
import {
  absoluteUrl,
  buildFollowUpLinks,
  buildGuidanceLinks,
  dashboardUrlWithRange,
  dataLinksForCode,
  FollowUpLinks,
  GuidanceLinks,
} from '../../links';
import { codeFollowUp, CodeFollowUp, CodeView, SipViewModel } from '../../view';

export interface GuidanceContent {
  links: GuidanceLinks;
  followUp: CodeFollowUp;
  followUpLinks: FollowUpLinks;
  /** Absolute links for the escalation summary. */
  absoluteLinks: { dashboard?: string; logs?: string; traces?: string };
}

interface Input {
  entry: CodeView | undefined;
  model: SipViewModel;
  data: PanelData;
  timeRange: TimeRange;
  replaceVariables: InterpolateFunction;
  fieldConfig: FieldConfigSource | undefined;
  /**
   * Grafana's render counter: it changes when dashboard variables do, while `replaceVariables` stays the same
   * function, so links must be rebuilt on it.
   */
  renderCounter?: number;
}

function appSubUrl(): string {
  const value = (config as { appSubUrl?: unknown } | undefined)?.appSubUrl;
  return typeof value === 'string' ? value : '';
}

/** Everything the guidance card shows for the selected code: links, contributors, recent calls; once per selection. */
export function useGuidanceContent({
  entry,
  model,
  data,
  timeRange,
  replaceVariables,
  fieldConfig,
  renderCounter,
}: Input): GuidanceContent | undefined {
  return useMemo(() => {
    if (!entry) {
      return undefined;
    }
    const range = data.timeRange ?? timeRange;
    // What every link of the card is built from: the code, the code field, the logs source and the time range.
    const linkBase = {
      code: entry.code,
      reason: entry.reasonPhrase,
      codeField: model.codeField,
      logsDatasourceUid: model.options.logsDatasourceUid,
      traceUrlTemplate: model.options.traceUrlTemplate,
      targets: data.request?.targets,
      timeRange: range,
      replaceVariables,
    };
    const links = buildGuidanceLinks({
      ...linkBase,
      dataLinks: dataLinksForCode({ code: entry.code, codeField: model.codeField, frames: data.series, fieldConfig }),
    });
    const followUp = codeFollowUp(entry.code, entry.count, model.policy, model.roles, {
      codeField: model.codeField,
      callIdField: model.options.callIdField,
    });
    const callIdField = model.options.callIdField || followUp.recent.fields.find((fields) => fields.callId)?.callId;
    const followUpLinks = buildFollowUpLinks({
      ...linkBase,
      contributors: followUp.contributors.fields.map((field) => ({
        field: field.field,
        values: field.values.map((value) => value.value),
      })),
      calls: followUp.recent.calls,
      callIdField,
      alertRules: model.options.alertRuleUidPrefix
        ? alertRulesForCode(entry.code, model.policy, model.options.alertRuleUidPrefix)
        : [],
      appSubUrl: appSubUrl(),
      newTab: model.options.linksInNewTab,
    });
    const origin = typeof window !== 'undefined' ? window.location.origin : '';
    const href = (kind: 'logs' | 'traces') => {
      const link = links.links.find((candidate) => candidate.kind === kind);
      return link ? absoluteUrl(link.href, origin) : undefined;
    };
    const absoluteLinks = {
      dashboard:
        typeof window !== 'undefined'
          ? dashboardUrlWithRange(window.location.href, range.from.valueOf(), range.to.valueOf())
          : undefined,
      logs: href('logs'),
      traces: href('traces'),
    };
    return { links, followUp, followUpLinks, absoluteLinks };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- renderCounter is the signal that variables changed
  }, [
    entry,
    model,
    data.request,
    data.series,
    data.timeRange,
    timeRange,
    replaceVariables,
    fieldConfig,
    renderCounter,
  ]);
}
