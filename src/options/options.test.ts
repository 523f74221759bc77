import { DEFAULT_OPTIONS, parseRecentWindow, validateOptions } from './options';
import { OPTIONS_VERSION } from './types';

describe('DEFAULT_OPTIONS', () => {
  it('is current and complete', () => {
    expect(DEFAULT_OPTIONS).toEqual({
      optionsVersion: OPTIONS_VERSION,
      codeField: '',
      view: 'donut',
      include2xx: true,
      include1xx: false,
      recentWindow: '',
      logsDatasourceUid: '',
      traceUrlTemplate: '',
      policyOverrides: {},
      recencyWindow: '15m',
      textSize: 'auto',
      callIdField: '',
      linksInNewTab: true,
      alertRuleUidPrefix: '',
      queryRoles: {},
    });
  });
});

describe('parseRecentWindow', () => {
  it('reads Grafana durations', () => {
    expect(parseRecentWindow('1h')).toEqual({ ms: 3_600_000 });
    expect(parseRecentWindow(' 30m ')).toEqual({ ms: 1_800_000 });
    expect(parseRecentWindow('2d')).toEqual({ ms: 172_800_000 });
  });

  it('treats empty as "no fixed window"', () => {
    expect(parseRecentWindow('')).toEqual({});
  });

  it.each(['abc', '0s', '-1h', '1.5h', '1h30m', '10', 'h'])('reports %p', (text) => {
    const result = parseRecentWindow(text);
    expect(result.ms).toBeUndefined();
    expect(result.issue).toContain(text);
  });
});

describe('validateOptions', () => {
  it('fills every missing field without issues', () => {
    expect(validateOptions({})).toEqual({ options: DEFAULT_OPTIONS, issues: [] });
    expect(validateOptions(undefined)).toEqual({ options: DEFAULT_OPTIONS, issues: [] });
  });

  it('keeps good values', () => {
    const saved = {
      optionsVersion: 2,
      codeField: 'sip.status_code',
      view: 'bar',
      include2xx: false,
      include1xx: true,
      recentWindow: '1h',
      logsDatasourceUid: 'es',
      traceUrlTemplate: 'https://homer/?c=${code}',
      policyOverrides: { '404': { severity: 'immediate' } },
      recencyWindow: '30m',
      textSize: 'fixed',
      callIdField: 'sip.call_id',
      linksInNewTab: false,
      alertRuleUidPrefix: 'sip-',
      queryRoles: { B: 'calls', C: 'breakdown' },
    };
    expect(validateOptions(saved)).toEqual({ options: saved, issues: [] });
  });

  it('replaces a bad text size, recency window and query role by defaults, naming each', () => {
    const { options, issues } = validateOptions({
      textSize: 'huge',
      recencyWindow: 'soon',
      queryRoles: { A: 'pie', B: 'calls' },
    });
    expect(options.textSize).toBe('auto');
    expect(options.recencyWindow).toBe('15m');
    expect(options.queryRoles).toEqual({ B: 'calls' });
    expect(issues).toEqual([
      expect.stringContaining('textSize "huge"'),
      expect.stringContaining('Query A: role "pie"'),
      expect.stringContaining('Recency window "soon"'),
    ]);
    expect(validateOptions({ queryRoles: 'B=calls' }).issues[0]).toContain('queryRoles should be an object');
  });

  it('replaces each bad value by its default and names it', () => {
    const { options, issues } = validateOptions({
      codeField: 42,
      view: 'radar',
      include2xx: 'yes',
      recentWindow: 'soon',
      policyOverrides: ['404'],
      optionsVersion: 'two',
    });
    expect(options).toEqual(DEFAULT_OPTIONS);
    expect(issues).toHaveLength(6);
    expect(issues.join('\n')).toMatch(/codeField/);
    expect(issues.join('\n')).toMatch(/view "radar"/);
    expect(issues.join('\n')).toMatch(/include2xx/);
    expect(issues.join('\n')).toMatch(/soon/);
    expect(issues.join('\n')).toMatch(/policyOverrides/);
    expect(issues.join('\n')).toMatch(/optionsVersion/);
  });

  it('never throws on junk', () => {
    for (const junk of [null, 7, 'text', [], () => 1, { view: { toString: null } }, Object.create(null)]) {
      expect(() => validateOptions(junk)).not.toThrow();
    }
    expect(validateOptions('text').issues[0]).toMatch(/not an object/);
  });

  it('warns about options saved by a newer panel', () => {
    const { options, issues } = validateOptions({ optionsVersion: 9 });
    expect(options.optionsVersion).toBe(9);
    expect(issues[0]).toMatch(/newer version/);
  });

  it('keeps unreadable legacy policy text and says so', () => {
    const { options, issues } = validateOptions({ unparsedPolicyJson: '{broken' });
    expect(options.unparsedPolicyJson).toBe('{broken');
    expect(issues[0]).toMatch(/could not be read/);
  });
});

describe('validateOptions and legacy policy text', () => {
  it('stops reporting the old text once overrides exist again', () => {
    const { options, issues } = validateOptions({ unparsedPolicyJson: '{broken', policyOverrides: { '404': {} } });
    expect(options.unparsedPolicyJson).toBe('{broken');
    expect(issues).toEqual([]);
  });
});
