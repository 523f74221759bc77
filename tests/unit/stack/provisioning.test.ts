import { readdirSync } from 'node:fs';

import { REGISTRY } from '../../../src/core';
import { migrateOptions, validateOptions } from '../../../src/options';
import { buildCallTraceLink } from '../../../src/links/callLinks';
import { indexPattern, MAPPINGS, ObjectMapping } from '../../../tools/seed/mappings';
import { RecordKind } from '../../../tools/seed/documents';
import { ComposeFile, readJson, readText, readYaml, repoPath } from './stackFiles';

interface Datasource {
  name: string;
  uid: string;
  type: string;
  access?: string;
  url: string;
  basicAuth?: boolean;
  basicAuthUser?: string;
  secureJsonData?: Record<string, string>;
  jsonData: {
    index?: string;
    timeField?: string;
    logMessageField?: string;
    logLevelField?: string;
    dataLinks?: Array<{ field: string; url: string; datasourceUid?: string }>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

interface Target {
  refId: string;
  datasource?: { type?: string; uid?: string };
  query?: string;
  metrics?: Array<{ id: string; type: string; field?: string; settings?: Record<string, unknown> }>;
  bucketAggs?: Array<{ id: string; type: string; field?: string; settings?: Record<string, unknown> }>;
  timeField?: string;
}

interface Panel {
  id: number;
  type: string;
  title: string;
  pluginVersion?: string;
  datasource?: { type?: string; uid?: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: Target[];
  options?: Record<string, unknown>;
  fieldConfig?: {
    overrides?: Array<{ matcher: { id: string; options: string }; properties: Array<{ id: string; value: unknown }> }>;
  };
  transformations?: Array<{ id: string; options: Record<string, unknown> }>;
}

interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  time: { from: string; to: string };
  links: Array<{ title: string; type: string; url: string }>;
  panels: Panel[];
}

const DATASOURCE_DIR = 'provisioning/datasources';
const datasourceFiles = readdirSync(repoPath(DATASOURCE_DIR)).filter((file) => /\.ya?ml$/.test(file));
const datasources = datasourceFiles.flatMap(
  (file) => readYaml<{ apiVersion: number; datasources: Datasource[] }>(`${DATASOURCE_DIR}/${file}`).datasources
);
const byUid = new Map(datasources.map((ds) => [ds.uid, ds]));
const provider = readYaml<{ apiVersion: number; providers: Array<{ type: string; options: { path: string } }> }>(
  'provisioning/dashboards/noc.yaml'
);
const DASHBOARD_FILE = 'provisioning/dashboards/noc/sip-noc.json';
const dashboard = readJson<Dashboard>(DASHBOARD_FILE);
const pluginId = readJson<{ id: string }>('src/plugin.json').id;
const packageVersion = readJson<{ version: string }>('package.json').version;
const sipPanel = dashboard.panels.find((panel) => panel.type === pluginId)!;

/** The seeder's record kind behind an index pattern, so queries can be checked against its mapping. */
function kindOfIndex(index: string | undefined): RecordKind {
  const kind = (Object.keys(MAPPINGS) as RecordKind[]).find((candidate) => indexPattern(candidate) === index);
  if (!kind) {
    throw new Error(`no seeded index matches ${index}`);
  }
  return kind;
}

function isMapped(kind: RecordKind, field: string): boolean {
  let node: ObjectMapping | { type: string } | undefined = MAPPINGS[kind];
  for (const part of field.split('.')) {
    node = node && 'properties' in node ? node.properties[part] : undefined;
  }
  return node !== undefined && 'type' in node;
}

/** Field names of a Lucene query string: `a.b:…` clauses. */
function luceneFields(query: string): string[] {
  return [...query.matchAll(/([A-Za-z_@][\w.@]*):/g)].map((match) => match[1]);
}

/** Every key anywhere in a value, for "never use this key" checks. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(allKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => [key, ...allKeys(child)]);
  }
  return [];
}

interface ExplorePane {
  datasource: string;
  queries: Target[];
  range: { from: string; to: string };
}

/** The panes of a Grafana Explore URL, with placeholders filled by `fill`. */
function explorePanes(url: string, fill: (template: string) => string = (t) => t): ExplorePane[] {
  const parsed = new URL(fill(url), 'http://grafana.local');
  expect(parsed.pathname).toBe('/explore');
  expect(parsed.searchParams.get('schemaVersion')).toBe('1');
  return Object.values(JSON.parse(parsed.searchParams.get('panes')!) as Record<string, ExplorePane>);
}

const fillPlaceholders = (template: string) =>
  template.replace(
    /\$\{(code|__from|__to|__value\.raw|callId|callId:lucene)\}/g,
    (_, name: string) =>
      ({
        code: '503',
        __from: '1000',
        __to: '2000',
        '__value.raw': 'abc%40198.51.100.10',
        callId: 'abc%40198.51.100.10',
        'callId:lucene': 'abc%40198.51.100.10',
      })[name] ?? ''
  );

/** Every Explore URL of the dashboard: dashboard links, field data links, the panel's trace template. */
function exploreUrls(): Array<{ where: string; url: string }> {
  const urls = dashboard.links.map((link) => ({ where: `link ${link.title}`, url: link.url }));
  for (const panel of dashboard.panels) {
    for (const override of panel.fieldConfig?.overrides ?? []) {
      for (const property of override.properties.filter((p) => p.id === 'links')) {
        for (const link of property.value as Array<{ title: string; url: string }>) {
          urls.push({ where: `panel ${panel.title}: ${link.title}`, url: link.url });
        }
      }
    }
  }
  urls.push({ where: 'traceUrlTemplate', url: String(sipPanel.options!.traceUrlTemplate) });
  return urls;
}

describe('data sources', () => {
  it('are Elasticsearch data sources with unique, fixed uids and names', () => {
    expect(datasources.length).toBe(3);
    expect(new Set(datasources.map((ds) => ds.uid)).size).toBe(3);
    expect(new Set(datasources.map((ds) => ds.name)).size).toBe(3);
    for (const ds of datasources) {
      expect(ds.type).toBe('elasticsearch');
      expect(ds.uid).toMatch(/^[a-z][a-z0-9-]{2,39}$/);
    }
  });

  it('set the index and time field in jsonData and use no deprecated `database` or `esVersion`', () => {
    for (const ds of datasources) {
      expect(ds.jsonData.index).toBeTruthy();
      expect(ds.jsonData.timeField).toBe('@timestamp');
      const keys = allKeys(ds);
      expect(keys).not.toContain('database');
      expect(keys).not.toContain('esVersion');
    }
    expect(readText(`${DATASOURCE_DIR}/${datasourceFiles[0]}`)).not.toMatch(/^\s*(database|esVersion):/m);
  });

  it('read the seeder’s indices, with message and level fields the seeded documents have', () => {
    for (const ds of datasources) {
      const kind = kindOfIndex(ds.jsonData.index);
      for (const field of [ds.jsonData.timeField, ds.jsonData.logMessageField, ds.jsonData.logLevelField]) {
        if (field) {
          expect([ds.uid, field, isMapped(kind, field)]).toEqual([ds.uid, field, true]);
        }
      }
    }
    const logs = datasources.filter((ds) => ds.jsonData.logLevelField);
    expect(logs).toHaveLength(1);
    expect(logs[0].jsonData).toMatchObject({ logMessageField: 'message', logLevelField: 'level' });
  });

  it('log in as the read-only user, password from the environment', () => {
    for (const ds of datasources) {
      expect(ds).toMatchObject({ access: 'proxy', basicAuth: true, basicAuthUser: 'grafana_reader' });
      expect(ds.secureJsonData?.basicAuthPassword).toMatch(/^\$\{?GRAFANA_ES_PASSWORD\}?$/);
    }
  });

  it('point at the compose service', () => {
    const compose = readYaml<ComposeFile>('docker-compose.yml');
    for (const ds of datasources) {
      const url = new URL(ds.url);
      expect(Object.keys(compose.services)).toContain(url.hostname);
      expect(url.port).toBe('9200');
    }
  });

  it('link Call-IDs to the other data sources, with `$$` escaping the data-link macro', () => {
    const links = datasources.flatMap((ds) => (ds.jsonData.dataLinks ?? []).map((link) => ({ ds, link })));
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const { ds, link } of links) {
      expect(byUid.has(link.datasourceUid!)).toBe(true);
      expect(link.datasourceUid).not.toBe(ds.uid);
      expect(isMapped(kindOfIndex(ds.jsonData.index), link.field)).toBe(true);
      expect(link.url).toContain('$${__value.raw}');
      // Once Grafana has unescaped `$$`, the query filters a mapped field of the target index.
      const query = link.url.replace(/\$\$/g, '$');
      for (const field of luceneFields(query)) {
        expect([field, isMapped(kindOfIndex(byUid.get(link.datasourceUid!)!.jsonData.index), field)]).toEqual([
          field,
          true,
        ]);
      }
    }
  });
});

describe('dashboard provider', () => {
  it('loads the folder that holds the NOC dashboard', () => {
    expect(provider.apiVersion).toBe(1);
    const [only] = provider.providers;
    expect(only.type).toBe('file');
    expect(only.options.path.startsWith('/etc/grafana/provisioning/')).toBe(true);
    const folder = only.options.path.replace('/etc/grafana/provisioning/', 'provisioning/');
    expect(readdirSync(repoPath(folder))).toContain('sip-noc.json');
  });
});

describe('NOC dashboard', () => {
  it('has a fixed uid, unique panel ids and no overlapping panels', () => {
    expect(dashboard.uid).toBe('voice-noc-sip');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(dashboard.time).toEqual({ from: 'now-6h', to: 'now' });
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cells = new Set<string>();
    for (const { gridPos } of dashboard.panels) {
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++) {
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it('refers only to provisioned data sources (panels, queries, options, Explore links)', () => {
    const used = new Set<string>();
    for (const panel of dashboard.panels) {
      if (panel.datasource?.uid) {
        used.add(panel.datasource.uid);
      }
      for (const target of panel.targets ?? []) {
        expect(target.datasource?.uid).toBe(panel.datasource?.uid);
      }
    }
    used.add(String(sipPanel.options!.logsDatasourceUid));
    for (const { url } of exploreUrls()) {
      for (const pane of explorePanes(url, fillPlaceholders)) {
        used.add(pane.datasource);
        pane.queries.forEach((query) => expect(query.datasource?.uid).toBe(pane.datasource));
      }
    }
    expect([...used].filter((uid) => !byUid.has(uid))).toEqual([]);
    expect(used).toEqual(new Set(datasources.map((ds) => ds.uid)));
    expect(allKeys(dashboard)).not.toContain('esVersion');
  });

  it('queries only fields the seeded documents have', () => {
    for (const panel of dashboard.panels) {
      const kind = kindOfIndex(byUid.get(panel.datasource!.uid!)!.jsonData.index);
      for (const target of panel.targets ?? []) {
        const fields = [
          ...luceneFields(target.query ?? ''),
          ...(target.bucketAggs ?? []).map((agg) => agg.field!),
          ...(target.metrics ?? []).flatMap((metric) => (metric.field ? [metric.field] : [])),
        ];
        for (const field of fields) {
          expect([panel.title, field, isMapped(kind, field)]).toEqual([panel.title, field, true]);
        }
      }
      for (const transformation of panel.transformations ?? []) {
        const names = (transformation.options.include as { names?: string[] } | undefined)?.names ?? [];
        for (const field of names) {
          expect([panel.title, field, isMapped(kind, field)]).toEqual([panel.title, field, true]);
        }
      }
    }
    for (const { where, url } of exploreUrls()) {
      for (const pane of explorePanes(url, fillPlaceholders)) {
        const kind = kindOfIndex(byUid.get(pane.datasource)!.jsonData.index);
        for (const field of pane.queries.flatMap((query) => luceneFields(query.query ?? ''))) {
          expect([where, field, isMapped(kind, field)]).toEqual([where, field, true]);
        }
      }
    }
  });

  describe('the SIP Response Codes panel', () => {
    it('is there once, as the plugin id, at the plugin’s version', () => {
      expect(dashboard.panels.filter((panel) => panel.type === pluginId)).toHaveLength(1);
      expect(sipPanel.pluginVersion).toBe(packageVersion);
      expect(sipPanel.datasource).toEqual({ type: 'elasticsearch', uid: 'voice-calls' });
    });

    it('counts calls with Terms on sip_status (by count) × Date Histogram on @timestamp, so the rise rule works', () => {
      // Query A; the calls and breakdown queries beside it: dashboardRoles.test.ts.
      const [target] = sipPanel.targets!;
      expect(target.refId).toBe('A');
      expect(target.query).toBe('');
      expect(target.metrics).toEqual([{ id: '1', type: 'count' }]);
      const [terms, histogram] = target.bucketAggs!;
      expect(target.bucketAggs).toHaveLength(2);
      expect(terms).toMatchObject({
        type: 'terms',
        field: 'sip_status',
        settings: { orderBy: '_count', order: 'desc' },
      });
      expect(histogram).toMatchObject({ type: 'date_histogram', field: '@timestamp' });
    });

    it('asks Terms on sip_status for every code (size 100), here and in "Failed calls by code"', () => {
      // Ordered by count, a small size drops the rare codes first: exactly the 408/488/500/603 the panel raises at
      // the first call. The codes left would also share a smaller total, inflating every share. The breakdowns' code
      // level too: only codes that occur make buckets, so the size costs nothing and drops no code's contributors.
      const termsOnStatus = dashboard.panels.flatMap((panel) =>
        (panel.targets ?? []).flatMap((target) =>
          (target.bucketAggs ?? [])
            .filter((agg) => agg.type === 'terms' && agg.field === 'sip_status')
            .map((agg) => ({ panel: panel.title, size: agg.settings?.size }))
        )
      );
      expect(termsOnStatus.map((terms) => terms.panel)).toEqual(
        expect.arrayContaining([sipPanel.title, 'Failed calls by code'])
      );
      expect(REGISTRY.filter((entry) => entry.code >= 200).length).toBeLessThanOrEqual(100);
      for (const terms of termsOnStatus) {
        expect(terms).toEqual({ panel: terms.panel, size: '100' });
      }
    });

    it('has options that validate without any issue and need no migration', () => {
      const options = sipPanel.options!;
      const { options: validated, issues } = validateOptions(options);
      expect(issues).toEqual([]);
      expect(validated).toEqual(options);
      expect(migrateOptions({ options })).toEqual(options);
      expect(options).toMatchObject({
        optionsVersion: 2,
        codeField: 'sip_status',
        view: 'donut',
        recencyWindow: '15m',
        linksInNewTab: true,
        // Every query's shape says its role: no override needed (dashboardRoles.test.ts).
        queryRoles: {},
        policyOverrides: {},
        logsDatasourceUid: datasources.find((ds) => ds.jsonData.logLevelField)!.uid,
      });
    });

    it('links a call to its SIP ladder in Explore: the SIP messages of its Call-ID, in the panel’s time range', () => {
      const template = String(sipPanel.options!.traceUrlTemplate);
      expect(template).toContain('${callId:lucene}');
      // RFC 3261 allows quotes and backslashes in a Call-ID: Lucene-escaped, then JSON, then URL-encoded.
      const callId = 'a"b\\c@198.51.100.10';
      const link = buildCallTraceLink(template, {
        code: 503,
        reason: 'Service Unavailable',
        from: 1000,
        to: 2000,
        replaceVariables: (text) => text,
        callId,
      });
      const [pane] = explorePanes(link!.href);
      expect(pane.datasource).toBe(byUid.get('voice-sip')!.uid);
      expect(kindOfIndex(byUid.get(pane.datasource)!.jsonData.index)).toBe('sip');
      expect(pane.range).toEqual({ from: '1000', to: '2000' });
      expect(pane.queries).toHaveLength(1);
      expect(pane.queries[0].query).toBe('sip.call_id:"a\\"b\\\\c@198.51.100.10"');
      expect(pane.queries[0].metrics).toEqual([{ id: '1', type: 'logs' }]);
      // The same Call-ID links the call record to its SIP messages in the data source's own data link.
      expect(byUid.get('voice-calls')!.jsonData.dataLinks).toContainEqual(
        expect.objectContaining({ field: 'sip_callid', datasourceUid: pane.datasource })
      );
    });
  });

  it('lists recent failed calls (sip_status ≥ 300) with links from the Call-ID to its SIP ladder and log lines', () => {
    const table = dashboard.panels.find((panel) => panel.type === 'table')!;
    expect(table.targets![0]).toMatchObject({ query: 'sip_status:>=300', metrics: [{ type: 'raw_data' }] });
    const links = table.fieldConfig!.overrides!.flatMap((override) =>
      override.properties.filter((p) => p.id === 'links')
    );
    const urls = links.flatMap((property) => (property.value as Array<{ url: string }>).map((link) => link.url));
    const panes = urls.flatMap((url) => explorePanes(url, fillPlaceholders));
    expect(panes.map((pane) => pane.datasource).sort()).toEqual(['voice-applogs', 'voice-sip']);
    expect(panes.map((pane) => pane.queries[0].query).sort()).toEqual([
      'sip.call_id:"abc@198.51.100.10"',
      'sip_callid:"abc@198.51.100.10"',
    ]);
  });

  it('shows failed calls by code over time and the gateway’s warnings and errors', () => {
    const series = dashboard.panels.find((panel) => panel.type === 'timeseries')!;
    expect(series.targets![0].query).toBe('sip_status:>=300');
    const logs = dashboard.panels.find((panel) => panel.type === 'logs')!;
    expect(logs.datasource?.uid).toBe('voice-applogs');
    expect(logs.targets![0]).toMatchObject({ query: 'level:(warn OR error)', metrics: [{ type: 'logs' }] });
  });
});
