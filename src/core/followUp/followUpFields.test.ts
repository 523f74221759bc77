import { DEFAULT_POLICY, buildPolicy, exportOverrides, policyFor } from '../catalog';
import { FALLBACK_FOLLOW_UP_FIELDS, followUpFieldsFor } from './followUpFields';

describe('follow-up fields in the policy', () => {
  it('has the runbook defaults for the runbook codes', () => {
    expect(followUpFieldsFor(403)).toEqual(['source_ip', 'user_agent']);
    expect(followUpFieldsFor(404)).toEqual(['called_number', 'trunk']);
    expect(followUpFieldsFor(408)).toEqual(['trunk', 'host']);
    expect(followUpFieldsFor(480)).toEqual(['application', 'x_reason']);
    expect(followUpFieldsFor(487)).toEqual(['trunk', 'account']);
    expect(followUpFieldsFor(488)).toEqual(['trunk', 'x_reason']);
    expect(followUpFieldsFor(500)).toEqual(['application', 'x_reason']);
    expect(followUpFieldsFor(503)).toEqual(['account', 'x_reason']);
    expect(followUpFieldsFor(603)).toEqual(['application', 'x_reason']);
    expect(Object.isFrozen(DEFAULT_POLICY.codes[403].followUpFields)).toBe(true);
  });

  it('falls back to trunk, account and X-Reason for other failures, and to none for 2xx', () => {
    expect(policyFor(486).followUpFields).toBeUndefined();
    expect(followUpFieldsFor(486)).toEqual([...FALLBACK_FOLLOW_UP_FIELDS]);
    expect(followUpFieldsFor(699)).toEqual(['trunk', 'account', 'x_reason']);
    expect(followUpFieldsFor(200)).toEqual([]);
  });

  it('takes a team’s fields from the overrides (JSON import), trimmed and each once; [] means none', () => {
    const { policy, issues } = buildPolicy({
      503: { followUpFields: [' account_sid ', 'carrier', 'carrier'] },
      403: { followUpFields: [] },
    });
    expect(issues).toEqual([]);
    expect(followUpFieldsFor(503, policy)).toEqual(['account_sid', 'carrier']);
    expect(followUpFieldsFor(403, policy)).toEqual([]);
    expect(policy.codes[503].origin).toBe('override');
    // The defaults are untouched.
    expect(followUpFieldsFor(503)).toEqual(['account', 'x_reason']);
  });

  it('reports a list that is not field names and keeps the default', () => {
    const { policy, issues } = buildPolicy({
      503: { followUpFields: ['account', ''] },
      404: { followUpFields: 'trunk' },
    });
    expect(issues.map((issue) => issue.message)).toEqual([
      '404.followUpFields must be a list of field names, got "trunk"; keeping ["called_number","trunk"]',
      '503.followUpFields must be a list of field names, got ["account",""]; keeping ["account","x_reason"]',
    ]);
    expect(followUpFieldsFor(503, policy)).toEqual(['account', 'x_reason']);
  });

  it('exports changed fields only, and builds the same policy back', () => {
    const { policy } = buildPolicy({
      503: { followUpFields: ['account_sid'] },
      486: { followUpFields: [] },
      404: { severity: 'immediate' },
    });
    const exported = exportOverrides(policy);
    expect(exported['503']).toEqual({ followUpFields: ['account_sid'] });
    expect(exported['486']).toEqual({ followUpFields: [] });
    expect(exported['404']).toEqual({ severity: 'immediate' });
    expect(buildPolicy(exported).policy).toEqual(policy);
  });
});
