import fc from 'fast-check';
import { CodePolicy, Policy, PolicyIssue } from '../types';
import { DEFAULT_POLICY, REGISTRY, buildPolicy, exportOverrides, policyFor } from './index';

function issueFor(issues: PolicyIssue[], code: string, field: string): PolicyIssue {
  const found = issues.find((issue) => issue.code === code && issue.field === field);
  if (!found) {
    throw new Error(`no issue for ${code} ${field}; issues: ${JSON.stringify(issues)}`);
  }
  return found;
}

function withoutOrigin(policy: CodePolicy): Omit<CodePolicy, 'origin'> {
  const { origin, ...rest } = policy;
  return rest;
}

describe('buildPolicy without overrides', () => {
  it.each([undefined, null, '', '   ', {}, '{}', 'null'])('%p gives the defaults and no issues', (input) => {
    const { policy, issues } = buildPolicy(input);
    expect(issues).toEqual([]);
    expect(policy.codes).toEqual(DEFAULT_POLICY.codes);
  });
});

describe('buildPolicy with valid overrides', () => {
  it('merges an object over the defaults and marks the code as overridden', () => {
    const { policy, issues } = buildPolicy({
      503: {
        severity: 'immediate',
        rules: { shareAtLeast: 2, countAtLeast: 20 },
        guidance: { action: 'Call the on-call engineer.' },
      },
    });
    expect(issues).toEqual([]);
    const code503 = policy.codes[503];
    expect(code503.origin).toBe('override');
    expect(code503.severity).toBe('immediate');
    expect(code503.rules).toEqual({
      anyIncident: false,
      shareAtLeast: 2,
      countAtLeast: 20,
      shareMinCount: DEFAULT_POLICY.codes[503].rules.shareMinCount,
      rise: DEFAULT_POLICY.codes[503].rules.rise,
    });
    expect(code503.guidance.action).toBe('Call the on-call engineer.');
    // Untouched parts keep their defaults.
    expect(code503.guidance.meaning).toBe(DEFAULT_POLICY.codes[503].guidance.meaning);
    expect(code503.guidance.causes).toEqual(DEFAULT_POLICY.codes[503].guidance.causes);
    expect(code503.reason).toBe('Service Unavailable');
    expect(policy.codes[404]).toBe(DEFAULT_POLICY.codes[404]);
  });

  it('reads the same overrides from JSON text', () => {
    const json = JSON.stringify({
      '487': { rules: { shareAtLeast: 8 } },
      '408': { guidance: { causes: ['Our SBC pool is flaky'] } },
    });
    const { policy, issues } = buildPolicy(json);
    expect(issues).toEqual([]);
    expect(policy.codes[487].rules.shareAtLeast).toBe(8);
    expect(policy.codes[408].guidance.causes).toEqual(['Our SBC pool is flaky']);
    expect(policy.codes[408].origin).toBe('override');
  });

  it('switches rules off with null or false', () => {
    const { policy, issues } = buildPolicy({
      503: { rules: { shareAtLeast: null, rise: false } },
      408: { rules: { anyIncident: false } },
    });
    expect(issues).toEqual([]);
    expect(policy.codes[503].rules).toMatchObject({ shareAtLeast: null, rise: null });
    expect(policy.codes[408].rules.anyIncident).toBe(false);
  });

  it('merges a partial rise rule over the current one, and {} switches the default rise on', () => {
    const { policy } = buildPolicy({ 503: { rules: { rise: { factor: 3 } } }, 408: { rules: { rise: {} } } });
    expect(policy.codes[503].rules.rise).toEqual({ factor: 3, minCount: 10, minZ: 3 });
    expect(policy.codes[408].rules.rise).toEqual({ factor: 2, minCount: 10, minZ: 3 });
  });

  it('describes changed rules in words unless the team wrote its own', () => {
    const { policy } = buildPolicy({
      487: { rules: { anyIncident: true } },
      503: { rules: { shareAtLeast: null, rise: null } },
      404: { rules: { anyIncident: true }, followUp: 'Page the provisioning team' },
    });
    expect(policy.codes[487].followUp).toBe('Investigate every one');
    expect(policy.codes[503].followUp).toBe('Normal');
    expect(policy.codes[404].followUp).toBe('Page the provisioning team');
  });

  it('adds new codes on top of their class default', () => {
    const { policy, issues } = buildPolicy({
      499: { reason: 'Carrier Blocked', severity: 'immediate', rules: { anyIncident: true } },
    });
    expect(issues).toEqual([]);
    expect(policy.codes[499]).toMatchObject({
      code: 499,
      reason: 'Carrier Blocked',
      severity: 'immediate',
      origin: 'override',
      rules: { anyIncident: true },
    });
    expect(policyFor(499, policy).reason).toBe('Carrier Blocked');
    expect(policy.codes[499].guidance.meaning).toMatch(/Request failure/);
  });

  it('removes notes with "" or null and replaces them with text', () => {
    const { policy, issues } = buildPolicy({
      408: { guidance: { notes: '' } },
      603: { guidance: { notes: null } },
      500: { guidance: { notes: '**Call DBA**' } },
    });
    expect(issues).toEqual([]);
    expect(policy.codes[408].guidance).not.toHaveProperty('notes');
    expect(policy.codes[603].guidance).not.toHaveProperty('notes');
    expect(policy.codes[500].guidance.notes).toBe('**Call DBA**');
  });

  it('never changes the defaults', () => {
    buildPolicy({ 503: { severity: 'normal', guidance: { causes: ['x'] } } });
    expect(DEFAULT_POLICY.codes[503].severity).toBe('track');
    expect(DEFAULT_POLICY.codes[503].guidance.causes).not.toEqual(['x']);
  });

  it('accepts codes with surrounding spaces and merges a code given twice', () => {
    const { policy, issues } = buildPolicy({
      '503': { severity: 'immediate' },
      ' 503 ': { rules: { countAtLeast: 4 } },
    });
    expect(issues).toEqual([]);
    expect(policy.codes[503]).toMatchObject({ severity: 'immediate', rules: { countAtLeast: 4 } });
  });
});

