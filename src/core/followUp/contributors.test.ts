import { FailedCall, callRecords, nestedTermsFrame, rawDocumentFrame, rawRowsFrame } from '../roles/testing/esFrames';
import { dominantContributor, topContributors, wholePercent } from './contributors';

/** 403s from a scanner and a few strays, 503s from two accounts: newest first, as a raw data query returns them. */
function failedCalls(): FailedCall[] {
  const calls: FailedCall[] = [];
  for (let i = 0; i < 26; i++) {
    calls.push({ minute: i, code: 403, sourceIp: '203.0.113.9', userAgent: 'friendly-scanner' });
  }
  calls.push({ minute: 3, code: 403, sourceIp: '198.51.100.7', userAgent: 'sipvicious' });
  calls.push({ minute: 4, code: 403, sourceIp: '198.51.100.7', userAgent: 'sipvicious' });
  calls.push({ minute: 5, code: 403 });
  for (let i = 0; i < 4; i++) {
    calls.push({ minute: 10 + i, code: 503, account: i < 3 ? 'AC1' : 'AC2', xReason: 'Account at limit' });
  }
  return calls;
}

const breakdown = nestedTermsFrame(
  ['sip_status', 'source.ip'],
  [
    [403, '203.0.113.9', 870],
    [403, '198.51.100.7', 100],
    [403, '192.0.2.44', 30],
    [503, '192.0.2.1', 9],
  ]
);

describe('topContributors from breakdown tables', () => {
  it('gives exact calls per value and shares of the code’s calls', () => {
    const result = topContributors(403, ['source_ip'], [breakdown], [], { codeField: 'sip_status' });
    expect(result.problems).toEqual([]);
    expect(result.fields).toEqual([
      {
        wanted: 'source_ip',
        field: 'source.ip',
        label: 'source IP',
        key: 'source_ip',
        source: 'breakdown',
        exact: true,
        refIds: ['C'],
        codeCalls: 1000,
        withoutValue: 0,
        distinctValues: 3,
        values: [
          { value: '203.0.113.9', count: 870, share: 87 },
          { value: '198.51.100.7', count: 100, share: 10 },
          { value: '192.0.2.44', count: 30, share: 3 },
        ],
        basis: 'exact, from query C',
      },
    ]);
  });

  it('takes shares of the distribution’s count when it is larger (values beyond the Terms size)', () => {
    const result = topContributors(403, ['source_ip'], [breakdown], [], { codeCalls: 2000 });
    expect(result.fields[0].values[0]).toEqual({ value: '203.0.113.9', count: 870, share: 43.5 });
    expect(result.fields[0].codeCalls).toBe(2000);
  });

  it('keeps the top 5 values, most calls first, then by value', () => {
    const rows = ['e', 'd', 'c', 'b', 'a', 'f'].map(
      (value, i) => [404, value, i < 2 ? 10 : 5] as Array<string | number>
    );
    const result = topContributors(404, ['to'], [nestedTermsFrame(['sip_status', 'to'], rows)], []);
    expect(result.fields[0].values.map((value) => value.value)).toEqual(['d', 'e', 'a', 'b', 'c']);
    expect(result.fields[0].distinctValues).toBe(6);
  });

  it('reads a breakdown with the code inside (field → code) the same way', () => {
    const inner = nestedTermsFrame(
      ['account_sid', 'sip_status'],
      [
        ['AC1', 503, 40],
        ['AC1', 200, 900],
        ['AC2', 503, 10],
      ]
    );
    const result = topContributors(503, ['account'], [inner], []);
    expect(result.fields[0].values).toEqual([
      { value: 'AC1', count: 40, share: 80 },
      { value: 'AC2', count: 10, share: 20 },
    ]);
  });
});

describe('topContributors from call rows', () => {
  const rows = rawRowsFrame(callRecords(failedCalls()));

  it('counts the rows of the code and says they are only the most recent failed calls', () => {
    const result = topContributors(403, ['source_ip', 'user_agent'], [], [rows], { rowLimits: { B: 500 } });
    expect(result.problems).toEqual([]);
    const [ip, agent] = result.fields;
    expect(ip).toMatchObject({
      field: 'source.ip',
      source: 'calls',
      exact: false,
      codeCalls: 29,
      rowsConsidered: 33,
      onlyFailures: true,
      rowLimitHit: false,
      withoutValue: 1,
      basis: 'in the 33 most recent failed calls',
    });
    expect(ip.values).toEqual([
      { value: '203.0.113.9', count: 26, share: (26 * 100) / 29 },
      { value: '198.51.100.7', count: 2, share: (2 * 100) / 29 },
    ]);
    expect(agent.values[0]).toMatchObject({ value: 'friendly-scanner', count: 26 });
  });

  it('says when the rows hit the query’s size limit', () => {
    const limited = topContributors(403, ['source_ip'], [], [rows], { rowLimits: { B: 33 } });
    expect(limited.fields[0]).toMatchObject({
      rowLimitHit: true,
      basis: "in the 33 most recent failed calls, the query's size limit: older calls are not included",
    });
    // Logs frames report their own limit and total.
    const logs = rawRowsFrame(callRecords(failedCalls()), { logs: { limit: 500, total: 3210 } });
    expect(topContributors(403, ['source_ip'], [], [logs]).fields[0].rowLimitHit).toBe(true);
  });

  it('says "calls", not "failed calls", when the rows hold answered calls too', () => {
    const mixed = rawRowsFrame(callRecords([...failedCalls(), { minute: 40, code: 200 }]));
    expect(topContributors(403, ['source_ip'], [], [mixed]).fields[0].basis).toBe('in the 34 most recent calls');
  });

  it('uses the breakdown when it has the field and the rows for the others', () => {
    const result = topContributors(403, ['source_ip', 'user_agent'], [breakdown], [rows]);
    expect(result.fields.map((field) => [field.field, field.source])).toEqual([
      ['source.ip', 'breakdown'],
      ['user_agent', 'calls'],
    ]);
  });

  it('reads raw documents', () => {
    const documents = rawDocumentFrame([
      { '@timestamp': '2026-03-02T14:01:00Z', sip_status: 503, account: { sid: 'AC9' } },
      { '@timestamp': '2026-03-02T14:00:00Z', sip_status: 503, account: { sid: 'AC9' } },
    ]);
    const result = topContributors(503, ['account.sid'], [], [documents]);
    expect(result.fields[0]).toMatchObject({ field: 'account.sid', values: [{ value: 'AC9', count: 2, share: 100 }] });
  });
});

