/**
 * The production build (`npm run build` → dist/module.js), loaded as Grafana loads it: an AMD module whose
 * dependencies are the host's React, @grafana/* and emotion. It must render and behave like the source.
 */
import fs from 'fs';
import path from 'path';
import { TEST_IDS } from '../../src/constants/testIds';
import { HarnessSession, openHarness, PLUGIN_DIST_DIR, screenshot } from './browser';
import { realisticTimeseries } from './realistic';

let session: HarnessSession;

beforeAll(async () => {
  if (!fs.existsSync(path.join(PLUGIN_DIST_DIR, 'module.js'))) {
    throw new Error(`${PLUGIN_DIST_DIR}/module.js is missing: run \`npm run build\` first`);
  }
  session = await openHarness();
});

afterAll(async () => {
  await session?.close();
});

test('dist/module.js asks the host only for modules Grafana provides, and exports the panel', async () => {
  const deps = await session.page.evaluate(() => window.loadBuiltPlugin());
  expect(deps.sort()).toEqual(expect.arrayContaining(['@grafana/data', '@grafana/ui', 'react']));
  for (const dep of deps) {
    // Grafana shares these with plugins (SystemJS); @grafana/runtime serves the logs source picker and config.
    expect(['@emotion/css', '@grafana/data', '@grafana/runtime', '@grafana/ui', 'module', 'react']).toContain(dep);
  }
});

test('the built panel renders realistic data and opens guidance with links', async () => {
  const { page } = session;
  const data = realisticTimeseries();
  await page.evaluate(
    ({ frames, timeRange }) =>
      window.renderPanel(
        frames,
        { codeField: 'sip_status' },
        { width: 1100, height: 600 },
        {
          build: 'dist',
          timeRange,
          targets: [{ refId: 'A', datasource: { type: 'elasticsearch', uid: 'voice-calls' } }],
        }
      ),
    data
  );
  const codes = Object.keys(data.totals).map(Number);
  await expect(page.locator('[data-testid^="sip-slice-"]').count()).resolves.toBe(codes.length);
  await expect(page.getByTestId(TEST_IDS.findings).count()).resolves.toBe(1);
  await page.getByTestId(TEST_IDS.legendRow(503)).click();
  const href = await page.getByTestId(TEST_IDS.logsLink).getAttribute('href');
  expect(href).toContain('/explore?');
  expect(decodeURIComponent(href!)).toContain('sip_status:503');
  expect(session.pageErrors).toEqual([]);
  await screenshot(page, 'built-module');
});