describe('buildPolicy with invalid fields', () => {
  const defaults503 = DEFAULT_POLICY.codes[503];

  it('names code and field, keeps that field’s default and applies the rest', () => {
    const { policy, issues } = buildPolicy({ 503: { rules: { shareAtLeast: 'five', countAtLeast: 50 } } });
    expect(issues).toHaveLength(1);
    const issue = issueFor(issues, '503', 'rules.shareAtLeast');
    expect(issue.message).toContain('503.rules.shareAtLeast must be a number between 0 and 100 or null, got "five"');
    expect(policy.codes[503].rules.shareAtLeast).toBe(defaults503.rules.shareAtLeast);
    expect(policy.codes[503].rules.countAtLeast).toBe(50);
    expect(policy.codes[503].origin).toBe('override');
  });

  it.each<[string, unknown, string, string]>([
    ['severity', 'urgent', 'severity', 'one of "immediate", "track", "normal"'],
    ['reason', 42, 'reason', 'a non-empty string'],
    ['reason', '  ', 'reason', 'a non-empty string'],
    ['followUp', ['a'], 'followUp', 'a non-empty string'],
    ['rationale', null, 'rationale', 'a non-empty string'],
    ['rules', 'strict', 'rules', 'an object'],
    ['rules', null, 'rules', 'an object'],
    ['guidance', ['do this'], 'guidance', 'an object'],
  ])('top-level %s = %p is reported', (field, value, issueField, expected) => {
    const { policy, issues } = buildPolicy({ 503: { [field]: value } });
    const issue = issueFor(issues, '503', issueField);
    expect(issue.message).toContain(`503.${issueField} must be ${expected}`);
    expect(policy.codes[503]).toEqual(defaults503);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ anyIncident: 'yes' }, 'rules.anyIncident', 'true or false'],
    [{ shareAtLeast: -1 }, 'rules.shareAtLeast', 'a number between 0 and 100 or null'],
    [{ shareAtLeast: 101 }, 'rules.shareAtLeast', 'a number between 0 and 100 or null'],
    [{ shareAtLeast: '5' }, 'rules.shareAtLeast', 'a number between 0 and 100 or null'],
    [{ shareAtLeast: Number.NaN }, 'rules.shareAtLeast', 'a number between 0 and 100 or null'],
    [{ countAtLeast: 2.5 }, 'rules.countAtLeast', 'a whole number ≥ 0 or null'],
    [{ countAtLeast: -3 }, 'rules.countAtLeast', 'a whole number ≥ 0 or null'],
    [{ shareMinCount: 'ten' }, 'rules.shareMinCount', 'a whole number ≥ 0 or null'],
    [{ rise: 'on' }, 'rules.rise', 'an object'],
    [{ rise: { factor: 1 } }, 'rules.rise.factor', 'a number greater than 1'],
    [{ rise: { factor: 0.5 } }, 'rules.rise.factor', 'a number greater than 1'],
    [{ rise: { minCount: 1.5 } }, 'rules.rise.minCount', 'a whole number ≥ 0'],
    [{ rise: { minZ: -2 } }, 'rules.rise.minZ', 'a number ≥ 0'],
  ])('rules %p is reported and the default kept', (rules, field, expected) => {
    const { policy, issues } = buildPolicy({ 503: { rules } });
    expect(issues).toHaveLength(1);
    expect(issueFor(issues, '503', field).message).toContain(`503.${field} must be ${expected}`);
    expect(policy.codes[503].rules).toEqual(defaults503.rules);
  });

  it('keeps the valid parts of a rise rule', () => {
    const { policy, issues } = buildPolicy({ 503: { rules: { rise: { factor: 4, minZ: 'high' } } } });
    expect(issueFor(issues, '503', 'rules.rise.minZ').message).toContain('got "high"; keeping 3');
    expect(policy.codes[503].rules.rise).toEqual({ factor: 4, minCount: 10, minZ: 3 });
  });

  it('does not switch a rise rule on when all its fields are broken', () => {
    const { policy, issues } = buildPolicy({ 408: { rules: { rise: { factor: 'x' } } } });
    expect(issues).toHaveLength(1);
    expect(policy.codes[408].rules.rise).toBeNull();
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ meaning: '' }, 'guidance.meaning', 'a non-empty string'],
    [{ action: 7 }, 'guidance.action', 'a non-empty string'],
    [{ causes: 'scanners' }, 'guidance.causes', 'a list of strings'],
    [{ checks: ['ok', 3] }, 'guidance.checks', 'a list of strings'],
    [{ handOff: 'the pcap' }, 'guidance.handOff', 'a list of strings'],
    [{ notes: { md: 'x' } }, 'guidance.notes', 'a markdown string'],
  ])('guidance %p is reported and the default kept', (guidance, field, expected) => {
    const { policy, issues } = buildPolicy({ 503: { guidance } });
    expect(issueFor(issues, '503', field).message).toContain(`503.${field} must be ${expected}`);
    expect(policy.codes[503].guidance).toEqual(defaults503.guidance);
  });

  it('reports unknown fields at every level and applies the known ones', () => {
    const { policy, issues } = buildPolicy({
      503: {
        colour: 'red',
        severity: 'immediate',
        rules: { everyTime: true, rise: { window: '1h' } },
        guidance: { link: 'x' },
      },
    });
    expect(issueFor(issues, '503', 'colour').message).toMatch(
      /503\.colour is not a known field.*known fields: reason, severity/
    );
    expect(issueFor(issues, '503', 'rules.everyTime').message).toMatch(/not a known field/);
    expect(issueFor(issues, '503', 'rules.rise.window').message).toMatch(/known fields: factor, minCount, minZ/);
    expect(issueFor(issues, '503', 'guidance.link').message).toMatch(/not a known field/);
    expect(policy.codes[503].severity).toBe('immediate');
    expect(policy.codes[503].rules.rise).toEqual(defaults503.rules.rise);
  });

  it.each(['abc', '42', '700', '5xx', '503.5', '', '__proto__'])(
    'key %p is not a SIP code: reported, others still apply',
    (key) => {
      const overrides = JSON.parse(`{${JSON.stringify(key)}: {"severity": "normal"}, "408": {"severity": "track"}}`);
      const { policy, issues } = buildPolicy(overrides);
      expect(issueFor(issues, key, '').message).toMatch(/is not a SIP status code/);
      expect(policy.codes[408].severity).toBe('track');
      expect(Object.keys(policy.codes)).toHaveLength(REGISTRY.length);
    }
  );

  it('reports a code whose override is not an object', () => {
    const { policy, issues } = buildPolicy({ 503: 'immediate', 404: [1] });
    expect(issueFor(issues, '503', '').message).toBe(
      '503 must be an object of policy fields, got "immediate"; its override is ignored'
    );
    expect(issueFor(issues, '404', '').message).toContain('got [1]');
    expect(policy.codes[503]).toBe(DEFAULT_POLICY.codes[503]);
  });

  it('leaves the origin alone when nothing of an override could be applied', () => {
    const { policy } = buildPolicy({ 503: { severity: 'urgent' }, 499: { severity: 'urgent' } });
    expect(policy.codes[503]).toBe(DEFAULT_POLICY.codes[503]);
    expect(policy.codes[499]).toBeUndefined();
  });

  it('reports invalid JSON once and keeps the defaults', () => {
    const { policy, issues } = buildPolicy('{"503": {"severity": "immediate",}');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: '*', field: '' });
    expect(issues[0].message).toMatch(/^Policy overrides are not valid JSON \(.+\); the default policy is used$/);
    expect(policy.codes).toEqual(DEFAULT_POLICY.codes);
  });

  it.each([42, true, '[1, 2]', '"text"', [{ 503: {} }]])('rejects a non-object %p as a whole', (input) => {
    const { policy, issues } = buildPolicy(input);
    expect(issues).toHaveLength(1);
    expect(issues[0].code).toBe('*');
    expect(issues[0].message).toMatch(/must be an object keyed by SIP code/);
    expect(policy.codes).toEqual(DEFAULT_POLICY.codes);
  });

  it('cuts long values in messages', () => {
    const { issues } = buildPolicy({ 503: { severity: 'x'.repeat(500) } });
    expect(issues[0].message.length).toBeLessThan(200);
    expect(issues[0].message).toContain('…');
  });

  it('survives objects that throw when read', () => {
    const hostile = {};
    Object.defineProperty(hostile, 'severity', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const { policy, issues } = buildPolicy({ 503: hostile, 408: { severity: 'track' } });
    expect(issueFor(issues, '503', '').message).toMatch(/could not be read \(boom\)/);
    expect(policy.codes[503]).toBe(DEFAULT_POLICY.codes[503]);
    expect(policy.codes[408].severity).toBe('track');
  });
});

