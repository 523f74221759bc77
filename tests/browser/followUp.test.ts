/**
 * From "which code" to "who and which calls", in headless Chromium, as a NOC engineer does it: click a code, read its
 * top contributors and recent calls, copy the escalation summary. The panel has three queries as Grafana's
 * Elasticsearch data source returns them (A Terms × Date Histogram, B raw data rows with flattened `_source` keys,
 * C nested Terms), and runs from the source and from the production build (dist/module.js, its card a lazy chunk).
 */
import '../testing/grafanaInNode';
import fs from 'fs';
import path from 'path';
import { dataFrameToJSON } from '@grafana/data';
import type { Page } from 'playwright-core';
import { formatCalls } from '../../src/core';
import { TEST_IDS } from '../../src/constants/testIds';
import { nocPanelData, NOC_RANGE } from '../../src/testing/nocPanel';
import { HarnessSession, openHarness, PLUGIN_DIST_DIR, screenshot } from './browser';

const { series, targets } = nocPanelData();
const FRAMES = series.map((frame) => dataFrameToJSON(frame));
const OPTIONS = {
  codeField: 'sip_status',
  traceUrlTemplate: 'https://homer.example/call?id=${callId}',
  alertRuleUidPrefix: 'sipcodes-',
};
/** What query A counts (36 one-minute buckets): B's rows and C's buckets must never be added to it. */
const CALLS_OF_A = { 200: 36 * 100, 403: 12 * 20, 503: 6 * 40 + 30 * 1 };
/** The 503 storm: one account in query C, eight raw calls in query B, newest first. */
const STORM_CALL_IDS = Array.from({ length: 8 }, (_, i) => `storm-${7 - i}@sbc`);
/** The 403 burst: eleven of twelve raw calls from one source address. */
const BURST_CALL_IDS = Array.from({ length: 12 }, (_, i) => `c${11 - i}-403@198.51.100.10`);

let session: HarnessSession;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(path.join(PLUGIN_DIST_DIR, 'module.js'))) {
    throw new Error(`${PLUGIN_DIST_DIR}/module.js is missing: run \`npm run build\` first`);
  }
  session = await openHarness();
  page = session.page;
  const origin = new URL(page.url()).origin;
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.evaluate(() => window.loadBuiltPlugin());
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.pageErrors).toEqual([]);
});

async function renderNoc(
  build: 'source' | 'dist',
  size = { width: 1200, height: 600 },
  theme: 'dark' | 'light' = 'dark'
) {
  // A blank render first: no card or selection survives from the test before.
  await page.evaluate(() => window.renderPanel([], {}, { width: 300, height: 200 }));
  await page.evaluate(({ frames, options, size, extras }) => window.renderPanel(frames, options, size, extras), {
    frames: FRAMES,
    options: OPTIONS,
    size,
    extras: { build, theme, targets, timeRange: NOC_RANGE },
  });
}

/** Opens a code's card from its legend row and waits for the lazily loaded card. */
async function openCard(code: number) {
  await page.getByTestId(TEST_IDS.legendRow(code)).click();
  const card = page.getByTestId(TEST_IDS.guidance);
  await card.waitFor();
  await expect(card.getAttribute('data-code')).resolves.toBe(String(code));
  return card;
}

async function rowTexts(testId: string) {
  return page.getByTestId(TEST_IDS.guidance).getByTestId(testId).allInnerTexts();
}

