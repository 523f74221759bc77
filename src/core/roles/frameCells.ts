/**
 * A small defensive reader of data frames as columns, for telling queries apart and for reading call rows.
 * Anything may be missing or of the wrong type; nothing here throws. Raw-document frames (one field of whole hits)
 * can be read as flattened columns (`sip.call_id`), the way raw-data frames already arrive.
 */

export interface CellColumn {
  name: string;
  /** Grafana's field type ('time', 'number', 'string', …), or 'other'. */
  type: string;
  values: ArrayLike<unknown>;
  labels?: Record<string, string>;
}

export interface CellFrame {
  refId?: string;
  name?: string;
  columns: CellColumn[];
  /** Rows: the longest column. */
  rows: number;
  /** Logs frames (`meta.preferredVisualisationType: 'logs'`). */
  isLogs: boolean;
  /** `meta.type` starts with 'timeseries'. */
  isTimeSeries: boolean;
  /** The row limit the data source reports (`meta.limit` or `meta.custom.limit`). */
  limit?: number;
  /** Documents the query matched (`meta.custom.total`). */
  matched?: number;
  /** Index of the column of whole hits, when this is a raw-document frame. */
  documentColumn?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function positiveWhole(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

const NO_VALUES: unknown[] = [];

function readValues(values: unknown): ArrayLike<unknown> {
  if (Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    return values as unknown as ArrayLike<unknown>;
  }
  if (!isRecord(values)) {
    return NO_VALUES;
  }
  try {
    const array = typeof values.toArray === 'function' ? values.toArray() : undefined;
    return Array.isArray(array) ? array : NO_VALUES;
  } catch {
    return NO_VALUES;
  }
}

function readLabels(labels: unknown): Record<string, string> | undefined {
  if (!isRecord(labels)) {
    return undefined;
  }
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    if (value != null) {
      result[key] = String(value);
    }
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/** Reads one frame; undefined when it is not a frame at all. */
export function readCellFrame(frame: unknown): CellFrame | undefined {
  try {
    if (!isRecord(frame)) {
      return undefined;
    }
    const columns: CellColumn[] = [];
    for (const field of Array.isArray(frame.fields) ? frame.fields : []) {
      if (!isRecord(field)) {
        continue;
      }
      const column: CellColumn = {
        name: typeof field.name === 'string' ? field.name : field.name == null ? '' : String(field.name),
        type: typeof field.type === 'string' && field.type !== '' ? field.type : 'other',
        values: readValues(field.values),
      };
      const labels = readLabels(field.labels);
      if (labels) {
        column.labels = labels;
      }
      columns.push(column);
    }
    const meta = isRecord(frame.meta) ? frame.meta : {};
    const custom = isRecord(meta.custom) ? meta.custom : {};
    const read: CellFrame = {
      refId: text(frame.refId),
      name: text(frame.name),
      columns,
      rows: columns.reduce((rows, column) => Math.max(rows, column.values.length), 0),
      isLogs: meta.preferredVisualisationType === 'logs',
      isTimeSeries: typeof meta.type === 'string' && meta.type.startsWith('timeseries'),
      limit: positiveWhole(meta.limit) ?? positiveWhole(custom.limit),
      matched: positiveWhole(custom.total),
    };
    const documents = documentColumnOf(read);
    if (documents !== undefined) {
      read.documentColumn = documents;
    }
    return read;
  } catch {
    return undefined;
  }
}

/** A hit as an object: objects as they are, JSON object text parsed. */
export function asDocument(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!trimmed.startsWith('{')) {
      return undefined;
    }
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return isRecord(parsed) && !Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return isRecord(value) && !Array.isArray(value) ? value : undefined;
}

/**
 * The raw-document column: the only field (or the one named after the refId or the frame), holding objects or
 * JSON object text. Logs frames' `_source` column is not one: the logs frame has the flattened fields beside it.
 */
function documentColumnOf(frame: CellFrame): number | undefined {
  const candidates = frame.columns
    .map((column, index) => ({ column, index }))
    .filter(
      ({ column }) =>
        frame.columns.length === 1 ||
        (column.name !== '' && (column.name === frame.refId || column.name === frame.name))
    );
  for (const { column, index } of candidates) {
    for (let i = 0; i < column.values.length && i < 20; i++) {
      const value = column.values[i];
      if (value != null) {
        if (asDocument(value) !== undefined) {
          return index;
        }
        break;
      }
    }
  }
  return undefined;
}

const MAX_DEPTH = 6;
const HIT_METADATA = new Set(['_id', '_index', '_type', '_score', 'sort', 'highlight']);

/**
 * The frame's columns as rows of single calls read them: raw-document frames flattened into one column per path
 * (`{"sip": {"call_id": "x"}}` → `sip.call_id`; one-element arrays unwrapped), other frames as they are.
 */
export function flatColumns(frame: CellFrame): CellColumn[] {
  if (frame.documentColumn === undefined) {
    return frame.columns;
  }
  const hits = frame.columns[frame.documentColumn].values;
  const byPath = new Map<string, unknown[]>();
  for (let row = 0; row < hits.length; row++) {
    const document = asDocument(hits[row]);
    if (document) {
      flatten(document, '', 0, row, hits.length, byPath);
    }
  }
  return [...byPath].map(([name, values]) => ({ name, type: columnType(values), values }));
}

function flatten(
  node: Record<string, unknown>,
  prefix: string,
  depth: number,
  row: number,
  rows: number,
  byPath: Map<string, unknown[]>
): void {
  for (const [key, raw] of Object.entries(node)) {
    if (depth === 0 && HIT_METADATA.has(key)) {
      continue;
    }
    const path = prefix ? `${prefix}.${key}` : key;
    const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    if (isRecord(value) && !Array.isArray(value)) {
      if (depth < MAX_DEPTH) {
        flatten(value, path, depth + 1, row, rows, byPath);
      }
      continue;
    }
    let column = byPath.get(path);
    if (!column) {
      column = new Array<unknown>(rows).fill(null);
      byPath.set(path, column);
    }
    column[row] = value;
  }
}

function columnType(values: unknown[]): string {
  const first = values.find((value) => value != null);
  return typeof first === 'number' ? 'number' : typeof first === 'string' ? 'string' : 'other';
}

/** Field names of a frame, flattened paths for raw documents (sampled: the first 200 hits). */
export function fieldNamesOf(frame: CellFrame): string[] {
  if (frame.documentColumn === undefined) {
    return frame.columns.map((column) => column.name).filter((name) => name !== '');
  }
  const hits = frame.columns[frame.documentColumn].values;
  const sample = { ...frame, columns: [{ ...frame.columns[frame.documentColumn], values: sliceOf(hits, 200) }] };
  return flatColumns({ ...sample, documentColumn: 0 }).map((column) => column.name);
}

function sliceOf(values: ArrayLike<unknown>, count: number): unknown[] {
  const slice: unknown[] = [];
  for (let i = 0; i < values.length && i < count; i++) {
    slice.push(values[i]);
  }
  return slice;
}

/** Epoch ms from a time cell: numbers as they are, numeric or ISO text and Dates parsed. NaN when unreadable. */
export function cellTimeMs(value: unknown): number {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : NaN;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  }
  return value instanceof Date ? value.getTime() : NaN;
}

/** A cell as display text: text trimmed, whole numbers without decimals, arrays and objects as JSON. */
export function cellText(value: unknown): string | undefined {
  if (value == null) {
    return undefined;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : undefined;
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  try {
    return JSON.stringify(value) ?? undefined;
  } catch {
    return undefined;
  }
}
