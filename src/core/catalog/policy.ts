import { CodeGuidance, CodePolicy, Policy, RuleConfig } from '../types';
import { DEFAULT_FOLLOW_UP_FIELDS } from '../followUp/fieldDefaults';
import { classProfile } from './classes';
import { codeClass, parseSipCode } from './codes';
import { KNOWN_CODES, KnownCode } from './known';
import { guidanceOf } from './lines';
import { REGISTRY, RegistryEntry, registryEntry } from './registry';
import { FOLLOW_UP, FOLLOW_UP_PROVISIONAL, noRules } from './ruleDefaults';
import { RUNBOOK_POLICIES, RunbookPolicy } from './runbook';
import { lineText } from './sources';

/** A fresh, independent copy of a code policy (callers may change it freely). */
export function clonePolicy(policy: CodePolicy): CodePolicy {
  return {
    ...policy,
    rules: cloneRules(policy.rules),
    guidance: cloneGuidance(policy.guidance),
    ...(policy.followUpFields ? { followUpFields: [...policy.followUpFields] } : {}),
  };
}

export function cloneRules(rules: RuleConfig): RuleConfig {
  return { ...rules, rise: rules.rise ? { ...rules.rise } : null };
}

function cloneGuidance(guidance: CodeGuidance): CodeGuidance {
  const copy: CodeGuidance = {
    meaning: guidance.meaning,
    action: guidance.action,
    causes: [...guidance.causes],
    checks: [...guidance.checks],
  };
  if (guidance.handOff !== undefined) {
    copy.handOff = [...guidance.handOff];
  }
  if (guidance.notes !== undefined) {
    copy.notes = guidance.notes;
  }
  return copy;
}

/** Freezes a policy and everything in it, so shared defaults cannot be changed by accident. */
export function freezePolicy<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) {
      freezePolicy(inner);
    }
  }
  return value;
}

function followUpForSeverity(policy: Pick<CodePolicy, 'code' | 'severity'>): string {
  return codeClass(policy.code) === 1 ? FOLLOW_UP_PROVISIONAL : FOLLOW_UP[policy.severity];
}

/**
 * The policy of a valid code (100–699) known only by its class: registered codes keep their IANA phrase
 * (origin 'registry'); unregistered ones are called "Unregistered 4xx" etc. (origin 'class-default').
 */
export function classDefaultPolicy(code: number): CodePolicy {
  if (parseSipCode(code) === null) {
    return notACodePolicy(code);
  }
  const profile = classProfile(codeClass(code));
  const entry = registryEntry(code);
  const reason = entry ? entry.reason : `Unregistered ${profile.label}`;
  const rationale = entry
    ? profile.rationale
    : `${profile.rationale} ${code} is not in the IANA registry: it may come from an application's own decline or a non-standard device.`;
  return {
    code,
    reason,
    severity: profile.severity,
    followUp: followUpForSeverity({ code, severity: profile.severity }),
    rules: profile.rules(),
    guidance: {
      meaning: `${reason}. ${profile.meaning}`,
      action: profile.action,
      causes: profile.causes.map(lineText),
      checks: profile.checks.map(lineText),
      handOff: [...profile.handOff],
    },
    rationale,
    origin: entry ? 'registry' : 'class-default',
  };
}

/** What policyFor gives for a number that is not a SIP status code: never assessed, clearly labelled. */
export function notACodePolicy(code: number): CodePolicy {
  return {
    code,
    reason: 'Not a SIP status code',
    severity: 'normal',
    followUp: 'Not assessed: not a SIP status code',
    rules: noRules(),
    guidance: {
      meaning: 'This value is not a SIP status code (100–699).',
      action: 'Check the field the panel reads codes from: it may hold something other than SIP status codes.',
      causes: ['The code field holds other data (an id, a duration, a text) or a malformed value'],
      checks: ['The panel’s code field setting', 'A few raw documents of the query'],
      handOff: ['Nothing to escalate: fix the panel’s code field first'],
    },
    rationale: 'Only SIP status codes (100–699) have a policy.',
    origin: 'class-default',
  };
}

function runbookPolicy(spec: RunbookPolicy, entry: RegistryEntry | undefined): CodePolicy {
  return clonePolicy({
    ...spec,
    guidance: guidanceOf(spec.guidance),
    reason: entry ? entry.reason : `Unregistered ${classProfile(codeClass(spec.code)).label}`,
    origin: 'runbook',
  });
}

function knownCodePolicy(known: KnownCode): CodePolicy {
  const base = classDefaultPolicy(known.code);
  const severity = known.severity ?? base.severity;
  return {
    ...base,
    severity,
    followUp: followUpForSeverity({ code: known.code, severity }),
    rules: known.rules ? cloneRules(known.rules) : base.rules,
    guidance: guidanceOf(known.guidance),
    rationale: known.rationale ?? base.rationale,
  };
}

function assembleDefaultPolicy(): Policy {
  const codes: Record<number, CodePolicy> = {};
  for (const entry of REGISTRY) {
    codes[entry.code] = classDefaultPolicy(entry.code);
  }
  for (const known of KNOWN_CODES) {
    codes[known.code] = knownCodePolicy(known);
  }
  for (const spec of RUNBOOK_POLICIES) {
    codes[spec.code] = runbookPolicy(spec, registryEntry(spec.code));
  }
  for (const [code, fields] of Object.entries(DEFAULT_FOLLOW_UP_FIELDS)) {
    if (codes[Number(code)]) {
      codes[Number(code)].followUpFields = [...fields];
    }
  }
  return { codes };
}

/**
 * The product's policy without any team overrides: the runbook's ten codes, specific words for other common codes,
 * and class defaults for every other registered code. Deeply frozen.
 */
export const DEFAULT_POLICY: Policy = freezePolicy(assembleDefaultPolicy());

/**
 * The policy for one code: the code's own entry when the policy has one, the class default for any other valid
 * code, and a clearly labelled "not a SIP status code" policy for anything else. Never throws.
 */
export function policyFor(code: number, policy: Policy = DEFAULT_POLICY): CodePolicy {
  const known = lookup(policy, code) ?? lookup(DEFAULT_POLICY, code);
  if (known) {
    return known;
  }
  const valid = parseSipCode(code);
  return valid === null ? notACodePolicy(code) : classDefaultPolicy(valid);
}

function lookup(policy: Policy | undefined, code: number): CodePolicy | undefined {
  const codes = policy && typeof policy === 'object' ? policy.codes : undefined;
  if (!codes || typeof codes !== 'object' || !Object.prototype.hasOwnProperty.call(codes, code)) {
    return undefined;
  }
  const found: unknown = codes[code];
  return found && typeof found === 'object' ? (found as CodePolicy) : undefined;
}
