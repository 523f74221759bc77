/** The escalation summary of the selected code, from what the card shows. */
import { escalationSummary } from '../core';
import type { CodeFollowUp } from './followUp';
import type { CodeView } from './types';

export interface EscalationInput {
  entry: CodeView;
  total: number;
  range: { from: number; to: number };
  followUp?: CodeFollowUp;
  recencyMs: number;
  links: { dashboard?: string; logs?: string; traces?: string };
}

/** The plain-text escalation summary of the core, fed with what the card shows. */
export function buildEscalationText(input: EscalationInput): string {
  const { entry, followUp } = input;
  return escalationSummary({
    code: entry.code,
    reason: entry.reasonPhrase,
    severity: entry.severity,
    count: entry.count,
    total: input.total,
    from: input.range.from,
    to: input.range.to,
    finding: entry.finding,
    recencyMs: input.recencyMs,
    contributors: followUp?.contributors,
    recentCalls: followUp?.recent.calls,
    links: input.links,
  });
}
