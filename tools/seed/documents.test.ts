/** @jest-environment ./tools/seed/testing/nodeEnvironment.js */
import fc from 'fast-check';

import { explainXReason, q850Cause } from '../../src/core';
import { appLogsOf, bulkOpsOf, callRecordOf, indexFor, iso, RecordKind, sipMessagesOf } from './documents';
import {
  FieldType,
  MAPPINGS,
  ObjectMapping,
  FieldMapping,
  indexTemplates,
  STATE_MAPPING,
  readerRole,
} from './mappings';
import { SimCall } from './model';
import { OUTCOMES, OutcomeKey } from './outcomes';
import { buildScenario } from './scenario';
import { callsBetween } from './traffic';

const ANCHOR = Date.UTC(2026, 10, 25, 14, 0);
const scenario = buildScenario({ seed: 7, anchorMs: ANCHOR, days: 7, peakPerMinute: 20, utcOffsetHours: 0 });

/** One call of every outcome the generator knows (the history of seed 7 has them all), plus the first 2000 calls. */
function sampleCalls(): SimCall[] {
  const byOutcome = new Map<string, SimCall>();
  const first: SimCall[] = [];
  for (const call of callsBetween(scenario, scenario.startMs, ANCHOR)) {
    const key = `${call.status} ${call.reason} ${call.kind} ${call.answered}`;
    if (!byOutcome.has(key)) {
      byOutcome.set(key, call);
    }
    if (first.length < 2000) {
      first.push(call);
    }
  }
  return [...byOutcome.values(), ...first];
}

const calls = sampleCalls();

function isMapping(node: FieldMapping | ObjectMapping): node is FieldMapping {
  return 'type' in node;
}

/** The mapping node at a dotted path, or undefined. */
function mappingAt(root: ObjectMapping, path: string[]): FieldMapping | ObjectMapping | undefined {
  let node: FieldMapping | ObjectMapping | undefined = root;
  for (const part of path) {
    if (!node || isMapping(node)) {
      return undefined;
    }
    node = node.properties[part];
  }
  return node;
}

function fitsType(type: FieldType, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value) && Math.abs(value as number) < 2 ** 31;
    case 'long':
      return Number.isSafeInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'keyword':
    case 'text':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return (
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) &&
        !Number.isNaN(Date.parse(value))
      );
    case 'ip':
      return (
        typeof value === 'string' &&
        /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(value) &&
        value.split('.').every((part) => Number(part) <= 255)
      );
  }
}

/** Every leaf of a document that does not match the mapping (missing field, wrong type, object where a value is). */
function mappingViolations(kind: RecordKind, doc: object): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, path: string[]) => {
    const node = mappingAt(MAPPINGS[kind], path);
    if (node === undefined) {
      problems.push(`${path.join('.')}: not mapped`);
      return;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (isMapping(node)) {
        problems.push(`${path.join('.')}: object where ${node.type} is mapped`);
        return;
      }
      for (const [key, child] of Object.entries(value)) {
        walk(child, [...path, key]);
      }
      return;
    }
    if (!isMapping(node)) {
      problems.push(`${path.join('.')}: value where an object is mapped`);
    } else if (!fitsType(node.type, value)) {
      problems.push(`${path.join('.')}: ${JSON.stringify(value)} is not a valid ${node.type}`);
    }
  };
  for (const [key, value] of Object.entries(doc)) {
    walk(value, [key]);
  }
  return problems;
}

describe('mappings', () => {
  it('are strict at the root of every template and of the state index', () => {
    for (const template of indexTemplates()) {
      expect(template.template.mappings.dynamic).toBe('strict');
      expect(template.index_patterns).toEqual([`${template.name}-*`]);
    }
    expect(STATE_MAPPING.dynamic).toBe('strict');
  });

  it('maps the fields the dashboard and the panel query with the types they need', () => {
    expect(mappingAt(MAPPINGS.calls, ['sip_status'])).toEqual({ type: 'integer' });
    expect(mappingAt(MAPPINGS.calls, ['@timestamp'])).toEqual({ type: 'date' });
    expect(mappingAt(MAPPINGS.calls, ['source', 'ip'])).toEqual({ type: 'ip' });
    expect(mappingAt(MAPPINGS.calls, ['answered'])).toEqual({ type: 'boolean' });
    // Packetbeat types the status code of a SIP message as keyword.
    expect(mappingAt(MAPPINGS.sip, ['sip', 'code'])).toEqual({ type: 'keyword' });
    expect(mappingAt(MAPPINGS.logs, ['level'])).toEqual({ type: 'keyword' });
    expect(mappingAt(MAPPINGS.logs, ['sip_status'])).toEqual({ type: 'integer' });
  });

  it('gives the reader role read-only privileges on the seeded indices only', () => {
    const role = readerRole();
    expect(role.cluster).toEqual(['monitor']);
    expect(role.indices).toEqual([
      { names: ['voice-calls-*', 'voice-sip-*', 'voice-applogs-*'], privileges: ['read', 'view_index_metadata'] },
    ]);
  });
});

