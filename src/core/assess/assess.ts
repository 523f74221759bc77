/**
 * Turns a code distribution into findings: the codes that need a person's follow-up now, most urgent first.
 */
import { DEFAULT_POLICY, policyFor } from '../catalog';
import {
  AssessOptions,
  Assessment,
  CountsInput,
  Finding,
  Notice,
  Policy,
  SEVERITY_RANK,
  Severity,
  Timeline,
} from '../types';
import {
  codeRecency,
  planRecencyWindow,
  planRecentWindow,
  RecencyWindow,
  RecentWindow,
  riseFires,
  riseMayFire,
  riseStatsFrom,
  splitCounts,
  WindowProblem,
} from './rise';
import {
  CodeMeasure,
  compileRules,
  CompiledRules,
  describeFinding,
  fireRules,
  levelRuleFires,
  RiseCheck,
} from './firing';

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

  // Codes that may need follow-up: a level rule (any incident, share, count) fires, or a rise is to be checked.
  const candidates: Candidate[] = [];
  const riseCodes: number[] = [];
  for (let i = 0; i < counts.codes.length; i++) {
    const code = counts.codes[i];
    const count = counts.byCode[code];
    if (count < 1) {
      continue;
    }
    const rules = compileRules(policyFor(code, activePolicy));
    const measure: CodeMeasure = { code, count, share: (count * 100) / total };
    const levelFires = levelRuleFires(rules, measure);
    if (rules.rise) {
      candidates.push({ rules, measure, levelFires, riseIndex: riseCodes.length });
      riseCodes.push(code);
    } else if (levelFires) {
      candidates.push({ rules, measure, levelFires, riseIndex: -1 });
    }
  }

  const notices: Notice[] = [];
  let window: RecentWindow | undefined;
  let split: Float64Array | undefined;
  if (riseCodes.length > 0) {
    const plan = planRecentWindow(timeline, options);
    if (plan.ok) {
      window = plan.window;
      split = splitCounts(seriesOf(timeline!, riseCodes), window);
    } else {
      notices.push(riseNotice(plan.problem, riseCodes));
    }
  }

  const findings: Finding[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const { rules, measure, levelFires, riseIndex } = candidates[i];
    let rise: RiseCheck | undefined;
    if (riseIndex >= 0 && window && split) {
      const earlier = split[2 * riseIndex];
      const recent = split[2 * riseIndex + 1];
      // Statistics only for codes that are raised anyway or may have risen: most codes are flat.
      if (levelFires || riseMayFire(earlier, recent, window, rules.rise!)) {
        rise = { rule: rules.rise!, stats: riseStatsFrom(earlier, recent, window), windowLabel: window.label };
      }
    }
    if (!levelFires && !(rise && riseFires(rise.stats, rise.rule))) {
      continue;
    }
    const fired = fireRules(rules, measure, rise);
    findings.push({
      code: measure.code,
      severity: rules.severity,
      count: measure.count,
      share: measure.share,
      rules: fired,
      explanation: describeFinding(measure, fired, rise),
      ...(rise ? { rise: rise.stats } : {}),
    });
  }

  addRecency(findings, timeline, options);
  findings.sort(mostUrgentFirst);
  return { findings, notices };
}

/**
 * First/last seen, calls in the recency window and whether the code is ongoing, for findings whose code has timed
 * calls. Nothing is added without a usable timeline: then recency is unknown, not "not ongoing".
 */
function addRecency(findings: Finding[], timeline: Timeline | undefined, options: AssessOptions | undefined): void {
  if (findings.length === 0) {
    return;
  }
  const window: RecencyWindow | undefined = planRecencyWindow(timeline, options);
  if (!window) {
    return;
  }
  const times = timeline!.times as ArrayLike<number>;
  const byCode: Record<number, unknown> =
    timeline!.byCode && typeof timeline!.byCode === 'object' ? timeline!.byCode : {};
  for (const finding of findings) {
    const recency = codeRecency(byCode[finding.code], times, window);
    if (recency.lastSeen === undefined) {
      continue;
    }
    finding.firstSeen = recency.firstSeen;
    finding.lastSeen = recency.lastSeen;
    finding.recentCalls = recency.recentCalls;
    finding.ongoing = recency.recentCalls > 0;
    finding.recencyWindowMs = window.windowMs;
  }
}

