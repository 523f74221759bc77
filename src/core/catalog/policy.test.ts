import registryJson from './registry.json';
import { CodePolicy, RuleConfig, Severity } from '../types';
import { DEFAULT_POLICY, REGISTRY, classDefaultPolicy, policyFor, FOLLOW_UP, RUNBOOK_POLICIES } from './index';

/** Whether a code's rules would raise it for `count` calls out of `total`, with no history (so no rise). */
function raisedWithoutHistory(rules: RuleConfig, count: number, total: number): boolean {
  const share = (count / total) * 100;
  return (
    (rules.anyIncident && count > 0) ||
    (rules.shareAtLeast !== null && share >= rules.shareAtLeast) ||
    (rules.countAtLeast !== null && count >= rules.countAtLeast)
  );
}

const RUNBOOK: Record<number, Severity> = {
  200: 'normal',
  403: 'track',
  404: 'track',
  408: 'immediate',
  480: 'track',
  487: 'track',
  488: 'immediate',
  500: 'immediate',
  503: 'track',
  603: 'immediate',
};
const RUNBOOK_CODES = Object.keys(RUNBOOK).map(Number);
const IMMEDIATE = RUNBOOK_CODES.filter((code) => RUNBOOK[code] === 'immediate');
const TRACKED = RUNBOOK_CODES.filter((code) => RUNBOOK[code] === 'track');

function expectCompleteGuidance(policy: CodePolicy): void {
  expect(policy.guidance.meaning.trim()).not.toBe('');
  expect(policy.guidance.meaning).not.toMatch(/\n/);
  expect(policy.guidance.action.trim()).not.toBe('');
  expect(policy.guidance.action).not.toMatch(/\n/);
  expect(policy.guidance.causes.length).toBeGreaterThan(0);
  expect(policy.guidance.checks.length).toBeGreaterThan(0);
  for (const line of [...policy.guidance.causes, ...policy.guidance.checks]) {
    expect(line.trim()).not.toBe('');
  }
  expect(policy.rationale.trim()).not.toBe('');
  expect(policy.followUp.trim()).not.toBe('');
}

describe('runbook codes', () => {
  it('covers exactly the ten runbook codes', () => {
    expect(RUNBOOK_POLICIES.map((policy) => policy.code).sort()).toEqual(RUNBOOK_CODES.sort());
  });

  it.each(RUNBOOK_CODES)('%i has the runbook severity, origin and full guidance', (code) => {
    const policy = policyFor(code);
    expect(policy.code).toBe(code);
    expect(policy.origin).toBe('runbook');
    expect(policy.severity).toBe(RUNBOOK[code]);
    expect(policy.reason).toBe(REGISTRY.find((entry) => entry.code === code)?.reason);
    expectCompleteGuidance(policy);
  });

  it.each(IMMEDIATE)('%i is investigated at the first incident', (code) => {
    const { rules, followUp } = policyFor(code);
    expect(rules.anyIncident).toBe(true);
    expect(followUp).toBe('Investigate every one');
    expect(raisedWithoutHistory(rules, 1, 10_000)).toBe(true);
  });

  it.each(TRACKED)('%i is tracked: a share threshold and a rise rule, no single-incident rule', (code) => {
    const { rules, followUp } = policyFor(code);
    expect(rules.anyIncident).toBe(false);
    expect(rules.shareAtLeast).toEqual(expect.any(Number));
    expect(rules.countAtLeast).toBeNull();
    expect(rules.rise).toEqual({ factor: 2, minCount: 10, minZ: 3 });
    expect(followUp).toBe('Track: investigate significant numbers or a rise');
  });

  it.each(TRACKED)('%i: one call among 10,000 is not raised, 30 %% of calls is', (code) => {
    const { rules } = policyFor(code);
    expect(raisedWithoutHistory(rules, 1, 10_000)).toBe(false);
    expect(raisedWithoutHistory(rules, 3_000, 10_000)).toBe(true);
    // A single call can never make a rise either.
    expect(rules.rise!.minCount).toBeGreaterThan(1);
  });

  it('uses the agreed share thresholds (487 above its normal background)', () => {
    expect(policyFor(480).rules.shareAtLeast).toBe(5);
    expect(policyFor(503).rules.shareAtLeast).toBe(5);
    expect(policyFor(487).rules.shareAtLeast).toBeGreaterThanOrEqual(10);
    expect(policyFor(487).rules.shareAtLeast).toBeLessThanOrEqual(15);
  });

  it('200 is normal with no rules', () => {
    const { rules, followUp } = policyFor(200);
    expect(followUp).toBe('Normal');
    expect(rules).toEqual({ anyIncident: false, shareAtLeast: null, countAtLeast: null, rise: null });
  });

  it('says where to look in traces and logs', () => {
    const checks = (code: number) => policyFor(code).guidance.checks.join(' | ');
    expect(checks(480)).toMatch(/X-Reason/);
    expect(checks(404)).toMatch(/Request-URI/);
    expect(checks(488)).toMatch(/m= lines/);
    expect(checks(487)).toMatch(/INVITE to CANCEL/);
    expect(checks(500)).toMatch(/feature-server log.*Call-ID/i);
  });

  it('adds the gateway code paths as further causes', () => {
    const causes = (code: number) => policyFor(code).guidance.causes.join(' | ');
    expect(causes(603)).toMatch(/scanner filter.*statelessly.*no call record/);
    expect(causes(603)).toMatch(/finished without answering/);
    expect(causes(480)).toMatch(/webhook failed or returned an invalid payload/);
    expect(causes(408)).toMatch(/Timer B.*32 s/);
    expect(causes(503)).toMatch(/inactive/);
    expect(causes(503)).toMatch(/Maximum Calls In Progress/);
    expect(causes(503)).toMatch(/No Active Subscription/);
    expect(causes(404)).toMatch(/Number Not Provisioned/);
    expect(causes(403)).toMatch(/spammer/);
  });

  it('keeps the runbook’s own cause first', () => {
    expect(policyFor(403).guidance.causes[0]).toMatch(/scanner/i);
    expect(policyFor(404).guidance.causes[0]).toMatch(/not set up its trunk or numbers/);
    expect(policyFor(480).guidance.causes[0]).toMatch(/No feature server/);
    expect(policyFor(603).guidance.causes[0]).toMatch(/Voice Gateway endpoint/);
  });
});

