import {
  CodeGuidance,
  CodeOverride,
  CodePolicy,
  Policy,
  PolicyIssue,
  PolicyOverrides,
  RiseRule,
  RuleConfig,
  Severity,
} from '../types';
import { clonePolicy, DEFAULT_POLICY, freezePolicy, policyFor } from './policy';
import { DEFAULT_RISE, followUpFor } from './ruleDefaults';

/** The defaults merged with a team's overrides, and every problem found in those overrides. */
export interface BuiltPolicy {
  policy: Policy;
  issues: PolicyIssue[];
}

const SEVERITIES: readonly Severity[] = ['immediate', 'track', 'normal'];
const SEVERITY_EXPECTED = 'one of "immediate", "track", "normal"';
const OVERRIDE_FIELDS = ['reason', 'severity', 'followUp', 'rationale', 'rules', 'guidance', 'followUpFields'];
const RULE_FIELDS = ['anyIncident', 'shareAtLeast', 'countAtLeast', 'shareMinCount', 'rise'];
const RISE_FIELDS = ['factor', 'minCount', 'minZ'];
const GUIDANCE_FIELDS = ['meaning', 'action', 'causes', 'checks', 'handOff', 'notes'];
const CODE_KEY = /^[1-6]\d\d$/;

/** Marks a value that failed validation (a valid value may be null, so null cannot mean "invalid"). */
const INVALID = Symbol('invalid');
type Checked<T> = T | typeof INVALID;

/**
 * Merges a team's overrides over the default policy and validates them.
 * Accepts a PolicyOverrides object, its JSON text, or nothing (undefined, null, '' = no overrides).
 * A broken field is reported (naming code and field) and keeps its default; the rest of the override applies.
 * An entry whose value is undefined, at any level, counts as absent: Grafana 12 clears a key of an option by merging
 * an explicit undefined into it (Scenes VizPanel.onOptionsChange), so a cleared entry may still be there as undefined.
 * Never throws: whatever goes wrong, the defaults stay in force and the problem is reported.
 */
export function buildPolicy(overrides?: unknown): BuiltPolicy {
  const issues: PolicyIssue[] = [];
  const entries = readOverrides(overrides, issues);
  const codes: Record<number, CodePolicy> = { ...DEFAULT_POLICY.codes };

  for (const key of entries ? Object.keys(entries) : []) {
    try {
      // Read inside the try: a getter may throw.
      const value = entries![key];
      if (value === undefined) {
        continue;
      }
      const merged = mergeCodeOverride(key, value, { codes }, issues);
      if (merged) {
        codes[merged.code] = merged;
      }
    } catch (error) {
      issues.push({
        code: key,
        field: '',
        message: `${key}: the override could not be read (${errorText(error)}); ignored`,
      });
    }
  }
  return { policy: freezePolicy({ codes }), issues };
}

function readOverrides(input: unknown, issues: PolicyIssue[]): Record<string, unknown> | null {
  let value = input;
  if (typeof value === 'string') {
    if (value.trim() === '') {
      return null;
    }
    try {
      value = JSON.parse(value);
    } catch (error) {
      issues.push({
        code: '*',
        field: '',
        message: `Policy overrides are not valid JSON (${errorText(error)}); the default policy is used`,
      });
      return null;
    }
  }
  if (value === undefined || value === null) {
    return null;
  }
  if (!isRecord(value)) {
    issues.push({
      code: '*',
      field: '',
      message: `Policy overrides must be an object keyed by SIP code, like {"503": {"severity": "immediate"}}, got ${show(value)}; the default policy is used`,
    });
    return null;
  }
  return value;
}

