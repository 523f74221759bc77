import { createTheme, FieldType, toDataFrame } from '@grafana/data';
import { buildViewModel, byUrgency, codeColor, policyIssueText, summarizeFinding } from '.';
import { darkTheme, seriesFrames, termsFrame, TYPICAL_COUNTS } from '../testing/panelProps';
import { DEFAULT_OPTIONS } from '../options';

function model(overrides: Partial<Parameters<typeof buildViewModel>[0]> = {}) {
  return buildViewModel({
    series: [termsFrame(TYPICAL_COUNTS)],
    options: DEFAULT_OPTIONS,
    theme: darkTheme,
    ...overrides,
  });
}

/** 24 quarter-hours: 200 steady, 487 ten times more often in the last quarter. */
function risingSeries() {
  const buckets = 24;
  return seriesFrames({
    200: Array.from({ length: buckets }, () => 100),
    487: Array.from({ length: buckets }, (_, i) => (i >= 18 ? 30 : 3)),
  });
}

describe('buildViewModel', () => {
  it('counts final responses and shares of all of them', () => {
    const { total, legend } = model();
    expect(total).toBe(1665);
    const notFound = legend.find((entry) => entry.code === 404)!;
    expect(notFound.count).toBe(37);
    expect(notFound.share).toBeCloseTo((37 / 1665) * 100, 6);
    expect(notFound.label).toBe('404 Not Found: 37 calls, 2.2 %, track');
    expect(notFound.policy.guidance.meaning).not.toBe('');
  });

  it('lists the legend most urgent first, then by calls', () => {
    const codes = model().legend.map((entry) => entry.code);
    expect(codes).toEqual([500, 487, 404, 480, 503, 200]);
    expect(model().legend.map((entry) => entry.severity)).toEqual([
      'immediate',
      'track',
      'track',
      'track',
      'track',
      'normal',
    ]);
  });

  it('reports the codes that need follow-up now, with rule and numbers', () => {
    const { findings } = model();
    const serverError = findings.find((finding) => finding.code === 500)!;
    expect(serverError.severity).toBe('immediate');
    expect(serverError.summary).toBe('500 · 2 calls · investigate every one');
    expect(findings[0].code).toBe(500);
  });

  it('fires the share rule with the measured share', () => {
    const { findings } = model({ series: [termsFrame({ 200: 900, 503: 90 })] });
    const unavailable = findings.find((finding) => finding.code === 503);
    expect(unavailable?.summary).toMatch(/^503 · 9\.1 % · above \d+(\.\d+)? %$/);
  });

  it('fires the rise rule on a date histogram and uses the recent window option', () => {
    const rising = model({ series: risingSeries() });
    expect(rising.findings.map((finding) => finding.code)).toContain(487);
    expect(rising.findings.find((finding) => finding.code === 487)!.summary).toMatch(
      /\d+(\.\d)?× as frequent as earlier in the range/
    );
    expect(rising.messages.filter((message) => message.kind === 'rise-needs-histogram')).toEqual([]);
  });

  it('says when the rise rule cannot be checked without a date histogram', () => {
    const kinds = model().messages.map((message) => message.kind);
    expect(kinds).toContain('rise-needs-histogram');
    expect(model().messages.find((message) => message.kind === 'rise-needs-histogram')!.level).toBe('info');
  });

  it('hides 2xx from the chart and legend on request, keeping shares of all calls', () => {
    const hidden = model({ options: { ...DEFAULT_OPTIONS, include2xx: false } });
    expect(hidden.slices.map((entry) => entry.code)).not.toContain(200);
    expect(hidden.legend.map((entry) => entry.code)).not.toContain(200);
    expect(hidden.hidden2xx).toEqual({ count: 1520, share: (1520 / 1665) * 100 });
    expect(hidden.byCode.get(200)?.count).toBe(1520);
    expect(hidden.legend.find((entry) => entry.code === 404)!.share).toBeCloseTo((37 / 1665) * 100, 6);
  });

  it('lists provisional 1xx last, without a share, only when asked', () => {
    const series = [termsFrame({ 200: 100, 180: 90, 183: 10, 404: 5 })];
    expect(model({ series }).legend.map((entry) => entry.code)).toEqual([404, 200]);
    const withProvisional = model({ series, options: { ...DEFAULT_OPTIONS, include1xx: true } });
    expect(withProvisional.legend.map((entry) => entry.code)).toEqual([404, 200, 180, 183]);
    const ringing = withProvisional.legend.find((entry) => entry.code === 180)!;
    expect(ringing.share).toBeNull();
    expect(ringing.provisional).toBe(true);
    expect(withProvisional.slices.map((entry) => entry.code)).toEqual([404, 200]);
    expect(withProvisional.total).toBe(105);
  });

  it('gives a message instead of nothing when there is no data', () => {
    const empty = model({ series: [] });
    expect(empty.total).toBe(0);
    expect(empty.legend).toEqual([]);
    expect(empty.messages.map((message) => message.kind)).toEqual(['no-data']);
  });

  it('says why the chart is empty when only answered calls are hidden or only 1xx were seen', () => {
    const answeredOnly = model({
      series: [termsFrame({ 200: 40 })],
      options: { ...DEFAULT_OPTIONS, include2xx: false },
    });
    expect(answeredOnly.slices).toEqual([]);
    expect(answeredOnly.messages).toEqual([
      expect.objectContaining({ kind: 'nothing-shown', text: expect.stringContaining('Show 2xx (answered)') }),
    ]);

    const provisionalOnly = model({ series: [termsFrame({ 180: 12, 100: 3 })] });
    expect(provisionalOnly.total).toBe(0);
    expect(provisionalOnly.messages).toEqual([
      expect.objectContaining({ kind: 'nothing-shown', text: expect.stringContaining('15 in all') }),
    ]);

    expect(model().messages.some((message) => message.kind === 'nothing-shown')).toBe(false);
  });

  it('stays quiet about missing data while the query runs', () => {
    expect(model({ series: [], loading: true }).messages).toEqual([]);
  });

  it('explains when no field holds SIP codes', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'host', type: FieldType.string, values: ['sbc-1', 'sbc-2'] },
        { name: 'Count', type: FieldType.number, values: [10, 20] },
      ],
    });
    const { messages, legend } = model({ series: [frame] });
    expect(legend).toEqual([]);
    const message = messages.find((m) => m.kind === 'no-code-field')!;
    expect(message.title).toBe('No field holds SIP codes');
    expect(`${message.text} ${(message.details ?? []).join(' ')}`).toMatch(/host/);
    expect(`${message.text} ${(message.details ?? []).join(' ')}`).toMatch(/Code field/);
  });

  it('counts invalid values and still draws the valid codes', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'sip.status_code', type: FieldType.string, values: ['200', '404', 'abc', '999'] },
        { name: 'Count', type: FieldType.number, values: [100, 5, 7, 3] },
      ],
    });
    const result = model({ series: [frame] });
    expect(result.legend.map((entry) => entry.code)).toEqual([404, 200]);
    const invalid = result.messages.find((message) => message.kind === 'invalid-values')!;
    expect(invalid.text).toMatch(/10 calls/);
    expect(invalid.text).toMatch(/abc/);
  });

  it('reports broken policy overrides with code and field, and keeps the defaults', () => {
    const result = model({
      options: {
        ...DEFAULT_OPTIONS,
        policyOverrides: { '404': { severity: 'urgent' }, abc: {}, '487': { severity: 'immediate' } },
      },
    });
    const message = result.messages.find((m) => m.kind === 'policy-issues')!;
    expect(message.level).toBe('warning');
    expect(message.details!.some((detail) => detail.startsWith('404.severity'))).toBe(true);
    expect(message.details!.some((detail) => detail.includes('abc'))).toBe(true);
    expect(result.byCode.get(404)!.severity).toBe('track');
    expect(result.byCode.get(487)!.severity).toBe('immediate');
  });

  it('reports unusable options and uses defaults for them', () => {
    const result = model({ options: { ...DEFAULT_OPTIONS, view: 'radar', recentWindow: 'soon' } });
    expect(result.options.view).toBe('donut');
    expect(result.options.recentWindow).toBe('');
    const message = result.messages.find((m) => m.kind === 'options')!;
    expect(message.details).toHaveLength(2);
    expect(result.legend.length).toBeGreaterThan(0);
  });

  it('shows query errors', () => {
    const result = model({ errors: [{ refId: 'A', message: 'index_not_found_exception' }] });
    expect(result.messages.find((message) => message.kind === 'query-error')).toMatchObject({
      kind: 'query-error',
      level: 'error',
      title: 'Query A failed',
      text: 'index_not_found_exception',
    });
  });

  it('never throws on junk input', () => {
    expect(() => buildViewModel({ series: undefined, options: null, theme: darkTheme })).not.toThrow();
    expect(() =>
      buildViewModel({ series: [null, 42, { fields: 'x' }] as never, options: 'junk', theme: darkTheme })
    ).not.toThrow();
  });
});

