/**
 * Builders of panel data as Grafana's Elasticsearch data source delivers it (pkg/tsdb/elasticsearch: raw data and
 * logs rows with `_source` flattened by dots, the time field first then the rest alphabetically, hit metadata
 * columns; nested Terms as one table whose outer levels are text columns; Terms × Date Histogram as one frame per
 * code named by its value), plus the query targets (`data.request.targets`) that produce them. Frames go through
 * dataFrameFromJSON, as the panel gets them. Test support for roles and followUp.
 */
import { DataFrame, DataFrameJSON, DataFrameType, FieldType, dataFrameFromJSON } from '@grafana/data';

/** 2026-03-02T14:00:00Z */
export const CALLS_START_MS = Date.UTC(2026, 2, 2, 14, 0, 0);
export const MINUTE = 60_000;

/** One call record as the gateway indexes it; dotted keys are stored nested in `_source` and come back flattened. */
export type CallDocument = Record<string, unknown>;

function fieldType(values: unknown[]): FieldType {
  const first = values.find((value) => value != null);
  if (typeof first === 'number') {
    return FieldType.number;
  }
  if (typeof first === 'string') {
    return FieldType.string;
  }
  if (typeof first === 'boolean') {
    return FieldType.boolean;
  }
  return FieldType.other;
}

function isoOrMs(value: unknown): number | null {
  if (typeof value === 'number') {
    return value;
  }
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : null;
}

export interface RawRowsOptions {
  refId?: string;
  timeField?: string;
  /** A logs query: logs meta, `_source` and `id` columns, the limit and total in meta.custom. */
  logs?: { limit: number; total: number };
  index?: string;
}

/**
 * A Raw Data (or Logs) frame: one row per hit, newest first as Elasticsearch sorts them. Columns: the time field, then
 * (logs) `message`, then every other key alphabetically with `_id`, `_index`, `_type`, `highlight`, `sort`.
 */
export function rawRowsFrame(documents: CallDocument[], options: RawRowsOptions = {}): DataFrame {
  const { refId = 'B', timeField = '@timestamp', logs, index = 'voice-calls-2026.03' } = options;
  const keys = new Set<string>();
  documents.forEach((document) => Object.keys(document).forEach((key) => keys.add(key)));
  keys.delete(timeField);
  const columns = new Map<string, unknown[]>();
  columns.set(
    '_id',
    documents.map((_, i) => `Cr${(7000 + i).toString(36)}Qz`)
  );
  columns.set(
    '_index',
    documents.map(() => index)
  );
  columns.set(
    '_type',
    documents.map(() => null)
  );
  columns.set(
    'highlight',
    documents.map(() => null)
  );
  columns.set(
    'sort',
    documents.map((document, i) => [isoOrMs(document[timeField]), i])
  );
  if (logs) {
    columns.set(
      '_source',
      documents.map((document) => JSON.stringify(document))
    );
    columns.set(
      'id',
      documents.map((_, i) => `${index}#Cr${(7000 + i).toString(36)}Qz`)
    );
  }
  for (const key of keys) {
    columns.set(
      key,
      documents.map((document) => (key in document ? document[key] : null))
    );
  }
  const names = [...columns.keys()].filter((name) => name !== 'message').sort();
  const fields: DataFrameJSON['schema'] = {
    refId,
    fields: [{ name: timeField, type: FieldType.time, config: { filterable: true } }],
  };
  const values: unknown[][] = [documents.map((document) => isoOrMs(document[timeField]))];
  const ordered = logs && columns.has('message') ? ['message', ...names] : names;
  for (const name of ordered) {
    const column = columns.get(name)!;
    const type = name === '_type' || name === 'highlight' || name === 'sort' ? FieldType.other : fieldType(column);
    fields.fields.push({ name, type, config: { filterable: true } });
    values.push(column);
  }
  if (logs) {
    fields.meta = {
      preferredVisualisationType: 'logs',
      custom: { searchWords: [], limit: logs.limit, total: logs.total },
    };
  }
  return dataFrameFromJSON({ schema: fields, data: { values } });
}

/** A Raw Document frame: one field named after the refId holding whole hits, not flattened. */
export function rawDocumentFrame(documents: Array<Record<string, unknown>>, refId = 'B'): DataFrame {
  return dataFrameFromJSON({
    schema: { refId, name: refId, fields: [{ name: refId, type: FieldType.other, config: { filterable: true } }] },
    data: { values: [documents] },
  });
}

/** Terms(code) + Count: one row per code; numeric keys for a long field. */
export function termsTableFrame(
  codes: Array<number | string>,
  counts: number[],
  options: { refId?: string; codeField?: string } = {}
): DataFrame {
  const { refId = 'A', codeField = 'sip_status' } = options;
  return dataFrameFromJSON({
    schema: {
      refId,
      fields: [
        { name: codeField, type: fieldType(codes), config: { filterable: true } },
        { name: 'Count', type: FieldType.number, config: {} },
      ],
    },
    data: { values: [codes, counts] },
  });
}