/** Validates one code's override and returns the merged policy, or null when nothing of it could be applied. */
function mergeCodeOverride(key: string, value: unknown, sofar: Policy, issues: PolicyIssue[]): CodePolicy | null {
  const trimmed = key.trim();
  if (!CODE_KEY.test(trimmed)) {
    issues.push({
      code: key,
      field: '',
      message: `${show(key)} is not a SIP status code (100–699); its override is ignored`,
    });
    return null;
  }
  const code = Number(trimmed);
  const where = new FieldReporter(String(code), issues);
  if (!isRecord(value)) {
    where.invalid('', 'an object of policy fields', value, 'its override is ignored');
    return null;
  }

  // Merging over the policy built so far lets a code given twice ("503" and " 503") combine both overrides.
  const draft = clonePolicy(policyFor(code, sofar));
  let applied = 0;
  let followUpGiven = false;
  let rulesChanged = false;

  for (const field of definedKeys(value)) {
    const given = value[field];
    switch (field) {
      case 'reason':
      case 'followUp':
      case 'rationale': {
        const taken = applyField(draft, field, readText(given), where, field, 'a non-empty string', given);
        applied += taken;
        followUpGiven = followUpGiven || (field === 'followUp' && taken > 0);
        break;
      }
      case 'severity':
        applied += applyField(draft, field, readSeverity(given), where, field, SEVERITY_EXPECTED, given);
        break;
      case 'rules': {
        const count = mergeRules(draft.rules, given, where);
        applied += count;
        rulesChanged = rulesChanged || count > 0;
        break;
      }
      case 'guidance':
        applied += mergeGuidance(draft.guidance, given, where);
        break;
      case 'followUpFields':
        applied += applyField(draft, field, readFieldNames(given), where, field, 'a list of field names', given);
        break;
      default:
        where.unknown(field, OVERRIDE_FIELDS);
    }
  }

  if (applied === 0) {
    return null;
  }
  if (rulesChanged && !followUpGiven) {
    draft.followUp = followUpFor(draft.rules);
  }
  draft.origin = 'override';
  return draft;
}

function mergeRules(rules: RuleConfig, given: unknown, where: FieldReporter): number {
  if (!isRecord(given)) {
    where.invalid('rules', 'an object such as {"shareAtLeast": 5}', given, 'the default rules are kept');
    return 0;
  }
  let applied = 0;
  for (const field of definedKeys(given)) {
    const value = given[field];
    const path = `rules.${field}`;
    switch (field) {
      case 'anyIncident':
        applied += applyField(rules, field, readSwitch(value), where, path, 'true or false', value);
        break;
      case 'shareAtLeast':
        applied += applyField(rules, field, readShare(value), where, path, 'a number between 0 and 100 or null', value);
        break;
      case 'countAtLeast':
      case 'shareMinCount':
        applied += applyField(rules, field, readCount(value), where, path, 'a whole number ≥ 0 or null', value);
        break;
      case 'rise': {
        const merged = mergeRise(rules.rise, value, where);
        if (merged !== INVALID) {
          rules.rise = merged;
          applied++;
        }
        break;
      }
      default:
        where.unknown(path, RULE_FIELDS);
    }
  }
  return applied;
}

/** null/false switch the rise rule off; an object (even {}) switches it on, its fields merged over the current or default rule. */
function mergeRise(current: RiseRule | null, given: unknown, where: FieldReporter): Checked<RiseRule | null> {
  if (given === null || given === false) {
    return null;
  }
  if (!isRecord(given)) {
    where.invalid('rules.rise', 'an object {"factor", "minCount", "minZ"} or null', given, `keeping ${show(current)}`);
    return INVALID;
  }
  const rise: RiseRule = { ...(current ?? DEFAULT_RISE) };
  const keys = definedKeys(given);
  let valid = 0;
  for (const field of keys) {
    const value = given[field];
    const path = `rules.rise.${field}`;
    switch (field) {
      case 'factor':
        valid += applyField(rise, field, readFactor(value), where, path, 'a number greater than 1', value);
        break;
      case 'minCount':
        valid += applyField(rise, field, readWhole(value), where, path, 'a whole number ≥ 0', value);
        break;
      case 'minZ':
        valid += applyField(rise, field, readNonNegative(value), where, path, 'a number ≥ 0', value);
        break;
      default:
        where.unknown(path, RISE_FIELDS);
    }
  }
  // An object whose every field was rejected changes nothing (it must not silently switch the rule on).
  return keys.length > 0 && valid === 0 ? INVALID : rise;
}

