import fc from 'fast-check';

import { DEFAULT_POLICY, policyFor } from '../catalog';
import { AssessOptions, CountsInput, Policy, SEVERITY_RANK, Timeline } from '../types';
import { assessDistribution } from './assess';
import { HOUR, RUNBOOK_LIKE, START } from './testing/policies';

const POLICIES: Array<[string, Policy]> = [
  ['default policy', DEFAULT_POLICY],
  ['runbook-like test policy', RUNBOOK_LIKE],
];

/** Mostly real final codes, some runbook codes, some values that are not final codes. */
const codeArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(200, 403, 404, 408, 480, 486, 487, 488, 500, 503, 603) },
  { weight: 3, arbitrary: fc.integer({ min: 200, max: 699 }) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 1000 }) }
);

const countArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 2, 3) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, -1, Infinity, 0) }
);

const entriesArb = fc.array(fc.record({ code: codeArb, count: countArb }), { maxLength: 25 });

const bucketValueArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 500 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, -3, 0) }
);

function timelineArb(codes: number[]): fc.Arbitrary<Timeline> {
  return fc
    .record({
      buckets: fc.integer({ min: 0, max: 30 }),
      step: fc.constantFrom(60_000, 300_000, 3_600_000),
    })
    .chain(({ buckets, step }) =>
      fc.record({
        times: fc.constant(Array.from({ length: buckets }, (_, i) => START + i * step)),
        totals: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: buckets, maxLength: buckets }),
        byCode: fc.dictionary(
          fc.constantFrom(...codes.map(String), '200', '503'),
          fc.array(bucketValueArb, { minLength: 0, maxLength: buckets })
        ),
      })
    ) as fc.Arbitrary<Timeline>;
}

const optionsArb: fc.Arbitrary<AssessOptions | undefined> = fc.option(
  fc.record(
    {
      recentFraction: fc.oneof(fc.double({ min: -1, max: 2 }), fc.constantFrom(0.25, 0.5, NaN)),
      recentMs: fc.oneof(fc.integer({ min: -HOUR, max: 48 * HOUR }), fc.constantFrom(NaN, 0)),
      recencyMs: fc.oneof(fc.integer({ min: -HOUR, max: 48 * HOUR }), fc.constantFrom(NaN, 0, 15 * 60_000)),
      rangeEnd: fc.oneof(fc.integer({ min: START - HOUR, max: START + 60 * HOUR }), fc.constantFrom(NaN, Infinity)),
    },
    { requiredKeys: [] }
  ),
  { nil: undefined }
);

const distributionArb: fc.Arbitrary<CountsInput> = entriesArb.chain((codes) =>
  fc.record({
    codes: fc.constant(codes),
    total: fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constant(
          codes.reduce((sum, entry) => sum + (entry.count > 0 && entry.count < Infinity ? entry.count : 0), 0)
        ),
      },
      { weight: 2, arbitrary: fc.integer({ min: -10, max: 2_000_000 }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, 0, Infinity) }
    ),
    timeline: fc.option(timelineArb(codes.map((entry) => entry.code)), { nil: undefined }),
  })
);

/** Summed valid counts per final code, as assessment reads them. */
function validCounts(input: CountsInput): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { code, count } of input.codes) {
    if (Number.isInteger(code) && code >= 200 && code <= 699 && count > 0 && count < Infinity) {
      counts.set(code, (counts.get(code) ?? 0) + count);
    }
  }
  return counts;
}

