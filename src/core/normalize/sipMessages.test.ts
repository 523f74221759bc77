/**
 * Rows of SIP messages, shaped as Packetbeat's SIP module indexes them (elastic/beats,
 * packetbeat/tests/system/golden/sip-expected.json) and as Grafana's raw data query returns them: `sip.code` a number
 * on responses only, `sip.status`, `sip.type`, `sip.method` on requests, `sip.cseq.method`, `sip.cseq.code` and
 * `sip.call_id` on every message.
 */
import { DataFrame, FieldType, toDataFrame } from '@grafana/data';
import { CodeDistribution, Notice } from '../types';
import { FIXTURE_START_MS, ES_RAW_DATA, toFrames } from './testing/frames';
import { normalizeFrames } from './normalize';

interface Message {
  /** Seconds after FIXTURE_START_MS. */
  at: number;
  callId: string;
  cseq: number;
  method: string;
  /** A response's code; requests have none. */
  code?: number;
}

const STATUS: Record<number, string> = {
  100: 'Trying',
  180: 'Ringing',
  200: 'OK',
  401: 'Unauthorized',
  407: 'Proxy Authentication Required',
  486: 'Busy Here',
  488: 'Not Acceptable Here',
};

const request = (at: number, callId: string, cseq: number, method: string): Message => ({ at, callId, cseq, method });
const response = (at: number, callId: string, cseq: number, method: string, code: number): Message => ({
  at,
  callId,
  cseq,
  method,
  code,
});

/** An answered call: 100, 180, 200 and its retransmission, ACK, then BYE and its 200. */
const ANSWERED = [
  request(0, 'call-a', 1, 'INVITE'),
  response(0.01, 'call-a', 1, 'INVITE', 100),
  response(1, 'call-a', 1, 'INVITE', 180),
  response(4, 'call-a', 1, 'INVITE', 200),
  response(4.5, 'call-a', 1, 'INVITE', 200),
  request(4.6, 'call-a', 1, 'ACK'),
  request(60, 'call-a', 2, 'BYE'),
  response(60.01, 'call-a', 2, 'BYE', 200),
];

/** Challenged with 401, sent again with credentials, then busy (retransmitted). */
const CHALLENGED_THEN_BUSY = [
  request(10, 'call-b', 1, 'INVITE'),
  response(10.01, 'call-b', 1, 'INVITE', 401),
  request(10.02, 'call-b', 1, 'ACK'),
  request(10.03, 'call-b', 2, 'INVITE'),
  response(10.04, 'call-b', 2, 'INVITE', 100),
  response(12, 'call-b', 2, 'INVITE', 486),
  response(12.5, 'call-b', 2, 'INVITE', 486),
  request(12.6, 'call-b', 2, 'ACK'),
];

/** Challenged with 407, answered, then a re-INVITE refused with 488, then BYE. */
const ANSWERED_THEN_REINVITE_REFUSED = [
  request(20, 'call-c', 1, 'INVITE'),
  response(20.01, 'call-c', 1, 'INVITE', 407),
  request(20.02, 'call-c', 1, 'ACK'),
  request(20.03, 'call-c', 2, 'INVITE'),
  response(23, 'call-c', 2, 'INVITE', 200),
  request(23.1, 'call-c', 2, 'ACK'),
  request(40, 'call-c', 3, 'INVITE'),
  response(40.01, 'call-c', 3, 'INVITE', 488),
  request(40.02, 'call-c', 3, 'ACK'),
  request(50, 'call-c', 4, 'BYE'),
  response(50.01, 'call-c', 4, 'BYE', 200),
];

/** A caller that gives up after the challenge. */
const CHALLENGED_ONLY = [
  request(30, 'call-d', 1, 'INVITE'),
  response(30.01, 'call-d', 1, 'INVITE', 401),
  request(30.02, 'call-d', 1, 'ACK'),
];

/** Registration (challenged, then accepted) and a keep-alive: no calls. */
const NOT_CALLS = [
  request(5, 'reg-1', 1, 'REGISTER'),
  response(5.01, 'reg-1', 1, 'REGISTER', 401),
  request(5.02, 'reg-1', 2, 'REGISTER'),
  response(5.03, 'reg-1', 2, 'REGISTER', 200),
  request(6, 'opt-1', 1, 'OPTIONS'),
  response(6.01, 'opt-1', 1, 'OPTIONS', 200),
];

const ALL = [...ANSWERED, ...CHALLENGED_THEN_BUSY, ...ANSWERED_THEN_REINVITE_REFUSED, ...CHALLENGED_ONLY, ...NOT_CALLS];

type Column =
  | '@timestamp'
  | 'sip.call_id'
  | 'sip.code'
  | 'sip.cseq.code'
  | 'sip.cseq.method'
  | 'sip.method'
  | 'sip.status'
  | 'sip.type';