/**
 * Nested Terms without a date histogram: ONE table for all outer buckets. Outer levels are text "prop" columns named
 * after their field (no config); the last level keeps its key type and `filterable`; then Count.
 * Rows are [outer…, inner, count].
 */
export function nestedTermsFrame(fields: string[], rows: Array<Array<string | number>>, refId = 'C'): DataFrame {
  const inner = fields.length - 1;
  const columns = fields.map((_, level) => rows.map((row) => (level < inner ? String(row[level]) : row[level])));
  return dataFrameFromJSON({
    schema: {
      refId,
      fields: [
        ...fields.map((name, level) =>
          level < inner
            ? { name, type: FieldType.string, config: {} }
            : { name, type: fieldType(columns[level]), config: { filterable: true } }
        ),
        { name: 'Count', type: FieldType.number, config: {} },
      ],
    },
    data: { values: [...columns, rows.map((row) => Number(row[fields.length]))] },
  });
}

/** Terms(code) × Date Histogram as Grafana 11/12 dashboards get it: one frame per code, named by its value, no labels. */
export function termsSeriesFrames(
  byCode: Record<number, number[]>,
  options: { refId?: string; start?: number; stepMs?: number } = {}
): DataFrame[] {
  const { refId = 'A', start = CALLS_START_MS, stepMs = MINUTE } = options;
  return Object.entries(byCode).map(([code, values]) =>
    dataFrameFromJSON({
      schema: {
        refId,
        name: code,
        meta: { type: DataFrameType.TimeSeriesMulti, typeVersion: [0, 0] },
        fields: [
          { name: 'Time', type: FieldType.time, config: {} },
          { name: 'Value', type: FieldType.number, config: {} },
        ],
      },
      data: { values: [values.map((_, i) => start + i * stepMs), values] },
    })
  );
}

// ---------------------------------------------------------------- targets

/** An Elasticsearch metrics target: Count grouped by Terms on `fields` (outermost first), optionally by time. */
export function termsTarget(
  refId: string,
  fields: string[],
  options: { dateHistogram?: boolean; size?: number; query?: string } = {}
): Record<string, unknown> {
  const { dateHistogram = false, size = 100, query = '' } = options;
  return {
    refId,
    datasource: { type: 'elasticsearch', uid: 'voice-calls' },
    query,
    metrics: [{ id: '1', type: 'count' }],
    bucketAggs: [
      ...fields.map((field, i) => ({
        id: String(i + 2),
        type: 'terms',
        field,
        settings: { size: String(size), order: 'desc', orderBy: '_count', min_doc_count: '1' },
      })),
      ...(dateHistogram
        ? [
            {
              id: String(fields.length + 2),
              type: 'date_histogram',
              field: '@timestamp',
              settings: { interval: 'auto' },
            },
          ]
        : []),
    ],
    timeField: '@timestamp',
  };
}

/** A Raw Data / Logs / Raw Document target. */
export function rawTarget(
  refId: string,
  options: { type?: 'raw_data' | 'logs' | 'raw_document'; size?: number; query?: string } = {}
): Record<string, unknown> {
  const { type = 'raw_data', size = 500, query = 'sip_status:>=300' } = options;
  return {
    refId,
    datasource: { type: 'elasticsearch', uid: 'voice-calls' },
    query,
    metrics: [{ id: '1', type, settings: type === 'logs' ? { limit: String(size) } : { size: String(size) } }],
    bucketAggs: [],
    timeField: '@timestamp',
  };
}

// ---------------------------------------------------------------- call records

export interface FailedCall {
  /** Minutes after CALLS_START_MS. */
  minute: number;
  code: number;
  callId?: string;
  sourceIp?: string;
  account?: string;
  trunk?: string;
  xReason?: string;
  from?: string;
  to?: string;
  userAgent?: string;
}

/** A call record document in the gateway's field names (tools/seed's voice-calls index). */
export function callRecord(call: FailedCall, index = 0): CallDocument {
  const document: CallDocument = {
    '@timestamp': new Date(CALLS_START_MS + call.minute * MINUTE + index).toISOString(),
    sip_status: call.code,
    sip_callid: call.callId ?? `c${index}-${call.code}@198.51.100.10`,
    from: call.from ?? '+15550100',
    to: call.to ?? '+15550199',
  };
  const optional: Array<[string, unknown]> = [
    ['source.ip', call.sourceIp],
    ['account_sid', call.account],
    ['trunk', call.trunk],
    ['x_reason', call.xReason],
    ['user_agent', call.userAgent],
  ];
  for (const [key, value] of optional) {
    if (value !== undefined) {
      document[key] = value;
    }
  }
  return document;
}

/** Call records newest first, as a raw data query returns them. */
export function callRecords(calls: FailedCall[]): CallDocument[] {
  return calls
    .map((call, i) => callRecord(call, i))
    .sort((a, b) => Date.parse(String(b['@timestamp'])) - Date.parse(String(a['@timestamp'])));
}