describe('registry codes', () => {
  it('holds the 75 registered codes, ascending, as in registry.json', () => {
    expect(REGISTRY).toHaveLength(75);
    expect(REGISTRY.map((entry) => entry.code)).toEqual(
      [...registryJson.map((entry) => entry.code)].sort((a, b) => a - b)
    );
    expect(Object.isFrozen(REGISTRY)).toBe(true);
  });

  it.each(REGISTRY.map((entry) => [entry.code, entry.reason] as const))(
    '%i resolves with its IANA phrase "%s"',
    (code, reason) => {
      const policy = policyFor(code);
      expect(policy.code).toBe(code);
      expect(policy.reason).toBe(reason);
      expect(['runbook', 'registry']).toContain(policy.origin);
      expectCompleteGuidance(policy);
      expect(DEFAULT_POLICY.codes[code]).toBe(policy);
    }
  );

  it('knows the current names of renamed codes', () => {
    expect(policyFor(437).reason).toBe('Unsupported Credential');
    expect(policyFor(500).reason).toBe('Server Internal Error');
    expect(policyFor(202).reason).toBe('Accepted (Deprecated)');
  });

  it('applies the class defaults to registered codes without specific policy', () => {
    expect(policyFor(180)).toMatchObject({
      severity: 'normal',
      origin: 'registry',
      rules: { anyIncident: false, shareAtLeast: null, rise: null },
    });
    expect(policyFor(180).followUp).toMatch(/Provisional/);
    expect(policyFor(202)).toMatchObject({ severity: 'normal', followUp: FOLLOW_UP.normal });
    expect(policyFor(302)).toMatchObject({ severity: 'track', rules: { shareAtLeast: 1, anyIncident: false } });
    expect(policyFor(302).rules.rise).not.toBeNull();
    expect(policyFor(416)).toMatchObject({ severity: 'track', rules: { shareAtLeast: 5, anyIncident: false } });
    expect(policyFor(416).rules.rise).not.toBeNull();
    expect(policyFor(513)).toMatchObject({
      severity: 'immediate',
      followUp: FOLLOW_UP.immediate,
      rules: { anyIncident: true },
    });
    expect(policyFor(607)).toMatchObject({ severity: 'track', rules: { shareAtLeast: 5 } });
  });

  it('gives class meanings in the guidance', () => {
    expect(policyFor(183).guidance.meaning).toMatch(/^Session Progress\. Provisional/);
    expect(policyFor(405).guidance.meaning).toMatch(/Request failure/);
    expect(policyFor(501).guidance.meaning).toMatch(/Server failure/);
    expect(policyFor(380).guidance.meaning).toMatch(/Redirection/);
    expect(policyFor(608).guidance.meaning).not.toBe(policyFor(606).guidance.meaning);
  });

  it.each([401, 407, 481, 484, 486, 502, 504, 600, 604])('%i has its own meaning, action and causes', (code) => {
    const policy = policyFor(code);
    const generic = classDefaultPolicy(code);
    expect(policy.origin).toBe('registry');
    expect(policy.guidance.meaning).not.toBe(generic.guidance.meaning);
    expect(policy.guidance.action).not.toBe(generic.guidance.action);
    expect(policy.guidance.causes).not.toEqual(generic.guidance.causes);
    expect(policy.severity).toBe(generic.severity);
  });

  it('keeps class-default rules for well-known codes, except the challenge codes', () => {
    for (const code of [481, 484, 486, 502, 504, 600, 604]) {
      expect(policyFor(code).rules).toEqual(classDefaultPolicy(code).rules);
    }
    for (const code of [401, 407]) {
      expect(policyFor(code).rules.shareAtLeast).toBe(50);
      expect(policyFor(code).rationale).toMatch(/challenge/);
    }
  });
});

