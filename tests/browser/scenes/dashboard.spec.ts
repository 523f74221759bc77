/**
 * The production build inside Grafana's own dashboard code: a @grafana/scenes EmbeddedScene whose VizPanel loads
 * dist/module.js through @grafana/runtime's plugin import utils, with a SceneQueryRunner on an Elasticsearch data
 * source, a SceneTimeRange and dashboard variables (harness/scenes/). Options defaults, the plugin's migration,
 * field overrides, data links, replaceVariables and option changes all run through Scenes and @grafana/data here.
 */
import '../../testing/grafanaInNode';
import type { FieldConfigSource } from '@grafana/data';
import { TEST_IDS } from '../../../src/constants/testIds';
import { DEFAULT_OPTIONS } from '../../../src/options/options';
import { NOC_RANGE, nocPanelData } from '../../../src/testing/nocPanel';
import type { DashboardSpec } from '../../../harness/scenes/types';
import {
  builtPluginVersion,
  DashboardSession,
  openDashboardHost,
  projectReactVersion,
  screenshotDashboard,
  wireFrames,
} from './dashboardHost';

let session: DashboardSession;

beforeAll(async () => {
  session = await openDashboardHost();
});

afterAll(async () => {
  await session?.close();
});

beforeEach(() => {
  session.pageErrors.length = 0;
});

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The NOC dashboard: distribution (A), calls (B) and breakdown (C) from Elasticsearch, an env and a Homer variable. */
function nocDashboard(panel: DashboardSpec['panel']): DashboardSpec {
  const { series, targets } = nocPanelData();
  return {
    queries: targets,
    frames: wireFrames(series),
    timeRange: { from: new Date(NOC_RANGE.from).toISOString(), to: new Date(NOC_RANGE.to).toISOString() },
    variables: [
      { kind: 'custom', name: 'env', query: 'prod-eu,staging', value: 'prod-eu' },
      { kind: 'constant', name: 'homer', value: 'homer.noc.example' },
    ],
    panel,
  };
}

async function render(spec: DashboardSpec) {
  await session.page.evaluate((dashboard) => window.scenesHost.render(dashboard), spec);
  await session.page.locator(byTestId(TEST_IDS.panel)).waitFor();
}

const panelState = () => session.page.evaluate(() => window.scenesHost.panel());
const viewShown = () => session.page.locator(byTestId(TEST_IDS.panel)).getAttribute('data-view');

/** Saved as the current version of the plugin writes it: nothing for the migration handler to do. */
const current = (options: Record<string, unknown>) => ({
  options: { optionsVersion: DEFAULT_OPTIONS.optionsVersion, ...options },
  pluginVersion: builtPluginVersion(),
});

test('VizPanel loads the built plugin through the plugin import utils and renders the queried frames', async () => {
  await render(nocDashboard(current({ codeField: 'sip_status' })));
  const { page } = session;
  await expect(page.locator(byTestId(TEST_IDS.legendRow(503))).count()).resolves.toBe(1);
  await expect(page.locator('[data-testid^="sip-legend-row-"]').count()).resolves.toBe(3);
  const state = await panelState();
  expect(state.loadError).toBeUndefined();
  expect(state.pluginVersion).toBe(builtPluginVersion());
  // Only modules Grafana shares with plugins, taken from the host.
  const deps = await page.evaluate(() => window.scenesHost.pluginDependencies());
  expect(deps).toEqual(expect.arrayContaining(['@grafana/data', '@grafana/ui', 'react']));
  for (const dep of deps ?? []) {
    expect(['@emotion/css', '@grafana/data', '@grafana/runtime', '@grafana/ui', 'module', 'react']).toContain(dep);
  }
  // SceneQueryRunner sent the panel's three Elasticsearch queries for the dashboard time range.
  const requests = await page.evaluate(() => window.scenesHost.requests());
  expect(requests).toHaveLength(1);
  expect(requests[0].targets.map((target) => target.refId)).toEqual(['A', 'B', 'C']);
  expect(requests[0].range).toEqual({
    from: new Date(NOC_RANGE.from).toISOString(),
    to: new Date(NOC_RANGE.to).toISOString(),
  });
  await expect(page.evaluate(() => window.scenesHost.reactVersion())).resolves.toBe(projectReactVersion());
  expect(session.pageErrors).toEqual([]);
  await screenshotDashboard(page, `scenes-dashboard-react${projectReactVersion().split('.')[0]}`);
});

test("Grafana fills the options the dashboard did not save from the plugin's option defaults", async () => {
  await render(nocDashboard(current({ codeField: 'sip_status', view: 'pie' })));
  const state = await panelState();
  expect(state.options).toEqual({ ...DEFAULT_OPTIONS, codeField: 'sip_status', view: 'pie' });
  await expect(viewShown()).resolves.toBe('pie');
  expect(session.pageErrors).toEqual([]);
});

