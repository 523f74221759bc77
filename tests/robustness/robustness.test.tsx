/**
 * Robustness run: generated frames of every kind (random shapes, field types, nulls, huge and negative counts,
 * strings, objects) go through normalise → assess → render. Nothing may throw, the panel never renders blank, and
 * every invalid input is reported. `npm run robustness` runs 10,000 frames and prints the counts; the regular test
 * run uses ROBUSTNESS_RUNS (default 500) to stay quick.
 */
import fs from 'fs';
import path from 'path';
import React from 'react';
import fc from 'fast-check';
import { cleanup } from '@testing-library/react';
import { DataFrame, FieldType, toDataFrame } from '@grafana/data';
import { buildViewModel } from '../../src/view';
import { TEST_IDS } from '../../src/constants/testIds';
import { SipCodesPanel } from '../../src/components/SipCodesPanel';
import { darkTheme, panelProps, renderWithTheme } from '../../src/testing/panelProps';

const RUNS = Number(process.env.ROBUSTNESS_RUNS) || 500;

const FIELD_NAMES = [
  'sip_status',
  'sip.status_code.keyword',
  'Count',
  'Time',
  'Value',
  'code',
  'host',
  '_source',
  'Average duration',
  '',
];
const FRAME_NAMES = [undefined, '404', '503 Count', '200 Average duration', 'Count', 'abc', '999', 'INVITE 486'];
const FIELD_TYPES = [FieldType.number, FieldType.string, FieldType.time, FieldType.boolean, FieldType.other];

/** Any cell a data source (or a broken one) could deliver. */
const anyCell = fc.oneof(
  fc.constantFrom(200, 404, 487, 503, 100, 180, 42, 999, -404, 0),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e300, -1e300, NaN, Infinity, -Infinity),
  fc.constantFrom('404', ' 503 ', 'abc', '', 'N/A', '4o4', '1e3'),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.constant({ sip: { status_code: 480 } }),
  fc.constant([200, 404])
);

const chaosFrame = fc
  .record({
    name: fc.constantFrom(...FRAME_NAMES),
    rows: fc.integer({ min: 0, max: 12 }),
    logs: fc.boolean(),
    fields: fc.array(
      fc.record({
        name: fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 6 })),
        type: fc.constantFrom(...FIELD_TYPES),
        labels: fc.option(
          fc.dictionary(fc.constantFrom('sip_status', 'method'), fc.constantFrom('404', 'INVITE', 'x')),
          { nil: undefined }
        ),
        cells: fc.array(anyCell, { maxLength: 12 }),
      }),
      { maxLength: 5 }
    ),
  })
  .map(({ name, rows, logs, fields }): DataFrame => ({
    name,
    refId: 'A',
    length: rows,
    meta: logs ? { preferredVisualisationType: 'logs' } : undefined,
    fields: fields.map((field) => ({
      name: field.name,
      type: field.type,
      config: {},
      labels: field.labels,
      values: Array.from({ length: rows }, (_, i) => field.cells[i % Math.max(1, field.cells.length)]),
    })),
  }));

/** A terms table whose invalid keys and unusable counts are known, so reporting can be checked exactly. */
const termsTable = fc
  .array(
    fc.record({
      key: fc.oneof(
        fc.constantFrom(200, 404, 480, 487, 503, 408, 603, 183),
        fc.constantFrom('abc', 42, 999, null, '4o4')
      ),
      count: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(-5, NaN, null)),
    }),
    { maxLength: 15 }
  )
  .map((rows) => ({
    rows,
    frame: toDataFrame({
      refId: 'A',
      fields: [
        { name: 'sip_status', type: FieldType.other, values: rows.map((row) => row.key) },
        { name: 'Count', type: FieldType.number, values: rows.map((row) => row.count) },
      ],
    }),
  }));

const figures = {
  frames: 0,
  throws: 0,
  blankPanels: 0,
  invalidCalls: 0,
  invalidReported: 0,
  invalidUnreported: 0,
  messages: 0,
};

function renderPanel(series: DataFrame[]) {
  const { container } = renderWithTheme(<SipCodesPanel {...panelProps({ series })} />);
  const panel = container.querySelector(`[data-testid="${TEST_IDS.panel}"]`);
  const hasContent =
    panel !== null &&
    (container.querySelector('[data-testid^="sip-slice-"]') !== null ||
      container.querySelector(`[data-testid="${TEST_IDS.message}"]`) !== null);
  cleanup();
  return hasContent;
}

afterAll(() => {
  const line = Object.entries(figures)
    .map(([key, value]) => `${key}=${Math.round(value)}`)
    .join(' ');
  // The figures the robustness run reports (npm run robustness prints them).
  console.log(`robustness: ${line}`);
  fs.mkdirSync(path.resolve(__dirname, '../../.tmp'), { recursive: true });
  fs.writeFileSync(path.resolve(__dirname, '../../.tmp/robustness.json'), JSON.stringify(figures, null, 2) + '\n');
});

test(`${RUNS} chaotic frame sets go through normalise → assess → render without a throw or a blank panel`, () => {
  fc.assert(
    fc.property(fc.array(chaosFrame, { maxLength: 4 }), (series) => {
      figures.frames += series.length;
      let model;
      try {
        model = buildViewModel({ series, options: {}, theme: darkTheme });
      } catch (error) {
        figures.throws += 1;
        throw error;
      }
      expect(Number.isFinite(model.total)).toBe(true);
      figures.messages += model.messages.length;
      if (model.distribution.invalid.count > 0) {
        figures.invalidCalls += model.distribution.invalid.count;
        const reported = model.messages.some((message) => message.kind === 'invalid-values');
        figures[reported ? 'invalidReported' : 'invalidUnreported'] += 1;
        expect(reported).toBe(true);
      }
      const visible = renderPanel(series);
      if (!visible) {
        figures.blankPanels += 1;
      }
      expect(visible).toBe(true);
    }),
    { numRuns: RUNS }
  );
});

test(`${RUNS} terms tables with known bad keys and counts: every invalid call and unusable count is reported`, () => {
  fc.assert(
    fc.property(termsTable, ({ rows, frame }) => {
      figures.frames += 1;
      const model = buildViewModel({ series: [frame], options: { codeField: 'sip_status' }, theme: darkTheme });
      const sane = (count: unknown): count is number =>
        typeof count === 'number' && Number.isFinite(count) && count >= 0;
      const isCode = (key: unknown) => typeof key === 'number' && key >= 100 && key <= 699 && key !== 42;
      const invalidCalls = rows
        .filter((row) => !isCode(row.key) && sane(row.count))
        .reduce((sum, row) => sum + (row.count as number), 0);
      const validCalls = rows
        .filter((row) => isCode(row.key) && sane(row.count))
        .reduce((sum, row) => sum + (row.count as number), 0);
      const provisional = model.distribution.provisional.reduce((sum, entry) => sum + entry.count, 0);

      expect(model.distribution.invalid.count).toBe(invalidCalls);
      expect(model.total + provisional).toBe(validCalls);
      // A null count is an empty bucket (0 calls), as Grafana's data source means it; NaN and negatives are unusable.
      const unusableCounts = rows.some((row) => row.count !== null && !sane(row.count));
      const reported = model.messages.some(
        (message) => message.kind === (invalidCalls > 0 ? 'invalid-values' : 'invalid-counts')
      );
      if (invalidCalls > 0 || unusableCounts) {
        figures.invalidCalls += invalidCalls;
        figures[reported ? 'invalidReported' : 'invalidUnreported'] += 1;
        expect(reported).toBe(true);
      }
    }),
    { numRuns: RUNS }
  );
});
