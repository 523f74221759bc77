/**
 * Pure edits of a team's policy overrides, as the policy editor makes them. Every function returns a new object
 * and leaves everything it was not asked to change exactly as it was (unknown fields included).
 */
import {
  buildPolicy,
  CodeOverride,
  DEFAULT_POLICY,
  DEFAULT_RISE,
  parseSipCode,
  PolicyIssue,
  PolicyOverrides,
  policyFor,
  RiseRule,
  Severity,
} from '../../core';

export type ThresholdField = 'shareAtLeast' | 'countAtLeast' | 'riseFactor';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own property, even one named "__proto__" (which plain assignment would turn into a prototype change). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value with every undefined entry of its plain objects dropped, at every level (the same object when there is none). */
function withoutUndefined<T>(value: T): T {
  if (!isPlainObject(value)) {
    return value;
  }
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) {
      changed = true;
      continue;
    }
    const clean = withoutUndefined(item);
    changed = changed || clean !== item;
    setOwn(copy, key, clean);
  }
  return changed ? (copy as T) : value;
}

/**
 * The overrides as an object, whatever was saved (junk becomes empty; the panel reports it). Entries whose value is
 * undefined are left out: that is how Grafana 12 keeps a cleared key (see markRemovals), and it means absent.
 */
export function asOverrides(value: unknown): PolicyOverrides {
  return isPlainObject(value) ? withoutUndefined(value as PolicyOverrides) : {};
}

/**
 * The new overrides as the editor hands them to Grafana: every key that `previous` has (at any depth of plain
 * objects) and `next` no longer has is present with the value undefined; otherwise `next` unchanged.
 *
 * Why: Grafana 12's options pane does not replace an option's value, it deep-merges the new value into the old one
 * (Scenes VizPanel.onOptionsChange, lodash mergeWith). A key missing from the new value keeps its old value there;
 * only an explicit undefined clears it. Hosts that replace the value are not affected: undefined reads as absent.
 */
export function markRemovals(previous: unknown, next: PolicyOverrides): PolicyOverrides {
  return markRemovedKeys(previous, next) as PolicyOverrides;
}

function markRemovedKeys(previous: unknown, next: Record<string, unknown>): Record<string, unknown> {
  if (!isPlainObject(previous) || previous === next) {
    return next;
  }
  let marked: Record<string, unknown> | undefined;
  const write = (key: string, value: unknown) => {
    marked ??= { ...next };
    setOwn(marked, key, value);
  };
  for (const key of Object.keys(previous)) {
    const before = previous[key];
    const after = Object.prototype.hasOwnProperty.call(next, key) ? next[key] : undefined;
    if (before === undefined) {
      continue;
    }
    if (after === undefined) {
      write(key, undefined);
    } else if (isPlainObject(before) && isPlainObject(after)) {
      const nested = markRemovedKeys(before, after);
      if (nested !== after) {
        write(key, nested);
      }
    }
  }
  return marked ?? next;
}

/** Codes with an override, ascending. */
export function overrideCodes(overrides: PolicyOverrides): string[] {
  return Object.keys(overrides).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
}

function withoutEmpty<T extends Record<string, unknown>>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

function setOverride(overrides: PolicyOverrides, code: string, next: CodeOverride): PolicyOverrides {
  return { ...overrides, [code]: next };
}

function currentOverride(overrides: PolicyOverrides, code: string): CodeOverride {
  const existing = overrides[code];
  return isPlainObject(existing) ? (existing as CodeOverride) : {};
}

/** Adds an empty override for a code, or says why not. */
export function addCode(overrides: PolicyOverrides, text: string): { overrides: PolicyOverrides; error?: string } {
  const code = parseSipCode(text.trim());
  if (code === null) {
    return { overrides, error: `"${text}" is not a SIP status code (100–699).` };
  }
  const key = String(code);
  if (key in overrides) {
    return { overrides, error: `${key} already has an override.` };
  }
  return { overrides: { ...overrides, [key]: {} } };
}

export function removeCode(overrides: PolicyOverrides, code: string): PolicyOverrides {
  const { [code]: _removed, ...rest } = overrides;
  return rest;
}

