import fc from 'fast-check';
import { buildPolicy, DEFAULT_RISE, policyFor, PolicyOverrides } from '../../core';
import {
  addCode,
  anyIncidentOf,
  asOverrides,
  defaultThresholdText,
  exportOverridesJson,
  importOverrides,
  markRemovals,
  overrideCodes,
  parseThreshold,
  readThreshold,
  removeCode,
  setAnyIncident,
  followUpFieldsText,
  setFollowUpFields,
  setNotes,
  setSeverity,
  setThreshold,
  thresholdIsOff,
  thresholdOf,
  ThresholdField,
} from './policyEdits';
import { mergeOptionsLikeScenes } from './testing/editorHosts';

describe('policy edits', () => {
  it('adds valid codes once', () => {
    expect(addCode({}, ' 486 ')).toEqual({ overrides: { '486': {} } });
    expect(addCode({ '486': {} }, '486').error).toMatch(/already/);
    expect(addCode({}, '999').error).toMatch(/not a SIP status code/);
    expect(addCode({}, 'abc').overrides).toEqual({});
  });

  it('removes a code and nothing else', () => {
    expect(removeCode({ '404': { severity: 'track' }, '500': {} }, '404')).toEqual({ '500': {} });
  });

  it('sets and clears severity, keeping other fields', () => {
    const withNotes = { '404': { guidance: { notes: 'n' } } };
    const set = setSeverity(withNotes, '404', 'immediate');
    expect(set).toEqual({ '404': { guidance: { notes: 'n' }, severity: 'immediate' } });
    expect(withNotes).toEqual({ '404': { guidance: { notes: 'n' } } });
    expect(setSeverity(set, '404', undefined)).toEqual(withNotes);
  });

  it('sets and clears share and count thresholds', () => {
    const set = setThreshold({ '404': {} }, '404', 'shareAtLeast', 3);
    expect(set).toEqual({ '404': { rules: { shareAtLeast: 3 } } });
    expect(thresholdOf(set['404'], 'shareAtLeast')).toBe(3);
    const both = setThreshold(set, '404', 'countAtLeast', 50);
    expect(both['404'].rules).toEqual({ shareAtLeast: 3, countAtLeast: 50 });
    expect(
      setThreshold(setThreshold(both, '404', 'countAtLeast', undefined), '404', 'shareAtLeast', undefined)
    ).toEqual({ '404': {} });
  });

  it('sets a rise factor keeping the code’s other rise settings', () => {
    const set = setThreshold({}, '487', 'riseFactor', 3);
    const defaults = policyFor(487).rules.rise;
    expect(set['487'].rules!.rise).toEqual({ ...(defaults ?? DEFAULT_RISE), factor: 3 });
    expect(buildPolicy(set).issues).toEqual([]);
    expect(buildPolicy(set).policy.codes[487].rules.rise!.factor).toBe(3);
    expect(setThreshold(set, '487', 'riseFactor', undefined)).toEqual({ '487': {} });
  });

  it('gives a code without a default rise rule the catalog’s rise settings with the factor set', () => {
    expect(policyFor(408).rules.rise).toBeNull();
    const set = setThreshold({}, '408', 'riseFactor', 4);
    expect(set['408'].rules!.rise).toEqual({ ...DEFAULT_RISE, factor: 4 });
    expect(buildPolicy(set).policy.codes[408].rules.rise).toEqual({ ...DEFAULT_RISE, factor: 4 });
  });

  it('switches share, count and rise off with null, and back to the default', () => {
    const both = { '404': { rules: { shareAtLeast: 3, countAtLeast: 50 } } };
    const shareOff = setThreshold(both, '404', 'shareAtLeast', null);
    expect(shareOff).toEqual({ '404': { rules: { shareAtLeast: null, countAtLeast: 50 } } });
    expect(thresholdIsOff(shareOff['404'], 'shareAtLeast')).toBe(true);
    expect(thresholdIsOff(shareOff['404'], 'countAtLeast')).toBe(false);
    expect(thresholdOf(shareOff['404'], 'shareAtLeast')).toBeUndefined();

    const allOff = setThreshold(setThreshold(shareOff, '404', 'countAtLeast', null), '404', 'riseFactor', null);
    expect(allOff['404'].rules).toEqual({ shareAtLeast: null, countAtLeast: null, rise: null });
    expect(thresholdIsOff(allOff['404'], 'riseFactor')).toBe(true);
    const built = buildPolicy(allOff);
    expect(built.issues).toEqual([]);
    expect(built.policy.codes[404].rules).toMatchObject({ shareAtLeast: null, countAtLeast: null, rise: null });

    const backOn = setThreshold(setThreshold(allOff, '404', 'riseFactor', undefined), '404', 'shareAtLeast', undefined);
    expect(backOn).toEqual({ '404': { rules: { countAtLeast: null } } });
  });

  it('switches a customised rise rule off as a whole', () => {
    const custom = { '487': { rules: { rise: { factor: 3, minCount: 5, minZ: 2 } } } };
    expect(setThreshold(custom, '487', 'riseFactor', null)).toEqual({ '487': { rules: { rise: null } } });
  });

  it('reads false as off too, as buildPolicy does, and anything else as on', () => {
    expect(thresholdIsOff({ rules: { countAtLeast: false as unknown as null } }, 'countAtLeast')).toBe(true);
    expect(thresholdIsOff({ rules: { rise: false as unknown as null } }, 'riseFactor')).toBe(true);
    expect(thresholdIsOff({ rules: { shareAtLeast: 0 } }, 'shareAtLeast')).toBe(false);
    expect(thresholdIsOff({}, 'shareAtLeast')).toBe(false);
    expect(thresholdIsOff({ rules: 'junk' as unknown as undefined }, 'riseFactor')).toBe(false);
  });

  it('sets and clears notes', () => {
    expect(setNotes({}, '404', '**check** Homer')).toEqual({ '404': { guidance: { notes: '**check** Homer' } } });
    expect(setNotes({ '404': { guidance: { notes: 'x', meaning: 'm' } } }, '404', ' ')).toEqual({
      '404': { guidance: { meaning: 'm' } },
    });
  });

  it('sets and clears the follow-up fields of a code from comma-separated text', () => {
    expect(setFollowUpFields({}, '403', ' source.ip, user_agent ,')).toEqual({
      '403': { followUpFields: ['source.ip', 'user_agent'] },
    });
    expect(setFollowUpFields({ '403': { severity: 'immediate', followUpFields: ['x'] } }, '403', '  ')).toEqual({
      '403': { severity: 'immediate' },
    });
    expect(followUpFieldsText(['trunk', 'account'])).toBe('trunk, account');
    expect(followUpFieldsText(undefined)).toBe('');
  });

  it('reads threshold inputs', () => {
    expect(parseThreshold('')).toEqual({ clear: true });
    expect(parseThreshold(' 2.5 ')).toEqual({ value: 2.5 });
    expect(parseThreshold('-1').error).toBeDefined();
    expect(parseThreshold('lots').error).toMatch(/lots/);
  });

  it('shows the built-in thresholds as placeholders', () => {
    expect(defaultThresholdText('404', 'countAtLeast')).toBe(
      typeof policyFor(404).rules.countAtLeast === 'number' ? String(policyFor(404).rules.countAtLeast) : 'off'
    );
    expect(defaultThresholdText('200', 'riseFactor')).toBe('off');
  });

  it('imports JSON objects with their validation issues, and rejects the rest without change', () => {
    const imported = importOverrides('{"503": {"severity": "immediate"}, "404": {"severity": "urgent"}}');
    expect(imported.overrides).toEqual({ '503': { severity: 'immediate' }, '404': { severity: 'urgent' } });
    expect(imported.issues.map((issue) => `${issue.code}/${issue.field}`)).toEqual(['404/severity']);
    expect(importOverrides('{"503": ').overrides).toBeUndefined();
    expect(importOverrides('{"503": ').issues[0].message).toMatch(/Not valid JSON/);
    expect(importOverrides('[1]').overrides).toBeUndefined();
  });

  it('exports readable JSON that imports back to the same overrides', () => {
    const overrides = { '503': { severity: 'immediate' as const, rules: { shareAtLeast: 2 } } };
    expect(importOverrides(exportOverridesJson(overrides)).overrides).toEqual(overrides);
  });

  it('treats junk values as no overrides and sorts codes', () => {
    expect(asOverrides('x')).toEqual({});
    expect(asOverrides(null)).toEqual({});
    expect(overrideCodes({ '503': {}, '404': {}, '1000': {} })).toEqual(['404', '503', '1000']);
  });

  it('reads undefined entries at every level as absent', () => {
    const saved = {
      '404': undefined,
      '503': { severity: undefined, rules: { shareAtLeast: undefined, countAtLeast: 7 } },
    };
    const read = asOverrides(saved);
    expect(Object.keys(read)).toEqual(['503']);
    expect(Object.keys(read['503'])).toEqual(['rules']);
    expect(Object.keys(read['503'].rules!)).toEqual(['countAtLeast']);
    expect(exportOverridesJson(read)).toBe(exportOverridesJson({ '503': { rules: { countAtLeast: 7 } } }));
    const clean = { '503': { rules: { countAtLeast: 7 } } };
    expect(asOverrides(clean)).toBe(clean);
  });
});