describe('buildPolicy with undefined entries', () => {
  it('reads an undefined entry at any level as absent: no issue, the default stays', () => {
    const withUndefined = {
      404: undefined,
      503: {
        severity: undefined,
        reason: undefined,
        rules: { shareAtLeast: undefined, countAtLeast: 20, anyIncident: undefined, rise: undefined },
        guidance: { notes: undefined, action: 'Call the carrier.' },
      },
      487: { rules: { rise: { factor: undefined, minCount: 7 } } },
      408: { severity: undefined, rules: undefined, guidance: undefined },
    };
    const plain = {
      503: { rules: { countAtLeast: 20 }, guidance: { action: 'Call the carrier.' } },
      487: { rules: { rise: { minCount: 7 } } },
    };
    const built = buildPolicy(withUndefined);
    expect(built.issues).toEqual([]);
    expect(built.policy).toEqual(buildPolicy(plain).policy);
    expect(built.policy.codes[404]).toBe(DEFAULT_POLICY.codes[404]);
    expect(built.policy.codes[408]).toBe(DEFAULT_POLICY.codes[408]);
    expect(built.policy.codes[503].severity).toBe(DEFAULT_POLICY.codes[503].severity);
  });

  it('switches a rise rule on with its defaults when every given field is undefined, as {} does', () => {
    const built = buildPolicy({ 408: { rules: { rise: { factor: undefined } } } });
    expect(built.issues).toEqual([]);
    expect(built.policy.codes[408].rules.rise).toEqual(
      buildPolicy({ 408: { rules: { rise: {} } } }).policy.codes[408].rules.rise
    );
  });

  it('gives the same policy and issues when undefined entries are added anywhere', () => {
    const extraKeys = fc.array(
      fc.constantFrom(
        '404',
        '503',
        'severity',
        'reason',
        'rules',
        'guidance',
        'anyIncident',
        'shareAtLeast',
        'rise',
        'factor',
        'notes'
      ),
      { maxLength: 5 }
    );
    fc.assert(
      fc.property(plausibleOverrides, extraKeys, (overrides, keys) => {
        const sprinkled = withUndefinedEntries(overrides, keys);
        expect(buildPolicy(sprinkled)).toEqual(buildPolicy(overrides));
      })
    );
  });
});

