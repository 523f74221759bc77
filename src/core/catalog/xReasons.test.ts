import { describeXReason, explainXReason, isQ850FieldName, isReasonFieldName, Q850_SOURCES, X_REASONS } from '../index';
import { codeNameScore } from '../normalize/names';
import { SRC } from './sources';

describe('explainXReason', () => {
  it.each([
    ['SIP Decline Verb', 'SIP Decline Verb', /application chose/, /feature server/],
    [
      'endpoint allocation failure: Not Acceptable Here',
      'endpoint allocation failure: …',
      /FreeSWITCH/,
      /feature server/,
    ],
    ['no configured application', 'no configured application', /No application/, /feature server .*sbc-inbound/],
    ['crankback: media server failure', 'crankback: …', /no media server/, /feature server/],
    ['Maximum Calls In Progress', 'Maximum Calls In Progress', /concurrent-call capacity/, /sbc-inbound/],
    ['Max Account Calls In Progress', 'Max Account Calls In Progress', /account reached its call limit/, /sbc-inbound/],
    [
      'Max Service Provider Calls In Progress',
      'Max Service Provider Calls In Progress',
      /service provider/,
      /sbc-inbound/,
    ],
    ['No Active Subscription', 'No Active Subscription', /no active subscription/, /sbc-inbound/],
    [
      'Account exists but is inactive',
      'Account exists but is inactive',
      /deactivated/,
      /sbc-inbound or feature server/,
    ],
    [
      'No Account exists for sid 9351f46a-678c-43f5-b8a6-d4eb58d131af',
      'No Account exists for sid …',
      /database outage/,
      /feature server/,
    ],
    ['Invalid credentials', 'Invalid credentials', /wrong password/, /digest/],
    [
      'detected potential spammer from 203.0.113.7:5071',
      'detected potential spammer from …',
      /device-auth webhook/,
      /sbc-inbound/,
    ],
    ['Unexpected HTTP Response', 'Unexpected HTTP Response', /HTTP error status/, /feature server/],
    [
      'connect ECONNREFUSED 10.0.3.4:443',
      'connect ECONNREFUSED … (network error)',
      /could not be reached/,
      /feature server/,
    ],
    [
      'Multiple gateways match registration carrier source address',
      'Multiple … (carrier routing conflict)',
      /provisioning conflict/,
      /sbc-inbound/,
    ],
  ])('%s → %s', (text, value, meaning, sentBy) => {
    const info = explainXReason(text);
    expect(info).not.toBeNull();
    expect(info!.value).toBe(value);
    expect(info!.meaning).toMatch(meaning);
    expect(info!.sentBy).toMatch(sentBy);
    expect(info!.sources.length).toBeGreaterThan(0);
  });

  it('tolerates case, surrounding spaces, a header name and quotes', () => {
    for (const text of [
      '  sip decline verb ',
      'SIP DECLINE VERB',
      'X-Reason: SIP Decline Verb',
      '"SIP Decline Verb"',
      'SIP  Decline\tVerb',
    ]) {
      expect(explainXReason(text)?.value).toBe('SIP Decline Verb');
    }
  });

  it('hands back the variable part: account sid, ip:port, the media server’s phrase', () => {
    expect(explainXReason('No Account exists for sid abc-123')?.detail).toBe('abc-123');
    expect(explainXReason('  detected potential spammer from 203.0.113.7:5071 ')?.detail).toBe('203.0.113.7:5071');
    expect(explainXReason('endpoint allocation failure: Not Acceptable Here')).toMatchObject({
      detail: 'Not Acceptable Here',
      codes: [488],
    });
    expect(explainXReason('crankback: media server failure')?.detail).toBe('media server failure');
    expect(explainXReason('SIP Decline Verb')?.detail).toBeUndefined();
  });

  it('gives null for unknown values and for anything that is not text, without throwing', () => {
    for (const value of ['', '   ', 'caller hungup', 'SIP Decline', 'no configured application please', 'Decline']) {
      expect(explainXReason(value)).toBeNull();
    }
    for (const value of [undefined, null, 42, {}, ['SIP Decline Verb']]) {
      expect(() => explainXReason(value as never)).not.toThrow();
      expect(explainXReason(value as never)).toBeNull();
    }
  });

  it('says clearly when a value is not in the dictionary', () => {
    expect(describeXReason('caller hungup')).toBe('"caller hungup" is not in the X-Reason dictionary.');
    expect(describeXReason(undefined)).toBe('This value is not in the X-Reason dictionary.');
    expect(describeXReason('SIP Decline Verb')).toMatch(/^The customer’s application chose .*\(sent by feature server/);
  });

  it('matches every entry by its own documented value and no other entry first', () => {
    const samples: Record<string, string> = {
      'Multiple … (carrier routing conflict)': 'Multiple accounts are attempting to default route this carrier',
      'connect ECONNREFUSED … (network error)': 'connect ECONNREFUSED 10.0.0.1:80',
    };
    for (const entry of X_REASONS) {
      const sample = samples[entry.value] ?? entry.value.replace('…', 'x');
      expect(explainXReason(sample)?.value).toBe(entry.value);
    }
  });
});

describe('sources of the dictionaries', () => {
  it('cite only files the catalog knows (the modules spell them out to stay free of imports)', () => {
    const known = new Set<string>(Object.values(SRC));
    const cited = [
      ...X_REASONS.flatMap((entry) => entry.sources),
      ...Q850_SOURCES.filter((ref) => !ref.startsWith('RFC')),
    ];
    expect(cited.filter((ref) => !known.has(ref))).toEqual([]);
  });
});

describe('reason and Q.850 fields', () => {
  it.each(['hangup_cause_q850', 'q850_cause', 'hangup_cause', 'reason.cause', 'q850Cause', 'Q850.keyword'])(
    '%s is a Q.850 field and never taken for the SIP code field',
    (name) => {
      expect(isQ850FieldName(name)).toBe(true);
      expect(codeNameScore(name)).toBe(0);
    }
  );

  it.each(['x_reason', 'xReason', 'sip_reason', 'termination_reason'])('%s holds reason texts', (name) => {
    expect(isReasonFieldName(name)).toBe(true);
  });

  it.each(['sip_status', 'sip.code', 'status_code', 'duration'])('%s is neither', (name) => {
    expect(isQ850FieldName(name)).toBe(false);
    expect(isReasonFieldName(name)).toBe(false);
  });
});