function mergeGuidance(guidance: CodeGuidance, given: unknown, where: FieldReporter): number {
  if (!isRecord(given)) {
    where.invalid('guidance', 'an object such as {"action": "…"}', given, 'the default guidance is kept');
    return 0;
  }
  let applied = 0;
  for (const field of definedKeys(given)) {
    const value = given[field];
    const path = `guidance.${field}`;
    switch (field) {
      case 'meaning':
      case 'action':
        applied += applyField(guidance, field, readText(value), where, path, 'a non-empty string', value);
        break;
      case 'causes':
      case 'checks':
      case 'handOff':
        applied += applyField(guidance, field, readTextList(value), where, path, 'a list of strings', value);
        break;
      case 'notes': {
        const checked = where.check(
          path,
          readNotes(value),
          'a markdown string, or "" or null to remove the notes',
          value,
          guidance.notes
        );
        if (checked !== INVALID) {
          if (checked === null) {
            delete guidance.notes;
          } else {
            guidance.notes = checked;
          }
          applied++;
        }
        break;
      }
      default:
        where.unknown(path, GUIDANCE_FIELDS);
    }
  }
  return applied;
}

/**
 * Writes a reader's result into target[key] when it is valid and returns 1; otherwise reports it (naming the value
 * kept) and returns 0, leaving target as it was.
 */
function applyField<T extends object, K extends keyof T>(
  target: T,
  key: K,
  checked: Checked<T[K]>,
  where: FieldReporter,
  path: string,
  expected: string,
  given: unknown
): number {
  if (where.check(path, checked, expected, given, target[key]) === INVALID) {
    return 0;
  }
  target[key] = checked as T[K];
  return 1;
}

// ---------------------------------------------------------------- readers: a valid value, or INVALID

function readText(value: unknown): Checked<string> {
  return typeof value === 'string' && value.trim() !== '' ? value : INVALID;
}

/** Field names: non-empty after trimming, kept trimmed, each once; an empty list means none. */
function readFieldNames(value: unknown): Checked<string[]> {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
    return INVALID;
  }
  return [...new Set((value as string[]).map((item) => item.trim()))];
}

function readTextList(value: unknown): Checked<string[]> {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...(value as string[])] : INVALID;
}

/** Notes: text, or null / blank text to remove them. */
function readNotes(value: unknown): Checked<string | null> {
  if (value === null) {
    return null;
  }
  if (typeof value !== 'string') {
    return INVALID;
  }
  return value.trim() === '' ? null : value;
}

function readSeverity(value: unknown): Checked<Severity> {
  return SEVERITIES.includes(value as Severity) ? (value as Severity) : INVALID;
}

