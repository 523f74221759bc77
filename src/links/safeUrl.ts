import { textUtil } from '@grafana/data';

const SAFE_SCHEME = /^(https?|mailto|tel):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Control characters and whitespace browsers ignore inside a scheme ("java\tscript:").
const IGNORED_IN_SCHEME = /[\u0000-\u001F\u007F\s]/g;

/**
 * Our own last line of defence, used only when Grafana's sanitizer is unavailable or fails (older @grafana/data
 * builds rely on `URL.canParse`, which older browsers and jsdom lack): relative URLs and http(s)/mailto/tel pass,
 * everything else (javascript:, data:, vbscript:, entity tricks) becomes about:blank.
 */
export function fallbackSanitizeUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '' || /&#|&[a-z]+;/i.test(trimmed.slice(0, 16))) {
    return 'about:blank';
  }
  const compact = trimmed.replace(IGNORED_IN_SCHEME, '');
  if (SAFE_SCHEME.test(compact)) {
    return trimmed;
  }
  return ANY_SCHEME.test(compact) ? 'about:blank' : trimmed;
}

/**
 * A URL safe to put in an href. Grafana's `textUtil.sanitizeUrl` decides: whatever it blocks becomes about:blank.
 * A URL it lets through is kept exactly as we built it, because newer builds (@grafana/data 13) also percent-decode
 * relative URLs, which would turn an encoded "&" or "+" inside a query value into a separator and break the link.
 * If the sanitizer itself fails, a strict fallback decides instead.
 */
export function safeUrl(url: string): string {
  let verdict: string;
  try {
    verdict = textUtil.sanitizeUrl(url);
  } catch {
    return fallbackSanitizeUrl(url);
  }
  return verdict === 'about:blank' || typeof verdict !== 'string' ? 'about:blank' : url;
}