describe('any incident', () => {
  it('reads the override, null as off, and otherwise the default', () => {
    expect(anyIncidentOf({}, '603')).toBe(true);
    expect(anyIncidentOf({}, '486')).toBe(false);
    expect(anyIncidentOf({ rules: { anyIncident: false } }, '603')).toBe(false);
    expect(anyIncidentOf({ rules: { anyIncident: null as unknown as boolean } }, '603')).toBe(false);
    expect(anyIncidentOf({ rules: { anyIncident: true } }, '486')).toBe(true);
    expect(anyIncidentOf({ rules: 'junk' as unknown as undefined }, '603')).toBe(true);
  });

  it('writes true or false where it differs from the default and clears it where it does not, keeping other rules', () => {
    const off = setAnyIncident({ '603': { severity: 'normal', rules: { countAtLeast: 3 } } }, '603', false);
    expect(off).toEqual({ '603': { severity: 'normal', rules: { countAtLeast: 3, anyIncident: false } } });
    expect(setAnyIncident(off, '603', true)).toEqual({ '603': { severity: 'normal', rules: { countAtLeast: 3 } } });
    expect(setAnyIncident({}, '486', true)).toEqual({ '486': { rules: { anyIncident: true } } });
    expect(setAnyIncident({ '486': { rules: { anyIncident: true } } }, '486', false)).toEqual({ '486': {} });
    expect(buildPolicy(off).policy.codes[603].rules.anyIncident).toBe(false);
  });
});