describe('summarizeFinding', () => {
  it('writes the numbers once and every fired rule', () => {
    expect(
      summarizeFinding({
        code: 503,
        severity: 'track',
        count: 820,
        share: 8.2,
        explanation: '',
        rules: [
          { rule: 'share', value: 8.2, threshold: 5, text: 'above 5 %' },
          { rule: 'rise', value: 3.1, threshold: 2, text: '3.1× as frequent as earlier in the range' },
        ],
      })
    ).toBe('503 · 8.2 % · above 5 % · 3.1× as frequent as earlier in the range');
    expect(
      summarizeFinding({
        code: 487,
        severity: 'track',
        count: 40,
        share: 1,
        explanation: '',
        rules: [{ rule: 'rise', value: 3.1, threshold: 2, text: '3.1× as frequent as earlier in the range' }],
      })
    ).toBe('487 · 3.1× as frequent as earlier in the range');
  });
});

describe('policyIssueText', () => {
  it('uses the core words when they name code and field, and adds them when not', () => {
    expect(policyIssueText({ code: '404', field: 'severity', message: '404.severity must be one of …' })).toBe(
      '404.severity must be one of …'
    );
    expect(policyIssueText({ code: '404', field: 'rules', message: 'must be an object' })).toBe(
      '404.rules: must be an object'
    );
    expect(policyIssueText({ code: '*', field: '', message: 'Not valid JSON' })).toBe('Not valid JSON');
  });
});

