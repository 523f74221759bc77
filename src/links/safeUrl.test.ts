import { textUtil } from '@grafana/data';
import { fallbackSanitizeUrl, safeUrl } from './safeUrl';

const DANGEROUS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '&#106;avascript:alert(1)',
  '',
];
const SAFE = [
  'https://homer.example/search?status=404&from=1',
  'http://kibana:5601/app',
  '/explore?schemaVersion=1&panes=%7B%7D',
  'mailto:noc@example.com',
  'relative/path?x=1',
];

describe('safeUrl', () => {
  it.each(DANGEROUS)('blocks %p', (url) => {
    expect(safeUrl(url)).toBe('about:blank');
    expect(fallbackSanitizeUrl(url)).toBe('about:blank');
  });

  it.each(SAFE)('keeps %p', (url) => {
    expect(safeUrl(url)).toBe(url);
    expect(fallbackSanitizeUrl(url)).toBe(url);
  });

  it('keeps our percent-encoding even where the sanitizer would decode it', () => {
    const spy = jest.spyOn(textUtil, 'sanitizeUrl').mockImplementation((url) => decodeURIComponent(url));
    const href = '/explore?schemaVersion=1&panes=%7B%22q%22%3A%22a%20%26%26%20b%22%7D';
    expect(safeUrl(href)).toBe(href);
    spy.mockRestore();
  });

  it('falls back when Grafana’s sanitizer throws', () => {
    const spy = jest.spyOn(textUtil, 'sanitizeUrl').mockImplementation(() => {
      throw new TypeError('URL.canParse is not a function');
    });
    expect(safeUrl('javascript:alert(1)')).toBe('about:blank');
    expect(safeUrl('https://homer/?c=404')).toBe('https://homer/?c=404');
    spy.mockRestore();
  });
});
