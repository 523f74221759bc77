import {
  ConfigOverrideRule,
  DataFrame,
  DataLink,
  FieldConfigOptionsRegistry,
  FieldConfigProperty,
  FieldConfigSource,
  FieldMatcherID,
  InterpolateFunction,
  ScopedVars,
  applyFieldOverrides,
  createTheme,
} from '@grafana/data';
import {
  ES_TERMS_TABLE,
  ES_TERMS_TABLE_QUERY_B,
  ES_TERMS_TIMESERIES,
  ES_TERMS_TIMESERIES_LABELS,
  toFrames,
} from '../core/normalize/testing/frames';
import {
  buildDataLinks,
  dataLinksForCode,
  buildTraceLink,
  interpolateLinkTitle,
  interpolateLinkUrl,
  CodeLinkContext,
} from './templateLinks';

const identity: InterpolateFunction = (text) => text;

function context(overrides: Partial<CodeLinkContext> = {}): CodeLinkContext {
  return {
    code: 404,
    reason: 'Not Found',
    from: 1700000000000,
    to: 1700003600000,
    replaceVariables: identity,
    ...overrides,
  };
}

/** A small stand-in for Grafana's templateSrv: dashboard variables and scoped vars, with percentencode. */
function grafanaLike(variables: Record<string, string>): jest.Mock {
  return jest.fn((text: string, scopedVars?: ScopedVars, format?: string | Function) =>
    text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => {
      const name = (braced ?? bare)!;
      const value = scopedVars?.[name]?.value ?? variables[name];
      if (value === undefined) {
        return whole;
      }
      return format === 'percentencode' ? encodeURIComponent(String(value)) : String(value);
    })
  );
}

describe('interpolateLinkUrl', () => {
  it('fills code and time range itself, even when replaceVariables knows nothing', () => {
    expect(interpolateLinkUrl('https://homer/search?code=${code}&from=${__from}&to=${__to}', context())).toBe(
      'https://homer/search?code=404&from=1700000000000&to=1700003600000'
    );
    expect(interpolateLinkUrl('https://homer/?c=$code&x=$codeField', context())).toBe(
      'https://homer/?c=404&x=$codeField'
    );
  });

  it('passes dashboard variables through replaceVariables with scoped vars and percent-encoding', () => {
    const replaceVariables = grafanaLike({ env: 'prod & lab', node: 'sbc/1' });
    const href = interpolateLinkUrl('https://homer/?env=${env}&node=$node&c=${code}', context({ replaceVariables }));
    expect(href).toBe('https://homer/?env=prod%20%26%20lab&node=sbc%2F1&c=404');
    const [, scopedVars, format] = replaceVariables.mock.calls[0];
    expect(format).toBe('percentencode');
    expect(scopedVars.code.value).toBe('404');
    expect(scopedVars.__from.value).toBe('1700000000000');
    expect(scopedVars.__value.value.raw).toBe(404);
  });

  it('URL-encodes the reason phrase', () => {
    expect(interpolateLinkUrl('https://x/?r=${reason}', context({ reason: 'Busy Here & now' }))).toBe(
      'https://x/?r=Busy%20Here%20%26%20now'
    );
  });

  it('turns javascript: (also via a variable) into about:blank', () => {
    expect(interpolateLinkUrl('javascript:alert(1)', context())).toBe('about:blank');
    expect(
      interpolateLinkUrl('${target}', context({ replaceVariables: () => 'javascript:alert(document.cookie)' }))
    ).toBe('about:blank');
  });

  it('survives a replaceVariables that throws', () => {
    const href = interpolateLinkUrl(
      'https://x/?c=${code}',
      context({
        replaceVariables: () => {
          throw new Error('boom');
        },
      })
    );
    expect(href).toBe('https://x/?c=404');
  });
});

describe('buildTraceLink', () => {
  it('is absent without a template', () => {
    expect(buildTraceLink('', context())).toBeUndefined();
    expect(buildTraceLink('   ', context())).toBeUndefined();
  });

  it('opens the interpolated template in a new tab', () => {
    expect(buildTraceLink('https://homer/?code=${code}', context({ code: 487 }))).toEqual({
      kind: 'traces',
      title: 'SIP traces',
      href: 'https://homer/?code=487',
      newTab: true,
    });
  });
});

describe('buildDataLinks', () => {
  it('interpolates title and url of each field-config link, skipping empty ones', () => {
    const links: DataLink[] = [
      { title: 'Kibana ${code}', url: 'https://kibana/app?q=code:${__value.raw}', targetBlank: true },
      { title: '', url: 'https://wiki/sip/${code}' },
      { title: 'empty', url: '' },
    ];
    expect(buildDataLinks(links, context({ code: 503 }))).toEqual([
      { kind: 'data', title: 'Kibana 503', href: 'https://kibana/app?q=code:503', newTab: true },
      { kind: 'data', title: 'https://wiki/sip/503', href: 'https://wiki/sip/503', newTab: false },
    ]);
  });

  it('sanitises dangerous data links and tolerates junk', () => {
    expect(buildDataLinks([{ title: 'x', url: 'javascript:alert(1)' }], context())[0].href).toBe('about:blank');
    expect(buildDataLinks(undefined, context())).toEqual([]);
    expect(buildDataLinks([null as unknown as DataLink], context())).toEqual([]);
  });

  it('does not encode titles', () => {
    expect(interpolateLinkTitle('Logs for ${code} ${reason}', context())).toBe('Logs for 404 Not Found');
  });
});

