/** A finding's recency in words, for chips and the guidance card. */
import { formatCalls, formatDuration } from '../format';
import { Finding } from '../types';
import { DEFAULT_RECENCY_MS } from '../assess/rise';

/** "14:55" in UTC, with the date when it is not the day of `now`: "2026-03-01 14:55". */
export function formatUtcTime(ms: number, now?: number): string {
  const date = new Date(ms);
  if (!Number.isFinite(date.getTime())) {
    return '?';
  }
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  const sameDay =
    now !== undefined && Number.isFinite(now) && new Date(now).toISOString().slice(0, 10) === iso.slice(0, 10);
  return sameDay ? time : `${iso.slice(0, 10)} ${time}`;
}

/** "just now", "2 min ago", "1.5 h ago", "3 d ago". A time after `now` (clock skew) reads "just now". */
export function formatAgo(ms: number, now: number): string {
  const elapsed = now - ms;
  if (!(elapsed >= 60_000)) {
    return 'just now';
  }
  if (elapsed < 3_600_000) {
    return `${Math.floor(elapsed / 60_000)} min ago`;
  }
  return `${formatDuration(elapsed)} ago`;
}

/**
 * "12 calls in the last 15 min · last seen 2 min ago" for an ongoing finding, "earlier in range · last seen 14:55"
 * for one whose calls are all older than the recency window; undefined without time data (nothing to say).
 * The window is the one the finding was measured over (`recencyWindowMs`), else `recencyMs`. Times are UTC unless
 * `formatTime` is given (the dashboard's time zone).
 */
export function recencyText(
  finding: Pick<Finding, 'lastSeen' | 'recentCalls' | 'ongoing' | 'recencyWindowMs'> | undefined,
  now: number,
  recencyMs: number = DEFAULT_RECENCY_MS,
  formatTime?: (ms: number) => string
): string | undefined {
  const lastSeen = finding?.lastSeen;
  if (typeof lastSeen !== 'number' || !Number.isFinite(lastSeen)) {
    return undefined;
  }
  const recent = finding?.recentCalls;
  if (finding?.ongoing && typeof recent === 'number' && recent > 0) {
    const window = finding.recencyWindowMs ?? recencyMs;
    return `${formatCalls(recent)} in the last ${formatDuration(window)} · last seen ${formatAgo(lastSeen, now)}`;
  }
  const time = formatTime ? safeFormat(formatTime, lastSeen) : formatUtcTime(lastSeen, now);
  return `earlier in range · last seen ${time}`;
}

function safeFormat(format: (ms: number) => string, ms: number): string {
  try {
    const text = format(ms);
    return typeof text === 'string' && text !== '' ? text : formatUtcTime(ms);
  } catch {
    return formatUtcTime(ms);
  }
}