/** A raw data frame of the messages, newest first as Elasticsearch returns them, without the columns left out. */
function messagesFrame(messages: Message[], without: Column[] = [], refId = 'A'): DataFrame {
  const rows = [...messages].sort((a, b) => b.at - a.at);
  const columns: Array<{ name: Column; type: FieldType; values: unknown[] }> = [
    { name: '@timestamp', type: FieldType.time, values: rows.map((m) => FIXTURE_START_MS + Math.round(m.at * 1000)) },
    { name: 'sip.call_id', type: FieldType.string, values: rows.map((m) => m.callId) },
    { name: 'sip.code', type: FieldType.number, values: rows.map((m) => m.code ?? null) },
    { name: 'sip.cseq.code', type: FieldType.number, values: rows.map((m) => m.cseq) },
    { name: 'sip.cseq.method', type: FieldType.string, values: rows.map((m) => m.method) },
    { name: 'sip.method', type: FieldType.string, values: rows.map((m) => (m.code === undefined ? m.method : null)) },
    { name: 'sip.status', type: FieldType.string, values: rows.map((m) => (m.code ? STATUS[m.code] : null)) },
    {
      name: 'sip.type',
      type: FieldType.string,
      values: rows.map((m) => (m.code === undefined ? 'request' : 'response')),
    },
  ];
  return toDataFrame({
    refId,
    fields: [
      { name: '_id', type: FieldType.string, values: rows.map((_, i) => `pb-${i}`) },
      { name: '_index', type: FieldType.string, values: rows.map(() => 'packetbeat-2025.03.10') },
      ...columns.filter((column) => !without.includes(column.name)),
    ],
  });
}

function counts(result: CodeDistribution): Record<number, number> {
  return Object.fromEntries(result.codes.map(({ code, count }) => [code, count]));
}

function sipNotice(result: CodeDistribution): Notice | undefined {
  return result.notices.find((notice) => notice.kind === 'sip-messages');
}

describe('SIP message rows', () => {
  it('count one final response to INVITE per Call-ID and leave requests and other methods out', () => {
    const result = normalizeFrames([messagesFrame(ALL)]);
    expect(result.shape).toBe('raw-rows');
    expect(result.codeField).toBe('sip.code');
    // a: 200 (its retransmission and the BYE's 200 left out); b: 486 after the 401; c: 200, not the re-INVITE's 488;
    // d: the 401 it gave up on; REGISTER and OPTIONS are no calls.
    expect(counts(result)).toEqual({ 200: 2, 486: 1, 401: 1 });
    expect(result.total).toBe(4);
    expect(result.provisional).toEqual([]);
    expect(result.invalid.count).toBe(0);
    expect(result.notices.some((notice) => notice.kind === 'invalid-values')).toBe(false);
    expect(sipNotice(result)).toEqual({
      kind: 'sip-messages',
      level: 'info',
      message:
        'SIP messages: counted the final responses to INVITE, one per Call-ID; 5 responses to other methods left out.',
    });
  });

  it('place each call at the time of the response counted', () => {
    const result = normalizeFrames([messagesFrame(ALL)]);
    const timeline = result.timeline!;
    expect(timeline.totals.reduce((a, b) => a + b, 0)).toBe(4);
    const bucketOf = (seconds: number) =>
      timeline.times.findIndex(
        (time, i) =>
          FIXTURE_START_MS + seconds * 1000 >= time &&
          (i === timeline.times.length - 1 || FIXTURE_START_MS + seconds * 1000 < timeline.times[i + 1])
      );
    // The 486 of call b came at 12 s, its retransmission at 12.5 s: the first is counted.
    expect(timeline.byCode[486][bucketOf(12)]).toBe(1);
    expect(timeline.byCode[200][bucketOf(4)] + timeline.byCode[200][bucketOf(23)]).toBe(2);
  });

  it('tell requests from responses by the empty code when there is no type field', () => {
    const result = normalizeFrames([messagesFrame(ALL, ['sip.type'])]);
    expect(counts(result)).toEqual({ 200: 2, 486: 1, 401: 1 });
    expect(sipNotice(result)?.message).toContain('one per Call-ID; 5 responses to other methods left out');
  });

  it('count every method once per Call-ID, and say so, when only the type field tells requests apart', () => {
    const result = normalizeFrames([messagesFrame(ALL, ['sip.cseq.method'])]);
    // The REGISTER and the OPTIONS answers are counted as calls now: 200 for reg-1 and opt-1.
    expect(counts(result)).toEqual({ 200: 4, 486: 1, 401: 1 });
    expect(sipNotice(result)?.message).toBe(
      'SIP messages: counted the final responses, one per Call-ID (there is no CSeq method field, so answers to ' +
        'REGISTER or OPTIONS count too).'
    );
  });

  it('count every final response to INVITE, and say so, when there is no Call-ID field', () => {
    const result = normalizeFrames([messagesFrame(ALL, ['sip.call_id'])]);
    // Every final response to INVITE: a 200 ×2, b 401 and 486 ×2, c 407, 200 and 488, d 401.
    expect(counts(result)).toEqual({ 200: 3, 486: 2, 401: 2, 407: 1, 488: 1 });
    expect(sipNotice(result)?.message).toContain('there is no Call-ID field, so a retransmitted response counts again');
  });

  it('take the first 2xx whatever the row order, and the last final response when there is none', () => {
    const frame = messagesFrame(ALL);
    const reversed: DataFrame = {
      ...frame,
      fields: frame.fields.map((field) => ({ ...field, values: [...field.values].reverse() })),
    };
    expect(counts(normalizeFrames([reversed]))).toEqual(counts(normalizeFrames([frame])));
    const lastFinal = [
      request(0, 'call-e', 1, 'INVITE'),
      response(1, 'call-e', 1, 'INVITE', 407),
      request(2, 'call-e', 2, 'INVITE'),
      response(3, 'call-e', 2, 'INVITE', 486),
      request(4, 'call-e', 3, 'INVITE'),
      response(5, 'call-e', 3, 'INVITE', 488),
    ];
    expect(counts(normalizeFrames([messagesFrame(lastFinal)]))).toEqual({ 488: 1 });
  });

  it('show responses whose code is not a SIP code as invalid values', () => {
    const frame = messagesFrame(ANSWERED);
    const codes = frame.fields.find((field) => field.name === 'sip.code')!;
    const broken: DataFrame = {
      ...frame,
      fields: frame.fields.map((field) =>
        field === codes ? { ...field, values: field.values.map((v) => (v === 180 ? 999 : v)) } : field
      ),
    };
    const result = normalizeFrames([broken]);
    expect(counts(result)).toEqual({ 200: 1 });
    expect(result.invalid).toEqual({ count: 1, samples: [{ value: '999', count: 1 }] });
  });

  it('leave rows that are calls as they are', () => {
    const result = normalizeFrames(toFrames(ES_RAW_DATA));
    expect(sipNotice(result)).toBeUndefined();
    expect(result.total).toBe(30);
  });

  it('are partial against the rows returned, not the calls kept', () => {
    const result = normalizeFrames([messagesFrame(ALL)], { rowLimit: ALL.length });
    expect(result.partial).toEqual({ rows: ALL.length, limit: ALL.length });
  });
});

