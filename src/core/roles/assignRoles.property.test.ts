import fc from 'fast-check';
import type { DataFrame } from '@grafana/data';

import { normalizeFrames } from '../normalize';
import { assignQueryRoles } from './assignRoles';
import {
  callRecords,
  nestedTermsFrame,
  rawDocumentFrame,
  rawRowsFrame,
  rawTarget,
  termsSeriesFrames,
  termsTableFrame,
  termsTarget,
} from './testing/esFrames';

/** The queries a NOC panel may hold, each with its frames and target. */
const QUERIES: Record<string, (refId: string) => { frames: DataFrame[]; target: Record<string, unknown> }> = {
  series: (refId) => ({
    frames: termsSeriesFrames({ 200: [50, 60], 503: [1, 4] }, { refId }),
    target: termsTarget(refId, ['sip_status'], { dateHistogram: true }),
  }),
  table: (refId) => ({
    frames: [termsTableFrame([200, 404], [90, 3], { refId })],
    target: termsTarget(refId, ['sip_status']),
  }),
  rows: (refId) => ({
    frames: [
      rawRowsFrame(
        callRecords([
          { minute: 1, code: 503 },
          { minute: 2, code: 404 },
        ]),
        { refId }
      ),
    ],
    target: rawTarget(refId),
  }),
  logs: (refId) => ({
    frames: [rawRowsFrame(callRecords([{ minute: 1, code: 487 }]), { refId, logs: { limit: 100, total: 1 } })],
    target: rawTarget(refId, { type: 'logs', size: 100 }),
  }),
  documents: (refId) => ({
    frames: [rawDocumentFrame([{ '@timestamp': '2026-03-02T14:00:00Z', sip_status: 480 }], refId)],
    target: rawTarget(refId, { type: 'raw_document' }),
  }),
  breakdown: (refId) => ({
    frames: [nestedTermsFrame(['sip_status', 'source.ip'], [[403, '203.0.113.9', 7]], refId)],
    target: termsTarget(refId, ['sip_status', 'source.ip']),
  }),
};

const panelArb = fc.array(
  fc.record({
    kind: fc.constantFrom(...Object.keys(QUERIES)),
    empty: fc.boolean(),
    withTarget: fc.boolean(),
  }),
  { minLength: 1, maxLength: 5 }
);

describe('assignQueryRoles properties', () => {
  it('hands normalisation one shape only, and every frame to exactly the roles of its query', () => {
    fc.assert(
      fc.property(panelArb, fc.boolean(), (queries, withTargets) => {
        const frames: DataFrame[] = [];
        const targets: Array<Record<string, unknown>> = [];
        queries.forEach((query, i) => {
          const built = QUERIES[query.kind](String.fromCharCode(65 + i));
          if (!query.empty) {
            frames.push(...built.frames);
          }
          if (withTargets && query.withTarget) {
            targets.push(built.target);
          }
        });
        const result = assignQueryRoles(frames, withTargets ? targets : undefined);
        const kinds = normalizeFrames(result.distribution, result.normalizeOptions).notices.map(
          (notice) => notice.kind
        );
        expect(kinds).not.toContain('mixed-shapes');
        expect(new Set(result.roles.map((entry) => entry.refId)).size).toBe(result.roles.length);
        for (const frame of frames) {
          const entry = result.roles.find((role) => role.refId === frame.refId)!;
          const roles = new Set([entry.role, ...entry.also]);
          expect(result.distribution.includes(frame)).toBe(roles.has('distribution'));
          expect(result.calls.includes(frame)).toBe(roles.has('calls'));
          expect(result.breakdowns.includes(frame)).toBe(roles.has('breakdown'));
          expect(entry.why).not.toMatch(/undefined|NaN|^$/);
        }
        // Call rows are never counted when a query counts calls per code.
        const aggregated = result.roles.some(
          (entry) => entry.role === 'distribution' && (entry.kind === 'terms-series' || entry.kind === 'terms-table')
        );
        if (aggregated) {
          expect(result.distribution.some((frame) => result.calls.includes(frame))).toBe(false);
        }
      })
    );
  });

  it('never throws and always answers in shape, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.anything(),
        fc.anything(),
        fc.anything(),
        (frames, targets, overrides, codeField) => {
          const result = assignQueryRoles(frames as never, targets as never, overrides as never, codeField as never);
          expect(Array.isArray(result.roles)).toBe(true);
          expect(Array.isArray(result.distribution)).toBe(true);
          expect(Array.isArray(result.notices)).toBe(true);
        }
      )
    );
  });
});
