/** The generator's small parts: durations, histogram intervals, Lucene, per-code template choices, math text. */
import {
  bucketsFor,
  formatSeconds,
  histogramInterval,
  MAX_BUCKETS_PER_SERIES,
  parseDuration,
} from '../../../tools/alert-rules/durations';
import { allOf, num } from '../../../tools/alert-rules/expressions';
import { codesQuery, FIELD_NAME, finalResponsesQuery } from '../../../tools/alert-rules/lucene';
import { chooseByCode } from '../../../tools/alert-rules/template';
import { evaluateMath } from './testing/mathexp';
import { renderTemplate } from './testing/goTemplate';

describe('durations', () => {
  it('reads the one-number-one-unit form Grafana and Elasticsearch both accept, nothing else', () => {
    expect(parseDuration('15m')).toEqual({ text: '15m', seconds: 900 });
    expect(parseDuration('6h')!.seconds).toBe(21_600);
    expect(parseDuration('1d')!.seconds).toBe(86_400);
    for (const text of ['0s', '1h30m', '1.5h', ' 15m', '15', 'm', '15M', '-5m', '1w', '10ms']) {
      expect([text, parseDuration(text)]).toEqual([text, null]);
    }
    expect(formatSeconds(900)).toBe('15m');
    expect(formatSeconds(90)).toBe('90s');
    expect(formatSeconds(7200)).toBe('2h');
  });

  it('picks fixed histogram intervals with at most 60 buckets', () => {
    expect(histogramInterval(900).text).toBe('15s');
    expect(histogramInterval(21_600 - 900).text).toBe('10m');
    for (const seconds of [60, 900, 3600, 21_600, 86_400, 7 * 86_400]) {
      const interval = histogramInterval(seconds);
      expect(bucketsFor(seconds, interval.seconds)).toBeLessThanOrEqual(MAX_BUCKETS_PER_SERIES + 1);
    }
  });
});

describe('Lucene', () => {
  it('selects single codes and ranges, on dotted fields too', () => {
    expect(codesQuery('sip_status', [{ from: 503, to: 503 }])).toBe('sip_status:503');
    expect(
      codesQuery('sip.code', [
        { from: 408, to: 408 },
        { from: 500, to: 502 },
      ])
    ).toBe('(sip.code:408 OR sip.code:[500 TO 502])');
    expect(finalResponsesQuery('sip_status')).toBe('sip_status:[200 TO 699]');
    expect(FIELD_NAME.test('sip.status_code')).toBe(true);
    for (const field of ['sip status', 'a:b', '*', 'x OR y', '.x', 'x.', 'a..b', '']) {
      expect([field, FIELD_NAME.test(field)]).toEqual([field, false]);
    }
  });
});

describe('chooseByCode', () => {
  const code = 'index $labels "sip_status"';
  const data = (value: string) => ({ labels: { sip_status: value }, values: {} });

  it('prints per code, codes before their class range, and plain text when all agree', () => {
    const template = chooseByCode(code, [
      { codes: [408], then: 'timeout' },
      { codes: [500], then: 'server' },
      { codes: [502], then: 'server' },
      { range: { from: 500, to: 599 }, then: 'class 5' },
    ]);
    expect(renderTemplate(template, data('408'))).toBe('timeout');
    expect(renderTemplate(template, data('500'))).toBe('server');
    expect(renderTemplate(template, data('502'))).toBe('server');
    expect(renderTemplate(template, data('599'))).toBe('class 5');
    expect(template).toContain('eq $c "500" "502"');
    expect(
      chooseByCode(code, [
        { codes: [408], then: 'x' },
        { range: { from: 500, to: 599 }, then: 'x' },
      ])
    ).toBe('x');
  });

  it('keeps a code’s own branch when its class range prints something else, even if it prints the else', () => {
    const template = chooseByCode(code, [
      { codes: [408], then: 'immediate' },
      { codes: [503], then: 'immediate' },
      { codes: [488], then: 'immediate' },
      { range: { from: 500, to: 599 }, then: 'track' },
    ]);
    expect(renderTemplate(template, data('503'))).toBe('immediate');
    expect(renderTemplate(template, data('504'))).toBe('track');
    expect(renderTemplate(template, data('408'))).toBe('immediate');
    expect(template).not.toContain('"408"');
  });
});

describe('math text', () => {
  it('joins conditions left to right, so a false guard hides a NaN on its right', () => {
    expect(allOf(['$A > 0'])).toBe('($A > 0)');
    expect(allOf(['$A > 0', '$B > 0', '$C > 0'])).toBe('(($A > 0) && ($B > 0)) && ($C > 0)');
    expect(evaluateMath(allOf(['$A > 0', '$B / $A > 1']), { A: 0, B: 0 })).toBe(0);
    expect(evaluateMath('$B / $A > 1', { A: 0, B: 0 })).toBeNaN();
  });

  it('writes numbers the math lexer reads back exactly, exponents included', () => {
    expect(num(2)).toBe('2');
    expect(num(0.05)).toBe('0.05');
    expect(num(1e-7)).toBe('1e-7');
    expect(evaluateMath(`${num(1e-7)} * 10000000`, {})).toBeCloseTo(1);
    expect(evaluateMath(num(0.1 + 0.2), {})).toBe(0.1 + 0.2);
    expect(() => num(Infinity)).toThrow();
  });
});