describe('Terms counts of SIP messages', () => {
  const termsTable = (refId = 'A') =>
    toDataFrame({
      refId,
      fields: [
        { name: 'sip.code', type: FieldType.number, values: [200, 401, 486] },
        { name: 'Count', type: FieldType.number, values: [900, 120, 30] },
      ],
    });

  it('say how to keep only responses to INVITE when the query does not', () => {
    const result = normalizeFrames([termsTable()], { queries: { A: 'sip.type:response' } });
    expect(result.total).toBe(1050);
    const notice = sipNotice(result)!;
    expect(notice.level).toBe('warning');
    expect(notice.message).toContain(
      'Query A counts SIP messages with a Terms aggregation on sip.code and no INVITE filter'
    );
    expect(notice.editorHint).toContain('sip.cseq.method:INVITE AND sip.type:response');
  });

  it('say it with a proviso when the query is not known', () => {
    expect(sipNotice(normalizeFrames([termsTable()]))!.message).toContain(
      'unless the query keeps only responses to INVITE'
    );
  });

  it('stay quiet when the query keeps only responses to INVITE', () => {
    for (const query of [
      'sip.cseq.method:INVITE AND sip.type:response',
      'sip.type:response AND sip.cseq.method: "INVITE"',
    ]) {
      expect(sipNotice(normalizeFrames([termsTable()], { queries: { A: query } }))).toBeUndefined();
    }
  });

  it('apply to Terms × Date Histogram series on sip.code too', () => {
    const series = toDataFrame({
      name: '200',
      refId: 'B',
      meta: { type: 'timeseries-multi' },
      fields: [
        { name: 'Time', type: FieldType.time, values: [FIXTURE_START_MS] },
        { name: 'Value', type: FieldType.number, values: [5] },
      ],
    });
    expect(sipNotice(normalizeFrames([series], { codeField: 'sip.code', queries: { B: '*' } }))?.message).toContain(
      'Query B'
    );
    expect(sipNotice(normalizeFrames([series], { codeField: 'sip.status_code' }))).toBeUndefined();
  });
});