describe.each(['source', 'dist'] as const)('%s build', (build) => {
  test('with queries A, B and C the panel counts A only and says which query serves which role', async () => {
    await renderNoc(build);
    const rows = await page
      .locator('[data-testid^="sip-legend-row-"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')!.slice('sip-legend-row-'.length)));
    expect(rows.map(Number).sort()).toEqual([200, 403, 503]);
    for (const [code, calls] of Object.entries(CALLS_OF_A)) {
      await expect(page.getByTestId(TEST_IDS.legendRow(code)).innerText()).resolves.toContain(
        calls.toLocaleString('en-US')
      );
    }
    const messages = await page.getByTestId(TEST_IDS.message).allInnerTexts();
    expect(messages.join('\n')).toMatch(/A distribution · B calls · C breakdown/);
    await expect(page.locator(`[data-testid="${TEST_IDS.message}"][data-level="error"]`).count()).resolves.toBe(0);
  });

  test('clicking 503 shows its contributors (value and calls) and its recent calls (Call-IDs, newest first)', async () => {
    await renderNoc(build);
    const card = await openCard(503);

    const contributors = await rowTexts(TEST_IDS.contributor);
    const expected: Array<[string, number]> = [
      ['AC-42', 230],
      ['AC-7', 5],
      ['Max Account Calls In Progress', 8],
    ];
    expect(contributors).toHaveLength(expected.length);
    expected.forEach(([value, calls], index) => {
      expect(contributors[index]).toContain(value);
      expect(contributors[index]).toContain(formatCalls(calls));
    });
    // The account's logs: this code and this value, in the logs query.
    const accountLogs = await card
      .getByTestId(TEST_IDS.contributor)
      .filter({ hasText: 'AC-42' })
      .getByRole('link', { name: 'Logs' })
      .getAttribute('href');
    expect(decodeURIComponent(accountLogs!)).toContain('sip_status:503 AND account_sid:\\"AC-42\\"');
    await expect(card.innerText()).resolves.toContain('85 % of 503s from account AC-42');

    const calls = await rowTexts(TEST_IDS.recentCall);
    expect(calls).toHaveLength(STORM_CALL_IDS.length);
    calls.forEach((text, index) => expect(text).toContain(STORM_CALL_IDS[index]));
    const ladder = await card.getByTestId(TEST_IDS.recentCall).first().getByRole('link', { name: 'Ladder' });
    await expect(ladder.getAttribute('href')).resolves.toBe('https://homer.example/call?id=storm-7%40sbc');
    await expect(card.getByTestId(TEST_IDS.recentCalls).innerText()).resolves.toContain(
      'Max Account Calls In Progress (8 calls)'
    );
  });

  test('clicking 403 shows the source address behind it, from the raw rows’ flattened source.ip', async () => {
    await renderNoc(build);
    const card = await openCard(403);
    const contributors = await rowTexts(TEST_IDS.contributor);
    expect(contributors[0]).toContain('203.0.113.9');
    expect(contributors[0]).toContain(formatCalls(11));
    expect(contributors.some((text) => text.includes('198.51.100.7') && text.includes(formatCalls(1)))).toBe(true);
    await expect(card.innerText()).resolves.toContain('92 % of 403s from 203.0.113.9');
    // The most recent calls, each with its Call-ID, and the heading says how many of how many.
    const calls = await rowTexts(TEST_IDS.recentCall);
    expect(calls.length).toBeGreaterThan(0);
    calls.forEach((text, index) => expect(text).toContain(BURST_CALL_IDS[index]));
    if (calls.length < BURST_CALL_IDS.length) {
      await expect(card.getByTestId(TEST_IDS.recentCalls).textContent()).resolves.toContain(
        `(${calls.length} of ${BURST_CALL_IDS.length})`
      );
    }
  });

  test('Copy escalation summary puts the code, its account and a Call-ID on the clipboard', async () => {
    await renderNoc(build);
    const card = await openCard(503);
    await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
    await card.getByTestId(TEST_IDS.copyEscalation).click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== 'nothing copied yet');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.split('\n')[0]).toContain('SIP 503 Service Unavailable');
    expect(text).toContain('AC-42');
    expect(text).toContain('storm-7@sbc');
  });
});

/** Whether the element's centre is really drawn there: inside the panel and not covered (e.g. by a sticky header). */
function uncoveredInPanel(element: Element, panelId: string): boolean {
  const panel = element.closest(`[data-testid="${panelId}"]`)!.getBoundingClientRect();
  const own = element.getBoundingClientRect();
  if (own.width === 0 || own.height === 0) {
    return false;
  }
  const x = own.left + Math.min(own.width / 2, 20);
  const y = own.top + own.height / 2;
  if (x < panel.left || x > panel.right || y < panel.top || y > panel.bottom) {
    return false;
  }
  const top = document.elementFromPoint(x, y);
  return top !== null && (top === element || element.contains(top));
}