describe('threshold limits', () => {
  it('rejects what buildPolicy rejects, and only that', () => {
    const fields: ThresholdField[] = ['shareAtLeast', 'countAtLeast', 'riseFactor'];
    const values = [0, 0.5, 1, 1.0001, 2, 2.5, 99.9, 100, 100.01, 1000];
    const issueField = {
      shareAtLeast: 'rules.shareAtLeast',
      countAtLeast: 'rules.countAtLeast',
      riseFactor: 'rules.rise.factor',
    };
    for (const field of fields) {
      for (const value of values) {
        const raw = field === 'riseFactor' ? { rules: { rise: { factor: value } } } : { rules: { [field]: value } };
        const rejectedByPolicy = buildPolicy({ '486': raw }).issues.some((issue) => issue.field === issueField[field]);
        const read = readThreshold('486', field, String(value));
        expect([field, value, read.error !== undefined]).toEqual([field, value, rejectedByPolicy]);
        if (!rejectedByPolicy) {
          expect(read.value).toBe(value);
        }
      }
    }
  });

  it('names what is expected, and still clears on empty input and refuses non-numbers', () => {
    expect(readThreshold('486', 'shareAtLeast', ' 150 ').error).toBe('"150" is not a share between 0 and 100 (%)');
    expect(readThreshold('486', 'countAtLeast', '2.5').error).toBe('"2.5" is not a whole number of calls (0 or more)');
    expect(readThreshold('486', 'riseFactor', '1').error).toBe('"1" is not a factor greater than 1');
    expect(readThreshold('408', 'riseFactor', '1.5')).toEqual({ value: 1.5 });
    expect(readThreshold('486', 'countAtLeast', ' ')).toEqual({ clear: true });
    expect(readThreshold('486', 'countAtLeast', 'lots').error).toMatch(/not a number/);
  });
});

