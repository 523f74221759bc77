import type { PanelModel } from '@grafana/data';
import { DEFAULT_OPTIONS } from './options';
import { OPTIONS_VERSION, SipCodesOptions } from './types';

/**
 * Options as saved by version 1 of the panel (before the policy editor existed):
 * the policy was one JSON text, the chart type knew only pie and donut, and 2xx was "show2xx".
 */
export interface SipCodesOptionsV1 {
  optionsVersion?: 1;
  codeField?: string;
  chartType?: 'pie' | 'donut';
  show2xx?: boolean;
  /** Overrides keyed by code, as JSON text. */
  policyJson?: string;
  /** Trace link template (same placeholders as today's traceUrlTemplate). */
  traceUrl?: string;
}

const V1_ONLY_KEYS: ReadonlyArray<keyof SipCodesOptionsV1> = ['chartType', 'show2xx', 'policyJson', 'traceUrl'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The options version a saved shape was written with (1 when it carries version-1 keys and no version). */
export function savedOptionsVersion(options: unknown): number {
  if (!isPlainObject(options)) {
    return OPTIONS_VERSION;
  }
  const version = options.optionsVersion;
  if (typeof version === 'number' && Number.isFinite(version)) {
    return version;
  }
  return V1_ONLY_KEYS.some((key) => key in options) ? 1 : OPTIONS_VERSION;
}

/** True when saved options need a step of `migrateOptions` (older version, or a missing version). */
export function needsMigration(options: unknown): boolean {
  return (
    !isPlainObject(options) || savedOptionsVersion(options) < OPTIONS_VERSION || options.optionsVersion === undefined
  );
}

/** Version 1 → 2: renames chartType → view, show2xx → include2xx, traceUrl → traceUrlTemplate; parses policyJson. */
function upgradeFromV1(v1: Record<string, unknown>): Record<string, unknown> {
  const { chartType, show2xx, policyJson, traceUrl, ...rest } = v1;
  const next: Record<string, unknown> = { ...rest };
  if (next.view === undefined && chartType !== undefined) {
    next.view = chartType;
  }
  if (next.include2xx === undefined && show2xx !== undefined) {
    next.include2xx = show2xx;
  }
  if (next.traceUrlTemplate === undefined && traceUrl !== undefined) {
    next.traceUrlTemplate = traceUrl;
  }
  if (next.policyOverrides === undefined && typeof policyJson === 'string' && policyJson.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(policyJson);
    } catch {
      parsed = undefined;
    }
    if (isPlainObject(parsed)) {
      next.policyOverrides = parsed;
    } else {
      // Never drop a team's policy: keep the text for the editor to show and repair.
      next.unparsedPolicyJson = policyJson;
    }
  }
  next.optionsVersion = 2;
  return next;
}

/**
 * Brings saved options of any earlier version (or of no version) to the current shape: renames and upgrades fields
 * and fills defaults for missing ones. Values are not judged here: one the panel cannot use stays as saved, and the
 * panel says what it replaced when it renders (validateOptions), so nothing is lost silently. Keys this version
 * does not know (say, from a newer version) are kept. Never throws.
 */
export function migrateOptions(panel: Pick<PanelModel<Partial<SipCodesOptions>>, 'options'>): SipCodesOptions {
  let options: Record<string, unknown> = isPlainObject(panel?.options) ? { ...panel.options } : {};
  if (savedOptionsVersion(options) <= 1) {
    options = upgradeFromV1(options);
  }
  const migrated: Record<string, unknown> = { ...DEFAULT_OPTIONS, ...options };
  for (const [key, value] of Object.entries(DEFAULT_OPTIONS)) {
    if (migrated[key] === undefined || migrated[key] === null) {
      migrated[key] = value;
    }
  }
  const version = migrated.optionsVersion;
  if (typeof version !== 'number' || !(version >= OPTIONS_VERSION)) {
    migrated.optionsVersion = OPTIONS_VERSION;
  }
  return migrated as unknown as SipCodesOptions;
}