describe('generated documents match the mappings exactly', () => {
  it('covers every outcome of the generator in the sample', () => {
    const reasons = new Set(calls.map((call) => `${call.status} ${call.reason}`));
    for (const key of Object.keys(OUTCOMES) as OutcomeKey[]) {
      expect(reasons).toContain(`${OUTCOMES[key].status} ${OUTCOMES[key].reason}`);
    }
  });

  it.each(['calls', 'sip', 'logs'] as RecordKind[])(
    '%s documents: every field mapped, every value of the mapped type',
    (kind) => {
      const problems = new Set<string>();
      for (const call of calls) {
        for (const op of bulkOpsOf(call, scenario)) {
          if (op.kind === kind) {
            mappingViolations(kind, op.doc).forEach((problem) => problems.add(problem));
          }
        }
      }
      expect([...problems]).toEqual([]);
    }
  );

  it('detects a violation (the checker itself can fail)', () => {
    const record = callRecordOf(calls[0], scenario);
    expect(mappingViolations('calls', { ...record, sip_status: '503' })).toEqual([
      'sip_status: "503" is not a valid integer',
    ]);
    expect(mappingViolations('calls', { ...record, sip_code: 503 })).toEqual(['sip_code: not mapped']);
    expect(mappingViolations('calls', { ...record, source: { ip: '999.1.1.1', port: 5060 } })).toEqual([
      'source.ip: "999.1.1.1" is not a valid ip',
    ]);
  });
});

describe('documents of one call agree with each other', () => {
  const rejected = calls.find((call) => call.status === 487)!;
  const answered = calls.find((call) => call.status === 200)!;

  it('writes the call record the way the dashboard reads it', () => {
    const record = callRecordOf(answered, scenario);
    expect(record).toMatchObject({
      sip_status: 200,
      sip_status_class: '2xx',
      answered: true,
      direction: 'inbound',
      sip_callid: answered.callId,
      '@timestamp': new Date(answered.startMs).toISOString(),
    });
    expect(record.duration).toBeGreaterThan(0);
    expect(Date.parse(record.terminated_at) - Date.parse(record.answered_at!)).toBe(record.duration * 1000);
    expect(callRecordOf(rejected, scenario)).toMatchObject({
      answered: false,
      duration: 0,
      termination_reason: 'failed',
    });
    expect(callRecordOf(rejected, scenario).answered_at).toBeUndefined();
  });

  it('builds the SIP ladder INVITE, 100, 180, CANCEL, 200 (CANCEL), 487, ACK in time order', () => {
    const ladder = sipMessagesOf(rejected, scenario);
    expect(ladder.map((m) => m.sip.method ?? `${m.sip.code} ${m.sip.cseq.method}`)).toEqual([
      'INVITE',
      '100 INVITE',
      '180 INVITE',
      'CANCEL',
      '200 CANCEL',
      '487 INVITE',
      'ACK',
    ]);
    const times = ladder.map((m) => Date.parse(m['@timestamp']));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(ladder.map((m) => m.sip.call_id))).toEqual(new Set([rejected.callId]));
    expect(ladder[0]).toMatchObject({
      source: { ip: rejected.sourceIp },
      destination: { ip: scenario.sbc.ip },
      sip: { type: 'request' },
    });
    expect(ladder[5]).toMatchObject({
      sip: { type: 'response', code: '487', status: 'Request Terminated' },
      message: 'SIP/2.0 487 Request Terminated',
    });
  });

  it('sends no 100 Trying for drachtio’s stateless 603 and no ACK from scanners', () => {
    const filtered = calls.find((call) => call.kind === 'scanner' && call.status === 603)!;
    expect(sipMessagesOf(filtered, scenario).map((m) => m.sip.method ?? m.sip.code)).toEqual(['INVITE', '603']);
  });

  it('writes no call record for drachtio’s scanner 603, only its SIP messages and drachtio’s log line', () => {
    const filtered = calls.find((call) => call.kind === 'scanner' && call.status === 603)!;
    const ops = bulkOpsOf(filtered, scenario);
    expect(ops.map((op) => op.kind)).toEqual(['sip', 'sip', 'logs']);
    expect(ops[2].doc).toMatchObject({ service: 'drachtio', sip_status: 603, sip_callid: filtered.callId });
    expect((ops[2].doc as { message: string }).message).toContain('detected potential spammer');
    // Scanners that get past the filter reach sbc-inbound (403/404) and keep their call record.
    const passed = calls.find((call) => call.kind === 'scanner' && call.status !== 603)!;
    expect(bulkOpsOf(passed, scenario).filter((op) => op.kind === 'calls')).toHaveLength(1);
    // A 603 in the call records is always a real call the application did not answer.
    const declined = calls.find((call) => call.kind !== 'scanner' && call.status === 603)!;
    expect(declined.cause).toBe('flow-no-answer');
    expect(bulkOpsOf(declined, scenario)[0]).toMatchObject({ kind: 'calls', doc: { sip_status: 603 } });
  });

  it('logs the gateway’s reason with the Call-ID and the code', () => {
    const [line] = appLogsOf(rejected);
    expect(line).toMatchObject({
      sip_callid: rejected.callId,
      sip_status: 487,
      service: 'feature-server',
      level: 'info',
    });
    const storm = calls.find((call) => call.reason === 'Max Account Calls In Progress');
    if (storm) {
      expect(appLogsOf(storm)[0]).toMatchObject({
        level: 'warn',
        service: 'sbc-inbound',
        account_sid: storm.account!.sid,
      });
    }
  });

  it('derives every id from the Call-ID, unique, and stores a call’s documents in the month of its INVITE', () => {
    const unique = [...new Set(calls)];
    const ops = unique.flatMap((call) => bulkOpsOf(call, scenario).map((op) => ({ op, call })));
    expect(new Set(ops.map(({ op }) => op.id)).size).toBe(ops.length);
    expect(ops.filter(({ op, call }) => !op.id.startsWith(call.callId))).toEqual([]);
    expect(ops.filter(({ op, call }) => op.index !== indexFor(op.kind, call.startMs))).toEqual([]);
    expect(ops.filter(({ op }) => op.kind === 'calls').length).toBe(unique.filter((call) => call.callRecord).length);
    expect(indexFor('calls', Date.UTC(2026, 10, 30, 23, 59))).toBe('voice-calls-2026.11');
    expect(indexFor('logs', Date.UTC(2026, 11, 1))).toBe('voice-applogs-2026.12');
  });
});

