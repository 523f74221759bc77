import { CountsInput, Finding, Policy, Timeline } from '../types';
import { assessCodes, assessDistribution, mostUrgentFirst, ongoingFirst } from './assess';
import { twoProportionZ } from './rise';
import {
  codePolicy,
  codesOf,
  HOUR,
  policyOf,
  repeat,
  RISE,
  RUNBOOK_LIKE,
  START,
  sum,
  timelineOf,
} from './testing/policies';

/** Counts over the whole range plus the timeline they came from. */
function withTimeline(timeline: Timeline): CountsInput {
  const codes = codesOf(timeline);
  return { codes, total: sum(timeline.totals), timeline };
}

/** A timeline of `buckets` buckets of `perBucket` calls where `code` has the given series and 200 the rest. */
function codeOverTime(code: number, series: number[], perBucket = 1000): Timeline {
  return timelineOf(repeat(perBucket, series.length), {
    [code]: series,
    200: series.map((count) => perBucket - count),
  });
}

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0];
}

describe('any-incident rule', () => {
  const policy = policyOf(codePolicy(408, 'immediate', { anyIncident: true }));

  it('fires at the first call', () => {
    const finding = only(assessCodes({ codes: [{ code: 408, count: 1 }], total: 10_000 }, policy));
    expect(finding).toMatchObject({ code: 408, severity: 'immediate', count: 1, share: 0.01 });
    expect(finding.rules).toEqual([{ rule: 'any-incident', value: 1, threshold: 1, text: 'investigate every one' }]);
    expect(finding.explanation).toBe('408 — 1 call; investigate every one');
  });

  it('says how many calls', () => {
    const finding = only(assessCodes({ codes: [{ code: 408, count: 3 }], total: 10_000 }, policy));
    expect(finding.explanation).toBe('408 — 3 calls; investigate every one');
    expect(finding.share).toBeCloseTo(0.03, 10);
  });

  it('does not fire without calls', () => {
    expect(assessCodes({ codes: [{ code: 408, count: 0 }], total: 10_000 }, policy)).toEqual([]);
  });

  it('does not fire when switched off', () => {
    const off = policyOf(codePolicy(408, 'immediate', { anyIncident: false }));
    expect(assessCodes({ codes: [{ code: 408, count: 50 }], total: 100 }, off)).toEqual([]);
  });
});

describe('share rule', () => {
  const policy = policyOf(codePolicy(503, 'track', { shareAtLeast: 5 }));
  const at = (count: number, total = 1000) => assessCodes({ codes: [{ code: 503, count }], total }, policy);

  it('fires at exactly the threshold and above it, not below', () => {
    expect(only(at(50)).rules).toEqual([{ rule: 'share', value: 5, threshold: 5, text: 'at 5 %' }]);
    expect(only(at(51)).rules[0].text).toBe('above 5 %');
    expect(at(49)).toEqual([]);
  });

  it('gives the share and the calls in the reason', () => {
    const finding = only(at(820, 10_000));
    expect(finding.share).toBeCloseTo(8.2, 10);
    expect(finding.explanation).toBe('503 — 8.2 % of calls (820); above 5 %');
  });

  it('does not lose an exact threshold to rounding (29 of 100 reaches 29 %, 1 of 1,000 reaches 0.1 %)', () => {
    const p29 = policyOf(codePolicy(503, 'track', { shareAtLeast: 29 }));
    expect(assessCodes({ codes: [{ code: 503, count: 29 }], total: 100 }, p29)).toHaveLength(1);
    const pTenth = policyOf(codePolicy(503, 'track', { shareAtLeast: 0.1 }));
    expect(assessCodes({ codes: [{ code: 503, count: 1 }], total: 1000 }, pTenth)).toHaveLength(1);
    expect(assessCodes({ codes: [{ code: 503, count: 1 }], total: 1001 }, pTenth)).toEqual([]);
  });

  it('is off when null, false or not a number', () => {
    for (const shareAtLeast of [null, false, NaN, '5']) {
      const off = policyOf(codePolicy(503, 'track', { shareAtLeast: shareAtLeast as number | null }));
      expect(assessCodes({ codes: [{ code: 503, count: 900 }], total: 1000 }, off)).toEqual([]);
    }
  });
});