describe('codes outside the registry', () => {
  it.each([
    [299, 'Unregistered 2xx', 'normal'],
    [399, 'Unregistered 3xx', 'track'],
    [499, 'Unregistered 4xx', 'track'],
    [599, 'Unregistered 5xx', 'immediate'],
    [699, 'Unregistered 6xx', 'track'],
    [150, 'Unregistered 1xx', 'normal'],
  ] as const)('%i gets its class default', (code, reason, severity) => {
    const policy = policyFor(code);
    expect(policy).toMatchObject({ code, reason, severity, origin: 'class-default' });
    expect(policy.rationale).toMatch(/not in the IANA registry/);
    expectCompleteGuidance(policy);
  });

  it.each([42, 0, -1, 700, 999, 404.5, NaN, Infinity])(
    '%p is not a SIP code: labelled, never assessed, no throw',
    (value) => {
      const policy = policyFor(value);
      expect(policy.reason).toBe('Not a SIP status code');
      expect(policy.severity).toBe('normal');
      expect(policy.rules).toEqual({ anyIncident: false, shareAtLeast: null, countAtLeast: null, rise: null });
    }
  );

  it('survives a malformed policy argument', () => {
    expect(policyFor(503, undefined)).toBe(DEFAULT_POLICY.codes[503]);
    expect(policyFor(503, {} as never).reason).toBe('Service Unavailable');
    expect(policyFor(503, { codes: null } as never).reason).toBe('Service Unavailable');
    expect(policyFor(503, { codes: { 503: 'x' } } as never).reason).toBe('Service Unavailable');
  });

  it('prefers the given policy’s entry', () => {
    const custom = { ...DEFAULT_POLICY.codes[503], severity: 'immediate' as const };
    expect(policyFor(503, { codes: { 503: custom } })).toBe(custom);
    expect(policyFor(404, { codes: { 503: custom } })).toBe(DEFAULT_POLICY.codes[404]);
  });
});

describe('DEFAULT_POLICY', () => {
  it('is deeply frozen', () => {
    const policy = DEFAULT_POLICY.codes[503];
    expect(Object.isFrozen(DEFAULT_POLICY.codes)).toBe(true);
    expect(Object.isFrozen(policy.rules.rise)).toBe(true);
    expect(Object.isFrozen(policy.guidance.causes)).toBe(true);
    expect(() => {
      (policy.rules as { shareAtLeast: number }).shareAtLeast = 50;
    }).toThrow(TypeError);
  });

  it('shares no mutable parts between codes', () => {
    const class4 = classDefaultPolicy(415);
    class4.guidance.causes.push('changed');
    class4.rules.rise!.factor = 9;
    expect(classDefaultPolicy(416).guidance.causes).not.toContain('changed');
    expect(classDefaultPolicy(416).rules.rise!.factor).toBe(2);
  });

  it('has exactly the registry codes', () => {
    expect(
      Object.keys(DEFAULT_POLICY.codes)
        .map(Number)
        .sort((a, b) => a - b)
    ).toEqual(REGISTRY.map((entry) => entry.code));
  });
});