/** Sets or clears (undefined = use the default) the severity of a code. */
export function setSeverity(overrides: PolicyOverrides, code: string, severity: Severity | undefined): PolicyOverrides {
  const { severity: _old, ...rest } = currentOverride(overrides, code);
  return setOverride(overrides, code, severity ? { ...rest, severity } : rest);
}

/**
 * Sets one threshold (share %, count, or the rise factor), switches its rule off (null), or clears it (undefined =
 * use the default). A rise factor keeps the code's other rise settings (minimum count, z), taken from its current
 * rule; switching the rise off replaces the whole rise rule with null, as buildPolicy reads it.
 */
export function setThreshold(
  overrides: PolicyOverrides,
  code: string,
  field: ThresholdField,
  value: number | null | undefined
): PolicyOverrides {
  const override = currentOverride(overrides, code);
  const rules: Record<string, unknown> = { ...(isPlainObject(override.rules) ? override.rules : {}) };
  if (field === 'riseFactor') {
    if (value === undefined) {
      delete rules.rise;
    } else if (value === null) {
      rules.rise = null;
    } else {
      const existing = isPlainObject(rules.rise) ? (rules.rise as Partial<RiseRule>) : undefined;
      // A code whose default has no rise rule takes the catalog's rise settings, as buildPolicy does.
      const base = policyFor(Number(code), DEFAULT_POLICY).rules.rise ?? DEFAULT_RISE;
      rules.rise = { ...base, ...existing, factor: value };
    }
  } else if (value === undefined) {
    delete rules[field];
  } else {
    rules[field] = value;
  }
  const { rules: _old, ...rest } = override;
  const nextRules = withoutEmpty(rules);
  return setOverride(overrides, code, nextRules ? { ...rest, rules: nextRules } : rest);
}

/** Sets or clears the guidance notes (markdown) of a code. */
export function setNotes(overrides: PolicyOverrides, code: string, notes: string): PolicyOverrides {
  const override = currentOverride(overrides, code);
  const guidance: Record<string, unknown> = { ...(isPlainObject(override.guidance) ? override.guidance : {}) };
  if (notes.trim() === '') {
    delete guidance.notes;
  } else {
    guidance.notes = notes;
  }
  const { guidance: _old, ...rest } = override;
  const nextGuidance = withoutEmpty(guidance);
  return setOverride(overrides, code, nextGuidance ? { ...rest, guidance: nextGuidance } : rest);
}

/** A comma-separated list of field names as the editor shows it. */
export function followUpFieldsText(fields: readonly string[] | undefined): string {
  return (fields ?? []).join(', ');
}

/**
 * Sets the fields a code's calls are broken down by in the guidance card ("source.ip, user_agent"); empty text
 * clears the override, so the built-in fields apply again.
 */
export function setFollowUpFields(overrides: PolicyOverrides, code: string, text: string): PolicyOverrides {
  const override = currentOverride(overrides, code);
  const fields = text
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  const { followUpFields: _old, ...rest } = override;
  return setOverride(overrides, code, fields.length > 0 ? { ...rest, followUpFields: fields } : rest);
}

/** Whether the built-in policy of a code flags it at its first incident. */
export function anyIncidentByDefault(code: string): boolean {
  return policyFor(Number(code), DEFAULT_POLICY).rules.anyIncident;
}

/** Whether "any incident" applies to a code: as the override switches it (null reads as off, as in buildPolicy), else the default. */
export function anyIncidentOf(override: CodeOverride, code: string): boolean {
  const rules: Record<string, unknown> = isPlainObject(override.rules) ? override.rules : {};
  const value = rules.anyIncident;
  if (value === null) {
    return false;
  }
  return typeof value === 'boolean' ? value : anyIncidentByDefault(code);
}

/**
 * Switches "any incident" on or off for a code. The override keeps the switch only where it differs from the
 * built-in policy; switching back to the built-in setting clears it, so the default applies again.
 */