function readSwitch(value: unknown): Checked<boolean> {
  if (value === null) {
    return false;
  }
  return typeof value === 'boolean' ? value : INVALID;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function readShare(value: unknown): Checked<number | null> {
  if (value === null || value === false) {
    return null;
  }
  return isFiniteNumber(value) && value >= 0 && value <= 100 ? value : INVALID;
}

function readCount(value: unknown): Checked<number | null> {
  if (value === null || value === false) {
    return null;
  }
  return readWhole(value);
}

function readWhole(value: unknown): Checked<number> {
  return isFiniteNumber(value) && Number.isInteger(value) && value >= 0 ? value : INVALID;
}

function readFactor(value: unknown): Checked<number> {
  return isFiniteNumber(value) && value > 1 ? value : INVALID;
}

function readNonNegative(value: unknown): Checked<number> {
  return isFiniteNumber(value) && value >= 0 ? value : INVALID;
}

// ---------------------------------------------------------------- issues

/** Writes issues for one code, naming the code and the field: "503.rules.shareAtLeast must be …". */
class FieldReporter {
  constructor(
    private readonly code: string,
    private readonly issues: PolicyIssue[]
  ) {}

  /** Passes a reader's result through, reporting it when it is INVALID. */
  check<T>(field: string, checked: Checked<T>, expected: string, given: unknown, current: unknown): Checked<T> {
    if (checked === INVALID) {
      this.invalid(field, expected, given, `keeping ${show(current)}`);
    }
    return checked;
  }

  invalid(field: string, expected: string, given: unknown, consequence: string): void {
    const name = field ? `${this.code}.${field}` : this.code;
    this.issues.push({
      code: this.code,
      field,
      message: `${name} must be ${expected}, got ${show(given)}; ${consequence}`,
    });
  }

  unknown(field: string, known: readonly string[]): void {
    this.issues.push({
      code: this.code,
      field,
      message: `${this.code}.${field} is not a known field and is ignored (known fields: ${known.join(', ')})`,
    });
  }
}

/** The keys of an object whose value is not undefined (an undefined entry reads as absent). */
function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SHOW_LIMIT = 60;

/** A short, readable rendering of any value for messages: strings quoted, long values cut. */
function show(value: unknown): string {
  let text: string;
  if (value === undefined) {
    text = 'nothing';
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    text = String(value);
  } else if (typeof value === 'function' || typeof value === 'symbol') {
    text = `a ${typeof value}`;
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Array.isArray(value) ? 'a list' : 'an object';
    }
  }
  return text.length > SHOW_LIMIT ? `${text.slice(0, SHOW_LIMIT - 1)}…` : text;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------- export

/**
 * The overrides that turn the default policy into `policy`: for every overridden code, only the fields that differ
 * from its default. buildPolicy(exportOverrides(p)) gives p back (up to the origin of no-op overrides).
 */
export function exportOverrides(policy: Policy): PolicyOverrides {
  const overrides: PolicyOverrides = {};
  for (const current of Object.values(policy.codes)) {
    if (current.origin === 'override') {
      overrides[String(current.code)] = differences(policyFor(current.code, DEFAULT_POLICY), current);
    }
  }
  return overrides;
}

function differences(base: CodePolicy, current: CodePolicy): CodeOverride {
  const diff: CodeOverride = {};
  for (const field of ['reason', 'severity', 'followUp', 'rationale'] as const) {
    if (current[field] !== base[field]) {
      Object.assign(diff, { [field]: current[field] });
    }
  }
  const rules: Partial<RuleConfig> = {};
  for (const field of ['anyIncident', 'shareAtLeast', 'countAtLeast', 'shareMinCount'] as const) {
    if ((current.rules[field] ?? null) !== (base.rules[field] ?? null)) {
      Object.assign(rules, { [field]: current.rules[field] });
    }
  }
  if (!sameRise(current.rules.rise, base.rules.rise)) {
    rules.rise = current.rules.rise ? { ...current.rules.rise } : null;
  }
  if (Object.keys(rules).length > 0) {
    diff.rules = rules;
  }
  const guidance: Partial<CodeGuidance> = {};
  for (const field of ['meaning', 'action'] as const) {
    if (current.guidance[field] !== base.guidance[field]) {
      guidance[field] = current.guidance[field];
    }
  }
  for (const field of ['causes', 'checks', 'handOff'] as const) {
    const list = current.guidance[field] ?? [];
    if (!sameList(list, base.guidance[field] ?? [])) {
      guidance[field] = [...list];
    }
  }
  if (current.guidance.notes !== base.guidance.notes) {
    guidance.notes = current.guidance.notes ?? '';
  }
  if (Object.keys(guidance).length > 0) {
    diff.guidance = guidance;
  }
  if (current.followUpFields && !(base.followUpFields && sameList(current.followUpFields, base.followUpFields))) {
    diff.followUpFields = [...current.followUpFields];
  }
  return diff;
}

function sameRise(a: RiseRule | null, b: RiseRule | null): boolean {
  if (a === null || b === null) {
    return a === b;
  }
  return a.factor === b.factor && a.minCount === b.minCount && a.minZ === b.minZ;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
