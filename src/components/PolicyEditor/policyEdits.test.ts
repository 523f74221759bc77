import { buildPolicy, DEFAULT_RISE, policyFor } from '../../core';
import {
  addCode,
  asOverrides,
  defaultThresholdText,
  exportOverridesJson,
  importOverrides,
  overrideCodes,
  parseThreshold,
  removeCode,
  setNotes,
  setSeverity,
  setThreshold,
  thresholdIsOff,
  thresholdOf,
} from './policyEdits';

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
    expect(setThreshold(setThreshold(both, '404', 'countAtLeast', undefined), '404', 'shareAtLeast', undefined)).toEqual({ '404': {} });
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
    expect(setNotes({ '404': { guidance: { notes: 'x', meaning: 'm' } } }, '404', ' ')).toEqual({ '404': { guidance: { meaning: 'm' } } });
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
});