/** A copy of a JSON value with each of `keys` added as undefined to every object that lacks it. */
function withUndefinedEntries(value: unknown, keys: string[]): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => withUndefinedEntries(item, keys));
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, key, {
      value: withUndefinedEntries(item, keys),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(copy, key)) {
      copy[key] = undefined;
    }
  }
  return copy;
}

describe('exportOverrides', () => {
  it('gives only the fields that differ from the defaults', () => {
    const { policy } = buildPolicy({
      503: { severity: 'immediate', rules: { countAtLeast: 5 } },
      499: { reason: 'Carrier Blocked' },
    });
    expect(exportOverrides(policy)).toEqual({
      '499': { reason: 'Carrier Blocked' },
      '503': { severity: 'immediate', rules: { countAtLeast: 5 } },
    });
    expect(exportOverrides(DEFAULT_POLICY)).toEqual({});
  });

  it("round-trips a team's hand-off list", () => {
    const handOff = ['The pcap from our Homer', 'The ticket number'];
    const { policy, issues } = buildPolicy({ 500: { guidance: { handOff } } });
    expect(issues).toEqual([]);
    expect(policy.codes[500].guidance.handOff).toEqual(handOff);
    expect(policy.codes[500].guidance.causes).toEqual(DEFAULT_POLICY.codes[500].guidance.causes);
    expect(exportOverrides(policy)).toEqual({ '500': { guidance: { handOff } } });
  });

  it("round-trips a team's minimum calls for the share rule", () => {
    const { policy, issues } = buildPolicy({
      404: { rules: { shareMinCount: 50 } },
      480: { rules: { shareMinCount: null } },
    });
    expect(issues).toEqual([]);
    expect(policy.codes[404].rules.shareMinCount).toBe(50);
    expect(policy.codes[480].rules.shareMinCount).toBeNull();
    expect(exportOverrides(policy)).toEqual({
      '404': { rules: { shareMinCount: 50 } },
      '480': { rules: { shareMinCount: null } },
    });
  });
});

