/**
 * Elasticsearch "Raw Document" frames: one field (named after the refId) whose cells are whole hits, not
 * flattened: `{ "sip": { "status_code": 404 }, "@timestamp": "…" }`. Keys may also contain dots literally
 * (`{ "sip.status_code": 404 }`), and values from `fields` arrive as one-element arrays.
 */
import { FieldView, FrameView, isRecord, timeMs, withoutKeyword } from './frameView';
import { MAX_TIME_MS } from './timeGrid';

const DOCUMENT_SAMPLE = 200;
const MAX_DEPTH = 6;
const HIT_METADATA = new Set(['_id', '_index', '_type', '_score', 'sort', 'highlight']);

/** The field of a raw-document frame, if this frame is one. */
export function documentField(frame: FrameView): FieldView | undefined {
  const candidates =
    frame.fields.length === 1
      ? frame.fields
      : frame.fields.filter((field) => field.name !== '' && (field.name === frame.refId || field.name === frame.name));
  return candidates.find(
    (field) => (field.kind === 'other' || field.kind === 'string') && holdsDocuments(field.values)
  );
}

function holdsDocuments(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length && i < 20; i++) {
    const value = values[i];
    if (value == null) {
      continue;
    }
    return asDocument(value) !== undefined;
  }
  return false;
}

/** A hit as an object: objects as they are, JSON text parsed. */
export function asDocument(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text.startsWith('{')) {
      return undefined;
    }
    try {
      const parsed = JSON.parse(text);
      return isRecord(parsed) && !Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return isRecord(value) && !Array.isArray(value) ? value : undefined;
}

/** Reads a dotted path, whether the document nests it, keeps dots in keys, or mixes both. */
export function readPath(document: unknown, path: string): unknown {
  if (!isRecord(document) || Array.isArray(document)) {
    return undefined;
  }
  if (Object.prototype.hasOwnProperty.call(document, path)) {
    return document[path];
  }
  let dot = path.indexOf('.');
  while (dot > 0) {
    const head = path.slice(0, dot);
    if (Object.prototype.hasOwnProperty.call(document, head)) {
      const found = readPath(document[head], path.slice(dot + 1));
      if (found !== undefined) {
        return found;
      }
    }
    dot = path.indexOf('.', dot + 1);
  }
  return undefined;
}

/** Reads the code field a person configured: as typed, then without `.keyword` (documents hold the bare field). */
export function readConfiguredPath(document: unknown, path: string): unknown {
  const value = readPath(document, path);
  const bare = withoutKeyword(path);
  return value === undefined && bare !== path ? readPath(document, bare) : value;
}

/** Scalar values of sampled documents by flattened path ("sip.status_code"), for detection and hints. */
export function samplePaths(values: ArrayLike<unknown>): Map<string, unknown[]> {
  const paths = new Map<string, unknown[]>();
  const stride = values.length > DOCUMENT_SAMPLE ? values.length / DOCUMENT_SAMPLE : 1;
  for (let position = 0; position < values.length; position += stride) {
    const document = asDocument(values[Math.floor(position)]);
    if (document) {
      collect(document, '', 0, paths);
    }
  }
  return paths;
}

function collect(node: Record<string, unknown>, prefix: string, depth: number, paths: Map<string, unknown[]>): void {
  for (const [key, raw] of Object.entries(node)) {
    if (depth === 0 && HIT_METADATA.has(key)) {
      continue;
    }
    const path = prefix ? `${prefix}.${key}` : key;
    const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    if (isRecord(value) && !Array.isArray(value)) {
      if (depth < MAX_DEPTH) {
        collect(value, path, depth + 1, paths);
      }
      continue;
    }
    if (Array.isArray(value)) {
      continue;
    }
    const list = paths.get(path) ?? [];
    list.push(value);
    paths.set(path, list);
  }
}

const TIME_PATH = /(^|[._@])(timestamp|time|date|datetime)$/i;

/** The path of the documents' timestamp: @timestamp first, then names ending in timestamp/time/date. */
export function detectTimePath(paths: Map<string, unknown[]>): string | undefined {
  const candidates = [...paths.keys()].filter((path) => path === '@timestamp' || TIME_PATH.test(path));
  candidates.sort((a, b) => Number(b === '@timestamp') - Number(a === '@timestamp'));
  return candidates.find((path) => {
    const values = paths.get(path) ?? [];
    const usable = values.filter((value) => {
      const ms = timeMs(value);
      return Math.abs(ms) <= MAX_TIME_MS && (typeof value === 'string' || ms > 1e11);
    });
    return values.length > 0 && usable.length >= values.length * 0.8;
  });
}

/** Code and time cells of every document, read in one pass. */
export function extractDocuments(
  values: ArrayLike<unknown>,
  codePath: string,
  timePath: string | undefined,
  configured: boolean
): { codes: unknown[]; times?: unknown[]; found: number } {
  const codes = new Array<unknown>(values.length);
  const times = timePath ? new Array<unknown>(values.length) : undefined;
  let found = 0;
  for (let i = 0; i < values.length; i++) {
    const document = asDocument(values[i]);
    const code = configured ? readConfiguredPath(document, codePath) : readPath(document, codePath);
    if (code !== undefined) {
      found++;
    }
    codes[i] = Array.isArray(code) && code.length === 1 ? code[0] : code;
    if (times && timePath) {
      const time = readPath(document, timePath);
      times[i] = Array.isArray(time) && time.length === 1 ? time[0] : time;
    }
  }
  return { codes, times, found };
}
