import { migrateOptions, needsMigration, savedOptionsVersion } from './migrations';
import { DEFAULT_OPTIONS, validateOptions } from './options';
import { OPTIONS_VERSION } from './types';

describe('savedOptionsVersion / needsMigration', () => {
  it('recognises a version-1 shape without a version', () => {
    expect(savedOptionsVersion({ chartType: 'pie' })).toBe(1);
    expect(savedOptionsVersion({ policyJson: '{}' })).toBe(1);
    expect(needsMigration({ chartType: 'pie' })).toBe(true);
  });

  it('treats current options as current', () => {
    expect(savedOptionsVersion({ optionsVersion: 2, view: 'pie' })).toBe(2);
    expect(needsMigration({ ...DEFAULT_OPTIONS })).toBe(false);
    expect(needsMigration({ view: 'pie' })).toBe(true); // no version yet: fill it in
  });
});

describe('migrateOptions', () => {
  it('fills defaults for a brand-new panel', () => {
    expect(migrateOptions({ options: {} })).toEqual(DEFAULT_OPTIONS);
    expect(migrateOptions({ options: undefined as never })).toEqual(DEFAULT_OPTIONS);
  });

  it('upgrades the version-1 shape', () => {
    const migrated = migrateOptions({
      options: {
        optionsVersion: 1,
        codeField: 'sip.code',
        chartType: 'pie',
        show2xx: false,
        policyJson: '{"404":{"severity":"immediate","rules":{"anyIncident":true}}}',
        traceUrl: 'https://homer/?code=${code}',
      } as never,
    });
    expect(migrated).toEqual({
      ...DEFAULT_OPTIONS,
      optionsVersion: OPTIONS_VERSION,
      codeField: 'sip.code',
      view: 'pie',
      include2xx: false,
      policyOverrides: { '404': { severity: 'immediate', rules: { anyIncident: true } } },
      traceUrlTemplate: 'https://homer/?code=${code}',
    });
    expect(migrated).not.toHaveProperty('chartType');
    expect(migrated).not.toHaveProperty('policyJson');
  });

  it('upgrades version 1 saved without a version number', () => {
    const migrated = migrateOptions({ options: { chartType: 'donut', policyJson: '' } as never });
    expect(migrated.view).toBe('donut');
    expect(migrated.policyOverrides).toEqual({});
    expect(migrated.optionsVersion).toBe(OPTIONS_VERSION);
  });

  it('keeps unreadable version-1 policy JSON instead of dropping it', () => {
    const migrated = migrateOptions({
      options: { optionsVersion: 1, policyJson: '{"404": {severity: immediate}' } as never,
    });
    expect(migrated.policyOverrides).toEqual({});
    expect(migrated.unparsedPolicyJson).toBe('{"404": {severity: immediate}');
  });

  it('does not treat a JSON array or number as a policy', () => {
    expect(migrateOptions({ options: { optionsVersion: 1, policyJson: '[1,2]' } as never }).unparsedPolicyJson).toBe(
      '[1,2]'
    );
  });

  it('keeps values the panel cannot use, for the panel to report, and never throws', () => {
    const migrated = migrateOptions({ options: { optionsVersion: 1, chartType: 'radar', show2xx: 'no' } as never });
    expect(migrated.view).toBe('radar');
    expect(migrated.include2xx).toBe('no');
    const { options, issues } = validateOptions(migrated);
    expect(options.view).toBe(DEFAULT_OPTIONS.view);
    expect(issues.join(' ')).toMatch(/view/);
    expect(() => migrateOptions(null as never)).not.toThrow();
    expect(migrateOptions(null as never)).toEqual(DEFAULT_OPTIONS);
  });

  it('keeps keys it does not know, so a downgrade and save loses nothing', () => {
    const saved = { ...DEFAULT_OPTIONS, optionsVersion: 3, futureOption: { a: 1 } };
    expect(migrateOptions({ options: saved as never })).toEqual(saved);
  });

  it('leaves current options as they are', () => {
    const current = { ...DEFAULT_OPTIONS, view: 'bar' as const, recentWindow: '2h' };
    expect(migrateOptions({ options: current })).toEqual(current);
  });
});