describe('count rule', () => {
  const policy = policyOf(codePolicy(480, 'track', { countAtLeast: 1000 }));
  const at = (count: number) => assessCodes({ codes: [{ code: 480, count }], total: 1_000_000 }, policy);

  it('fires at exactly the threshold and above it, not below', () => {
    expect(only(at(1000)).rules).toEqual([{ rule: 'count', value: 1000, threshold: 1000, text: 'at 1,000 calls' }]);
    expect(only(at(1001)).rules[0].text).toBe('above 1,000 calls');
    expect(at(999)).toEqual([]);
  });

  it('gives the calls in the reason', () => {
    expect(only(at(1200)).explanation).toBe('480 — 1,200 calls; above 1,000 calls');
  });
});

describe('combined rules on one code', () => {
  it('lists every rule that fired, in a fixed order, and explains all of them in one line', () => {
    const policy = policyOf(codePolicy(503, 'track', { shareAtLeast: 5, countAtLeast: 500, rise: RISE }));
    // 8 buckets; the last quarter (2 buckets) holds most of the 503s.
    const timeline = codeOverTime(503, [10, 10, 10, 10, 10, 10, 400, 370]);
    const finding = only(assessCodes(withTimeline(timeline), policy));
    expect(finding.rules.map((rule) => rule.rule)).toEqual(['share', 'count', 'rise']);
    expect(finding.count).toBe(830);
    expect(finding.rules[2]).toEqual({
      rule: 'rise',
      value: 38.5,
      threshold: 2,
      text: '38.5× as frequent as earlier in the range',
    });
    expect(finding.explanation).toBe(
      '503 — 10.4 % of calls (830); above 5 %; above 500 calls; 38.5× as frequent as earlier in the range (770 calls in the last quarter)'
    );
  });

  it('reports only the rules that fired', () => {
    const policy = policyOf(codePolicy(503, 'track', { shareAtLeast: 5, countAtLeast: 500 }));
    const finding = only(assessCodes({ codes: [{ code: 503, count: 400 }], total: 1000 }, policy));
    expect(finding.rules.map((rule) => rule.rule)).toEqual(['share']);
  });

  it('combines any incident with a rise', () => {
    const policy = policyOf(codePolicy(500, 'immediate', { anyIncident: true, rise: RISE }));
    const finding = only(assessCodes(withTimeline(codeOverTime(500, [0, 0, 0, 0, 0, 1, 20, 25])), policy));
    expect(finding.rules.map((rule) => rule.rule)).toEqual(['any-incident', 'rise']);
    expect(finding.explanation).toBe(
      '500 — 46 calls; investigate every one; 135× as frequent as earlier in the range (45 calls in the last quarter)'
    );
  });

  it('ranks a code whose policy has an unknown severity as tracked', () => {
    const odd = policyOf(codePolicy(503, 'toString' as never, { anyIncident: true }));
    expect(only(assessCodes({ codes: [{ code: 503, count: 1 }], total: 5 }, odd)).severity).toBe('track');
  });

  it('takes the severity from the policy, also for a normal code given a rule', () => {
    const policy = policyOf(codePolicy(200, 'normal', { countAtLeast: 1 }));
    expect(only(assessCodes({ codes: [{ code: 200, count: 5 }], total: 5 }, policy)).severity).toBe('normal');
  });
});

describe('sorting', () => {
  const policy = policyOf(
    codePolicy(200, 'normal', { countAtLeast: 1 }),
    codePolicy(408, 'immediate', { anyIncident: true }),
    codePolicy(488, 'immediate', { anyIncident: true }),
    codePolicy(500, 'immediate', { anyIncident: true }),
    codePolicy(480, 'track', { shareAtLeast: 1 }),
    codePolicy(503, 'track', { shareAtLeast: 1 })
  );
  const codes = [
    { code: 200, count: 5000 },
    { code: 503, count: 900 },
    { code: 480, count: 1200 },
    { code: 500, count: 2 },
    { code: 488, count: 7 },
    { code: 408, count: 7 },
  ];

  it('puts severity first, then more calls, then the lower code', () => {
    const order = assessCodes({ codes, total: 10_000 }, policy).map((finding) => finding.code);
    expect(order).toEqual([408, 488, 500, 480, 503, 200]);
  });

  it('compares findings with an unknown severity as tracked', () => {
    const finding = (code: number, severity: string, count: number) =>
      ({ code, severity, count, share: 0, rules: [], reason: '' }) as unknown as Finding;
    const sorted = [finding(503, 'track', 5), finding(499, 'odd', 5), finding(408, 'immediate', 1)].sort(
      mostUrgentFirst
    );
    expect(sorted.map((f) => f.code)).toEqual([408, 499, 503]);
  });

  it('does not depend on the order of the input', () => {
    const forward = assessCodes({ codes, total: 10_000 }, policy);
    expect(assessCodes({ codes: [...codes].reverse(), total: 10_000 }, policy)).toEqual(forward);
  });
});

