/**
 * Team text (guidance meaning and action) reaches the notification exactly as written and never runs: Go template
 * syntax, provisioning's $-interpolation and YAML specials are all inert. What an alert prints is checked with
 * testing/goTemplate.ts after the YAML is parsed, as Grafana reads the file.
 */
import { buildPolicy, planAlertRules } from '../../../src/core';
import { alertingFile, RuleSettings } from '../../../tools/alert-rules/rules';
import { renderFile } from '../../../tools/alert-rules/main';
import { goString, templateText } from '../../../tools/alert-rules/template';
import { provisioningValue, readGoString, renderTemplate, TemplateData } from './testing/goTemplate';
import { parseAlertingFile, ruleByUid } from './testing/rules';

const SETTINGS: RuleSettings = {
  datasourceUid: 'voice-calls',
  codeField: 'sip.status_code',
  timeField: '@timestamp',
  folder: 'NOC',
  group: 'SIP',
  intervalSeconds: 60,
  windowSeconds: 900,
  baselineSeconds: 21_600,
};

const HOSTILE = [
  '{{ .Labels }} {{ template "x" }} {{/* hidden */}}',
  'Call {{ $labels.sip_code }} and {{ $values.N.Value }}',
  '}}{{ end }}{{ if true }}',
  'Costs $5, $HOME, ${HOME}, $$, $__file{/etc/passwd}, $__env{GF_SECURITY_ADMIN_PASSWORD}',
  'A lone { and a lone } and {{{ braces }}}',
  'key: value # not a comment',
  '- looks like a list item',
  '? looks like a key',
  '&anchor *alias !tag %directive @at `backtick` | > ---',
  'It\'s "quoted" and \\backslashed\\',
  'Two\nlines\tand a tab\r\nand CRLF',
  'yes',
  'null',
  '0x1F',
  '  leading and trailing spaces  ',
  'Unicode: ×2 ≥ 3 — café 😀 \u2028 \u0000 \u007f',
];

function data(code: string): TemplateData {
  return {
    labels: { 'sip.status_code': code, metric: 'count' },
    values: { N: { Value: 3 }, T: { Value: 100 }, SHARE: { Value: 3 } },
  };
}

/** Every `$` an annotation may hold: our own template variables, never a braced `${`. */
function expectNoForeignDollar(text: string): void {
  expect(text).not.toContain('${');
  const dollars = [...text.matchAll(/\$([A-Za-z_]*)/g)].map((match) => match[1]);
  dollars.forEach((name) => expect(['labels', 'values', 'c']).toContain(name));
}

describe('team text in annotations', () => {
  it.each(HOSTILE.map((text) => [JSON.stringify(text).slice(0, 40), text]))('prints %s as written', (_, text) => {
    const { policy, issues } = buildPolicy({
      '503': { guidance: { meaning: text, action: `Do: ${text}` } },
      '487': { rules: { anyIncident: true }, guidance: { meaning: `487: ${text}`, action: text } },
    });
    expect(issues).toEqual([]);
    const yaml = renderFile(policy, { ...SETTINGS, prefix: 'sipcodes-', out: 'x.yaml', check: false }, [
      '--out',
      'x.yaml',
    ]);
    const file = parseAlertingFile(yaml);

    const share = ruleByUid(file, 'sipcodes-503-share');
    expect(renderTemplate(share.annotations.description, data('503'))).toBe(text);
    expect(renderTemplate(share.annotations.action, data('503'))).toBe(`Do: ${text}`);
    expectNoForeignDollar(share.annotations.description);

    const anyIncident = ruleByUid(file, 'sipcodes-any-incident');
    expect(renderTemplate(anyIncident.annotations.description, data('487'))).toBe(`487: ${text}`);
    expect(renderTemplate(anyIncident.annotations.action, data('487'))).toBe(text);
    expect(renderTemplate(anyIncident.annotations.description, data('500'))).toBe(policy.codes[500].guidance.meaning);
    expectNoForeignDollar(anyIncident.annotations.action);
  });

  it('keeps plain text plain', () => {
    expect(templateText('Investigate now: find the failing server.')).toBe('Investigate now: find the failing server.');
    expect(templateText('5 $')).toBe('{{ "5 \\u0024" }}');
  });

  it('writes lone surrogates, which UTF-8 cannot hold, as U+FFFD', () => {
    const literal = goString('a\ud800b');
    expect(readGoString(literal, 0).value).toBe('a\ufffdb');
  });
});