describe('query targets in the view model', () => {
  const terms = (field: string) => ({ id: field, type: 'terms', field, settings: { size: '100' } });
  const histogram = { id: 'h', type: 'date_histogram', field: '@timestamp' };

  it('warns when the query got as many codes as its Terms size, so rare codes may be cut off', () => {
    const series = [termsFrame({ 200: 500, 487: 40, 404: 9 })];
    const sized = (size: string) => [
      { refId: 'A', bucketAggs: [{ id: '2', type: 'terms', field: 'sip.status_code', settings: { size } }] },
    ];
    expect(model({ series, targets: sized('3') }).messages).toContainEqual(
      expect.objectContaining({
        kind: 'terms-size',
        level: 'warning',
        text: expect.stringContaining('only its 3 most frequent'),
      })
    );
    expect(model({ series, targets: sized('100') }).messages.some((message) => message.kind === 'terms-size')).toBe(
      false
    );
    expect(model({ series, targets: sized('0') }).messages.some((message) => message.kind === 'terms-size')).toBe(
      false
    );
  });

  it('gives the Matching logs link its field for Terms × Date Histogram series, which carry no labels', () => {
    const targets = [
      { refId: 'A', datasource: { uid: 'es', type: 'elasticsearch' }, bucketAggs: [terms('sip_status'), histogram] },
    ];
    const series = seriesFrames({ 200: [5, 6], 503: [1, 9] });
    expect(model({ series }).codeField).toBeUndefined();
    expect(model({ series, targets }).codeField).toBe('sip_status');
  });
});

