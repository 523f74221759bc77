import { CALLS_START_MS, MINUTE, callRecords, rawDocumentFrame, rawRowsFrame } from '../roles/testing/esFrames';
import { recentCalls } from './recentCalls';

const calls = callRecords([
  ...Array.from({ length: 14 }, (_, i) => ({
    minute: i,
    code: 503,
    callId: `c${i}@198.51.100.10`,
    account: 'AC1',
    trunk: 'carrier-b',
    xReason: 'Account at limit',
    from: '+15550100',
    to: `+1555010${i % 10}`,
  })),
  { minute: 30, code: 404, callId: 'n1@198.51.100.10' },
]);

describe('recentCalls', () => {
  it('lists the 10 most recent calls of the code, newest first, with what the ladder and logs links need', () => {
    const result = recentCalls(503, [rawRowsFrame(calls)]);
    expect(result.problems).toEqual([]);
    expect(result.matching).toBe(14);
    expect(result.calls).toHaveLength(10);
    expect(result.calls[0]).toEqual({
      refId: 'B',
      time: CALLS_START_MS + 13 * MINUTE + 13,
      callId: 'c13@198.51.100.10',
      from: '+15550100',
      to: '+15550103',
      trunk: 'carrier-b',
      account: 'AC1',
      trunkOrAccount: 'carrier-b / AC1',
      xReason: 'Account at limit',
    });
    expect(result.calls.map((call) => call.callId)).toEqual(
      [13, 12, 11, 10, 9, 8, 7, 6, 5, 4].map((i) => `c${i}@198.51.100.10`)
    );
    expect(result.fields).toEqual([
      {
        refId: 'B',
        code: 'sip_status',
        time: '@timestamp',
        callId: 'sip_callid',
        from: 'from',
        to: 'to',
        trunk: 'trunk',
        account: 'account_sid',
        xReason: 'x_reason',
      },
    ]);
  });

  it('sorts rows of several queries together, rows without a time last', () => {
    const older = rawRowsFrame(callRecords([{ minute: 20, code: 404, callId: 'm1' }]), { refId: 'D' });
    const untimed = rawRowsFrame([{ sip_status: 404, sip_callid: 'u1' }], { refId: 'E' });
    const result = recentCalls(404, [rawRowsFrame(calls), untimed, older], { limit: 5 });
    expect(result.calls.map((call) => [call.refId, call.callId])).toEqual([
      ['B', 'n1@198.51.100.10'],
      ['D', 'm1'],
      ['E', 'u1'],
    ]);
  });

  it('uses the configured Call-ID field, and says when it is missing', () => {
    const withOther = rawRowsFrame(
      callRecords([{ minute: 1, code: 503 }]).map((row) => ({ ...row, 'Call-ID': 'x"y' }))
    );
    expect(recentCalls(503, [withOther], { callIdField: 'call-id' }).calls[0].callId).toBe('x"y');
    // Dots and underscores do not matter: sip.call_id is the data's sip_callid.
    expect(recentCalls(503, [withOther], { callIdField: 'sip.call_id' }).calls[0].callId).toBe('c0-503@198.51.100.10');
    const missing = recentCalls(503, [withOther], { callIdField: 'trace_id' });
    expect(missing.calls[0].callId).toBeUndefined();
    expect(missing.problems).toEqual([
      'The call rows of query B have no field "trace_id" (the Call-ID field set in the options). Fields seen: ' +
        '@timestamp, Call-ID, from, sip_callid, sip_status, to.',
    ]);
  });

  it('says clearly when the call rows have no Call-ID field, and still lists the calls', () => {
    const rows = rawRowsFrame([{ '@timestamp': CALLS_START_MS, sip_status: 503, account_sid: 'AC1' }]);
    const result = recentCalls(503, [rows]);
    expect(result.calls).toEqual([{ refId: 'B', time: CALLS_START_MS, account: 'AC1', trunkOrAccount: 'AC1' }]);
    expect(result.problems).toEqual([
      'The call rows of query B have no Call-ID field (looked for sip_callid, call_id, sip.call_id, Call-ID, ' +
        'sip.callid), so calls cannot link to their SIP ladder and logs. Set "Call-ID field" in the options.',
    ]);
  });

  it('says when there are no call rows, or rows without a code', () => {
    expect(recentCalls(503, []).problems).toEqual([
      'No call rows: add a raw data query of failed calls (e.g. sip_status:>=300) to list recent calls.',
    ]);
    const noCode = rawRowsFrame([{ '@timestamp': CALLS_START_MS, sip_callid: 'a' }]);
    expect(recentCalls(503, [noCode]).problems).toEqual([
      'The call rows of query B have no SIP code field, so their calls cannot be matched to a code.',
    ]);
  });

  it('reads logs frames and raw documents', () => {
    const logs = rawRowsFrame(calls, { logs: { limit: 500, total: 15 }, refId: 'L' });
    expect(recentCalls(404, [logs]).calls.map((call) => call.callId)).toEqual(['n1@198.51.100.10']);
    const documents = rawDocumentFrame([
      { '@timestamp': '2026-03-02T14:05:00Z', sip: { status_code: 488, call_id: 'doc-1' }, trunk: ['carrier-a'] },
    ]);
    expect(recentCalls(488, [documents]).calls).toEqual([
      {
        refId: 'B',
        time: Date.parse('2026-03-02T14:05:00Z'),
        callId: 'doc-1',
        trunk: 'carrier-a',
        trunkOrAccount: 'carrier-a',
      },
    ]);
  });

  it('never throws on junk', () => {
    for (const junk of [null, 'x', [null, { fields: [{ name: 'sip_status', values: [503, 'x', null] }] }]]) {
      const result = recentCalls(503, junk as never, junk as never);
      expect(Array.isArray(result.calls)).toBe(true);
      expect(Array.isArray(result.problems)).toBe(true);
    }
  });
});
