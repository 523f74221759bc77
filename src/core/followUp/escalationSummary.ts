/** The plain-text block an engineer pastes into a ticket or chat when escalating a code. */
import { formatCalls, formatCount, formatDuration, formatShare, formatThreshold } from '../format';
import { FiredRule, Finding, Severity } from '../types';
import { DEFAULT_RECENCY_MS } from '../assess/rise';
import { Contributors, dominantContributor } from './contributors';
import { RecentCall } from './recentCalls';

export interface EscalationSummaryInput {
  code: number;
  reason: string;
  severity: Severity;
  /** Calls of the code, and all final responses, in the range. */
  count: number;
  total: number;
  /** The panel's time range, epoch ms. */
  from: number;
  to: number;
  /** The finding, when a rule fired: its rules with their numbers, and its recency. */
  finding?: Finding;
  /** The recency window the finding was assessed with (default 15 min). */
  recencyMs?: number;
  contributors?: Contributors;
  /** Most recent first (recentCalls().calls); the first three with a Call-ID are listed. */
  recentCalls?: RecentCall[];
  /** Absolute links, built by the view. */
  links?: { dashboard?: string; logs?: string; traces?: string };
  /** Time as text; default UTC, "2026-03-02 14:58:01 UTC". */
  formatTime?: (ms: number) => string;
}

const EXAMPLE_CALLS = 3;
const X_REASONS_LISTED = 5;

/**
 * The summary, lines joined by "\n", no trailing newline. Exactly:
 *
 *   SIP <code> <reason> — needs follow-up (<severity>)            [no finding: "SIP <code> <reason> (<severity>)"]
 *   Calls: <count> of <total> final responses (<share> %)
 *   Window: <from> – <to>
 *   Rule: <text> (<numbers>); …                                   [no finding: "Rule: none fired; escalated by hand"]
 *   Since: first seen <time>, last seen <time>; <n> calls in the last <window>   [no time data: "Since: no time data"]
 *   Top contributors:                                             [omitted without contributors]
 *   - <label> (<field>), <basis>: <value> <n> calls (<share> %); …
 *   Most calls: <87 % of 403s from 203.0.113.9>                   [only with a dominant contributor]
 *   Example calls:                                                [no calls: "Example calls: none in the call rows"]
 *   - <time>  <Call-ID>
 *   X-Reasons seen: <reason> (<n>), …                             [none: "X-Reasons seen: none in the data"]
 *   Links:                                                        [no links: "Links: none"]
 *   - Dashboard: <url>
 *   - Logs: <url>
 *   - Traces: <url>
 *
 * "<n> calls in the last <window>" reads "no calls in the last <window>" when the code is over.
 */
export function escalationSummary(input: EscalationSummaryInput): string {
  try {
    return summaryLines(input).join('\n');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `SIP ${String(input?.code)} ${String(input?.reason)}\n(The summary could not be written: ${reason}.)`;
  }
}

function summaryLines(input: EscalationSummaryInput): string[] {
  const time = (ms: number) => formatTimeSafely(input.formatTime, ms);
  const { code, reason, severity, count, total } = input;
  const finding = isRecord(input.finding) ? input.finding : undefined;
  const rules = Array.isArray(finding?.rules) ? finding!.rules.filter(isRecord) : [];
  const lines: string[] = [];
  lines.push(finding ? `SIP ${code} ${reason} — needs follow-up (${severity})` : `SIP ${code} ${reason} (${severity})`);
  const share = total > 0 ? ` (${formatShare((count * 100) / total)} %)` : '';
  lines.push(`Calls: ${formatCount(count)} of ${formatCount(total)} final responses${share}`);
  lines.push(`Window: ${time(input.from)} – ${time(input.to)}`);
  lines.push(
    finding && rules.length > 0
      ? `Rule: ${rules.map((rule) => ruleText(rule, finding)).join('; ')}`
      : 'Rule: none fired; escalated by hand'
  );
  lines.push(sinceLine(finding, input.recencyMs ?? DEFAULT_RECENCY_MS, time));
  lines.push(...contributorLines(input.contributors));
  lines.push(...exampleLines(input.recentCalls, time));
  lines.push(xReasonsLine(input.contributors, input.recentCalls));
  lines.push(...linkLines(input.links));
  return lines;
}

function isRecord<T>(value: T): value is T & object {
  return typeof value === 'object' && value !== null;
}

