import React, { useCallback } from 'react';
import type { FieldConfigSource, InterpolateFunction, PanelData, TimeRange } from '@grafana/data';
import { buildEscalationText, CodeView, SipViewModel } from '../../view';
import { GuidanceCard } from './GuidanceCard';
import { useGuidanceContent } from './useGuidanceContent';

export interface GuidanceCardContainerProps {
  entry: CodeView;
  model: SipViewModel;
  data: PanelData;
  timeRange: TimeRange;
  replaceVariables: InterpolateFunction;
  fieldConfig: FieldConfigSource | undefined;
  /** Grafana's render counter: links are rebuilt when it changes (dashboard variables). */
  renderCounter?: number;
  onClose: () => void;
}

/**
 * The card with what it needs for one code: links, contributors, recent calls, alert rules and the escalation
 * summary. Built here, inside the card's lazily loaded chunk, so a dashboard that never opens a card never loads it.
 */
export function GuidanceCardContainer({
  entry,
  model,
  data,
  timeRange,
  replaceVariables,
  fieldConfig,
  renderCounter,
  onClose,
}: GuidanceCardContainerProps) {
  const content = useGuidanceContent({ entry, model, data, timeRange, replaceVariables, fieldConfig, renderCounter });
  const range = data.timeRange ?? timeRange;
  const escalationText = useCallback(
    () =>
      content
        ? buildEscalationText({
            entry,
            total: model.total,
            range: { from: range.from.valueOf(), to: range.to.valueOf() },
            followUp: content.followUp,
            recencyMs: model.recencyMs,
            links: content.absoluteLinks,
          })
        : '',
    [entry, content, model, range]
  );
  if (!content) {
    return null;
  }
  return (
    <GuidanceCard
      entry={entry}
      links={content.links}
      followUp={content.followUp}
      followUpLinks={content.followUpLinks}
      recency={model.findings.find((view) => view.code === entry.code)?.recency}
      escalationText={escalationText}
      newTab={model.options.linksInNewTab}
      now={model.now}
      canEdit={model.canEdit}
      onClose={onClose}
    />
  );
}