test("a panel saved by version 1 of the plugin is brought to today's options by the plugin's migration", async () => {
  await render(
    nocDashboard({
      // Saved with the plugin's current version: only the plugin's shouldMigrate tells Grafana to migrate.
      pluginVersion: builtPluginVersion(),
      options: { codeField: 'sip_status', chartType: 'pie', show2xx: false, policyJson: '{}' },
    })
  );
  const { options } = await panelState();
  expect(options).toEqual({ ...DEFAULT_OPTIONS, codeField: 'sip_status', view: 'pie', include2xx: false });
  await expect(viewShown()).resolves.toBe('pie');
  const { page } = session;
  await expect(page.locator(byTestId(TEST_IDS.legendRow(503))).count()).resolves.toBe(1);
  await expect(page.locator(byTestId(TEST_IDS.legendRow(200))).count()).resolves.toBe(0);
  expect(session.pageErrors).toEqual([]);
});

test('a field override adds a data link to one code, filled by Grafana with the dashboard variables', async () => {
  const fieldConfig: FieldConfigSource = {
    defaults: {},
    overrides: [
      {
        matcher: { id: 'byName', options: '503' },
        properties: [
          {
            id: 'links',
            value: [
              {
                title: 'Runbook ${__value.raw} (${env})',
                url: 'https://runbooks.noc.example/sip/${__value.raw}?env=${env}',
              },
            ],
          },
        ],
      },
    ],
  };
  await render(nocDashboard({ ...current({ codeField: 'sip_status' }), fieldConfig }));
  const { page } = session;
  await page.locator(byTestId(TEST_IDS.legendRow(503))).click();
  const guidance = page.locator(byTestId(TEST_IDS.guidance));
  await expect(guidance.getAttribute('data-code')).resolves.toBe('503');
  const link = guidance.locator(byTestId(TEST_IDS.dataLink(0)));
  await expect(link.getAttribute('href')).resolves.toBe('https://runbooks.noc.example/sip/503?env=prod-eu');
  await expect(link.textContent()).resolves.toBe('Runbook 503 (prod-eu)');
  await expect(guidance.locator('[data-testid^="sip-link-data-"]').count()).resolves.toBe(1);

  // The override matches the 503 series only.
  await guidance.locator(byTestId(TEST_IDS.guidanceClose)).click();
  await page.locator(byTestId(TEST_IDS.legendRow(403))).click();
  await expect(guidance.getAttribute('data-code')).resolves.toBe('403');
  await expect(guidance.locator('[data-testid^="sip-link-data-"]').count()).resolves.toBe(0);
  expect(session.pageErrors).toEqual([]);
});

test("replaceVariables fills the dashboard's variables in the trace link, with their current values", async () => {
  await render(
    nocDashboard(
      current({ codeField: 'sip_status', traceUrlTemplate: 'https://${homer}/search?env=${env}&code=${code}' })
    )
  );
  const { page } = session;
  const guidance = page.locator(byTestId(TEST_IDS.guidance));
  const traces = guidance.locator(byTestId(TEST_IDS.tracesLink));
  await page.locator(byTestId(TEST_IDS.legendRow(503))).click();
  await expect(traces.getAttribute('href')).resolves.toBe('https://homer.noc.example/search?env=prod-eu&code=503');

  // Another value picked on the dashboard: the card opened next links to it.
  await page.evaluate(() => window.scenesHost.setVariable('env', 'staging'));
  await guidance.locator(byTestId(TEST_IDS.guidanceClose)).click();
  await page.locator(byTestId(TEST_IDS.legendRow(503))).click();
  await expect(traces.getAttribute('href')).resolves.toBe('https://homer.noc.example/search?env=staging&code=503');
  expect(session.pageErrors).toEqual([]);
});

test('VizPanel.onOptionsChange, as the options pane calls it, switches the view and keeps the other options', async () => {
  await render(nocDashboard(current({ codeField: 'sip_status' })));
  await expect(viewShown()).resolves.toBe('donut');
  await session.page.evaluate(() => window.scenesHost.changeOptions({ view: 'bar' }));
  await session.page.locator(`${byTestId(TEST_IDS.panel)}[data-view="bar"]`).waitFor();
  await expect(session.page.locator(`${byTestId(TEST_IDS.chart)}[data-view="bar"]`).count()).resolves.toBe(1);
  const { options } = await panelState();
  expect(options).toEqual({ ...DEFAULT_OPTIONS, codeField: 'sip_status', view: 'bar' });
  expect(session.pageErrors).toEqual([]);
});
