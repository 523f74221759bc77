import {
  alertRuleTitle,
  alertRuleUid,
  alertRuleViewPath,
  codeRuleLabel,
  DEFAULT_ALERT_UID_PREFIX,
  isValidAlertUidPrefix,
  MAX_ALERT_UID_LENGTH,
  MAX_ALERT_UID_PREFIX_LENGTH,
} from './uid';

const GRAFANA_UID = /^[A-Za-z0-9_-]{1,40}$/;

describe('alertRuleUid', () => {
  it('names a code rule by code and kind only', () => {
    expect(alertRuleUid(503, 'share')).toBe('sipcodes-503-share');
    expect(alertRuleUid(487, 'rise', 'noc1_')).toBe('noc1_487-rise');
    expect(alertRuleUid(486, 'count', '')).toBe('486-count');
  });

  it('gives every code the one multi-dimensional any-incident rule', () => {
    expect(alertRuleUid(500, 'any-incident')).toBe('sipcodes-any-incident');
    expect(alertRuleUid(603, 'any-incident')).toBe(alertRuleUid('any-incident', 'any-incident'));
    expect(alertRuleUid('no-calls', 'no-calls')).toBe('sipcodes-no-calls');
  });

  it('refuses subjects that do not go with the kind, codes that are not final and bad prefixes', () => {
    expect(alertRuleUid('no-calls', 'share')).toBeNull();
    expect(alertRuleUid('any-incident', 'rise')).toBeNull();
    expect(alertRuleUid(503, 'no-calls')).toBeNull();
    expect(alertRuleUid(180, 'share')).toBeNull();
    expect(alertRuleUid(700, 'share')).toBeNull();
    expect(alertRuleUid(503.5, 'share')).toBeNull();
    expect(alertRuleUid(503, 'share', 'noc prefix')).toBeNull();
    expect(alertRuleUid(503, 'share', 'x'.repeat(MAX_ALERT_UID_PREFIX_LENGTH + 1))).toBeNull();
    expect(alertRuleUid(503, 'share', 'ünicode-')).toBeNull();
  });

  it('stays within Grafana’s uid limits for the longest prefix and every kind', () => {
    const prefix = 'p'.repeat(MAX_ALERT_UID_PREFIX_LENGTH);
    const uids = [
      alertRuleUid(699, 'share', prefix),
      alertRuleUid(699, 'count', prefix),
      alertRuleUid(699, 'rise', prefix),
      alertRuleUid('any-incident', 'any-incident', prefix),
      alertRuleUid('no-calls', 'no-calls', prefix),
    ];
    for (const uid of uids) {
      expect(uid).toMatch(GRAFANA_UID);
      expect(uid!.length).toBeLessThanOrEqual(MAX_ALERT_UID_LENGTH);
    }
    expect(isValidAlertUidPrefix(prefix)).toBe(true);
    expect(isValidAlertUidPrefix(DEFAULT_ALERT_UID_PREFIX)).toBe(true);
    expect(isValidAlertUidPrefix(42)).toBe(false);
  });
});

describe('titles and links', () => {
  it('titles code rules with code, kind and severity, and the whole-traffic rules without', () => {
    expect(alertRuleTitle(503, 'share', 'track')).toBe('SIP 503 share (track)');
    expect(alertRuleTitle('any-incident', 'any-incident')).toBe('SIP any incident');
    expect(alertRuleTitle('no-calls', 'no-calls')).toBe('SIP no calls');
    expect(codeRuleLabel(500, 'any-incident', 'immediate')).toBe('SIP 500 any incident (immediate)');
  });

  it('points at the rule’s page', () => {
    expect(alertRuleViewPath('sipcodes-503-share')).toBe('/alerting/grafana/sipcodes-503-share/view');
  });
});