describe('rise rule', () => {
  const policy = policyOf(codePolicy(487, 'track', { shareAtLeast: 5, rise: RISE }));
  // 8 hourly buckets of 1,000 calls: 41 calls of 487 in the first six hours, 42 in the last two.
  const rising = withTimeline(codeOverTime(487, [7, 7, 7, 7, 7, 6, 21, 21]));

  it('compares the last quarter of the range with the rest by default', () => {
    const finding = only(assessCodes(rising, policy));
    expect(finding.explanation).toBe('487 — 3.1× as frequent as earlier in the range (42 calls in the last quarter)');
    expect(finding.rules).toEqual([
      {
        rule: 'rise',
        value: (42 * 6000) / (41 * 2000),
        threshold: 2,
        text: '3.1× as frequent as earlier in the range',
      },
    ]);
    expect(finding.count).toBe(83);
    expect(finding.rise).toEqual({
      recentCount: 42,
      recentTotal: 2000,
      earlierCount: 41,
      earlierTotal: 6000,
      factor: (42 * 6000) / (41 * 2000),
      z: twoProportionZ(42, 2000, 41, 6000),
      windowStart: START + 6 * HOUR,
    });
  });

  it('uses a fixed recent duration ending at the last bucket end', () => {
    const finding = only(assessCodes(rising, policy, { recentMs: 2 * HOUR }));
    expect(finding.explanation).toBe('487 — 3.1× as frequent as earlier in the range (42 calls in the last 2 h)');
    // A one-hour window holds 21 calls against 62 in the seven hours before.
    const lastHour = only(assessCodes(rising, policy, { recentMs: HOUR }));
    expect(lastHour.rise).toMatchObject({ recentCount: 21, earlierCount: 62, windowStart: START + 7 * HOUR });
  });

  it('uses another fraction of the range when asked', () => {
    // In the last half, 55 calls against 28: a factor of about 2, not significant at z ≥ 3.
    expect(assessCodes(rising, policy, { recentFraction: 0.5 })).toEqual([]);
    const lax = policyOf(codePolicy(487, 'track', { rise: { factor: 1.5, minCount: 10, minZ: 2 } }));
    const finding = only(assessCodes(rising, lax, { recentFraction: 0.5 }));
    expect(finding.rise).toMatchObject({ recentCount: 55, earlierCount: 28, recentTotal: 4000, earlierTotal: 4000 });
    expect(finding.explanation).toBe('487 — 2.0× as frequent as earlier in the range (55 calls in the last half)');
  });

  describe('significance', () => {
    it('does not raise 2 → 4 calls even though factor and count pass', () => {
      const smallRise = withTimeline(codeOverTime(503, [1, 1, 2, 2]));
      const rule = { factor: 2, minCount: 3, minZ: 3 };
      const strict = policyOf(codePolicy(503, 'track', { rise: rule }));
      expect(assessCodes(smallRise, strict, { recentFraction: 0.5 })).toEqual([]);
      // The z-test alone stops it: with a z threshold below its z (≈ 0.82) the same rise is raised.
      const noTest = policyOf(codePolicy(503, 'track', { rise: { ...rule, minZ: 0.8 } }));
      expect(only(assessCodes(smallRise, noTest, { recentFraction: 0.5 })).rise?.z).toBeCloseTo(
        twoProportionZ(4, 2000, 2, 2000),
        12
      );
    });

    it('raises 5 → 60 calls in equal windows', () => {
      const bigRise = withTimeline(codeOverTime(503, [3, 2, 30, 30]));
      const strict = policyOf(codePolicy(503, 'track', { rise: RISE }));
      const finding = only(assessCodes(bigRise, strict, { recentFraction: 0.5 }));
      expect(finding.rise).toMatchObject({ recentCount: 60, earlierCount: 5, factor: 12 });
      expect(finding.rise?.z).toBeCloseTo(6.878, 3);
    });

    it('fires at exactly the z threshold and not just above it', () => {
      const data = withTimeline(codeOverTime(503, [10, 10, 20, 20]));
      const z = twoProportionZ(40, 2000, 20, 2000);
      const at = policyOf(codePolicy(503, 'track', { rise: { factor: 2, minCount: 40, minZ: z } }));
      const above = policyOf(codePolicy(503, 'track', { rise: { factor: 2, minCount: 40, minZ: z + 1e-9 } }));
      expect(assessCodes(data, at, { recentFraction: 0.5 })).toHaveLength(1);
      expect(assessCodes(data, above, { recentFraction: 0.5 })).toEqual([]);
    });
  });

  it('fires at exactly the factor and not just above it', () => {
    const doubled = withTimeline(codeOverTime(503, [10, 10, 20, 20]));
    const at = policyOf(codePolicy(503, 'track', { rise: { factor: 2, minCount: 10, minZ: 2.5 } }));
    const above = policyOf(codePolicy(503, 'track', { rise: { factor: 2.001, minCount: 10, minZ: 2.5 } }));
    expect(only(assessCodes(doubled, at, { recentFraction: 0.5 })).rules[0]).toMatchObject({ value: 2, threshold: 2 });
    expect(assessCodes(doubled, above, { recentFraction: 0.5 })).toEqual([]);
  });

  it('fires at exactly the minimum count and not one below it', () => {
    const data = withTimeline(codeOverTime(503, [1, 0, 0, 0, 0, 0, 5, 5]));
    const at = policyOf(codePolicy(503, 'track', { rise: { factor: 2, minCount: 10, minZ: 3 } }));
    const above = policyOf(codePolicy(503, 'track', { rise: { factor: 2, minCount: 11, minZ: 3 } }));
    expect(only(assessCodes(data, at)).rise?.recentCount).toBe(10);
    expect(assessCodes(data, above)).toEqual([]);
  });

  it('handles a code that did not occur earlier: factor Infinity, z still computed', () => {
    const data = withTimeline(codeOverTime(503, [0, 0, 0, 0, 0, 0, 15, 15]));
    const finding = only(assessCodes(data, policyOf(codePolicy(503, 'track', { rise: RISE }))));
    expect(finding.rise).toMatchObject({ factor: Infinity, earlierCount: 0, recentCount: 30 });
    expect(finding.rise?.z).toBeCloseTo(9.5047, 3);
    expect(finding.rules[0]).toMatchObject({ rule: 'rise', value: Infinity, text: 'new: none earlier in the range' });
    expect(finding.explanation).toBe('503 — new: none earlier in the range (30 calls in the last quarter)');
  });

  it('does not fire when the earlier or the recent part has no calls at all', () => {
    const lax = policyOf(codePolicy(503, 'track', { rise: { factor: 1, minCount: 1, minZ: -100 } }));
    const emptyEarlier = timelineOf([0, 0, 0, 0, 0, 0, 100, 100], { 503: [0, 0, 0, 0, 0, 0, 50, 50] });
    expect(assessCodes(withTimeline(emptyEarlier), lax)).toEqual([]);
    const emptyRecent = timelineOf([100, 100, 100, 100, 100, 100, 0, 0], { 503: [9, 9, 9, 9, 9, 9, 0, 0] });
    expect(assessCodes(withTimeline(emptyRecent), lax)).toEqual([]);
  });

  it('does not fire for a falling or flat code', () => {
    const falling = withTimeline(codeOverTime(503, [50, 50, 50, 50, 50, 50, 5, 5]));
    const flat = withTimeline(codeOverTime(503, [50, 50, 50, 50, 50, 50, 50, 50]));
    const strict = policyOf(codePolicy(503, 'track', { rise: RISE }));
    expect(assessCodes(falling, strict)).toEqual([]);
    expect(assessCodes(flat, strict)).toEqual([]);
  });

  it('keeps the rise numbers on a finding raised by another rule', () => {
    const policy503 = policyOf(codePolicy(503, 'track', { shareAtLeast: 5, rise: RISE }));
    const finding = only(assessCodes(withTimeline(codeOverTime(503, repeat(100, 8))), policy503));
    expect(finding.rules.map((rule) => rule.rule)).toEqual(['share']);
    expect(finding.rise).toMatchObject({ recentCount: 200, earlierCount: 600, factor: 1, z: 0 });
  });

  it('takes counts from `codes` and only the rise from the timeline', () => {
    const timeline = timelineOf(repeat(1000, 8), {
      200: repeat(900, 8),
      487: [0, 0, 0, 0, 0, 0, 50, 50],
      499: [0, 0, 0, 0, 0, 0, 50, 50],
    });
    const both = policyOf(
      codePolicy(487, 'track', { rise: RISE }),
      codePolicy(499, 'track', { rise: RISE }),
      codePolicy(486, 'track', { rise: RISE })
    );
    const codes = [
      { code: 200, count: 7200 },
      { code: 487, count: 120 },
      { code: 486, count: 30 },
    ];
    const findings = assessCodes({ codes, total: 8000, timeline }, both);
    // 499 is in the timeline only: not assessed. 486 is in `codes` only: no series, so no rise.
    expect(findings.map((finding) => finding.code)).toEqual([487]);
    expect(findings[0].count).toBe(120);
    expect(findings[0].rise?.recentCount).toBe(100);
  });

  it('tolerates NaN, negative and missing bucket values', () => {
    const timeline: Timeline = {
      times: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => START + i * HOUR),
      totals: [1000, NaN, 1000, -5, 1000, 1000, 1000, 1000],
      byCode: { 503: [1, NaN, 1, -3, 1, 1, 60, 60] as number[], 200: [1] },
    };
    const finding = only(
      assessCodes(
        { codes: [{ code: 503, count: 124 }], total: 6000, timeline },
        policyOf(codePolicy(503, 'track', { rise: RISE }))
      )
    );
    expect(finding.rise).toMatchObject({ recentCount: 120, earlierCount: 4, recentTotal: 2000, earlierTotal: 4000 });
  });
});