/** A code with calls that a rule may raise. */
interface Candidate {
  rules: CompiledRules;
  measure: CodeMeasure;
  /** Whether any incident, share or count already fires. */
  levelFires: boolean;
  /** Position among the codes whose rise is checked, or -1. */
  riseIndex: number;
}

/** Each code's series from the timeline (anything, even missing: the summing treats non-arrays as no calls). */
function seriesOf(timeline: Timeline, codes: number[]): unknown[] {
  const byCode: Record<number, unknown> = timeline.byCode && typeof timeline.byCode === 'object' ? timeline.byCode : {};
  const series: unknown[] = new Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    series[i] = byCode[codes[i]];
  }
  return series;
}

/** The findings alone: the codes that need follow-up now, most urgent first. */
export function assessCodes(distribution: CountsInput, policy?: Policy, options?: AssessOptions): Finding[] {
  return assessDistribution(distribution, policy, options).findings;
}

/** Ongoing findings first (unknown recency counts as ongoing: it is not known to be over), then mostUrgentFirst. */
export function ongoingFirst(a: Finding, b: Finding): number {
  return Number(a.ongoing === false) - Number(b.ongoing === false) || mostUrgentFirst(a, b);
}

/** Severity rank, then more calls first, then lower code first. */
export function mostUrgentFirst(a: Finding, b: Finding): number {
  return rankOf(a.severity) - rankOf(b.severity) || b.count - a.count || a.code - b.code;
}

const MIN_FINAL_CODE = 200;
const MAX_FINAL_CODE = 699;

/** Calls per final code, indexed by code, with the codes in the order first seen and the sum of all. */
interface CodeCounts {
  byCode: Float64Array;
  codes: number[];
  sum: number;
}

/** Calls per final code (200–699). Repeated entries add up; non-codes and invalid counts are skipped. */
function collectCounts(entries: unknown): CodeCounts {
  const counts: CodeCounts = { byCode: new Float64Array(MAX_FINAL_CODE + 1), codes: [], sum: 0 };
  if (!Array.isArray(entries)) {
    return counts;
  }
  for (let i = 0; i < entries.length; i++) {
    const entry: unknown = entries[i];
    const code = (entry as { code?: unknown } | null)?.code;
    const count = (entry as { count?: unknown } | null)?.count;
    if (typeof code !== 'number' || !Number.isInteger(code) || code < MIN_FINAL_CODE || code > MAX_FINAL_CODE) {
      continue;
    }
    if (typeof count !== 'number' || !(count > 0) || count === Infinity) {
      continue;
    }
    if (counts.byCode[code] === 0) {
      counts.codes.push(code);
    }
    counts.byCode[code] += count;
    counts.sum += count;
  }
  return counts;
}

/**
 * The total shares are computed against. A missing, zero, negative or non-numeric total means no assessment;
 * a total below the sum of the codes is raised to that sum so that no share exceeds 100 %.
 */
function effectiveTotal(total: unknown, counts: CodeCounts): number {
  if (typeof total !== 'number' || !Number.isFinite(total) || total <= 0) {
    return 0;
  }
  return Math.max(total, counts.sum);
}

function rankOf(severity: Severity): number {
  return SEVERITY_RANK[severity] ?? SEVERITY_RANK.track;
}

const HISTOGRAM_HINT =
  'Query calls over time: a terms aggregation on the code field with a date histogram inside it (terms × date histogram).';

/** Codes named in the notice before "and N more". */
const NOTICE_CODE_LIMIT = 6;

function riseNotice(problem: WindowProblem, codes: number[]): Notice {
  const sorted = [...codes].sort((a, b) => a - b);
  const more = sorted.length - NOTICE_CODE_LIMIT;
  const list = sorted.slice(0, NOTICE_CODE_LIMIT).join(', ') + (more > 0 ? ` and ${more} more` : '');
  const subject = `The rise rule (${list}) was not checked`;
  const messages: Record<WindowProblem, string> = {
    'no-timeline': `${subject}: it needs calls over time, a date histogram. ${HISTOGRAM_HINT}`,
    'unordered-times': `${subject}: the time buckets are not in ascending order. ${HISTOGRAM_HINT}`,
    'single-bucket': `${subject}: the data has a single time bucket, so there is no earlier part to compare with. Use a date histogram with a smaller interval.`,
    'no-earlier-part': `${subject}: the recent window covers the whole time range, so there is no earlier part to compare with. Shorten the recent window or widen the time range.`,
  };
  return { kind: 'rise-needs-histogram', level: 'info', message: messages[problem] };
}
