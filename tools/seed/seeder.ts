/**
 * The seeding run: history (minute by minute, in hourly bulk batches) and the live trickle. Generation is pure
 * (traffic.ts, documents.ts); this file only decides what to write when.
 */
import type { Client } from '@elastic/elasticsearch';

import { BulkOp, bulkOpsOf } from './documents';
import { writeOps } from './elastic';
import { Scenario, SimCall } from './model';
import { Progress } from './progress';
import { RetryPolicy } from './retry';
import { floorTo, HOUR_MS, MINUTE_MS } from './scenario';
import { callsBetween, generateMinute } from './traffic';

export interface WriteTotals {
  /** Calls written with a call record. */
  calls: number;
  /** INVITEs written as SIP messages and a log line only (drachtio's spammer filter: no call record). */
  withoutRecord: number;
  docs: number;
}

function count(totals: WriteTotals, call: SimCall): void {
  if (call.callRecord) {
    totals.calls++;
  } else {
    totals.withoutRecord++;
  }
}

/** Writes every call that arrived in [fromMs, toMs) in batches of `batchMs`. */
export async function seedHistory(
  client: Client,
  scenario: Scenario,
  fromMs: number,
  toMs: number,
  policy: RetryPolicy,
  progress: Progress,
  batchMs = HOUR_MS
): Promise<WriteTotals> {
  const totals: WriteTotals = { calls: 0, withoutRecord: 0, docs: 0 };
  const totalMinutes = Math.max(0, Math.ceil((toMs - fromMs) / MINUTE_MS));
  progress.start(totalMinutes);
  try {
    for (let batchStart = fromMs; batchStart < toMs; batchStart += batchMs) {
      const batchEnd = Math.min(toMs, batchStart + batchMs);
      const ops: BulkOp[] = [];
      for (const call of callsBetween(scenario, batchStart, batchEnd)) {
        count(totals, call);
        ops.push(...bulkOpsOf(call, scenario));
      }
      totals.docs += await writeOps(client, ops, policy, `Writing history ${new Date(batchStart).toISOString()}`);
      progress.update(Math.ceil((batchEnd - fromMs) / MINUTE_MS), totals.docs);
    }
  } finally {
    progress.stop();
  }
  return totals;
}

export interface LiveOptions {
  /** Calls arriving before this instant belong to the history and are not written again. */
  fromMs: number;
  intervalMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  signal: AbortSignal;
  /** Called after each write with the calls written. */
  onWrite?: (calls: SimCall[]) => void;
}

/**
 * Keeps the trickle going until the signal aborts: each tick generates the minutes that have begun and writes the
 * calls whose final response lies in the past (a call appears when the gateway would have answered it).
 */
export async function runLive(
  client: Client,
  scenario: Scenario,
  policy: RetryPolicy,
  options: LiveOptions
): Promise<WriteTotals> {
  const totals: WriteTotals = { calls: 0, withoutRecord: 0, docs: 0 };
  let nextMinute = floorTo(options.fromMs, MINUTE_MS);
  let pending: SimCall[] = [];
  while (!options.signal.aborted) {
    const now = options.now();
    while (nextMinute <= now) {
      for (const call of generateMinute(scenario, nextMinute)) {
        if (call.startMs >= options.fromMs) {
          pending.push(call);
        }
      }
      nextMinute += MINUTE_MS;
    }
    const due = pending.filter((call) => call.finalMs <= now);
    if (due.length > 0) {
      pending = pending.filter((call) => call.finalMs > now);
      const ops = due.flatMap((call) => bulkOpsOf(call, scenario));
      totals.docs += await writeOps(client, ops, policy, 'Writing live calls');
      due.forEach((call) => count(totals, call));
      options.onWrite?.(due);
    }
    if (options.signal.aborted) {
      break;
    }
    await options.sleep(options.intervalMs);
  }
  return totals;
}