describe('when the rise rule cannot be checked', () => {
  const codes = [
    { code: 200, count: 9000 },
    { code: 487, count: 400 },
    { code: 503, count: 590 },
    { code: 408, count: 10 },
  ];

  it('adds one notice asking for a date histogram and still applies the other rules', () => {
    const { findings, notices } = assessDistribution({ codes, total: 10_000 }, RUNBOOK_LIKE);
    expect(findings.map((finding) => finding.code)).toEqual([408, 503]);
    expect(notices).toHaveLength(1);
    expect(notices[0].kind).toBe('rise-needs-histogram');
    expect(notices[0].message).toContain('487, 503');
    expect(notices[0].message).toContain('date histogram');
    expect(notices[0].message).toContain('terms');
    expect(findings.every((finding) => finding.rise === undefined)).toBe(true);
  });

  it('names at most six codes in the notice', () => {
    const many = [480, 503, 487, 404, 403, 486, 484, 401].map((code) => ({ code, count: 1 }));
    const policy = policyOf(...many.map(({ code }) => codePolicy(code, 'track', { rise: RISE })));
    const { notices } = assessDistribution({ codes: many, total: 100 }, policy);
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toContain('(401, 403, 404, 480, 484, 486 and 2 more)');
  });

  it('adds no notice when no code present has a rise rule', () => {
    const onlyImmediate = [
      { code: 200, count: 900 },
      { code: 408, count: 1 },
      { code: 503, count: 0 },
    ];
    expect(assessDistribution({ codes: onlyImmediate, total: 901 }, RUNBOOK_LIKE).notices).toEqual([]);
  });

  it('adds no notice when the timeline is usable', () => {
    const timeline = timelineOf(repeat(100, 4), { 200: repeat(90, 4), 503: repeat(10, 4) });
    expect(assessDistribution(withTimeline(timeline), RUNBOOK_LIKE).notices).toEqual([]);
  });

  it('explains a single time bucket, unordered buckets and a window covering the whole range', () => {
    const one = timelineOf([1000], { 200: [900], 503: [100] });
    expect(assessDistribution(withTimeline(one), RUNBOOK_LIKE).notices[0].message).toContain('single time bucket');

    const unordered = { ...timelineOf(repeat(100, 3), { 503: repeat(10, 3) }), times: [3, 2, 1] };
    const unorderedNotice = assessDistribution(withTimeline(unordered), RUNBOOK_LIKE).notices;
    expect(unorderedNotice).toHaveLength(1);
    expect(unorderedNotice[0].message).toContain('not in ascending order');

    const day = timelineOf(repeat(100, 24), { 503: repeat(10, 24) });
    const whole = assessDistribution(withTimeline(day), RUNBOOK_LIKE, { recentMs: 24 * HOUR }).notices;
    expect(whole).toHaveLength(1);
    expect(whole[0].message).toContain('covers the whole time range');
  });

  it('treats an empty timeline like a missing one', () => {
    const notices = assessDistribution(
      { codes, total: 10_000, timeline: { times: [], totals: [], byCode: {} } },
      RUNBOOK_LIKE
    ).notices;
    expect(notices.map((notice) => notice.kind)).toEqual(['rise-needs-histogram']);
  });
});