export function setAnyIncident(overrides: PolicyOverrides, code: string, on: boolean): PolicyOverrides {
  const override = currentOverride(overrides, code);
  const rules: Record<string, unknown> = { ...(isPlainObject(override.rules) ? override.rules : {}) };
  if (on === anyIncidentByDefault(code)) {
    delete rules.anyIncident;
  } else {
    rules.anyIncident = on;
  }
  const { rules: _old, ...rest } = override;
  const nextRules = withoutEmpty(rules);
  return setOverride(overrides, code, nextRules ? { ...rest, rules: nextRules } : rest);
}

/** The value of a threshold as the override sets it, or undefined when the default applies. */
export function thresholdOf(override: CodeOverride, field: ThresholdField): number | undefined {
  const rules = isPlainObject(override.rules) ? override.rules : {};
  const value = field === 'riseFactor' ? (isPlainObject(rules.rise) ? rules.rise.factor : undefined) : rules[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Whether the override switches a threshold's rule off (null, or false, which buildPolicy also reads as off). */
export function thresholdIsOff(override: CodeOverride, field: ThresholdField): boolean {
  const rules: Record<string, unknown> = isPlainObject(override.rules) ? override.rules : {};
  const value = field === 'riseFactor' ? rules.rise : rules[field];
  return value === null || value === false;
}

/** The built-in value of a threshold for a code, as placeholder text ("off" when the rule is off). */
export function defaultThresholdText(code: string, field: ThresholdField): string {
  const rules = policyFor(Number(code), DEFAULT_POLICY).rules;
  const value = field === 'riseFactor' ? rules.rise?.factor : rules[field];
  return typeof value === 'number' ? String(value) : 'off';
}

/** Reads the number in a threshold input: '' clears (default), anything not a non-negative number is rejected. */
export function parseThreshold(text: string): { value?: number; clear?: true; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { clear: true };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0) {
    return { error: `"${text}" is not a number ≥ 0` };
  }
  return { value };
}

/** What each threshold must be, in words, matching what buildPolicy accepts. */
const THRESHOLD_EXPECTED: Record<ThresholdField, string> = {
  shareAtLeast: 'a share between 0 and 100 (%)',
  countAtLeast: 'a whole number of calls (0 or more)',
  riseFactor: 'a factor greater than 1',
};

/** Where buildPolicy reports a problem with each threshold. */
const THRESHOLD_ISSUE_FIELD: Record<ThresholdField, string> = {
  shareAtLeast: 'rules.shareAtLeast',
  countAtLeast: 'rules.countAtLeast',
  riseFactor: 'rules.rise.factor',
};

/**
 * Reads a threshold input for a code: '' clears (default), a number is checked by buildPolicy itself, so the editor
 * never accepts what the policy would reject (share above 100, a fractional count, a rise factor of 1 or less…).
 */
export function readThreshold(
  code: string,
  field: ThresholdField,
  text: string
): { value?: number; clear?: true; error?: string } {
  const parsed = parseThreshold(text);
  if (parsed.value === undefined) {
    return parsed;
  }
  const rejected = buildPolicy(setThreshold({}, code, field, parsed.value)).issues.some(
    (issue) => issue.field === THRESHOLD_ISSUE_FIELD[field]
  );
  return rejected ? { error: `"${text.trim()}" is not ${THRESHOLD_EXPECTED[field]}` } : parsed;
}

/** Parses imported JSON: an object keyed by code, with the policy's own validation issues. Never throws. */
export function importOverrides(text: string): { overrides?: PolicyOverrides; issues: PolicyIssue[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { issues: [{ code: '*', field: '', message: `Not valid JSON: ${reason}. Nothing was changed.` }] };
  }
  if (!isPlainObject(parsed)) {
    return {
      issues: [
        {
          code: '*',
          field: '',
          message:
            'The JSON must be an object keyed by SIP code, like {"503": {"severity": "immediate"}}. Nothing was changed.',
        },
      ],
    };
  }
  return { overrides: parsed as PolicyOverrides, issues: buildPolicy(parsed).issues };
}

/** The overrides as readable JSON for export. */
export function exportOverridesJson(overrides: PolicyOverrides): string {
  return JSON.stringify(overrides, null, 2);
}
