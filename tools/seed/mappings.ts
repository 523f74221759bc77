/**
 * Composable index templates (strict mappings) for the three record kinds, the seeder's state index, and the
 * read-only role Grafana uses. The documents built in documents.ts must match these mappings exactly: the seeder's
 * tests walk every generated field against them.
 */
import { INDEX_PREFIX, RecordKind } from './documents';

export type FieldType = 'date' | 'integer' | 'long' | 'float' | 'keyword' | 'text' | 'ip' | 'boolean';

export interface FieldMapping {
  type: FieldType;
}

export interface ObjectMapping {
  properties: Record<string, FieldMapping | ObjectMapping>;
}

export interface RootMapping extends ObjectMapping {
  dynamic: 'strict';
}

const keyword: FieldMapping = { type: 'keyword' };
const integer: FieldMapping = { type: 'integer' };
const date: FieldMapping = { type: 'date' };
const text: FieldMapping = { type: 'text' };
const endpoint: ObjectMapping = { properties: { ip: { type: 'ip' }, port: integer } };
const sipUri: ObjectMapping = { properties: { original: keyword, username: keyword, host: keyword } };

export const MAPPINGS: Record<RecordKind, RootMapping> = {
  calls: {
    dynamic: 'strict',
    properties: {
      '@timestamp': date,
      sip_status: integer,
      sip_status_class: keyword,
      sip_reason: keyword,
      x_reason: keyword,
      q850_cause: integer,
      sip_callid: keyword,
      call_sid: keyword,
      trace_id: keyword,
      direction: keyword,
      from: keyword,
      to: keyword,
      source: endpoint,
      host: keyword,
      trunk: keyword,
      account_sid: keyword,
      service_provider_sid: keyword,
      application_sid: keyword,
      user_agent: keyword,
      answered: { type: 'boolean' },
      answered_at: date,
      terminated_at: date,
      duration: integer,
      termination_reason: keyword,
    },
  },
  sip: {
    dynamic: 'strict',
    properties: {
      '@timestamp': date,
      message: text,
      event: { properties: { dataset: keyword, kind: keyword } },
      network: { properties: { transport: keyword, protocol: keyword } },
      source: endpoint,
      destination: endpoint,
      sip: {
        properties: {
          type: keyword,
          method: keyword,
          code: keyword,
          status: keyword,
          call_id: keyword,
          version: keyword,
          cseq: { properties: { code: keyword, method: keyword } },
          uri: sipUri,
          from: { properties: { uri: sipUri } },
          to: { properties: { uri: sipUri } },
          user_agent: { properties: { original: keyword } },
        },
      },
    },
  },
  logs: {
    dynamic: 'strict',
    properties: {
      '@timestamp': date,
      level: keyword,
      message: text,
      service: keyword,
      host: keyword,
      sip_callid: keyword,
      sip_status: integer,
      call_sid: keyword,
      account_sid: keyword,
    },
  },
};

export interface IndexTemplate {
  name: string;
  index_patterns: string[];
  priority: number;
  template: {
    settings: Record<string, string | number>;
    mappings: RootMapping;
  };
  _meta: Record<string, string>;
}

const TEMPLATE_META = { managed_by: 'voiceops-sipcodes seeder (tools/seed)', data: 'synthetic' };

export function indexPattern(kind: RecordKind): string {
  return `${INDEX_PREFIX[kind]}-*`;
}

export function indexTemplates(): IndexTemplate[] {
  return (Object.keys(MAPPINGS) as RecordKind[]).map((kind) => ({
    name: INDEX_PREFIX[kind],
    index_patterns: [indexPattern(kind)],
    // Above the built-in templates (priority 100) in case a pattern ever overlaps.
    priority: 500,
    template: {
      settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '5s' },
      mappings: MAPPINGS[kind],
    },
    _meta: TEMPLATE_META,
  }));
}

/** Where the seeder remembers the anchor of each seed, so a rerun rebuilds the same history. */
export const STATE_INDEX = 'voice-seed-state';

export const STATE_MAPPING: RootMapping = {
  dynamic: 'strict',
  properties: {
    seed: { type: 'long' },
    anchor: date,
    peak_per_minute: { type: 'float' },
    days: { type: 'float' },
    utc_offset_hours: { type: 'float' },
    updated_at: date,
  },
};

export const READER_ROLE = 'voice_noc_reader';

/** Read-only access to the seeded indices: what Grafana's Elasticsearch data source needs, nothing more. */
export function readerRole() {
  return {
    cluster: ['monitor'],
    indices: [
      {
        names: (Object.keys(INDEX_PREFIX) as RecordKind[]).map(indexPattern),
        privileges: ['read', 'view_index_metadata'],
      },
    ],
  };
}
