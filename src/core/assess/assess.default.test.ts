/**
 * The shipped policy (runbook + registry + class defaults) through assessment: what the product promises by default.
 */
import { DEFAULT_POLICY, DEFAULT_SHARE_MIN_COUNT } from '../catalog';
import { CountsInput, Timeline } from '../types';
import { assessCodes, assessDistribution } from './assess';
import { codesOf, repeat, sum, timelineOf } from './testing/policies';

function withTimeline(timeline: Timeline): CountsInput {
  return { codes: codesOf(timeline), total: sum(timeline.totals), timeline };
}

describe('assessment with the default policy', () => {
  it('is the policy used when none is given', () => {
    const input = {
      codes: [
        { code: 200, count: 9000 },
        { code: 503, count: 900 },
        { code: 408, count: 3 },
      ],
      total: 9903,
    };
    expect(assessDistribution(input)).toEqual(assessDistribution(input, DEFAULT_POLICY));
    expect(assessCodes(input).length).toBeGreaterThan(0);
  });

  it('does not raise a single tracked code among 10,000 calls', () => {
    const codes = [
      { code: 200, count: 9999 },
      { code: 404, count: 1 },
    ];
    expect(assessCodes({ codes, total: 10_000 })).toEqual([]);
    // Nor when that one call is recent: a single call is never a significant rise.
    const timeline = timelineOf(repeat(1250, 8), {
      200: [1250, 1250, 1250, 1250, 1250, 1250, 1250, 1249],
      404: [0, 0, 0, 0, 0, 0, 0, 1],
    });
    expect(assessCodes(withTimeline(timeline))).toEqual([]);
  });

  it('raises a tracked code at 30 % of calls', () => {
    const findings = assessCodes({
      codes: [
        { code: 200, count: 7000 },
        { code: 404, count: 3000 },
      ],
      total: 10_000,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 404, severity: 'track', count: 3000, share: 30 });
    expect(findings[0].rules.map((rule) => rule.rule)).toEqual(['share']);
    expect(findings[0].explanation).toMatch(/^404 — 30\.0 % of calls \(3,000\); above \d+ %$/);
  });

  it('needs enough calls before a share counts: 5 % of a quiet hour is not an alarm', () => {
    const quiet = {
      codes: [
        { code: 200, count: 57 },
        { code: 404, count: 3 },
      ],
      total: 60,
    };
    expect(DEFAULT_POLICY.codes[404].rules.shareMinCount).toBe(DEFAULT_SHARE_MIN_COUNT);
    expect(assessCodes(quiet)).toEqual([]);
    const busier = {
      codes: [
        { code: 200, count: 190 },
        { code: 404, count: DEFAULT_SHARE_MIN_COUNT },
      ],
      total: 190 + DEFAULT_SHARE_MIN_COUNT,
    };
    expect(assessCodes(busier).map((finding) => finding.code)).toEqual([404]);
  });

  it('raises every runbook "immediate" code at its first call, before tracked codes', () => {
    const codes = [
      { code: 200, count: 5000 },
      { code: 503, count: 4000 },
      { code: 408, count: 1 },
      { code: 488, count: 1 },
      { code: 500, count: 1 },
      { code: 603, count: 1 },
    ];
    const findings = assessCodes({ codes, total: 9004 });
    expect(findings.map((finding) => [finding.code, finding.severity])).toEqual([
      [408, 'immediate'],
      [488, 'immediate'],
      [500, 'immediate'],
      [603, 'immediate'],
      [503, 'track'],
    ]);
    expect(findings[0].explanation).toBe('408 — 1 call; investigate every one');
  });

  it('never raises answered calls', () => {
    expect(assessCodes({ codes: [{ code: 200, count: 1_000_000 }], total: 1_000_000 })).toEqual([]);
  });

  it('raises a significant rise of a tracked code but not a small-number one', () => {
    const big = timelineOf(repeat(1000, 4), { 200: [997, 998, 970, 970], 503: [3, 2, 30, 30] });
    const small = timelineOf(repeat(1000, 4), { 200: [999, 999, 998, 998], 503: [1, 1, 2, 2] });
    const raised = assessCodes(withTimeline(big), DEFAULT_POLICY, { recentFraction: 0.5 });
    expect(raised.map((finding) => finding.code)).toEqual([503]);
    expect(raised[0].rules.map((rule) => rule.rule)).toEqual(['rise']);
    expect(raised[0].explanation).toBe('503 — 12.0× as frequent as earlier in the range (60 calls in the last half)');
    expect(assessCodes(withTimeline(small), DEFAULT_POLICY, { recentFraction: 0.5 })).toEqual([]);
  });

  it('asks for a date histogram when a tracked code is present without a timeline', () => {
    const { notices } = assessDistribution({
      codes: [
        { code: 200, count: 990 },
        { code: 487, count: 10 },
      ],
      total: 1000,
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'rise-needs-histogram' });
    expect(notices[0].message).toContain('487');
  });
});