describe('markRemovals', () => {
  it('marks every key the edit dropped as undefined, at every level, and leaves the rest as it is', () => {
    const previous: PolicyOverrides = {
      '404': { severity: 'track' },
      '503': {
        severity: 'immediate',
        rules: { shareAtLeast: null, countAtLeast: 5 },
        guidance: { notes: 'n', causes: ['a'] },
      },
    };
    const next: PolicyOverrides = { '503': { rules: { countAtLeast: 5 }, guidance: { causes: ['b'] } } };
    const marked = markRemovals(previous, next);
    expect(marked).toStrictEqual({
      '503': {
        rules: { countAtLeast: 5, shareAtLeast: undefined },
        guidance: { causes: ['b'], notes: undefined },
        severity: undefined,
      },
      '404': undefined,
    });
    expect(next).toStrictEqual({ '503': { rules: { countAtLeast: 5 }, guidance: { causes: ['b'] } } });
    expect(previous['404']).toEqual({ severity: 'track' });
  });

  it('returns the edit itself when nothing was dropped, and ignores keys already undefined or junk before', () => {
    const next: PolicyOverrides = { '503': { severity: 'track' } };
    expect(markRemovals({ '503': { severity: 'immediate' } }, next)).toBe(next);
    expect(markRemovals({ '404': undefined } as unknown as PolicyOverrides, next)).toBe(next);
    expect(markRemovals(undefined, next)).toBe(next);
    expect(markRemovals('junk', next)).toBe(next);
  });

  it('marks keys named like Object members as plain keys', () => {
    const previous = JSON.parse('{"__proto__": {"severity": "track"}, "constructor": {}, "503": {}}');
    const marked = markRemovals(previous, { '503': {} });
    expect(Object.keys(marked).sort()).toEqual(['503', '__proto__', 'constructor']);
    expect(Object.getPrototypeOf(marked)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(marked, '__proto__')?.value).toBeUndefined();
  });

  /** JSON-like overrides whose plain objects nest; arrays hold text only, as guidance lists do. */
  const jsonLeaf = fc.oneof(
    fc.string({ maxLength: 3 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 })
  );
  const smallKey = fc.constantFrom(
    '404',
    '503',
    'severity',
    'rules',
    'guidance',
    'shareAtLeast',
    'notes',
    'rise',
    'factor'
  );
  const { tree } = fc.letrec((tie) => ({
    tree: fc.dictionary(smallKey, fc.oneof({ depthSize: 'small' }, jsonLeaf, tie('tree')), {
      maxKeys: 4,
      noNullPrototype: true,
    }),
  }));

  /** lodash merges an object into an array rather than replacing it; no value can change that, so it is left out. */
  function objectOverArray(previous: unknown, next: unknown): boolean {
    if (typeof previous !== 'object' || previous === null || typeof next !== 'object' || next === null) {
      return false;
    }
    if (Array.isArray(previous)) {
      return !Array.isArray(next);
    }
    return Object.keys(next).some((key) =>
      objectOverArray((previous as Record<string, unknown>)[key], (next as Record<string, unknown>)[key])
    );
  }

  it('makes the Grafana 12 merge of any edit give exactly the edited overrides', () => {
    fc.assert(
      fc.property(tree, tree, (previous, next) => {
        fc.pre(!objectOverArray(previous, next));
        const merged = mergeOptionsLikeScenes(
          { policyOverrides: previous },
          { policyOverrides: markRemovals(previous, next as PolicyOverrides) }
        );
        expect(JSON.parse(JSON.stringify(merged.policyOverrides))).toStrictEqual(next);
        expect(asOverrides(merged.policyOverrides)).toStrictEqual(next);
      })
    );
  });
});
