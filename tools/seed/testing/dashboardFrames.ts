/**
 * What Grafana's Elasticsearch data source hands a panel for its query targets, computed from seeded call records
 * instead of a cluster: Terms × Date Histogram as one frame per code, nested Terms as one table, raw data as rows
 * newest first (the data source always sorts raw data by the time field, descending), each built with the frame
 * builders the panel's own tests use (src/core/roles/testing/esFrames.ts). Terms keep Elasticsearch's order (most
 * documents first, ties by key) and size. Only the Lucene the NOC dashboard uses is understood (empty, `field:N`,
 * `field:>=N`); anything else throws, so a changed query cannot be simulated wrongly without notice.
 *
 * Test support: @grafana/data needs the jsdom environment, not the seeder's node one.
 */
import type { DataFrame } from '@grafana/data';

import {
  nestedTermsFrame,
  rawRowsFrame,
  termsSeriesFrames,
  termsTableFrame,
} from '../../../src/core/roles/testing/esFrames';
import { CallRecordDoc, callRecordOf, indexFor } from '../documents';
import { Scenario } from '../model';
import { callsBetween } from '../traffic';

export type FlatDocument = Record<string, unknown>;

/** `_source` flattened by dots, as the data source returns raw data: `source.ip`, `source.port`. */
export function flattenDocument(document: object, prefix = ''): FlatDocument {
  const flat: FlatDocument = {};
  for (const [key, value] of Object.entries(document)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(flat, flattenDocument(value, path));
    } else {
      flat[path] = value;
    }
  }
  return flat;
}

/** The call records the gateway writes for the calls of [from, to): none for drachtio's stateless scanner 603s. */
export function callRecordsBetween(scenario: Scenario, from: number, to: number): CallRecordDoc[] {
  const records: CallRecordDoc[] = [];
  for (const call of callsBetween(scenario, from, to)) {
    if (call.callRecord) {
      records.push(callRecordOf(call, scenario));
    }
  }
  return records;
}

/** A filter for the Lucene of a target: empty, `field:N` or `field:>=N`. */
export function luceneFilter(query: string): (document: FlatDocument) => boolean {
  const text = query.trim();
  if (text === '') {
    return () => true;
  }
  const match = /^([\w.@]+):(>=)?(\d+)$/.exec(text);
  if (!match) {
    throw new Error(`the simulated data source does not understand the query ${JSON.stringify(query)}`);
  }
  const [, field, atLeast, number] = match;
  const wanted = Number(number);
  return (document) => {
    const value = Number(document[field]);
    return document[field] != null && (atLeast ? value >= wanted : value === wanted);
  };
}

interface TargetLike {
  refId: string;
  hide?: boolean;
  query?: string;
  metrics?: Array<{ type: string; hide?: boolean; settings?: Record<string, unknown> }>;
  bucketAggs?: Array<{ type: string; field?: string; settings?: Record<string, unknown> }>;
}

type Key = string | number;

/** Elasticsearch's Terms order: most documents first, then the key ascending. */
function topTerms(counts: Map<Key, number>, size: number): Array<[Key, number]> {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, size);
}

function termsSize(agg: { settings?: Record<string, unknown> }): number {
  const size = Number(agg.settings?.size ?? 10);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`the simulated data source needs a positive Terms size, not ${String(agg.settings?.size)}`);
  }
  return size;
}

function countBy(documents: FlatDocument[], field: string): Map<Key, number> {
  const counts = new Map<Key, number>();
  for (const document of documents) {
    const value = document[field];
    if (typeof value === 'string' || typeof value === 'number') {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return counts;
}

export interface SimulatedRange {
  from: number;
  to: number;
  /** The Date Histogram's interval (what Grafana's "auto" resolves to); default 1 minute. */
  stepMs?: number;
}

/** The frames of one target over the flattened documents of the time range. */
function framesOf(target: TargetLike, documents: FlatDocument[], range: SimulatedRange): DataFrame[] {
  const matching = documents.filter(luceneFilter(target.query ?? ''));
  const metrics = (target.metrics ?? []).filter((metric) => metric.hide !== true);
  const raw = metrics.find((metric) => metric.type === 'raw_data');
  if (raw) {
    const size = Number(raw.settings?.size ?? 500);
    const rows = [...matching]
      .sort((a, b) => Date.parse(String(b['@timestamp'])) - Date.parse(String(a['@timestamp'])))
      .slice(0, size);
    return [rawRowsFrame(rows, { refId: target.refId, index: indexFor('calls', range.from) })];
  }
  if (metrics.length !== 1 || metrics[0].type !== 'count') {
    throw new Error(`the simulated data source counts only (query ${target.refId})`);
  }
  const aggs = target.bucketAggs ?? [];
  const terms = aggs.filter((agg) => agg.type === 'terms');
  const histogram = aggs.find((agg) => agg.type === 'date_histogram');
  if (terms.length + (histogram ? 1 : 0) !== aggs.length || terms.length === 0 || terms.some((agg) => !agg.field)) {
    throw new Error(`the simulated data source knows Terms and one Date Histogram only (query ${target.refId})`);
  }
  if (histogram) {
    if (terms.length !== 1 || aggs[aggs.length - 1] !== histogram) {
      throw new Error(`the simulated data source takes one Terms level before the Date Histogram (${target.refId})`);
    }
    const field = terms[0].field!;
    const stepMs = range.stepMs ?? 60_000;
    const buckets = Math.ceil((range.to - range.from) / stepMs);
    const byCode: Record<number, number[]> = {};
    for (const [code] of topTerms(countBy(matching, field), termsSize(terms[0]))) {
      byCode[Number(code)] = new Array<number>(buckets).fill(0);
    }
    for (const document of matching) {
      const series = byCode[Number(document[field])];
      if (series) {
        series[Math.floor((Date.parse(String(document['@timestamp'])) - range.from) / stepMs)]++;
      }
    }
    return termsSeriesFrames(byCode, { refId: target.refId, start: range.from, stepMs });
  }
  if (terms.length === 1) {
    const top = topTerms(countBy(matching, terms[0].field!), termsSize(terms[0]));
    return [
      termsTableFrame(
        top.map(([key]) => key),
        top.map(([, count]) => count),
        { refId: target.refId, codeField: terms[0].field }
      ),
    ];
  }
  // Nested Terms: each level's buckets within its parent's, one table of [outer…, inner, count] rows.
  const rows: Array<Array<string | number>> = [];
  const walk = (level: number, documentsHere: FlatDocument[], keys: Key[]) => {
    const field = terms[level].field!;
    for (const [key, count] of topTerms(countBy(documentsHere, field), termsSize(terms[level]))) {
      if (level === terms.length - 1) {
        rows.push([...keys, key, count]);
      } else {
        walk(
          level + 1,
          documentsHere.filter((document) => document[field] === key),
          [...keys, key]
        );
      }
    }
  };
  walk(0, matching, []);
  return [
    nestedTermsFrame(
      terms.map((agg) => agg.field!),
      rows,
      target.refId
    ),
  ];
}

/**
 * The panel's `data.series` for `targets` over `records` (call record documents of the time range), hidden
 * targets left out as Grafana does.
 */
export function dashboardFrames(
  targets: readonly unknown[],
  records: readonly object[],
  range: SimulatedRange
): DataFrame[] {
  const documents = records.map((record) => flattenDocument(record));
  const inRange = documents.filter((document) => {
    const time = Date.parse(String(document['@timestamp']));
    return time >= range.from && time < range.to;
  });
  return (targets as TargetLike[])
    .filter((target) => target.hide !== true)
    .flatMap((target) => framesOf(target, inRange, range));
}
