import {
  ConfigOverrideRule,
  DataLink,
  DynamicConfigValue,
  FieldConfigProperty,
  FieldConfigSource,
  PanelModel,
} from '@grafana/data';
import type { DistributionView, SipCodesOptions } from './types';

/** Grafana's core pie chart. */
export const CORE_PIE_CHART_ID = 'piechart';

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The core pie chart's `pieType` ('pie' | 'donut', default 'pie') as our view. */
export function viewFromPieType(pieType: unknown): DistributionView {
  return pieType === 'donut' ? 'donut' : 'pie';
}

function linksProperty(rule: ConfigOverrideRule): DynamicConfigValue | undefined {
  return Array.isArray(rule?.properties)
    ? rule.properties.find((property) => property?.id === FieldConfigProperty.Links)
    : undefined;
}

const sameMatcher = (a: ConfigOverrideRule, b: ConfigOverrideRule) =>
  JSON.stringify(a?.matcher ?? null) === JSON.stringify(b?.matcher ?? null);

/**
 * Puts the previous panel's data links back where the new field config lacks them: the defaults' links, and the
 * links of each override rule (into the rule with the same matcher, or as a rule of its own). Grafana normally keeps
 * them (data links are a standard option this panel uses); this covers the versions and paths that do not. Changes
 * `target` in place: Grafana reads the field config object it handed to the change handler, not a returned one.
 */
export function keepDataLinks(target: FieldConfigSource, previous: FieldConfigSource | undefined): void {
  const previousLinks: unknown = previous?.defaults?.links;
  if (!isRecord(target.defaults)) {
    target.defaults = {};
  }
  if (Array.isArray(previousLinks) && previousLinks.length > 0 && !Array.isArray(target.defaults.links)) {
    target.defaults.links = previousLinks as DataLink[];
  }
  if (!Array.isArray(previous?.overrides)) {
    return;
  }
  if (!Array.isArray(target.overrides)) {
    target.overrides = [];
  }
  for (const rule of previous.overrides) {
    const links = isRecord(rule) ? linksProperty(rule) : undefined;
    if (!links) {
      continue;
    }
    const counterpart = target.overrides.find((candidate) => sameMatcher(candidate, rule));
    if (!counterpart) {
      target.overrides.push({ matcher: rule.matcher, properties: [links] });
    } else if (!linksProperty(counterpart)) {
      counterpart.properties = [...(Array.isArray(counterpart.properties) ? counterpart.properties : []), links];
    }
  }
}

/**
 * Grafana's panel change handler (`setPanelChangeHandler`): from the core pie chart, its pie type becomes our view
 * and its data links stay. The pie chart has no code-field setting (its slices are fields or rows), so the code field
 * is left to detection. From any other panel: our defaults. Never throws; a failure means defaults.
 */
export function sipCodesPanelChanged(
  panel: PanelModel<Partial<SipCodesOptions>>,
  prevPluginId: string,
  prevOptions: Record<string, any>,
  prevFieldConfig: FieldConfigSource
): Partial<SipCodesOptions> {
  if (prevPluginId !== CORE_PIE_CHART_ID) {
    return {};
  }
  try {
    if (isRecord(panel.fieldConfig)) {
      keepDataLinks(panel.fieldConfig, prevFieldConfig);
    }
  } catch {
    // A field config Grafana handed over frozen or broken: the options below still carry over.
  }
  return { view: viewFromPieType(isRecord(prevOptions) ? prevOptions.pieType : undefined) };
}