// ---------------------------------------------------------------- properties

const policyFields = fc.record(
  {
    reason: fc.oneof(fc.string(), fc.jsonValue()),
    severity: fc.oneof(fc.constantFrom('immediate', 'track', 'normal'), fc.jsonValue()),
    followUp: fc.oneof(fc.string(), fc.jsonValue()),
    rules: fc.oneof(
      fc.record(
        {
          anyIncident: fc.oneof(fc.boolean(), fc.jsonValue()),
          shareAtLeast: fc.oneof(fc.double({ min: -10, max: 110, noNaN: true }), fc.constant(null), fc.jsonValue()),
          countAtLeast: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constant(null), fc.jsonValue()),
          rise: fc.oneof(
            fc.constant(null),
            fc.record(
              {
                factor: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.jsonValue()),
                minCount: fc.integer({ min: -2, max: 50 }),
                minZ: fc.double({ min: -1, max: 6, noNaN: true }),
              },
              { requiredKeys: [] }
            ),
            fc.jsonValue()
          ),
        },
        { requiredKeys: [] }
      ),
      fc.jsonValue()
    ),
    guidance: fc.oneof(
      fc.record(
        {
          meaning: fc.oneof(fc.string(), fc.jsonValue()),
          causes: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
          notes: fc.oneof(fc.string(), fc.constant(null)),
        },
        { requiredKeys: [] }
      ),
      fc.jsonValue()
    ),
  },
  { requiredKeys: [] }
);

