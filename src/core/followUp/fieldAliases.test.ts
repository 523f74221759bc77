import { fieldMeaningOf, followUpFieldLabel, resolveField } from './fieldAliases';

describe('resolveField', () => {
  const gateway = [
    '@timestamp',
    'sip_status',
    'sip_callid',
    'source.ip',
    'account_sid',
    'application_sid',
    'x_reason',
    'trunk',
    'to',
    'from',
    'user_agent',
  ];

  it('finds the data’s name for what a field means', () => {
    expect(resolveField(gateway, 'source_ip').field).toBe('source.ip');
    expect(resolveField(gateway, 'account').field).toBe('account_sid');
    expect(resolveField(gateway, 'application').field).toBe('application_sid');
    expect(resolveField(gateway, 'X-Reason').field).toBe('x_reason');
    expect(resolveField(gateway, 'called_number').field).toBe('to');
    expect(resolveField(gateway, 'call_id').field).toBe('sip_callid');
  });

  it('prefers the name as written, and tolerates case, dots, underscores and .keyword', () => {
    expect(resolveField(['carrier', 'trunk'], 'carrier').field).toBe('carrier');
    expect(resolveField(['Source_IP'], 'source.ip').field).toBe('Source_IP');
    expect(resolveField(['sip.src'], 'source_ip').field).toBe('sip.src');
    expect(resolveField(['trunk.keyword'], 'trunk').field).toBe('trunk.keyword');
    expect(resolveField(['sip.x_reason'], 'x_reason')).toMatchObject({ field: 'sip.x_reason', key: 'x_reason' });
    expect(resolveField(['Call-ID'], 'call_id').field).toBe('Call-ID');
  });

  it('says what it tried when the data lacks the field', () => {
    expect(resolveField(['a', 'b'], 'account')).toEqual({
      key: 'account',
      tried: ['account', 'account_sid', 'account_id', 'sip.account', 'sip.account_sid'],
    });
    expect(resolveField(['a'], 'pdd_ms')).toEqual({ tried: ['pdd_ms'] });
    expect(resolveField(['a'], '  ')).toEqual({ tried: [] });
    expect(resolveField(['a'], 5 as unknown as string)).toEqual({ tried: [] });
  });
});

describe('field meanings', () => {
  it('knows a meaning by its key or any alias', () => {
    expect(fieldMeaningOf('source.ip')).toBe('source_ip');
    expect(fieldMeaningOf('termination_reason')).toBe('x_reason');
    expect(fieldMeaningOf('carrier')).toBe('trunk');
    expect(fieldMeaningOf('pdd_ms')).toBeUndefined();
    expect(followUpFieldLabel('src_ip')).toBe('source IP');
    expect(followUpFieldLabel('pdd_ms')).toBe('pdd_ms');
  });
});
