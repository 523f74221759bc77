import { buildPolicy, DEFAULT_POLICY } from '../catalog';
import { alertRulesForCode, planAlertRules, toRanges } from './plan';

function codesOf(ranges: Array<{ from: number; to: number }>): number[] {
  return ranges.flatMap(({ from, to }) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

describe('planAlertRules with the default policy', () => {
  const plan = planAlertRules();

  it('puts every code investigated at the first incident, and only those, into the any-incident rule', () => {
    const selected = codesOf(plan.anyIncident!.ranges);
    for (const code of [408, 488, 500, 502, 504, 580, 603, 599]) {
      expect(selected).toContain(code);
    }
    for (const code of [200, 403, 404, 480, 487, 503]) {
      expect(selected).not.toContain(code);
    }
    expect(plan.anyIncident!.codeCount).toBe(selected.length);
    expect(plan.anyIncident!.ranges).toEqual(
      expect.arrayContaining([
        { from: 504, to: 599 },
        { from: 500, to: 502 },
      ])
    );
  });

  it('keeps the catalog’s words per code and the class default for codes without an entry', () => {
    const notice500 = plan.anyIncident!.codes.find((c) => c.code === 500)!;
    expect(notice500.meaning).toBe(DEFAULT_POLICY.codes[500].guidance.meaning);
    expect(notice500.severity).toBe('immediate');
    expect(notice500.teamPolicy).toBe('default');
    expect(plan.anyIncident!.classes).toEqual([expect.objectContaining({ cls: 5, severity: 'immediate' })]);
    expect(plan.anyIncident!.classes[0].meaning).toMatch(/^Unregistered 5xx\./);
  });

  it('gives every tracked code its share and rise rules with the panel’s numbers', () => {
    const rules503 = plan.codeRules.filter((r) => r.code === 503);
    expect(rules503.map((r) => r.kind)).toEqual(['share', 'rise']);
    expect(rules503[0]).toMatchObject({
      uid: 'sipcodes-503-share',
      title: 'SIP 503 share (track)',
      shareAtLeast: 5,
      minCount: 10,
    });
    expect(rules503[1]).toMatchObject({ uid: 'sipcodes-503-rise', factor: 2, minCount: 10, minZ: 3 });
    const tracked = Object.values(DEFAULT_POLICY.codes).filter((p) => p.code >= 200 && p.rules.shareAtLeast !== null);
    for (const codePolicy of tracked) {
      expect(plan.codeRules.some((r) => r.code === codePolicy.code && r.kind === 'share')).toBe(true);
    }
    expect(plan.codeRules.some((r) => r.code === 200)).toBe(false);
    expect(plan.codeRules.some((r) => r.kind === 'count')).toBe(false);
  });

  it('has one no-calls rule and unique uids', () => {
    expect(plan.noCalls).toMatchObject({ uid: 'sipcodes-no-calls', severity: 'immediate' });
    const uids = [plan.anyIncident!.uid, plan.noCalls.uid, ...plan.codeRules.map((r) => r.uid)];
    expect(new Set(uids).size).toBe(uids.length);
  });
});

describe('planAlertRules with a team policy', () => {
  const { policy } = buildPolicy({
    '503': { severity: 'immediate', rules: { anyIncident: true, shareAtLeast: null, rise: { factor: 3 } } },
    '502': { rules: { anyIncident: false, countAtLeast: 0 } },
    '487': { rules: { shareAtLeast: 20, shareMinCount: 0 } },
    '180': { rules: { countAtLeast: 1 } },
  });
  const plan = planAlertRules(policy, { prefix: 'gw2-' });

  it('follows the overrides', () => {
    const selected = codesOf(plan.anyIncident!.ranges);
    expect(selected).toContain(503);
    expect(selected).not.toContain(502);
    expect(plan.anyIncident!.codes.find((c) => c.code === 503)).toMatchObject({
      severity: 'immediate',
      teamPolicy: 'custom',
    });
    expect(plan.codeRules.filter((r) => r.code === 503).map((r) => r.kind)).toEqual(['rise']);
    expect(plan.codeRules.find((r) => r.code === 503 && r.kind === 'rise')).toMatchObject({
      factor: 3,
      minCount: 10,
      minZ: 3,
    });
    expect(plan.codeRules.find((r) => r.code === 502)).toMatchObject({
      kind: 'count',
      countAtLeast: 1,
      uid: 'gw2-502-count',
    });
    expect(plan.codeRules.find((r) => r.code === 487 && r.kind === 'share')).toMatchObject({
      shareAtLeast: 20,
      minCount: 1,
      teamPolicy: 'custom',
    });
    expect(plan.codeRules.find((r) => r.code === 403)).toMatchObject({ teamPolicy: 'default' });
  });

  it('never plans rules for provisional codes', () => {
    expect(plan.codeRules.some((r) => r.code < 200)).toBe(false);
  });

  it('has no any-incident rule when no code asks for it', () => {
    const overrides: Record<string, unknown> = {};
    for (let code = 200; code <= 699; code++) {
      overrides[code] = { rules: { anyIncident: false } };
    }
    expect(planAlertRules(buildPolicy(overrides).policy).anyIncident).toBeNull();
  });

  it('refuses a prefix that cannot make uids', () => {
    expect(() => planAlertRules(DEFAULT_POLICY, { prefix: 'bad prefix' })).toThrow(/cannot prefix/);
  });
});

describe('alertRulesForCode', () => {
  it('lists the rules the generator writes for the code, for the guidance card', () => {
    expect(alertRulesForCode(503)).toEqual([
      { kind: 'share', uid: 'sipcodes-503-share', title: 'SIP 503 share (track)', label: 'SIP 503 share (track)' },
      { kind: 'rise', uid: 'sipcodes-503-rise', title: 'SIP 503 rise (track)', label: 'SIP 503 rise (track)' },
    ]);
    expect(alertRulesForCode(500)).toEqual([
      {
        kind: 'any-incident',
        uid: 'sipcodes-any-incident',
        title: 'SIP any incident',
        label: 'SIP 500 any incident (immediate)',
      },
    ]);
    expect(alertRulesForCode(599, DEFAULT_POLICY, 'x-').map((r) => r.uid)).toEqual(['x-any-incident']);
    expect(alertRulesForCode(200)).toEqual([]);
    expect(alertRulesForCode(183)).toEqual([]);
    expect(alertRulesForCode(503, DEFAULT_POLICY, 'bad prefix')).toEqual([]);
  });

  it('agrees with the plan for every code', () => {
    const plan = planAlertRules();
    const selected = new Set(codesOf(plan.anyIncident!.ranges));
    for (let code = 200; code <= 699; code++) {
      const expected = plan.codeRules.filter((r) => r.code === code).map((r) => r.uid);
      if (selected.has(code)) {
        expected.unshift(plan.anyIncident!.uid);
      }
      expect(alertRulesForCode(code).map((r) => r.uid)).toEqual(expected);
    }
  });
});

describe('toRanges', () => {
  it('joins consecutive codes', () => {
    expect(toRanges([408, 488, 500, 501, 502, 504, 505, 603])).toEqual([
      { from: 408, to: 408 },
      { from: 488, to: 488 },
      { from: 500, to: 502 },
      { from: 504, to: 505 },
      { from: 603, to: 603 },
    ]);
    expect(toRanges([])).toEqual([]);
  });
});
