import { DataLink, InterpolateFunction, ScopedVars } from '@grafana/data';
import {
  buildDataLinks,
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
