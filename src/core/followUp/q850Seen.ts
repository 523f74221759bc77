/**
 * The Q.850 causes (Reason header, FreeSWITCH's hangup_cause_q850 / hangup_cause) of one code's call rows, when the
 * rows carry such a field, each with what it means: the guidance card lists them beside the X-Reasons.
 */
import { describeQ850, isQ850FieldName } from '../catalog';
import { codeColumnOf, readTables } from './callRows';

export interface Q850Seen {
  /** The value as the rows hold it ("88", "USER_BUSY", "Q.850;cause=17"). */
  value: string;
  calls: number;
  /** The data's field it was read from. */
  field: string;
  /** "Q.850 88 Incompatible destination: RFC 3398 maps it to 488 …", or "not a Q.850 cause in the dictionary". */
  meaning: string;
}

/**
 * Counts the Q.850 causes of `code`'s rows, most frequent first. Never the code field itself: a field is a cause
 * field by its name (q850, cause), and the column the codes are read from is left out. Junk gives an empty list.
 */
export function q850CausesSeen(code: number, calls: readonly unknown[] | undefined, codeField?: string): Q850Seen[] {
  const counts = new Map<string, { field: string; calls: number }>();
  for (const table of readTables(calls)) {
    const codeColumn = codeColumnOf(table, codeField);
    if (!codeColumn) {
      continue;
    }
    const codes = table.columns.get(codeColumn)!;
    const causeFields = table.names.filter((name) => name !== codeColumn && isQ850FieldName(name));
    for (const field of causeFields) {
      const values = table.columns.get(field)!;
      for (let row = 0; row < table.rows; row++) {
        const value = values[row];
        if (Number(codes[row]) !== code || value === null || value === undefined || String(value).trim() === '') {
          continue;
        }
        const text = String(value).trim();
        const key = `${field}\u0000${text}`;
        const seen = counts.get(key) ?? { field, calls: 0 };
        seen.calls += 1;
        counts.set(key, seen);
      }
    }
  }
  return [...counts.entries()]
    .map(([key, seen]) => {
      const value = key.slice(key.indexOf('\u0000') + 1);
      return { value, calls: seen.calls, field: seen.field, meaning: describeQ850(value) };
    })
    .sort((a, b) => b.calls - a.calls || a.value.localeCompare(b.value));
}