describe.each(POLICIES)('assessment properties (%s)', (_name, policy) => {
  it('never throws, even on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (distribution, options) => {
        const result = assessDistribution(distribution as CountsInput, policy, options as AssessOptions);
        expect(Array.isArray(result.findings)).toBe(true);
        expect(Array.isArray(result.notices)).toBe(true);
      })
    );
    fc.assert(
      fc.property(distributionArb, optionsArb, (distribution, options) => {
        expect(() => assessDistribution(distribution, policy, options)).not.toThrow();
      })
    );
  });

  it('gives the same findings whatever the order of the `codes` entries', () => {
    const shuffled = distributionArb.chain((distribution) =>
      fc.tuple(
        fc.constant(distribution),
        fc.shuffledSubarray(distribution.codes, {
          minLength: distribution.codes.length,
          maxLength: distribution.codes.length,
        })
      )
    );
    fc.assert(
      fc.property(shuffled, optionsArb, ([distribution, reordered], options) => {
        const original = assessDistribution(distribution, policy, options);
        const other = assessDistribution({ ...distribution, codes: reordered }, policy, options);
        expect(other).toEqual(original);
      })
    );
  });

  it('raises only codes of the input that have at least one call, with consistent numbers, most urgent first', () => {
    fc.assert(
      fc.property(distributionArb, optionsArb, (distribution, options) => {
        const { findings, notices } = assessDistribution(distribution, policy, options);
        const counts = validCounts(distribution);
        const seen = new Set<number>();
        for (const finding of findings) {
          expect(counts.get(finding.code)).toBe(finding.count);
          expect(finding.count).toBeGreaterThanOrEqual(1);
          expect(seen.has(finding.code)).toBe(false);
          seen.add(finding.code);
          expect(finding.rules.length).toBeGreaterThan(0);
          expect(finding.share).toBeGreaterThanOrEqual(0);
          expect(finding.share).toBeLessThanOrEqual(100);
          expect(finding.explanation.startsWith(`${finding.code} — `)).toBe(true);
          expect(finding.explanation).not.toMatch(/NaN|undefined/);
        }
        for (let i = 1; i < findings.length; i++) {
          const [a, b] = [findings[i - 1], findings[i]];
          const key = (f: typeof a) => [SEVERITY_RANK[f.severity], -f.count, f.code];
          const [ka, kb] = [key(a), key(b)];
          const cmp = ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
          expect(cmp).toBeLessThan(0);
        }
        expect(notices.length).toBeLessThanOrEqual(1);
      })
    );
  });

  it('raises a rise only when its factor, recent count and z all reach the rule', () => {
    fc.assert(
      fc.property(distributionArb, optionsArb, (distribution, options) => {
        for (const finding of assessDistribution(distribution, policy, options).findings) {
          const rise = finding.rules.find((rule) => rule.rule === 'rise');
          if (!rise) {
            continue;
          }
          const rule = policyFor(finding.code, policy).rules.rise;
          expect(finding.rise).toBeDefined();
          expect(rule).toBeTruthy();
          expect(finding.rise!.factor).toBeGreaterThanOrEqual(rule!.factor);
          expect(finding.rise!.recentCount).toBeGreaterThanOrEqual(rule!.minCount);
          expect(finding.rise!.z).toBeGreaterThanOrEqual(rule!.minZ);
          expect(rise.value).toBe(finding.rise!.factor);
        }
      })
    );
  });

  it('gives recency only with timed calls of the code, consistent with its series and the window', () => {
    fc.assert(
      fc.property(distributionArb, optionsArb, (distribution, options) => {
        for (const finding of assessDistribution(distribution, policy, options).findings) {
          const series = distribution.timeline?.byCode[finding.code];
          const times = distribution.timeline?.times ?? [];
          const timed = (series ?? []).some((value, i) => i < times.length && value > 0 && value < Infinity);
          if (finding.lastSeen === undefined) {
            expect(finding).not.toHaveProperty('ongoing');
            expect(finding).not.toHaveProperty('recentCalls');
            continue;
          }
          expect(timed).toBe(true);
          expect(times).toContain(finding.lastSeen);
          expect(times).toContain(finding.firstSeen);
          expect(finding.firstSeen!).toBeLessThanOrEqual(finding.lastSeen);
          expect(finding.recentCalls!).toBeGreaterThanOrEqual(0);
          expect(finding.ongoing).toBe(finding.recentCalls! > 0);
          expect(finding.recencyWindowMs!).toBeGreaterThan(0);
          const lastBucketStart = times[times.length - 1];
          if (finding.ongoing) {
            // Calls in the window mean calls no earlier than the window's first bucket.
            expect(finding.lastSeen).toBeGreaterThanOrEqual(lastBucketStart - finding.recencyWindowMs!);
          }
        }
      })
    );
  });

  it('finds nothing when the total is zero, negative or not a number', () => {
    fc.assert(
      fc.property(entriesArb, fc.constantFrom(0, -1, -1000, NaN, -Infinity), (codes, total) => {
        expect(assessDistribution({ codes, total }, policy)).toEqual({ findings: [], notices: [] });
      })
    );
  });
});