describe('robustness', () => {
  const policy = policyOf(
    codePolicy(408, 'immediate', { anyIncident: true }),
    codePolicy(503, 'track', { shareAtLeast: 5, rise: RISE })
  );
  const empty = { findings: [], notices: [] };

  it('returns nothing for empty input or a zero, negative or non-numeric total', () => {
    expect(assessDistribution({ codes: [], total: 0 }, policy)).toEqual(empty);
    const codes = [{ code: 408, count: 5 }];
    for (const total of [0, -10, NaN, Infinity, -Infinity, '100', null, undefined]) {
      expect(assessDistribution({ codes, total: total as number }, policy)).toEqual(empty);
    }
  });

  it('ignores codes outside 200–699 and values that are not codes', () => {
    const codes = [
      { code: 99, count: 5 },
      { code: 180, count: 5 },
      { code: 700, count: 5 },
      { code: 1000, count: 5 },
      { code: 408.5, count: 5 },
      { code: -408, count: 5 },
      { code: NaN, count: 5 },
      { code: '408', count: 5 },
      { code: 408, count: 2 },
    ] as Array<{ code: number; count: number }>;
    const finding = only(assessCodes({ codes, total: 100 }, policy));
    expect(finding).toMatchObject({ code: 408, count: 2 });
  });

  it('ignores invalid counts and malformed entries', () => {
    const codes = [
      { code: 408, count: NaN },
      { code: 408, count: -3 },
      { code: 408, count: Infinity },
      { code: 408, count: '7' },
      null,
      undefined,
      42,
      { count: 5 },
      { code: 503, count: 80 },
    ] as unknown as Array<{ code: number; count: number }>;
    expect(assessCodes({ codes, total: 1000 }, policy).map((finding) => finding.code)).toEqual([503]);
  });

  it('does not count a code with less than one call', () => {
    expect(assessCodes({ codes: [{ code: 408, count: 0.5 }], total: 10 }, policy)).toEqual([]);
  });

  it('adds up repeated entries for one code', () => {
    const finding = only(
      assessCodes(
        {
          codes: [
            { code: 503, count: 30 },
            { code: 503, count: 30 },
          ],
          total: 1000,
        },
        policy
      )
    );
    expect(finding.count).toBe(60);
    expect(finding.share).toBe(6);
  });

  it('never reports a share above 100 % when the total is smaller than the counts', () => {
    const finding = only(assessCodes({ codes: [{ code: 503, count: 80 }], total: 40 }, policy));
    expect(finding.share).toBe(100);
  });

  it('does not throw on a missing distribution, missing codes or a missing policy', () => {
    expect(assessDistribution(undefined as unknown as CountsInput)).toEqual(empty);
    expect(assessDistribution(null as unknown as CountsInput)).toEqual(empty);
    expect(assessDistribution({ total: 10 } as CountsInput)).toEqual(empty);
    expect(assessDistribution({ codes: 'x', total: 10 } as unknown as CountsInput)).toEqual(empty);
    const finding = only(assessCodes({ codes: [{ code: 408, count: 1 }], total: 10 }, null as unknown as Policy));
    expect(finding.code).toBe(408);
  });

  it('does not throw on a malformed timeline', () => {
    const codes = [{ code: 503, count: 10 }];
    const timelines = [
      { times: 'x', totals: [], byCode: {} },
      { times: [1, 2, 3], totals: null, byCode: null },
      { times: [1, 2, 3], totals: [1], byCode: { 503: 'x' } },
      { times: [1, 2, 3] },
      null,
    ] as unknown as Timeline[];
    for (const timeline of timelines) {
      expect(() => assessDistribution({ codes, total: 100, timeline }, policy)).not.toThrow();
    }
  });

  it('reads the policy again on every call', () => {
    const mutable = policyOf(codePolicy(503, 'track', { shareAtLeast: 50 }));
    const input = { codes: [{ code: 503, count: 10 }], total: 100 };
    expect(assessCodes(input, mutable)).toEqual([]);
    mutable.codes[503] = codePolicy(503, 'track', { shareAtLeast: 5 });
    expect(assessCodes(input, mutable)).toHaveLength(1);
  });

  it('assessCodes gives the findings of assessDistribution', () => {
    const input = {
      codes: [
        { code: 408, count: 1 },
        { code: 503, count: 9 },
      ],
      total: 100,
    };
    expect(assessCodes(input, policy)).toEqual(assessDistribution(input, policy).findings);
  });
});

