/** Public face of the seeder's pure generator (no I/O), e.g. for benchmarks. */
import { CallRecordDoc, callRecordOf } from './documents';
import { buildScenario, DAY_MS, MINUTE_MS } from './scenario';
import { generateMinute } from './traffic';

export { buildScenario } from './scenario';
export type { ScenarioOptions } from './scenario';
export { generateMinute, callsBetween, expectedCallsPerMinute } from './traffic';
export { bulkOpsOf, callRecordOf, sipMessagesOf, appLogsOf, indexFor } from './documents';
export type { BulkOp, CallRecordDoc, SipMessageDoc, AppLogDoc } from './documents';
export type { Scenario, SimCall } from './model';

export interface GenerateCallRecordsOptions {
  seed?: number;
  /** First minute generated (default Monday 2026-01-05 00:00 UTC). */
  startMs?: number;
  /** Calls per minute at the weekday peak (default 600: about 1M calls in 3 days). */
  peakPerMinute?: number;
}

/**
 * The first `count` call records (Elasticsearch documents) from `startMs` on, minute by minute; calls the gateway
 * writes no record for (scanner INVITEs drachtio's filter answers) are skipped. Deterministic for
 * the same options. Incidents are placed as if the history ended 90 days after the start.
 */
export function generateCallRecords(count: number, options: GenerateCallRecordsOptions = {}): CallRecordDoc[] {
  const records: CallRecordDoc[] = [];
  forEachCallRecord(count, (record) => records.push(record), options);
  return records;
}

/** Like `generateCallRecords`, but hands each record to `visit` instead of keeping them (constant memory). */
export function forEachCallRecord(
  count: number,
  visit: (record: CallRecordDoc) => void,
  options: GenerateCallRecordsOptions = {}
): void {
  const startMs = options.startMs ?? Date.UTC(2026, 0, 5);
  const days = 90;
  const scenario = buildScenario({
    seed: options.seed ?? 42,
    anchorMs: startMs + days * DAY_MS,
    days,
    peakPerMinute: options.peakPerMinute ?? 600,
    utcOffsetHours: 0,
  });
  let produced = 0;
  for (let minute = startMs; produced < count; minute += MINUTE_MS) {
    for (const call of generateMinute(scenario, minute)) {
      if (produced >= count) {
        break;
      }
      if (!call.callRecord) {
        continue;
      }
      visit(callRecordOf(call, scenario));
      produced++;
    }
  }
}