describe('code colours', () => {
  const colorsOf = (counts: Record<number, number>, theme = darkTheme) =>
    new Map(model({ series: [termsFrame(counts)], theme }).legend.map((entry) => [entry.code, entry.color]));

  it("keeps a code's colour whatever else is in the data", () => {
    const few = colorsOf({ 200: 100, 503: 6, 487: 7 });
    const many = colorsOf({ 200: 100, 404: 9, 480: 8, 487: 70, 503: 6, 500: 1, 408: 1, 403: 4, 486: 2 });
    expect(many.get(503)).toBe(few.get(503));
    expect(many.get(487)).toBe(few.get(487));
    expect(many.get(200)).toBe(few.get(200));
  });

  it("gives the runbook's codes of one severity shades of their own, per theme", () => {
    for (const mode of ['dark', 'light'] as const) {
      const theme = createTheme({ colors: { mode } });
      const colors = colorsOf(
        { 200: 100, 403: 5, 404: 9, 480: 8, 487: 7, 503: 6, 408: 1, 488: 1, 500: 1, 603: 1 },
        theme
      );
      const track = [403, 404, 480, 487, 503].map((code) => colors.get(code));
      const immediate = [408, 488, 500, 603].map((code) => colors.get(code));
      expect(new Set(track).size).toBe(track.length);
      expect(new Set(immediate).size).toBe(immediate.length);
      expect(colors.get(408)).toBe(theme.visualization.getColorByName('red'));
      expect(colors.get(200)).toBe(theme.visualization.getColorByName('green'));
      expect(track.some((color) => immediate.includes(color))).toBe(false);
    }
    expect(colorsOf({ 500: 1 }, darkTheme).get(500)).not.toBe(
      colorsOf({ 500: 1 }, createTheme({ colors: { mode: 'light' } })).get(500)
    );
  });

  it('derives the colour from code and severity only', () => {
    const colors = colorsOf({ 486: 3, 487: 9 });
    expect(colors.get(486)).not.toBe(colors.get(487));
    expect(colorsOf({ 487: 1, 486: 30 }).get(486)).toBe(colors.get(486));
    expect(codeColor(503, 'track', false, darkTheme)).toBe(
      colors.get(503) ?? codeColor(503, 'track', false, darkTheme)
    );
    expect(codeColor(100, 'normal', true, darkTheme)).toBe(darkTheme.colors.text.disabled);
  });

  it('sorts entries by urgency', () => {
    const { legend } = model();
    expect([...legend].sort(byUrgency)).toEqual(legend.slice(0, legend.length));
  });
});

describe('no calls at all', () => {
  it('is a warning that names the gateway and the ingest, not a calm note', () => {
    for (const series of [[], [termsFrame({})]]) {
      const messages = model({ series }).messages;
      const noCalls = messages.find((message) => message.title === 'No calls in this range');
      expect(noCalls).toBeDefined();
      expect(noCalls!.level).toBe('warning');
      expect(noCalls!.text).toContain('Check the gateway and the ingest');
    }
  });

  it('says nothing while the query is still running', () => {
    expect(
      model({ series: [], loading: true }).messages.some((message) => message.title === 'No calls in this range')
    ).toBe(false);
  });
});

describe('message titles', () => {
  it('give bad counts a title of their own, not that of bad codes', () => {
    const frame = toDataFrame({
      refId: 'A',
      fields: [
        { name: 'sip.status_code', type: FieldType.number, values: [200, 404, 486] },
        { name: 'Count', type: FieldType.number, values: [100, -4, NaN] },
      ],
    });
    const messages = model({ series: [frame] }).messages;
    expect(messages.find((message) => message.kind === 'invalid-counts')?.title).toBe('Counts that could not be used');
    expect(messages.some((message) => message.kind === 'invalid-values')).toBe(false);
  });
});
