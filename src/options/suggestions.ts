import { PanelDataSummary, VisualizationSuggestion, VisualizationSuggestionScore } from '@grafana/data';
import { CodeDistribution, normalizeFrames } from '../core';
import type { SipCodesOptions } from './types';

/** The suggestion cards Grafana shows for this panel, in this order. */
export const SUGGESTION_NAMES = {
  donut: 'SIP response codes',
  bar: 'SIP response codes as bars',
} as const;

/**
 * Codes HTTP does not have: 480–499 (HTTP's 4xx end at 451) and 6xx. One of them in the data says "SIP" even when
 * the field name does not; 200, 404 or 503 alone could as well be a web server's status codes.
 */
function isSipOnlyCode(code: number): boolean {
  return (code >= 480 && code < 500) || code >= 600;
}

/** How sure we are that the codes are SIP responses: the field name says so, a SIP-only code is there, or neither. */
function suggestionScore(distribution: CodeDistribution): VisualizationSuggestionScore {
  if (/sip/i.test(distribution.codeField ?? '')) {
    return VisualizationSuggestionScore.Best;
  }
  const codes = [...distribution.codes, ...distribution.provisional];
  return codes.some((entry) => isSipOnlyCode(entry.code))
    ? VisualizationSuggestionScore.Good
    : VisualizationSuggestionScore.OK;
}

/**
 * Grafana's visualisation suggestions (the function form of `setSuggestionsSupplier`): this panel, as a donut and as
 * bars, when the core's normalisation finds SIP final responses in the raw frames of the query. Nothing (void, as
 * Grafana's guide asks) otherwise, and nothing rather than an error on frames it cannot read.
 */
export function sipCodesSuggestions(
  summary: PanelDataSummary
): Array<VisualizationSuggestion<SipCodesOptions>> | undefined {
  try {
    const frames = summary?.rawFrames;
    if (!Array.isArray(frames) || frames.length === 0) {
      return undefined;
    }
    const distribution = normalizeFrames(frames);
    if (distribution.total === 0) {
      return undefined;
    }
    const score = suggestionScore(distribution);
    const count = distribution.codes.length;
    const description = `${count} SIP response ${count === 1 ? 'code' : 'codes'}, coloured by how urgently each needs follow-up`;
    return [
      { name: SUGGESTION_NAMES.donut, description, options: { view: 'donut' }, score },
      { name: SUGGESTION_NAMES.bar, description, options: { view: 'bar' }, score },
    ];
  } catch {
    return undefined;
  }
}
