/**
 * Turns a code distribution into findings: the codes that need a person's follow-up now, most urgent first.
 */
import { DEFAULT_POLICY, policyFor } from '../catalog';
import {
  AssessOptions,
  Assessment,
  CodePolicy,
  CountsInput,
  Finding,
  Notice,
  Policy,
  SEVERITY_RANK,
  Severity,
  Timeline,
} from '../types';
import { isUsableRiseRule, planRecentWindow, RecentWindow, riseStatsFrom, splitCounts, WindowProblem } from './rise';
import { CodeMeasure, describeFinding, fireRules, RiseCheck } from './rules';

/**
 * Applies each code's follow-up rules (any incident, share, count, rise) to the distribution.
 * `codes` is the truth for counts; the timeline is only read for the rise rule. Never throws: unknown or malformed
 * entries are skipped, and a zero, negative or non-numeric total gives no findings.
 */
export function assessDistribution(
  distribution: CountsInput,
  policy: Policy = DEFAULT_POLICY,
  options?: AssessOptions
): Assessment {
  const counts = collectCounts(distribution?.codes);
  const total = effectiveTotal(distribution?.total, counts);
  if (total <= 0) {
    return { findings: [], notices: [] };
  }
  const activePolicy = policy && typeof policy === 'object' ? policy : DEFAULT_POLICY;
  const timeline = distribution.timeline;

  const candidates: Candidate[] = [];
  const riseCandidates: Candidate[] = [];
  for (const [code, count] of counts) {
    if (count < 1) {
      continue;
    }
    const codePolicy = cachedPolicyFor(code, activePolicy);
    const candidate: Candidate = { code, count, codePolicy, rise: undefined };
    candidates.push(candidate);
    if (isUsableRiseRule(codePolicy?.rules?.rise)) {
      riseCandidates.push(candidate);
    }
  }

  const notices: Notice[] = [];
  if (riseCandidates.length > 0) {
    const plan = planRecentWindow(timeline, options);
    if (plan.ok) {
      attachRiseChecks(riseCandidates, timeline!, plan.window);
    } else {
      notices.push(
        riseNotice(
          plan.problem,
          riseCandidates.map((candidate) => candidate.code)
        )
      );
    }
  }

  const findings: Finding[] = [];
  for (const { code, count, codePolicy, rise } of candidates) {
    const measure: CodeMeasure = { code, count, share: (count * 100) / total };
    const fired = fireRules(codePolicy?.rules, measure, rise);
    if (fired.length === 0) {
      continue;
    }
    findings.push({
      code,
      severity: severityOf(codePolicy),
      count,
      share: measure.share,
      rules: fired,
      reason: describeFinding(measure, fired, rise),
      ...(rise ? { rise: rise.stats } : {}),
    });
  }

  findings.sort(mostUrgentFirst);
  return { findings, notices };
}

/** A code with calls, its policy and, once computed, its rise check. */
interface Candidate {
  code: number;
  count: number;
  codePolicy: CodePolicy | undefined;
  rise: RiseCheck | undefined;
}

/** Sums every rise candidate's series on both sides of the window in one sweep (the hot path), then its stats. */
function attachRiseChecks(candidates: Candidate[], timeline: Timeline, window: RecentWindow): void {
  const byCode = timeline.byCode && typeof timeline.byCode === 'object' ? timeline.byCode : {};
  const split = splitCounts(
    candidates.map((candidate) => byCode[candidate.code]),
    window
  );
  candidates.forEach((candidate, i) => {
    candidate.rise = {
      rule: candidate.codePolicy!.rules.rise!,
      stats: riseStatsFrom(split[2 * i], split[2 * i + 1], window),
      windowLabel: window.label,
    };
  });
}

/** The findings alone: the codes that need follow-up now, most urgent first. */
export function assessCodes(distribution: CountsInput, policy?: Policy, options?: AssessOptions): Finding[] {
  return assessDistribution(distribution, policy, options).findings;
}

/** Severity rank, then more calls first, then lower code first. */
export function mostUrgentFirst(a: Finding, b: Finding): number {
  return rankOf(a.severity) - rankOf(b.severity) || b.count - a.count || a.code - b.code;
}

/**
 * Policy lookups of frozen policies (the default policy and every policy built from overrides are deeply frozen)
 * cannot change, so they are remembered per policy: the catalog builds a fresh class-default policy on every
 * lookup of an unlisted code, which is most of the per-code cost on a wide distribution. Unfrozen policies are
 * looked up every time.
 */
const lookupsByPolicy = new WeakMap<Policy, Map<number, CodePolicy | undefined>>();

function cachedPolicyFor(code: number, policy: Policy): CodePolicy | undefined {
  if (!Object.isFrozen(policy) || !Object.isFrozen(policy.codes)) {
    return policyFor(code, policy);
  }
  let lookups = lookupsByPolicy.get(policy);
  if (!lookups) {
    lookups = new Map();
    lookupsByPolicy.set(policy, lookups);
  }
  if (!lookups.has(code)) {
    lookups.set(code, policyFor(code, policy));
  }
  return lookups.get(code);
}

/** Calls per final code (200–699). Repeated entries add up; non-codes and invalid counts are skipped. */
function collectCounts(codes: unknown): Map<number, number> {
  const counts = new Map<number, number>();
  if (!Array.isArray(codes)) {
    return counts;
  }
  for (const entry of codes) {
    const code = (entry as { code?: unknown } | null)?.code;
    const count = (entry as { count?: unknown } | null)?.count;
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 200 || code > 699) {
      continue;
    }
    if (typeof count !== 'number' || !(count > 0) || count === Infinity) {
      continue;
    }
    counts.set(code, (counts.get(code) ?? 0) + count);
  }
  return counts;
}

/**
 * The total shares are computed against. A missing, zero, negative or non-numeric total means no assessment;
 * a total below the sum of the codes is raised to that sum so that no share exceeds 100 %.
 */
function effectiveTotal(total: unknown, counts: Map<number, number>): number {
  if (typeof total !== 'number' || !Number.isFinite(total) || total <= 0) {
    return 0;
  }
  let sum = 0;
  for (const count of counts.values()) {
    sum += count;
  }
  return Math.max(total, sum);
}

function severityOf(codePolicy: CodePolicy | undefined): Severity {
  const severity = codePolicy?.severity;
  return severity && severity in SEVERITY_RANK ? severity : 'track';
}

function rankOf(severity: Severity): number {
  return SEVERITY_RANK[severity] ?? SEVERITY_RANK.track;
}

const HISTOGRAM_HINT =
  'Query calls over time: a terms aggregation on the code field with a date histogram inside it (terms × date histogram).';

function riseNotice(problem: WindowProblem, codes: number[]): Notice {
  const list = [...codes].sort((a, b) => a - b).join(', ');
  const subject = `The rise rule (${list}) was not checked`;
  const messages: Record<WindowProblem, string> = {
    'no-timeline': `${subject}: it needs calls over time, a date histogram. ${HISTOGRAM_HINT}`,
    'unordered-times': `${subject}: the time buckets are not in ascending order. ${HISTOGRAM_HINT}`,
    'single-bucket': `${subject}: the data has a single time bucket, so there is no earlier part to compare with. Use a date histogram with a smaller interval.`,
    'no-earlier-part': `${subject}: the recent window covers the whole time range, so there is no earlier part to compare with. Shorten the recent window or widen the time range.`,
  };
  return { kind: 'rise-needs-histogram', level: 'info', message: messages[problem] };
}