describe('labels and the rest of the file', () => {
  const { policy } = buildPolicy({ '487': { rules: { anyIncident: true }, severity: 'track' } });
  const file = parseAlertingFile(
    renderFile(
      policy,
      { ...SETTINGS, folder: 'NOC $HOME', group: 'Gateway ${X}', prefix: 'sipcodes-', out: 'x.yaml', check: false },
      ['--out', 'x.yaml']
    )
  );
  const anyIncident = ruleByUid(file, 'sipcodes-any-incident');

  it('doubles every $ of label templates, so provisioning interpolates nothing, and the labels come out per code', () => {
    const labels = Object.fromEntries(
      Object.entries(anyIncident.labels).map(([key, raw]) => [key, provisioningValue(raw)])
    );
    expect(renderTemplate(labels.sip_code, data('487'))).toBe('487');
    expect(renderTemplate(labels.severity, data('487'))).toBe('track');
    expect(renderTemplate(labels.severity, data('500'))).toBe('immediate');
    expect(renderTemplate(labels.severity, data('599'))).toBe('immediate');
    expect(renderTemplate(labels.team_policy, data('487'))).toBe('custom');
    expect(renderTemplate(labels.team_policy, data('500'))).toBe('default');
  });

  it('doubles $ in the folder and group names', () => {
    expect(provisioningValue(file.groups[0].folder)).toBe('NOC $HOME');
    expect(provisioningValue(file.groups[0].name)).toBe('Gateway ${X}');
  });

  it('renders every summary with numbers, and every title and label without interpolation', () => {
    for (const rule of file.groups[0].rules) {
      expect(provisioningValue(rule.title)).toBe(rule.title);
      for (const value of Object.values(rule.labels)) {
        expect(() => renderTemplate(provisioningValue(value), data('500'))).not.toThrow();
      }
      for (const value of Object.values(rule.annotations)) {
        expectNoForeignDollar(value);
        expect(() => renderTemplate(value, data('500'))).not.toThrow();
      }
    }
    const share = ruleByUid(file, 'sipcodes-503-share');
    expect(renderTemplate(share.annotations.summary, data('503'))).toBe(
      'SIP 503: 3.0 % of calls (3 of 100) in the last 15 min; follow-up at 5 % with at least 10 calls'
    );
    expect(renderTemplate(anyIncident.annotations.summary, data('500'))).toBe(
      'SIP 500: 3 calls in the last 15 min; investigate every one'
    );
  });

  it('leaves nothing for the summary when an evaluation had no values', () => {
    const share = ruleByUid(file, 'sipcodes-503-share');
    expect(renderTemplate(share.annotations.summary, { labels: {}, values: {} })).toBe(
      'SIP 503:  % of calls ( of ) in the last 15 min; follow-up at 5 % with at least 10 calls'
    );
  });

  it('builds runbook links per code, with the URL’s own specials inert', () => {
    const linked = alertingFile(planAlertRules(policy), {
      ...SETTINGS,
      runbookUrl: 'https://wiki.example/sip/${code}?q={x}&$y',
    });
    const rules = linked.groups[0].rules;
    const share = rules.find((rule) => rule.uid === 'sipcodes-503-share')!;
    const any = rules.find((rule) => rule.uid === 'sipcodes-any-incident')!;
    expect(renderTemplate(share.annotations.runbook_url, data('503'))).toBe('https://wiki.example/sip/503?q={x}&$y');
    expect(renderTemplate(any.annotations.runbook_url, data('502'))).toBe('https://wiki.example/sip/502?q={x}&$y');
    expectNoForeignDollar(any.annotations.runbook_url);
  });
});