describe.each(['dark', 'light'] as const)('the card in a 400×250 panel (%s)', (theme) => {
  test.each(['source', 'dist'] as const)(
    '%s build: fits the panel, actions in view, contributors and recent calls reachable by scrolling the card',
    async (build) => {
      await renderNoc(build, { width: 400, height: 250 }, theme);
      const card = await openCard(503);
      const ids = {
        panel: TEST_IDS.panel,
        close: TEST_IDS.guidanceClose,
        copy: TEST_IDS.copyEscalation,
        contributor: TEST_IDS.contributor,
        recentCall: TEST_IDS.recentCall,
      };
      const report = await card.evaluate(
        (element, { ids, uncovered }) => {
          // The page gets the helper as text: it is pure DOM code.
          const isUncovered = new Function(`return (${uncovered})`)() as (element: Element, panelId: string) => boolean;
          const panel = element.closest(`[data-testid="${ids.panel}"]`)!.getBoundingClientRect();
          const own = element.getBoundingClientRect();
          const scroller = element.scrollHeight > element.clientHeight ? element : null;
          const sticky = Array.from(element.children).find((child) => getComputedStyle(child).position === 'sticky');
          const below = sticky ? sticky.getBoundingClientRect().height : 0;
          // Scroll the card as a user does until a part shows just below the sticky header, then look at it.
          const reach = (selector: string) => {
            const part = element.querySelector(selector);
            if (!part) {
              return false;
            }
            if (scroller) {
              scroller.scrollTop += part.getBoundingClientRect().top - scroller.getBoundingClientRect().top - below - 4;
            }
            return isUncovered(part, ids.panel);
          };
          const result = {
            card:
              own.top >= panel.top - 1 &&
              own.left >= panel.left - 1 &&
              own.bottom <= panel.bottom + 1 &&
              own.right <= panel.right + 1,
            close: isUncovered(element.querySelector(`[data-testid="${ids.close}"]`)!, ids.panel),
            copy: isUncovered(element.querySelector(`[data-testid="${ids.copy}"]`)!, ids.panel),
            contributor: reach(`[data-testid="${ids.contributor}"]`),
            recentCall: reach(`[data-testid="${ids.recentCall}"]`),
            // The header's actions stay at hand (sticky) after scrolling down to the calls.
            closeAfterScroll: isUncovered(element.querySelector(`[data-testid="${ids.close}"]`)!, ids.panel),
          };
          if (scroller) {
            scroller.scrollTop = 0;
          }
          return result;
        },
        { ids, uncovered: uncoveredInPanel.toString() }
      );
      await screenshot(page, `followup-card-400x250-${theme}-${build}`);
      expect(report).toEqual({
        card: true,
        close: true,
        copy: true,
        contributor: true,
        recentCall: true,
        closeAfterScroll: true,
      });
      await page.keyboard.press('Escape');
      await expect(card.count()).resolves.toBe(0);
    }
  );

  test('a contributor’s or a call’s link reached with Tab is not hidden under the sticky header', async () => {
    await renderNoc('source', { width: 400, height: 250 }, theme);
    const card = await openCard(503);
    const hidden: string[] = [];
    let reached = 0;
    await card.getByTestId(TEST_IDS.guidanceClose).focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(
        ({ ids, uncovered }) => {
          const isUncovered = new Function(`return (${uncovered})`)() as (element: Element, panelId: string) => boolean;
          const active = document.activeElement;
          if (!active || !active.closest(`[data-testid="${ids.guidance}"]`)) {
            return null;
          }
          const section = active.closest(`[data-testid="${ids.contributors}"], [data-testid="${ids.recentCalls}"]`);
          return {
            inFollowUp: section !== null,
            what: `${active.textContent?.trim()} in ${section?.getAttribute('data-testid') ?? 'header'}`,
            uncovered: isUncovered(active, ids.panel),
          };
        },
        {
          ids: {
            panel: TEST_IDS.panel,
            guidance: TEST_IDS.guidance,
            contributors: TEST_IDS.contributors,
            recentCalls: TEST_IDS.recentCalls,
          },
          uncovered: uncoveredInPanel.toString(),
        }
      );
      if (state === null) {
        break;
      }
      if (state.inFollowUp) {
        reached += 1;
        if (!state.uncovered) {
          if (hidden.length === 0) {
            await screenshot(page, `followup-card-400x250-${theme}-focus-hidden`);
          }
          hidden.push(state.what);
        }
      }
    }
    expect(reached).toBeGreaterThan(0);
    expect(hidden).toEqual([]);
  });
});
