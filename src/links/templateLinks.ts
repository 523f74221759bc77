import { DataLink, InterpolateFunction, ScopedVars } from '@grafana/data';
import { safeUrl } from './safeUrl';
import type { GuidanceLink } from './types';

/** What a link template can refer to for one code. */
export interface CodeLinkContext {
  code: number;
  reason: string;
  /** Panel time range, epoch ms. */
  from: number;
  to: number;
  /** The panel's `replaceVariables` (dashboard variables); identity outside Grafana. */
  replaceVariables: InterpolateFunction;
}

/** Grafana's variable format that percent-encodes each value (`VariableFormatID.PercentEncode`). */
const PERCENT_ENCODE = 'percentencode';

/** Scoped variables for Grafana's interpolation: our own names plus the data-link `__value` macro. */
export function codeScopedVars(context: CodeLinkContext): ScopedVars {
  const { code, reason, from, to } = context;
  return {
    code: { text: String(code), value: String(code) },
    reason: { text: reason, value: reason },
    __from: { text: String(from), value: String(from) },
    __to: { text: String(to), value: String(to) },
    __value: { text: 'Value', value: { raw: code, numeric: code, text: String(code) } },
  };
}

/** Placeholders the panel fills itself, so links work even where `replaceVariables` knows none of them. */
function ownValues(context: CodeLinkContext): Record<string, string> {
  const code = String(context.code);
  return {
    code,
    reason: context.reason,
    __from: String(context.from),
    __to: String(context.to),
    '__value.raw': code,
    '__value.numeric': code,
    '__value.text': code,
  };
}

const OWN_PLACEHOLDER =
  /\$\{(code|reason|__from|__to|__value\.raw|__value\.numeric|__value\.text)\}|\$(code|reason|__from|__to)\b/g;

function fillOwnPlaceholders(template: string, context: CodeLinkContext, encode: (value: string) => string): string {
  const values = ownValues(context);
  return template.replace(OWN_PLACEHOLDER, (_whole, braced?: string, bare?: string) =>
    encode(values[braced ?? bare ?? ''])
  );
}

function safeReplace(text: string, context: CodeLinkContext, format: string | undefined): string {
  try {
    const replaced = context.replaceVariables(text, codeScopedVars(context), format);
    return typeof replaced === 'string' ? replaced : text;
  } catch {
    return text;
  }
}

/**
 * Fills a URL template for one code: `${code}`, `${__from}`, `${__to}` (and `$code` …) by the panel itself, then
 * dashboard variables through `replaceVariables` with percent-encoding. Every substituted value is URL-encoded.
 * The result is sanitised (`javascript:` and friends become `about:blank`).
 */
export function interpolateLinkUrl(template: string, context: CodeLinkContext): string {
  const filled = fillOwnPlaceholders(template, context, encodeURIComponent);
  return safeUrl(safeReplace(filled, context, PERCENT_ENCODE));
}

/** Fills a link title (no encoding: it is text, React escapes it). */
export function interpolateLinkTitle(title: string, context: CodeLinkContext): string {
  return safeReplace(
    fillOwnPlaceholders(title, context, (value) => value),
    context,
    undefined
  );
}

/** The "SIP traces" link from the panel's trace URL template, or undefined when no template is set. */
export function buildTraceLink(template: string, context: CodeLinkContext): GuidanceLink | undefined {
  if (template.trim() === '') {
    return undefined;
  }
  return { kind: 'traces', title: 'SIP traces', href: interpolateLinkUrl(template.trim(), context), newTab: true };
}

/** The standard field-config data links, interpolated for one code. Links without a URL are skipped. */
export function buildDataLinks(links: readonly DataLink[] | undefined, context: CodeLinkContext): GuidanceLink[] {
  if (!Array.isArray(links)) {
    return [];
  }
  return links
    .filter((link) => typeof link?.url === 'string' && link.url.trim() !== '')
    .map((link) => ({
      kind: 'data' as const,
      title: interpolateLinkTitle(typeof link.title === 'string' && link.title !== '' ? link.title : link.url, context),
      href: interpolateLinkUrl(link.url.trim(), context),
      newTab: Boolean(link.targetBlank),
    }));
}