const codeKey = fc.oneof(
  fc.integer({ min: 100, max: 699 }).map(String),
  fc.constantFrom(...REGISTRY.map((entry) => String(entry.code))),
  fc.string()
);
const plausibleOverrides = fc.dictionary(codeKey, fc.oneof(policyFields, fc.jsonValue()), { maxKeys: 6 });

/** Every registry code present with valid values; collects problems in plain code (one expect keeps the properties fast). */
function policyProblems(policy: Policy): string[] {
  const problems: string[] = [];
  for (const code of new Set([...REGISTRY.map((entry) => entry.code), ...Object.keys(policy.codes).map(Number)])) {
    const found = policy.codes[code];
    if (!found || found.code !== code) {
      problems.push(`${code} missing`);
      continue;
    }
    const { severity, reason, rules, guidance } = found;
    const share = rules.shareAtLeast;
    const count = rules.countAtLeast;
    const checks: Array<[boolean, string]> = [
      [['immediate', 'track', 'normal'].includes(severity), 'severity'],
      [typeof reason === 'string' && reason.trim() !== '', 'reason'],
      [typeof rules.anyIncident === 'boolean', 'anyIncident'],
      [share === null || (Number.isFinite(share) && share >= 0 && share <= 100), 'shareAtLeast'],
      [count === null || (Number.isInteger(count) && count >= 0), 'countAtLeast'],
      [
        rules.rise === null || (rules.rise.factor > 1 && Number.isInteger(rules.rise.minCount) && rules.rise.minZ >= 0),
        'rise',
      ],
      [typeof guidance.meaning === 'string' && typeof guidance.action === 'string', 'guidance text'],
      [[...guidance.causes, ...guidance.checks].every((line) => typeof line === 'string'), 'guidance lists'],
      [guidance.notes === undefined || typeof guidance.notes === 'string', 'notes'],
    ];
    problems.push(...checks.filter(([ok]) => !ok).map(([, what]) => `${code}: ${what}`));
  }
  return problems;
}

describe('buildPolicy properties', () => {
  it('never throws on arbitrary JSON values, and always keeps every registry code', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const { policy, issues } = buildPolicy(value);
        expect(policyProblems(policy)).toEqual([]);
        expect(Array.isArray(issues)).toBe(true);
      })
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(policyProblems(buildPolicy(text).policy)).toEqual([]);
      })
    );
  });

  it('keeps every value valid and names a code and field in every issue, for plausible overrides', () => {
    fc.assert(
      fc.property(plausibleOverrides, (overrides) => {
        const { policy, issues } = buildPolicy(overrides);
        expect(policyProblems(policy)).toEqual([]);
        const unnamed = issues.filter(
          (issue) =>
            issue.message === '' || (issue.field !== '' && !issue.message.includes(`${issue.code}.${issue.field}`))
        );
        expect(unnamed).toEqual([]);
      })
    );
  });

  it('builds the same policy again from its exported overrides', () => {
    fc.assert(
      fc.property(plausibleOverrides, (overrides) => {
        const first = buildPolicy(overrides).policy;
        const again = buildPolicy(exportOverrides(first));
        expect(again.issues).toEqual([]);
        const codes = new Set([...Object.keys(first.codes), ...Object.keys(again.policy.codes)].map(Number));
        const changed = [...codes].filter((code) => policyFor(code, again.policy) !== policyFor(code, first));
        expect(changed.map((code) => withoutOrigin(policyFor(code, again.policy)))).toEqual(
          changed.map((code) => withoutOrigin(policyFor(code, first)))
        );
      })
    );
  });
});
