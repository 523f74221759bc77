import { CLASS_PROFILES } from './classes';
import { KNOWN_CODES } from './known';
import { RUNBOOK_POLICIES } from './runbook';
import { GuidanceLine, lineSources, lineText, SourceRef } from './sources';

/** One cause or check of the catalog that rests on the gateway's source. */
export interface GuidanceSourceEntry {
  /** The code ("403") or class default ("4xx") the line belongs to. */
  scope: string;
  field: 'cause' | 'check';
  text: string;
  sources: readonly SourceRef[];
}

/** Every sourced cause and check: runbook codes, other known codes, class defaults, in that order. */
export function guidanceSources(): GuidanceSourceEntry[] {
  const entries: GuidanceSourceEntry[] = [];
  const add = (scope: string, field: GuidanceSourceEntry['field'], lines: readonly GuidanceLine[]) => {
    for (const line of lines) {
      const sources = lineSources(line);
      if (sources.length > 0) {
        entries.push({ scope, field, text: lineText(line), sources });
      }
    }
  };
  const specs = [
    ...RUNBOOK_POLICIES.map((policy) => ({ scope: String(policy.code), guidance: policy.guidance })),
    ...KNOWN_CODES.map((known) => ({ scope: String(known.code), guidance: known.guidance })),
    ...Object.values(CLASS_PROFILES).map((profile) => ({ scope: profile.label, guidance: profile })),
  ];
  for (const { scope, guidance } of specs) {
    add(scope, 'cause', guidance.causes);
    add(scope, 'check', guidance.checks);
  }
  return entries;
}
