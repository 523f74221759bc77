import {
  ConfigOverrideRule,
  DataFrame,
  DataLink,
  Field,
  FieldConfigProperty,
  FieldConfigSource,
  FieldType,
  InterpolateFunction,
  ScopedVars,
  fieldMatchers,
} from '@grafana/data';
import { escapeCallIdForLucene } from '../core';
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
  /** One call's Call-ID, for per-call links: `${callId}`, and `${callId:lucene}` inside an Explore query. */
  callId?: string;
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
    callId: context.callId ?? '',
    // Inside a Lucene phrase inside the JSON of Explore panes: Lucene escape, then JSON; the URL encoding follows.
    'callId:lucene': JSON.stringify(escapeCallIdForLucene(context.callId ?? '')).slice(1, -1),
  };
}

const OWN_PLACEHOLDER =
  /\$\{(code|reason|__from|__to|__value\.raw|__value\.numeric|__value\.text|callId|callId:lucene)\}|\$(code|reason|__from|__to|callId)\b/g;

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

/** Where the data links of one code come from: the panel's frames and field config. */
export interface CodeDataLinksInput {
  code: number;
  /** The field (or label key) the codes come from: option, else detected. */
  codeField?: string;
  /** `data.series` of the panel. */
  frames?: readonly DataFrame[];
  /** The panel's `fieldConfig`: defaults and override rules. */
  fieldConfig?: FieldConfigSource;
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null;
}

/** Keeps the element type (a frame stays a frame) while ruling out null and primitives. */
function isObject<T>(value: T): value is T & object {
  return typeof value === 'object' && value !== null;
}

function linkList(value: unknown): DataLink[] {
  return Array.isArray(value) ? value.filter(isRecord).map((link) => link as DataLink) : [];
}

/** A frame or series name names the code when one of its words is the code: "503", "503 Count", "INVITE 503". */
function nameHoldsCode(name: unknown, code: string): boolean {
  return typeof name === 'string' && name.split(/\s+/).includes(code);
}

/**
 * Whether a field carries this code's numbers or values, as the core pie chart gets one slice per such field: the
 * code column of a table, a series labelled with the code, or a series whose frame or display name is the code.
 */
function fieldCarriesCode(field: Field, frame: DataFrame, code: string, codeField: string | undefined): boolean {
  if (codeField !== undefined && field.name === codeField) {
    return true;
  }
  if (field.type === FieldType.time) {
    return false;
  }
  const labels = isRecord(field.labels) ? field.labels : undefined;
  if (labels && codeField !== undefined && codeField in labels) {
    return String(labels[codeField]) === code;
  }
  if (field.type !== FieldType.number) {
    return false;
  }
  return nameHoldsCode(field.config?.displayNameFromDS, code) || nameHoldsCode(frame.name, code);
}

function overrideMatches(rule: ConfigOverrideRule, field: Field, frame: DataFrame, frames: DataFrame[]): boolean {
  try {
    const matcher = fieldMatchers.getIfExists(rule?.matcher?.id);
    return Boolean(matcher?.get(rule.matcher.options)(field, frame, frames));
  } catch {
    return false;
  }
}

/**
 * A field's links as Grafana's field-override step merges them (`applyFieldOverrides`): the field's own links, then
 * the defaults' links, with the links of every matching override rule put in front; a rule that sets no links
 * clears them. Frames Grafana already processed (they carry `getLinks`) hold that result in `config.links`.
 */
function resolvedFieldLinks(
  field: Field,
  frame: DataFrame,
  frames: DataFrame[],
  source: FieldConfigSource | undefined
): DataLink[] {
  const own = linkList(field.config?.links);
  if (typeof field.getLinks === 'function') {
    return own;
  }
  let links = [...own, ...linkList(source?.defaults?.links)];
  const rules = Array.isArray(source?.overrides) ? source.overrides : [];
  for (const rule of rules) {
    if (!isRecord(rule) || !overrideMatches(rule, field, frame, frames)) {
      continue;
    }
    for (const property of Array.isArray(rule.properties) ? rule.properties : []) {
      if (property?.id === FieldConfigProperty.Links) {
        links = property.value == null ? [] : [...linkList(property.value), ...links];
      }
    }
  }
  return links;
}

function linkKey(link: DataLink): string {
  return JSON.stringify([link.title, link.url, Boolean(link.targetBlank)]);
}

/**
 * The data links of one code, resolved per field as the core pie chart resolves a slice's links: from the fields
 * that carry the code, with the panel's matching field overrides, each link once. When no field carries the code
 * (a shape the panel reads otherwise), the field-config defaults' links.
 */
export function dataLinksForCode(input: CodeDataLinksInput): DataLink[] {
  const frames = Array.isArray(input.frames) ? input.frames.filter(isObject) : [];
  const code = String(input.code);
  const codeField = typeof input.codeField === 'string' && input.codeField !== '' ? input.codeField : undefined;
  let carried = false;
  const links = new Map<string, DataLink>();
  for (const frame of frames) {
    const fields: Field[] = Array.isArray(frame.fields) ? frame.fields.filter(isObject) : [];
    for (const field of fields) {
      if (!fieldCarriesCode(field, frame, code, codeField)) {
        continue;
      }
      carried = true;
      for (const link of resolvedFieldLinks(field, frame, frames, input.fieldConfig)) {
        links.set(linkKey(link), links.get(linkKey(link)) ?? link);
      }
    }
  }
  return carried ? [...links.values()] : linkList(input.fieldConfig?.defaults?.links);
}
