/**
 * What the guidance card says beyond the catalog: the X-Reasons of the code's recent calls with their meaning.
 * Imported by the card only (it loads lazily), so the X-Reason dictionary stays out of the entry bundle.
 */
import { explainXReason, formatCount, type RecentCall } from '../core';

export interface XReasonSeen {
  text: string;
  calls: number;
  /** From the gateway's dictionary; absent when the value is not in it. */
  meaning?: string;
  sentBy?: string;
}

/** The X-Reasons (or termination reasons) of the listed calls, most frequent first, explained where we know them. */
export function xReasonsSeen(calls: readonly RecentCall[]): XReasonSeen[] {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const text = call.xReason?.trim();
    if (text) {
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([text, calls]) => {
      const known = explainXReason(text);
      return known ? { text, calls, meaning: known.meaning, sentBy: known.sentBy } : { text, calls };
    });
}

/** "X-Reason: SIP Decline Verb (3 calls): the customer's application declined the call. Sent by …". */
export function xReasonLine(seen: XReasonSeen): string {
  const head = `${seen.text} (${formatCount(seen.calls)} ${seen.calls === 1 ? 'call' : 'calls'})`;
  return seen.meaning ? `${head}: ${seen.meaning} Sent by ${seen.sentBy}.` : `${head}: not in the dictionary.`;
}
