/**
 * Each frame shape of src/core/normalize/testing/frames.ts, rendered by the real panel in headless Chromium.
 * What the core computes in Node is what the browser must show: a slice and a legend row per code, a message per notice.
 */
import '../testing/grafanaInNode';
import { dataFrameFromJSON, DataFrameJSON } from '@grafana/data';
import * as fixtures from '../../src/core/normalize/testing/frames';
import { normalizeFrames } from '../../src/core';
import { TEST_IDS } from '../../src/constants/testIds';
import { HarnessSession, openHarness, screenshot } from './browser';

const SHAPES = Object.entries(fixtures).filter((entry): entry is [string, DataFrameJSON[]] => Array.isArray(entry[1]));

let session: HarnessSession;

beforeAll(async () => {
  session = await openHarness();
});

afterAll(async () => {
  await session?.close();
});

test('the fixtures cover every frame shape of the Elasticsearch data source', () => {
  const names = SHAPES.map(([name]) => name);
  for (const shape of [
    'ES_TERMS_TABLE',
    'ES_TERMS_TIMESERIES',
    'ES_TERMS_TIMESERIES_LABELS',
    'ES_RAW_DATA',
    'ES_LOGS',
    'ES_RAW_DOCUMENT',
    'ES_DATE_HISTOGRAM_ONLY',
    'NO_FRAMES',
  ]) {
    expect(names).toContain(shape);
  }
});

describe.each(SHAPES)('%s', (name, frames) => {
  const expected = normalizeFrames(frames.map((frame) => dataFrameFromJSON(frame)));

  test('renders what the core computed, without page errors', async () => {
    const { page } = session;
    await page.evaluate((input) => window.renderPanel(input, {}, { width: 900, height: 520 }), frames);

    await expect(page.getByTestId(TEST_IDS.panel).count()).resolves.toBe(1);
    for (const { code } of expected.codes) {
      await expect(page.getByTestId(TEST_IDS.slice(code)).count()).resolves.toBe(1);
      await expect(page.getByTestId(TEST_IDS.legendRow(code)).count()).resolves.toBe(1);
    }
    const slices = await page.locator('[data-testid^="sip-slice-"]').count();
    expect(slices).toBe(expected.codes.length);

    if (expected.codes.length === 0 || expected.notices.some((notice) => notice.level !== 'info')) {
      await expect(page.getByTestId(TEST_IDS.message).count()).resolves.toBeGreaterThan(0);
    }
    for (const notice of expected.notices) {
      // Each notice reaches the person looking at the panel (the first words are enough to identify it).
      const words = notice.message.split(/\s+/).slice(0, 4).join(' ');
      await expect(page.getByTestId(TEST_IDS.message).filter({ hasText: words }).count()).resolves.toBeGreaterThan(0);
    }
    expect(session.pageErrors).toEqual([]);
    await screenshot(page, `shape-${name}`);
  });
});