describe('recency', () => {
  const MINUTE = 60_000;
  const policy = policyOf(
    codePolicy(500, 'immediate', { anyIncident: true }),
    codePolicy(408, 'immediate', { anyIncident: true })
  );
  /** 60 one-minute buckets; 500 has calls in the given minutes, 408 two calls in minute 10. */
  function minutesWith(calls500: Record<number, number>): CountsInput {
    const series500 = repeat(0, 60).map((_, i) => calls500[i] ?? 0);
    const series408 = repeat(0, 60).map((_, i) => (i === 10 ? 2 : 0));
    return withTimeline(
      timelineOf(
        repeat(100, 60),
        { 500: series500, 408: series408, 200: series500.map((n, i) => 100 - n - series408[i]) },
        MINUTE
      )
    );
  }

  it('says when a code was first and last seen, and its calls in the last 15 minutes', () => {
    const findings = assessCodes(minutesWith({ 3: 1, 50: 4, 58: 8 }), policy);
    expect(findings.find((f) => f.code === 500)).toMatchObject({
      firstSeen: START + 3 * MINUTE,
      lastSeen: START + 58 * MINUTE,
      recentCalls: 12,
      ongoing: true,
      recencyWindowMs: 15 * MINUTE,
    });
    expect(findings.find((f) => f.code === 408)).toMatchObject({
      firstSeen: START + 10 * MINUTE,
      lastSeen: START + 10 * MINUTE,
      recentCalls: 0,
      ongoing: false,
    });
  });

  it('uses its own window, not the rise rule’s', () => {
    const input = minutesWith({ 50: 4 });
    const findings = assessCodes(input, policy, { recencyMs: 5 * MINUTE, recentMs: 30 * MINUTE });
    expect(findings.find((f) => f.code === 500)).toMatchObject({
      recentCalls: 0,
      ongoing: false,
      recencyWindowMs: 5 * MINUTE,
    });
    expect(assessCodes(input, policy, { recencyMs: 10 * MINUTE }).find((f) => f.code === 500)).toMatchObject({
      recentCalls: 4,
      ongoing: true,
    });
  });

  it('measures back from the range end when the data stops before it', () => {
    const findings = assessCodes(minutesWith({ 58: 8 }), policy, { rangeEnd: START + 80 * MINUTE });
    expect(findings.find((f) => f.code === 500)).toMatchObject({
      lastSeen: START + 58 * MINUTE,
      recentCalls: 0,
      ongoing: false,
    });
  });

  it('leaves recency out without time data, rather than calling the code over', () => {
    const [finding] = assessCodes({ codes: [{ code: 500, count: 3 }], total: 100 }, policy);
    expect(finding).not.toHaveProperty('lastSeen');
    expect(finding).not.toHaveProperty('ongoing');
    expect(finding).not.toHaveProperty('recentCalls');
    // A code counted but absent from the timeline (untimed calls) has no recency either.
    const untimed = assessCodes(
      { codes: [{ code: 500, count: 3 }], total: 100, timeline: timelineOf(repeat(100, 4), { 200: repeat(100, 4) }) },
      policy
    );
    expect(untimed[0]).not.toHaveProperty('ongoing');
  });

  it('orders ongoing findings first with ongoingFirst, keeping the urgency order otherwise', () => {
    const findings = assessCodes(minutesWith({ 58: 1 }), policy);
    // 408 has more calls, so it comes first by urgency; 500 is ongoing, so it comes first by recency.
    expect(findings.map((f) => f.code)).toEqual([408, 500]);
    expect([...findings].sort(ongoingFirst).map((f) => f.code)).toEqual([500, 408]);
    const unknown = { ...findings[0], ongoing: undefined };
    expect([findings[0], unknown].sort(ongoingFirst)[0]).toBe(unknown);
  });
});
