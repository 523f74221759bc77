import fc from 'fast-check';

import { nestedTermsFrame, rawRowsFrame } from '../roles/testing/esFrames';
import { dominantContributor, topContributors } from './contributors';
import { escalationSummary } from './escalationSummary';
import { recentCalls } from './recentCalls';
import { recencyText } from './recencyText';

const codeArb = fc.constantFrom(403, 404, 487, 503);
const cellArb = fc.oneof(
  fc.constantFrom('203.0.113.9', 'AC1', '', null, 'carrier-b'),
  fc.string({ maxLength: 4 }),
  fc.integer()
);
const rowArb = fc.record({
  '@timestamp': fc.integer({ min: 1.7e12, max: 1.8e12 }),
  sip_status: fc.oneof(codeArb, fc.constantFrom('503', 'x', null)),
  sip_callid: fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null)),
  'source.ip': cellArb,
  account_sid: cellArb,
});
const breakdownRowArb = fc.tuple(
  codeArb,
  fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
  fc.integer({ min: 0, max: 1000 })
);

describe('follow-up properties', () => {
  it('lists at most 5 values per field, most calls first, with shares that add up to at most 100 %', () => {
    fc.assert(
      fc.property(
        codeArb,
        fc.array(rowArb, { maxLength: 40 }),
        fc.array(breakdownRowArb, { maxLength: 20 }),
        (code, rows, table) => {
          const calls = [rawRowsFrame(rows)];
          const breakdowns = table.length > 0 ? [nestedTermsFrame(['sip_status', 'source.ip'], table)] : [];
          const result = topContributors(code, ['source_ip', 'account'], breakdowns, calls);
          for (const field of result.fields) {
            expect(field.values.length).toBeGreaterThan(0);
            expect(field.values.length).toBeLessThanOrEqual(5);
            const shares = field.values.reduce((sum, value) => sum + value.share, 0);
            expect(shares).toBeLessThanOrEqual(100 + 1e-9);
            for (let i = 1; i < field.values.length; i++) {
              expect(field.values[i - 1].count).toBeGreaterThanOrEqual(field.values[i].count);
            }
            expect(field.values.every((value) => value.count > 0 && value.value !== '')).toBe(true);
          }
          for (const problem of result.problems) {
            expect(problem.message).not.toMatch(/undefined|NaN/);
          }
          const dominant = dominantContributor(result);
          if (dominant) {
            expect(dominant.share).toBeGreaterThanOrEqual(60);
            expect(dominant.count).toBeGreaterThanOrEqual(10);
          }
          const recent = recentCalls(code, calls);
          expect(recent.calls.length).toBeLessThanOrEqual(10);
          for (let i = 1; i < recent.calls.length; i++) {
            expect(recent.calls[i - 1].time ?? -Infinity).toBeGreaterThanOrEqual(recent.calls[i].time ?? -Infinity);
          }
        }
      )
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (a, b, c, d) => {
        expect(
          Array.isArray(topContributors(a as never, b as never, c as never, d as never, a as never).problems)
        ).toBe(true);
        expect(Array.isArray(recentCalls(a as never, b as never, c as never).calls)).toBe(true);
        expect(() => recencyText(a as never, b as never, c as never)).not.toThrow();
        expect(() => dominantContributor(a as never, b as never)).not.toThrow();
      })
    );
  });

  it('writes a summary for any finding-shaped input without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (finding, contributors) => {
        const text = escalationSummary({
          code: 503,
          reason: 'Service Unavailable',
          severity: 'track',
          count: 3,
          total: 10,
          from: 0,
          to: 1,
          finding: finding as never,
          contributors: contributors as never,
        });
        expect(text.startsWith('SIP 503 Service Unavailable')).toBe(true);
      })
    );
  });
});