function ruleText(rule: FiredRule, finding: Finding): string {
  switch (rule.rule) {
    case 'any-incident':
      return `${rule.text} (${formatCalls(rule.value)})`;
    case 'share':
      return `${rule.text} (${formatShare(rule.value)} % of calls, threshold ${formatThreshold(rule.threshold)} %)`;
    case 'count':
      return `${rule.text} (${formatCalls(rule.value)}, threshold ${formatCount(rule.threshold)})`;
    case 'rise': {
      const rise = isRecord(finding.rise) && typeof finding.rise.z === 'number' ? finding.rise : undefined;
      const numbers = rise
        ? `${formatCount(rise.recentCount)} of ${formatCount(rise.recentTotal)} calls recently vs ` +
          `${formatCount(rise.earlierCount)} of ${formatCount(rise.earlierTotal)} earlier, z = ${rise.z.toFixed(1)}, `
        : '';
      return `${rule.text} (${numbers}threshold ×${formatThreshold(rule.threshold)})`;
    }
    default:
      return String(rule.text);
  }
}

function sinceLine(finding: Finding | undefined, recencyMs: number, time: (ms: number) => string): string {
  if (!finding || typeof finding.lastSeen !== 'number') {
    return 'Since: no time data';
  }
  const first = typeof finding.firstSeen === 'number' ? finding.firstSeen : finding.lastSeen;
  const window = formatDuration(finding.recencyWindowMs ?? recencyMs);
  const recent = typeof finding.recentCalls === 'number' ? finding.recentCalls : 0;
  const recentText = recent > 0 ? formatCalls(recent) : 'no calls';
  return `Since: first seen ${time(first)}, last seen ${time(finding.lastSeen)}; ${recentText} in the last ${window}`;
}

function contributorLines(contributors: Contributors | undefined): string[] {
  const fields = contributorFields(contributors).filter((field) => field.values.length > 0);
  if (fields.length === 0) {
    return [];
  }
  const lines = ['Top contributors:'];
  for (const field of fields) {
    const name = field.label === field.field ? field.field : `${field.label} (${field.field})`;
    const values = field.values
      .map((value) => `${value.value} ${formatCalls(value.count)} (${formatShare(value.share)} %)`)
      .join('; ');
    lines.push(`- ${name}, ${field.basis}: ${values}`);
  }
  const dominant = dominantContributor(contributors);
  if (dominant) {
    lines.push(`Most calls: ${dominant.text}`);
  }
  return lines;
}

/** Contributor fields that are what they claim to be (the input may be anything). */
function contributorFields(contributors: Contributors | undefined): Contributors['fields'] {
  const fields = isRecord(contributors) && Array.isArray(contributors.fields) ? contributors.fields : [];
  return fields.filter((field) => isRecord(field) && Array.isArray(field.values) && field.values.every(isRecord));
}

function exampleLines(calls: RecentCall[] | undefined, time: (ms: number) => string): string[] {
  const list = Array.isArray(calls) ? calls.filter(isRecord) : [];
  const examples = list.filter((call) => call.callId !== undefined).slice(0, EXAMPLE_CALLS);
  if (examples.length === 0) {
    return ['Example calls: none in the call rows'];
  }
  return [
    'Example calls:',
    ...examples.map((call) => `- ${call.time !== undefined ? time(call.time) : 'time unknown'}  ${call.callId}`),
  ];
}

function xReasonsLine(contributors: Contributors | undefined, calls: RecentCall[] | undefined): string {
  const field = contributorFields(contributors).find((entry) => entry.key === 'x_reason' && entry.values.length > 0);
  let reasons: Array<[string, number]>;
  if (field) {
    reasons = field.values.map((value) => [value.value, value.count]);
  } else {
    const byReason = new Map<string, number>();
    for (const call of Array.isArray(calls) ? calls.filter(isRecord) : []) {
      if (typeof call.xReason === 'string') {
        byReason.set(call.xReason, (byReason.get(call.xReason) ?? 0) + 1);
      }
    }
    reasons = [...byReason].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }
  if (reasons.length === 0) {
    return 'X-Reasons seen: none in the data';
  }
  return `X-Reasons seen: ${reasons
    .slice(0, X_REASONS_LISTED)
    .map(([reason, count]) => `${reason} (${formatCount(count)})`)
    .join(', ')}`;
}

function linkLines(links: EscalationSummaryInput['links']): string[] {
  const named: Array<[string, string | undefined]> = [
    ['Dashboard', links?.dashboard],
    ['Logs', links?.logs],
    ['Traces', links?.traces],
  ];
  const present = named.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return present.length === 0 ? ['Links: none'] : ['Links:', ...present.map(([name, url]) => `- ${name}: ${url}`)];
}

/** "2026-03-02 14:58:01 UTC". */
export function formatUtcDateTime(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` : 'time unknown';
}

function formatTimeSafely(format: ((ms: number) => string) | undefined, ms: number): string {
  if (format) {
    try {
      const text = format(ms);
      if (typeof text === 'string' && text !== '') {
        return text;
      }
    } catch {
      // Fall back to UTC below.
    }
  }
  return formatUtcDateTime(ms);
}