describe('topContributors problems', () => {
  const rows = rawRowsFrame(callRecords(failedCalls()));

  it('says clearly when the data lacks a field, instead of leaving a blank', () => {
    const result = topContributors(403, ['host', 'pdd_ms'], [breakdown], [rows]);
    expect(result.fields).toEqual([]);
    expect(result.problems.map((problem) => problem.field)).toEqual(['host', 'pdd_ms']);
    expect(result.problems[0].message).toBe(
      'Breakdown on field host: the data has no such field (looked for host, sip.host, host.name, hostname). ' +
        'Fields seen: sip_status, source.ip, @timestamp, account_sid, from, sip_callid, to, user_agent, x_reason. ' +
        'Change the follow-up fields of this code in the policy, or add the field to the ' +
        'breakdown query.'
    );
    expect(result.problems[1].message).toMatch(/^Breakdown on field pdd_ms: the data has no such field\. Fields seen/);
  });

  it('says when neither the breakdown nor the rows have calls of the code', () => {
    const result = topContributors(487, ['source_ip'], [breakdown], [rows]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'The breakdown by source.ip (query C) has no rows for 487.',
      'None of the 33 most recent failed calls (query B) is a 487.',
    ]);
  });

  it('says when the calls of the code carry no value in the field', () => {
    const rows = rawRowsFrame(
      callRecords([
        { minute: 1, code: 403, account: 'AC1' },
        { minute: 2, code: 503 },
        { minute: 3, code: 503 },
      ])
    );
    expect(topContributors(503, ['account'], [], [rows]).problems).toEqual([
      { field: 'account', message: 'None of the 2 calls of 503 (query B) has a value in account_sid.' },
    ]);
    expect(
      topContributors(
        503,
        ['account'],
        [],
        [
          rawRowsFrame(
            callRecords([
              { minute: 1, code: 403, account: 'AC1' },
              { minute: 2, code: 503 },
            ])
          ),
        ]
      ).problems[0].message
    ).toBe('The only call of 503 (query B) has no value in account_sid.');
  });

  it('says when there is nothing to break down at all', () => {
    expect(topContributors(403, ['source_ip'], [], []).problems).toEqual([
      {
        field: '',
        message:
          'No breakdown query and no call rows: add a Terms table on the code and source IP, or a raw data query of failed calls.',
      },
    ]);
    expect(topContributors(403, [], [], [])).toEqual({ code: 403, fields: [], problems: [] });
  });

  it('never throws on junk', () => {
    for (const junk of [
      null,
      undefined,
      'x',
      [null, 1, { fields: 'x' }],
      [{ fields: [{ name: 'Count', values: 3 }] }],
    ]) {
      const result = topContributors(403, junk as never, junk as never, junk as never, junk as never);
      expect(Array.isArray(result.fields)).toBe(true);
      expect(Array.isArray(result.problems)).toBe(true);
    }
  });
});

describe('dominantContributor', () => {
  it('names one value behind most of the code’s calls', () => {
    const exact = topContributors(403, ['source_ip'], [breakdown], []);
    expect(dominantContributor(exact)).toMatchObject({
      value: '203.0.113.9',
      share: 87,
      exact: true,
      text: '87 % of 403s from 203.0.113.9',
    });
  });

  it('qualifies a share counted from call rows', () => {
    const rows = rawRowsFrame(callRecords(failedCalls()));
    const fromRows = topContributors(403, ['user_agent'], [], [rows]);
    expect(dominantContributor(fromRows)!.text).toBe(
      '90 % of 403s from user agent friendly-scanner (in the 33 most recent failed calls)'
    );
  });

  it('needs a clear majority of at least 10 calls', () => {
    const spread = topContributors(
      403,
      ['source_ip'],
      [
        nestedTermsFrame(
          ['sip_status', 'source.ip'],
          [
            [403, 'a', 59],
            [403, 'b', 41],
          ]
        ),
      ],
      []
    );
    expect(dominantContributor(spread)).toBeUndefined();
    const few = topContributors(
      503,
      ['account'],
      [nestedTermsFrame(['sip_status', 'account_sid'], [[503, 'AC1', 9]])],
      []
    );
    expect(few.fields[0].values[0].share).toBe(100);
    expect(dominantContributor(few)).toBeUndefined();
    expect(dominantContributor(few, { minCalls: 5 })!.text).toBe('100 % of 503s from account AC1');
    expect(dominantContributor(undefined)).toBeUndefined();
  });

  it('never rounds a share up to 100 %', () => {
    expect(wholePercent(99.6)).toBe('99');
    expect(wholePercent(100)).toBe('100');
    expect(wholePercent(86.5)).toBe('87');
  });
});
