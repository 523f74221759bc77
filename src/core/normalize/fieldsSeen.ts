/**
 * The names a "Code field" could be set to, read from the panel's frames: field names and label keys. Used by the
 * option editor, which offers them as choices; reading stays defensive because the editor gets whatever the query
 * returned.
 */

/** Names seen in the frames, each list in first-seen order without repeats. */
export interface NamesSeen {
  /** Field names, except time fields (a status code is never a time). */
  fieldNames: string[];
  /** Label keys of any field: Terms × Date Histogram frames with labels carry the code field as a label key. */
  labelKeys: string[];
}

/** Cap per list, so a raw-data frame with thousands of columns does not flood a drop-down. */
export const MAX_NAMES_SEEN = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function addName(list: string[], seen: Set<string>, name: unknown): void {
  if (typeof name !== 'string' || name.trim() === '' || seen.has(name) || list.length >= MAX_NAMES_SEEN) {
    return;
  }
  seen.add(name);
  list.push(name);
}

function fieldsOf(frame: unknown): unknown[] {
  return isRecord(frame) && Array.isArray(frame.fields) ? frame.fields : [];
}

/** Field names (time fields left out) and label keys in the frames. Junk of any kind is skipped, never thrown on. */
export function namesSeenInFrames(frames: unknown): NamesSeen {
  const result: NamesSeen = { fieldNames: [], labelKeys: [] };
  if (!Array.isArray(frames)) {
    return result;
  }
  const fieldNames = new Set<string>();
  const labelKeys = new Set<string>();
  for (const frame of frames) {
    for (const field of fieldsOf(frame)) {
      if (!isRecord(field)) {
        continue;
      }
      if (field.type !== 'time') {
        addName(result.fieldNames, fieldNames, field.name);
      }
      if (isRecord(field.labels)) {
        Object.keys(field.labels).forEach((key) => addName(result.labelKeys, labelKeys, key));
      }
    }
  }
  return result;
}
