/**
 * The generated conditions decide as the panel does: the same counts fire the alert exactly when they make the
 * panel raise the finding (assessCodes), checked on generated counts and rule settings. Grafana's math is evaluated
 * by testing/mathexp.ts; windows are one bucket each, so the panel's split is exactly the alert's.
 */
import fc from 'fast-check';

import { assessCodes, buildPolicy, planAlertRules, Policy, RuleConfig } from '../../../src/core';
import { alertingFile, RuleSettings } from '../../../tools/alert-rules/rules';
import type { ProvisionedRule } from '../../../tools/alert-rules/grafanaTypes';
import { evaluateMath } from './testing/mathexp';
import { decide } from './testing/rules';

const WINDOW_S = 900;
const SETTINGS: RuleSettings = {
  datasourceUid: 'voice-calls',
  codeField: 'sip_status',
  timeField: '@timestamp',
  folder: 'NOC',
  group: 'SIP',
  intervalSeconds: 60,
  windowSeconds: WINDOW_S,
  baselineSeconds: 6 * 3600,
};
const CODE = 503;

function ruleFor(
  rules: Partial<RuleConfig>,
  kind: 'share' | 'count' | 'rise'
): { rule: ProvisionedRule; policy: Policy } {
  const built = buildPolicy({ [CODE]: { rules } });
  expect(built.issues).toEqual([]);
  const file = alertingFile(planAlertRules(built.policy), SETTINGS);
  const rule = file.groups[0].rules.find((candidate) => candidate.uid === `sipcodes-${CODE}-${kind}`)!;
  return { rule, policy: built.policy };
}

/** Whether the panel raises `kind` for the code: recent counts in the last bucket, earlier ones in the first. */
function panelFires(policy: Policy, kind: string, n: number, t: number, nb = 0, tb = 0): boolean {
  const bucketMs = WINDOW_S * 1000;
  const findings = assessCodes(
    {
      codes: [
        { code: CODE, count: n + nb },
        { code: 200, count: t - n + tb - nb },
      ].filter((entry) => entry.count > 0),
      total: t + tb,
      timeline: { times: [0, bucketMs], totals: [tb, t], byCode: { [CODE]: [nb, n], 200: [tb - nb, t - n] } },
    },
    policy,
    { recentMs: bucketMs }
  );
  return findings.some((finding) => finding.code === CODE && finding.rules.some((rule) => rule.rule === kind));
}

/** Counts of one window: the code's calls never exceed all calls. */
const window = (max: number) =>
  fc.integer({ min: 0, max }).chain((total) => fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total)));

describe('share rule', () => {
  it('fires exactly when the panel’s share rule fires on the same calls, at the threshold too', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 40 }),
        window(2000),
        fc.boolean(),
        fc.boolean(),
        (randomShare, randomMin, [n, t], shareAtMeasure, minAtMeasure) => {
          // Half the time the threshold is exactly the measured share (or count): the >= boundary.
          const shareAtLeast = shareAtMeasure && t > 0 ? (n * 100) / t : randomShare;
          const shareMinCount = minAtMeasure ? n : randomMin;
          const { rule, policy } = ruleFor({ shareAtLeast, shareMinCount, rise: null }, 'share');
          const fires = decide(rule, { CODE: n, ALL: t }) === 1;
          expect(fires).toBe(t > 0 && panelFires(policy, 'share', n, t));
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe('count rule', () => {
  it('fires exactly when the panel’s count rule fires', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), window(200), (countAtLeast, [n, t]) => {
        const { rule, policy } = ruleFor({ shareAtLeast: null, countAtLeast, rise: null }, 'count');
        expect(decide(rule, { CODE: n }) === 1).toBe(t > 0 && panelFires(policy, 'count', n, t));
      }),
      { numRuns: 200 }
    );
  });
});

describe('rise rule', () => {
  const riseSettings = fc.record({
    factor: fc.double({ min: 1.01, max: 6, noNaN: true }),
    minCount: fc.integer({ min: 0, max: 30 }),
    minZ: fc.double({ min: 0, max: 5, noNaN: true }),
  });

  it('fires exactly when the panel’s rise rule fires (z-score through ** 0.5), at its thresholds too', () => {
    fc.assert(
      fc.property(
        riseSettings,
        window(1500),
        window(20_000),
        fc.constantFrom('random', 'factor', 'z', 'count'),
        (random, [n, t], [nb, tb], pinned) => {
          // Pin one threshold to exactly what these counts measure, so the >= boundaries are exercised.
          const factor = (n * tb) / (nb * t);
          const pooled = (n + nb) / (t + tb);
          const z = (n / t - nb / tb) / Math.sqrt(pooled * (1 - pooled) * (1 / t + 1 / tb));
          const rise = { ...random };
          if (pinned === 'factor' && Number.isFinite(factor) && factor > 1) {
            rise.factor = factor;
          } else if (pinned === 'z' && Number.isFinite(z) && z >= 0) {
            rise.minZ = z;
          } else if (pinned === 'count') {
            rise.minCount = n;
          }
          const { rule, policy } = ruleFor({ shareAtLeast: null, rise }, 'rise');
          const fires = decide(rule, { CODE: n, ALL: t, CODEBEFORE: nb, ALLBEFORE: tb }) === 1;
          expect(fires).toBe(panelFires(policy, 'rise', n, t, nb, tb));
        }
      ),
      { numRuns: 400 }
    );
  });

  it('agrees on the boundary cases: no earlier calls, the code alone, a doubling of a handful', () => {
    const { rule, policy } = ruleFor({ shareAtLeast: null }, 'rise');
    const cases: Array<[number, number, number, number]> = [
      [20, 100, 0, 0],
      [20, 100, 0, 5000],
      [100, 100, 400, 400],
      [4, 1000, 2, 1000],
      [60, 1000, 5, 1000],
      [0, 0, 10, 1000],
      [10, 10, 0, 1],
    ];
    for (const [n, t, nb, tb] of cases) {
      expect([n, t, nb, tb, decide(rule, { CODE: n, ALL: t, CODEBEFORE: nb, ALLBEFORE: tb }) === 1]).toEqual([
        n,
        t,
        nb,
        tb,
        panelFires(policy, 'rise', n, t, nb, tb),
      ]);
    }
  });

  it('never hands a NaN to the threshold', () => {
    const { rule } = ruleFor({ shareAtLeast: null }, 'rise');
    const fires = rule.data.find((query) => query.refId === 'FIRES')!;
    const expression = String(fires.model.expression);
    for (const [n, t, nb, tb] of [
      [0, 0, 0, 0],
      [5, 5, 0, 0],
      [10, 10, 10, 10],
      [0, 10, 0, 10],
    ]) {
      const factor = (n * tb) / (nb * t);
      const pooled = (n + nb) / (t + tb);
      const z = (n / t - nb / tb) / Math.sqrt(pooled * (1 - pooled) * (1 / t + 1 / tb));
      const value = evaluateMath(expression, { N: n, T: t, NB: nb, TB: tb, FACTOR: factor, POOLED: pooled, Z: z });
      expect(Number.isNaN(value)).toBe(false);
    }
  });
});