describe('iso', () => {
  it('formats exactly like Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e14 }), (ms) => {
        expect(iso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 }
    );
  });
});

describe('X-Reasons, phrases and Q.850 causes follow the corrected catalog', () => {
  const records = calls.filter((call) => call.callRecord).map((call) => callRecordOf(call, scenario));

  it('sends only X-Reasons the dictionary knows, each with a code it comes with', () => {
    const withReason = records.filter((doc) => doc.x_reason !== undefined);
    const keys = Object.keys(OUTCOMES) as OutcomeKey[];
    const outcomesWithReason = keys.filter((key) => OUTCOMES[key].xReason && OUTCOMES[key].noCallRecord !== true);
    const seen = new Set<string>();
    for (const doc of withReason) {
      const info = explainXReason(doc.x_reason!);
      expect(info).not.toBeNull();
      if (info!.codes.length > 0) {
        expect(info!.codes).toContain(doc.sip_status);
      }
      seen.add(`${doc.sip_status} ${info!.value}`);
    }
    expect(seen.size).toBeGreaterThanOrEqual(new Set(outcomesWithReason.map((key) => OUTCOMES[key].status)).size);
  });

  it('gives 488 the media server’s "endpoint allocation failure" and Reason cause 88 (Q.850: incompatible destination)', () => {
    const codec = records.filter((doc) => doc.sip_status === 488);
    expect(codec.length).toBeGreaterThan(0);
    for (const doc of codec) {
      expect(explainXReason(doc.x_reason!)?.value).toBe('endpoint allocation failure: …');
      expect(doc.q850_cause).toBe(88);
      expect(q850Cause(doc.q850_cause!)).toMatchObject({
        name: 'Incompatible destination',
        freeswitch: { sipCode: 488 },
      });
    }
    expect(records.filter((doc) => doc.sip_status !== 488 && doc.q850_cause !== undefined)).toEqual([]);
  });

  it('uses the call-limit phrases the dictionary knows and marks the application’s own declines', () => {
    for (const doc of records.filter((candidate) => candidate.sip_status === 503)) {
      expect(explainXReason(doc.sip_reason)?.codes).toEqual([503]);
    }
    for (const doc of records.filter((candidate) => candidate.sip_status === 486)) {
      expect(doc.x_reason).toBe('SIP Decline Verb');
    }
  });
});