describe('dataLinksForCode', () => {
  const kibana: DataLink = { title: 'Kibana', url: 'https://kibana/app?q=${__value.raw}' };
  const wiki: DataLink = { title: 'Wiki', url: 'https://wiki/sip/${code}', targetBlank: true };
  const runbook503: DataLink = { title: 'Runbook 503', url: 'https://runbook/503' };

  const byName = (name: string, links: DataLink[] | null): ConfigOverrideRule => ({
    matcher: { id: FieldMatcherID.byName, options: name },
    properties: [{ id: FieldConfigProperty.Links, value: links }],
  });

  /** What Grafana hands the panel: frames after its field-override step, with only the `links` option registered. */
  function processedByGrafana(frames: DataFrame[], fieldConfig: FieldConfigSource): DataFrame[] {
    const registry = new FieldConfigOptionsRegistry(() => [
      {
        id: FieldConfigProperty.Links,
        path: FieldConfigProperty.Links,
        name: 'Data links',
        process: (value: unknown) => value,
        override: () => null,
        editor: () => null,
        shouldApply: () => true,
      },
    ]);
    return applyFieldOverrides({
      data: frames,
      fieldConfig,
      fieldConfigRegistry: registry,
      replaceVariables: (value) => value,
      theme: createTheme(),
    });
  }

  it('gives a Terms table code the defaults plus the overrides of the code column, override links first', () => {
    const frames = toFrames(ES_TERMS_TABLE);
    const fieldConfig: FieldConfigSource = {
      defaults: { links: [kibana] },
      overrides: [byName('sip.status_code', [wiki])],
    };
    expect(dataLinksForCode({ code: 503, codeField: 'sip.status_code', frames, fieldConfig })).toEqual([wiki, kibana]);
  });

  it('gives a Terms × Date Histogram code the links of its own series only', () => {
    const frames = toFrames(ES_TERMS_TIMESERIES);
    const fieldConfig: FieldConfigSource = { defaults: { links: [kibana] }, overrides: [byName('503', [runbook503])] };
    expect(dataLinksForCode({ code: 503, codeField: 'sip_status', frames, fieldConfig })).toEqual([runbook503, kibana]);
    expect(dataLinksForCode({ code: 404, codeField: 'sip_status', frames, fieldConfig })).toEqual([kibana]);
  });

  it('finds labelled series by the code label', () => {
    const frames = toFrames(ES_TERMS_TIMESERIES_LABELS);
    const fieldConfig: FieldConfigSource = { defaults: {}, overrides: [byName('503', [runbook503])] };
    expect(dataLinksForCode({ code: 503, codeField: 'sip.status_code', frames, fieldConfig })).toEqual([runbook503]);
    expect(dataLinksForCode({ code: 486, codeField: 'sip.status_code', frames, fieldConfig })).toEqual([]);
  });

  it('agrees with the links Grafana resolved on frames it already processed, without repeating them', () => {
    const fieldConfig: FieldConfigSource = {
      defaults: { links: [kibana] },
      overrides: [byName('503', [runbook503]), byName('Value', [wiki])],
    };
    const raw = toFrames(ES_TERMS_TIMESERIES);
    const processed = processedByGrafana(raw, fieldConfig);
    const fromRaw = dataLinksForCode({ code: 503, codeField: 'sip_status', frames: raw, fieldConfig });
    const fromProcessed = dataLinksForCode({ code: 503, codeField: 'sip_status', frames: processed, fieldConfig });
    expect(fromProcessed).toEqual(processed[3].fields[1].config.links);
    expect(fromRaw).toEqual(fromProcessed);
    expect(fromRaw).toEqual([wiki, runbook503, kibana]);
  });

  it('drops the links an override clears', () => {
    const frames = toFrames(ES_TERMS_TIMESERIES);
    const fieldConfig: FieldConfigSource = { defaults: { links: [kibana] }, overrides: [byName('200', null)] };
    expect(dataLinksForCode({ code: 200, codeField: 'sip_status', frames, fieldConfig })).toEqual([]);
    expect(dataLinksForCode({ code: 487, codeField: 'sip_status', frames, fieldConfig })).toEqual([kibana]);
  });

  it('lists a link once when several fields carry the code', () => {
    const frames = toFrames([...ES_TERMS_TABLE, ...ES_TERMS_TABLE_QUERY_B]);
    const fieldConfig: FieldConfigSource = { defaults: { links: [kibana] }, overrides: [] };
    expect(dataLinksForCode({ code: 404, codeField: 'sip.status_code', frames, fieldConfig })).toEqual([kibana]);
  });

  it('falls back to the defaults when no field carries the code', () => {
    const fieldConfig: FieldConfigSource = { defaults: { links: [kibana] }, overrides: [byName('x', [wiki])] };
    expect(dataLinksForCode({ code: 503, codeField: 'elsewhere', frames: [], fieldConfig })).toEqual([kibana]);
    expect(dataLinksForCode({ code: 503, frames: undefined, fieldConfig: undefined })).toEqual([]);
  });

  it('survives junk frames, rules and matchers', () => {
    // @grafana/data reports the broken regular expression on the console; that is expected here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const frames = [
      null,
      { fields: 'no' },
      { fields: [null, 3] },
      ...toFrames(ES_TERMS_TABLE),
    ] as unknown as DataFrame[];
    const fieldConfig = {
      defaults: { links: [kibana, null, 'x'] },
      overrides: [
        null,
        { matcher: { id: 'no-such-matcher' }, properties: [{ id: 'links', value: [wiki] }] },
        { matcher: { id: FieldMatcherID.byRegexp, options: '(' }, properties: [{ id: 'links', value: [wiki] }] },
        { matcher: { id: FieldMatcherID.byName, options: 'sip.status_code' }, properties: 'none' },
      ],
    } as unknown as FieldConfigSource;
    expect(dataLinksForCode({ code: 503, codeField: 'sip.status_code', frames, fieldConfig })).toEqual([kibana]);
    quiet.mockRestore();
  });
});
