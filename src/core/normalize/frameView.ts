/**
 * A defensive, read-only view of Grafana data frames. Frames reach the panel from many data sources and Grafana
 * versions; anything may be missing or of the wrong type, so every accessor here tolerates junk and never throws.
 */
import type { DataFrame } from '@grafana/data';

/** The field types we act on. Anything else is treated as 'other'. */
export type FieldKind = 'time' | 'number' | 'string' | 'boolean' | 'other';

export interface FieldView {
  /** Position in the frame's field list. */
  index: number;
  name: string;
  kind: FieldKind;
  /** Cells, read by index. Plain arrays in @grafana/data 10+, converted once from old Vectors. */
  values: ArrayLike<unknown>;
  labels?: Record<string, string>;
  /** `config.displayNameFromDS`, set by data sources (Elasticsearch for alerting, Grafana 10.0–10.4 dashboards). */
  displayNameFromDS?: string;
  /** `config.displayName`: usually a user override, so it is the last resort for naming a series. */
  displayName?: string;
}

export interface FrameView {
  /** Position in the panel's series list. */
  index: number;
  refId?: string;
  name?: string;
  fields: FieldView[];
  /** Rows: the longest field. */
  length: number;
  /** Logs frames (`meta.preferredVisualisationType: 'logs'`). */
  isLogs: boolean;
  /** `meta.type` starts with 'timeseries'. */
  isTimeSeries: boolean;
  /** Row limit the data source reports (`meta.limit`, or `meta.custom.limit` as the Elasticsearch logs query sets it). */
  limit?: number;
  /** Documents the query matched, when the data source reports it (`meta.custom.total`, Elasticsearch logs). */
  matched?: number;
}

const KNOWN_KINDS: Record<string, FieldKind> = {
  time: 'time',
  number: 'number',
  string: 'string',
  boolean: 'boolean',
};

/** Reads one frame; null when it is not a frame at all. */
export function readFrame(frame: unknown, index: number): FrameView | null {
  if (!isRecord(frame)) {
    return null;
  }
  const rawFields = (frame as Partial<DataFrame>).fields;
  const fields: FieldView[] = [];
  if (Array.isArray(rawFields)) {
    rawFields.forEach((field, fieldIndex) => {
      const view = readField(field, fieldIndex);
      if (view) {
        fields.push(view);
      }
    });
  }
  let length = 0;
  for (const field of fields) {
    length = Math.max(length, field.values.length);
  }
  const meta = isRecord(frame.meta) ? frame.meta : {};
  const custom = isRecord(meta.custom) ? meta.custom : {};
  return {
    index,
    refId: textOrUndefined(frame.refId),
    name: textOrUndefined(frame.name),
    fields,
    length,
    isLogs: meta.preferredVisualisationType === 'logs',
    isTimeSeries: typeof meta.type === 'string' && meta.type.startsWith('timeseries'),
    limit: positiveWhole(meta.limit) ?? positiveWhole(custom.limit),
    matched: positiveWhole(custom.total),
  };
}

function readField(field: unknown, index: number): FieldView | null {
  if (!isRecord(field)) {
    return null;
  }
  const values = readValues(field.values);
  const config = isRecord(field.config) ? field.config : {};
  const name = typeof field.name === 'string' ? field.name : field.name == null ? '' : String(field.name);
  return {
    index,
    name,
    kind: fieldKind(field.type, values),
    values,
    labels: readLabels(field.labels),
    displayNameFromDS: textOrUndefined(config.displayNameFromDS),
    displayName: textOrUndefined(config.displayName),
  };
}

const NO_VALUES: ArrayLike<unknown> = [];

/** Plain arrays and typed arrays are used as they are; old Vectors are converted once. */
function readValues(values: unknown): ArrayLike<unknown> {
  if (Array.isArray(values) || ArrayBuffer.isView(values)) {
    return values as ArrayLike<unknown>;
  }
  if (!isRecord(values)) {
    return NO_VALUES;
  }
  try {
    if (typeof values.toArray === 'function') {
      const array = values.toArray();
      if (Array.isArray(array)) {
        return array;
      }
    }
    const length = Number(values.length);
    if (Number.isSafeInteger(length) && length > 0 && typeof values.get === 'function') {
      const array = new Array<unknown>(length);
      for (let i = 0; i < length; i++) {
        array[i] = values.get(i);
      }
      return array;
    }
  } catch {
    // A broken vector reads as empty.
  }
  return NO_VALUES;
}

function fieldKind(type: unknown, values: ArrayLike<unknown>): FieldKind {
  if (typeof type === 'string' && KNOWN_KINDS[type]) {
    return KNOWN_KINDS[type];
  }
  if (typeof type === 'string' && type !== '') {
    return 'other';
  }
  // No declared type: guess from the first value present.
  for (let i = 0; i < values.length && i < 100; i++) {
    const value = values[i];
    if (value == null) {
      continue;
    }
    if (typeof value === 'number') {
      return 'number';
    }
    if (typeof value === 'string') {
      return 'string';
    }
    if (typeof value === 'boolean') {
      return 'boolean';
    }
    return 'other';
  }
  return 'other';
}

function readLabels(labels: unknown): Record<string, string> | undefined {
  if (!isRecord(labels)) {
    return undefined;
  }
  const result: Record<string, string> = {};
  let any = false;
  for (const [key, value] of Object.entries(labels)) {
    if (value == null) {
      continue;
    }
    result[key] = String(value);
    any = true;
  }
  return any ? result : undefined;
}

export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null;
}

function textOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function positiveWhole(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** The time field of a frame: the first field typed time, else a numeric field named "time". */
export function timeFieldOf(frame: FrameView): FieldView | undefined {
  return (
    frame.fields.find((field) => field.kind === 'time') ??
    frame.fields.find((field) => field.kind === 'number' && field.name.toLowerCase() === 'time')
  );
}

/** Epoch ms from a time cell: numbers as they are, ISO strings and Dates parsed. NaN when unreadable. */
export function timeMs(value: unknown): number {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : NaN;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) {
      return Number(trimmed);
    }
    return Date.parse(trimmed);
  }
  if (value instanceof Date) {
    return value.getTime();
  }
  return NaN;
}

/** Finds a field by the name a person typed: exact, then ignoring case, then ignoring a `.keyword` suffix. */
export function findFieldByName(fields: FieldView[], wanted: string): FieldView | undefined {
  const exact = fields.find((field) => field.name === wanted);
  if (exact) {
    return exact;
  }
  const lower = wanted.toLowerCase();
  const caseless = fields.find((field) => field.name.toLowerCase() === lower);
  if (caseless) {
    return caseless;
  }
  const bare = withoutKeyword(lower);
  return fields.find((field) => withoutKeyword(field.name.toLowerCase()) === bare);
}

export function withoutKeyword(name: string): string {
  return name.endsWith('.keyword') ? name.slice(0, -'.keyword'.length) : name;
}

/** Same lookup rules as findFieldByName, for label keys. Returns the key found. */
export function findLabelKey(labels: Record<string, string>, wanted: string): string | undefined {
  const keys = Object.keys(labels);
  if (keys.includes(wanted)) {
    return wanted;
  }
  const lower = wanted.toLowerCase();
  return (
    keys.find((key) => key.toLowerCase() === lower) ??
    keys.find((key) => withoutKeyword(key.toLowerCase()) === withoutKeyword(lower))
  );
}
