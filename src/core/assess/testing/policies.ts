/**
 * Small builders for assessment tests: explicit policies and timelines, independent of the shipped catalog.
 */
import { CodePolicy, Policy, RiseRule, RuleConfig, Severity, Timeline } from '../../types';

export const HOUR = 3_600_000;
export const START = Date.UTC(2026, 10, 25, 0, 0, 0);

/** A complete CodePolicy with only the given rules switched on. */
export function codePolicy(code: number, severity: Severity, rules: Partial<RuleConfig> = {}): CodePolicy {
  return {
    code,
    reason: `Code ${code}`,
    severity,
    followUp: 'test',
    rules: { anyIncident: false, shareAtLeast: null, countAtLeast: null, rise: null, ...rules },
    guidance: { meaning: '', action: '', causes: [], checks: [] },
    rationale: 'test',
    origin: 'override',
  };
}

export function policyOf(...codes: CodePolicy[]): Policy {
  const policy: Policy = { codes: {} };
  for (const entry of codes) {
    policy.codes[entry.code] = entry;
  }
  return policy;
}

export const RISE: RiseRule = { factor: 2, minCount: 10, minZ: 3 };

/** A policy shaped like the runbook: four immediate codes, five tracked codes, 200 normal. */
export const RUNBOOK_LIKE: Policy = policyOf(
  codePolicy(200, 'normal'),
  codePolicy(403, 'track', { shareAtLeast: 10, rise: RISE }),
  codePolicy(404, 'track', { shareAtLeast: 10, rise: RISE }),
  codePolicy(408, 'immediate', { anyIncident: true }),
  codePolicy(480, 'track', { shareAtLeast: 5, rise: RISE }),
  codePolicy(487, 'track', { shareAtLeast: 5, rise: RISE }),
  codePolicy(488, 'immediate', { anyIncident: true }),
  codePolicy(500, 'immediate', { anyIncident: true }),
  codePolicy(503, 'track', { shareAtLeast: 5, rise: RISE }),
  codePolicy(603, 'immediate', { anyIncident: true })
);

/** Buckets `stepMs` apart from START; totals and every code's series must have `totals.length` entries. */
export function timelineOf(totals: number[], byCode: Record<number, number[]>, stepMs = HOUR): Timeline {
  return { times: totals.map((_, i) => START + i * stepMs), totals, byCode };
}

/** `n` buckets of `value`. */
export function repeat(value: number, n: number): number[] {
  return new Array(n).fill(value);
}

/** Per-code counts summed over a timeline: the `codes` that go with it. */
export function codesOf(timeline: Timeline): Array<{ code: number; count: number }> {
  return Object.entries(timeline.byCode).map(([code, series]) => ({
    code: Number(code),
    count: series.reduce((sum, value) => sum + value, 0),
  }));
}

export function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
