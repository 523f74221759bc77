/**
 * What a NOC engineer does with the panel, in headless Chromium: open guidance from a slice, a legend row and a
 * finding (mouse and keyboard), follow the links, read it in both themes; and what an attacker cannot do.
 */
import '../testing/grafanaInNode';
import { createTheme, dataFrameFromJSON } from '@grafana/data';
import type { Page } from 'playwright-core';
import { assessCodes, normalizeFrames, ongoingFirst, policyFor, Severity } from '../../src/core';
import { SEVERITY_COLOR_NAMES } from '../../src/constants/severity';
import { TEST_IDS } from '../../src/constants/testIds';
import { HarnessSession, openHarness, screenshot } from './browser';
import { realisticTimeseries } from './realistic';

const LOGS_UID = 'es-gateway-logs';
const TRACE_TEMPLATE = 'http://homer.example/search?status=${code}&from=${__from}&to=${__to}&env=${env}';
const data = realisticTimeseries();
const distribution = normalizeFrames(data.frames.map((frame) => dataFrameFromJSON(frame)));
const findings = assessCodes(distribution);
const targets = [{ refId: 'A', datasource: { type: 'elasticsearch', uid: 'es-sip-calls' }, query: '' }];

let session: HarnessSession;
let page: Page;

async function renderRealistic(options: object = {}, extras: object = {}) {
  // The panel keeps its open card across data refreshes, as in Grafana; each test starts with none open.
  if ((await guidance().count()) > 0) {
    await page.keyboard.press('Escape');
  }
  // …and with the "+N more" list of findings closed.
  const more = page.getByTestId(TEST_IDS.findingsMore);
  if ((await more.count()) > 0 && (await more.getAttribute('aria-expanded')) === 'true') {
    await more.click();
  }
  await page.evaluate(
    ({ frames, options, extras }) => window.renderPanel(frames, options, { width: 1100, height: 640 }, extras),
    {
      frames: data.frames,
      options: { codeField: 'sip_status', traceUrlTemplate: TRACE_TEMPLATE, ...options },
      extras: { timeRange: data.timeRange, targets, variables: { env: 'prod eu' }, ...extras },
    }
  );
}

function guidance() {
  return page.getByTestId(TEST_IDS.guidance);
}

/** The theme's colours for each severity family, as rgb() strings the browser reports. */
function severityPalette(mode: 'dark' | 'light'): Record<Severity, Set<string>> {
  const theme = createTheme({ colors: { mode } });
  const toRgb = (hex: string) => {
    const value = theme.visualization.getColorByName(hex).replace('#', '');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16));
    return `rgb(${r}, ${g}, ${b})`;
  };
  const palette = {} as Record<Severity, Set<string>>;
  for (const severity of Object.keys(SEVERITY_COLOR_NAMES) as Severity[]) {
    palette[severity] = new Set(SEVERITY_COLOR_NAMES[severity].map(toRgb));
  }
  return palette;
}

beforeAll(async () => {
  session = await openHarness();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.pageErrors).toEqual([]);
});

test('the realistic data has findings of every kind the seeder scripts', () => {
  const rules = new Set(findings.flatMap((finding) => finding.rules.map((rule) => rule.rule)));
  expect([...rules]).toEqual(expect.arrayContaining(['any-incident', 'share', 'rise']));
  expect(findings.some((finding) => finding.severity === 'immediate')).toBe(true);
});

describe.each(['dark', 'light'] as const)('%s theme', (mode) => {
  test('every slice is coloured from its severity family and marked with its severity', async () => {
    await renderRealistic({}, { theme: mode });
    const palette = severityPalette(mode);
    for (const { code } of distribution.codes) {
      const slice = page.getByTestId(TEST_IDS.slice(code));
      const severity = policyFor(code).severity;
      await expect(slice.getAttribute('data-severity')).resolves.toBe(severity);
      const fill = await slice.evaluate((element) => getComputedStyle(element).fill);
      expect(palette[severity].has(fill)).toBe(true);
      // Not colour alone: the legend row says the severity in words (a narrow row whose rule fired shows
      // "follow up" in its place and keeps the word in its accessible name), and marks it with the severity's shape.
      const row = page.getByTestId(TEST_IDS.legendRow(code));
      const rowText = (await row.innerText()).toLowerCase();
      if (!rowText.includes(severity)) {
        expect(rowText).toContain('follow up');
        await expect(row.getAttribute('aria-label')).resolves.toMatch(new RegExp(`\\b${severity}\\b`, 'i'));
      }
      await expect(row.locator(`span[data-severity="${severity}"] > svg`).count()).resolves.toBe(1);
    }
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r] = background.match(/\d+/g)!.map(Number);
    expect(mode === 'dark' ? r < 80 : r > 200).toBe(true);
    await screenshot(page, `realistic-${mode}`);
  });
});

/** The codes of the findings in display order: the strip's chips, then (opened) the "+N more" list. */
async function displayedFindings(): Promise<{ strip: number[]; overflow: number[]; moreText?: string }> {
  const codesIn = (locator: ReturnType<Page['locator']>) =>
    locator.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-testid')!.split('-').pop())));
  const strip = await codesIn(
    page
      .getByTestId(TEST_IDS.findings)
      .locator(`[data-testid^="sip-finding-"]:not([data-testid="${TEST_IDS.findingsOverflow}"] *)`)
  );
  const more = page.getByTestId(TEST_IDS.findingsMore);
  if ((await more.count()) === 0) {
    return { strip, overflow: [] };
  }
  const moreText = await more.innerText();
  if ((await more.getAttribute('aria-expanded')) !== 'true') {
    await more.click();
  }
  const overflow = await codesIn(page.getByTestId(TEST_IDS.findingsOverflow).locator('[data-testid^="sip-finding-"]'));
  return { strip, overflow, moreText };
}

test('the findings strip lists what the core found: ongoing first, each most urgent first, the rest behind "+N more"', async () => {
  await renderRealistic();
  const { strip, overflow, moreText } = await displayedFindings();
  // Every finding exactly once, in the strip or in the list "+N more" opens: ongoing findings first, then earlier
  // ones, each most urgent first.
  expect([...strip, ...overflow]).toEqual([...findings].sort(ongoingFirst).map((finding) => finding.code));
  expect(strip.length).toBeGreaterThan(0);
  if (overflow.length > 0) {
    expect(moreText).toMatch(new RegExp(`\\+${overflow.length} more`));
  }
  const first = await page.getByTestId(TEST_IDS.finding(strip[0])).innerText();
  expect(first).toContain(String(strip[0]));
  // Findings whose last call is older than the recency window stay listed, marked as earlier.
  for (const finding of findings) {
    await expect(page.getByTestId(TEST_IDS.finding(finding.code)).getAttribute('data-ongoing')).resolves.toBe(
      finding.ongoing === false ? 'false' : 'true'
    );
  }
});

test('clicking a slice opens its guidance with logs and trace links; Esc closes it', async () => {
  await renderRealistic({ logsDatasourceUid: LOGS_UID });
  const code = findings[0].code;
  await page.getByTestId(TEST_IDS.slice(code)).click();
  await guidance().waitFor(); // the card loads as its own chunk
  await expect(guidance().count()).resolves.toBe(1);
  const text = await guidance().innerText();
  expect(text).toContain(String(code));
  expect(text).toContain(policyFor(code).guidance.meaning.slice(0, 30));

  const logsHref = (await page.getByTestId(TEST_IDS.logsLink).getAttribute('href'))!;
  const logsUrl = new URL(logsHref, 'http://grafana.local');
  expect(logsUrl.pathname).toMatch(/\/explore$/);
  const panes = JSON.parse(logsUrl.searchParams.get('panes')!);
  const pane = Object.values(panes)[0] as {
    datasource: string;
    queries: Array<{ query: string }>;
    range: { from: string; to: string };
  };
  expect(pane.datasource).toBe(LOGS_UID);
  expect(pane.queries[0].query).toBe(`sip_status:${code}`);
  expect(Number(pane.range.from)).toBe(data.timeRange.from);
  expect(Number(pane.range.to)).toBe(data.timeRange.to);

  const traceHref = (await page.getByTestId(TEST_IDS.tracesLink).getAttribute('href'))!;
  expect(traceHref).toBe(
    `http://homer.example/search?status=${code}&from=${data.timeRange.from}&to=${data.timeRange.to}&env=prod%20eu`
  );

  await page.keyboard.press('Escape');
  await expect(guidance().count()).resolves.toBe(0);
});

test('the logs link falls back to the data source of the panel query', async () => {
  await renderRealistic();
  await page.getByTestId(TEST_IDS.legendRow(200)).click();
  const logsHref = (await page.getByTestId(TEST_IDS.logsLink).getAttribute('href'))!;
  const panes = JSON.parse(new URL(logsHref, 'http://grafana.local').searchParams.get('panes')!);
  expect((Object.values(panes)[0] as { datasource: string }).datasource).toBe('es-sip-calls');
});

test('the smallest code opens from its legend row by keyboard alone', async () => {
  await renderRealistic();
  const smallest = distribution.codes[distribution.codes.length - 1].code;
  const row = page.getByTestId(TEST_IDS.legendRow(smallest));
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(guidance().innerText()).resolves.toContain(String(smallest));
  await page.keyboard.press('Escape');
  await expect(guidance().count()).resolves.toBe(0);

  await page.getByTestId(TEST_IDS.slice(smallest)).focus();
  await page.keyboard.press(' ');
  await expect(guidance().innerText()).resolves.toContain(String(smallest));
});

test('a finding opens the guidance and says why its rule fired, also from behind "+N more"', async () => {
  await renderRealistic();
  // The most urgent finding (408, immediate but earlier in the range) is behind "+N more" on one line.
  const finding = findings[0];
  const { overflow } = await displayedFindings();
  const chip = overflow.includes(finding.code)
    ? page.getByTestId(TEST_IDS.findingsOverflow).getByTestId(TEST_IDS.finding(finding.code))
    : page.getByTestId(TEST_IDS.finding(finding.code));
  await chip.click();
  const text = await guidance().innerText();
  expect(text).toContain(finding.rules[0].text);
});

test('the bar view draws one clickable bar per code', async () => {
  await renderRealistic({ view: 'bar' });
  await expect(page.locator('[data-testid^="sip-slice-"]').count()).resolves.toBe(distribution.codes.length);
  await page.getByTestId(TEST_IDS.slice(distribution.codes[0].code)).click();
  await guidance().waitFor(); // the card loads as its own chunk
  await expect(guidance().count()).resolves.toBe(1);
  await screenshot(page, 'realistic-bar');
});

describe('hostile guidance and links are inert', () => {
  const hostile = {
    policyOverrides: {
      '503': {
        guidance: {
          notes:
            '<img src=x onerror="window.__xss = 1"> <script>window.__xss = 2</script> [click](javascript:window.__xss=3)',
          meaning: '<b onmouseover="window.__xss = 4">bold?</b>',
        },
      },
    },
    traceUrlTemplate: 'javascript:window.__xss=5//${code}',
  };
  const fieldConfig = { defaults: { links: [{ title: 'Evil', url: 'javascript:window.__xss=6' }] }, overrides: [] };

  test('control: the page would run an unsanitised onerror handler', async () => {
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.innerHTML = '<img src="x" onerror="window.__xssControl = 1">';
      document.body.appendChild(probe);
    });
    await page.waitForFunction(() => (window as unknown as { __xssControl?: number }).__xssControl === 1);
  });

  test('markdown, template and data links cannot run script', async () => {
    await renderRealistic(hostile, { fieldConfig });
    await page.getByTestId(TEST_IDS.legendRow(503)).click();
    const card = guidance();
    await expect(card.count()).resolves.toBe(1);
    await expect(card.locator('img[onerror], script, [onmouseover]').count()).resolves.toBe(0);
    const hrefs = await card.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href.toLowerCase()).not.toContain('javascript:');
    }
    // Give any injected handler its chance: hover everything in the card and let image loads fail.
    for (const element of await card.locator('*').all()) {
      await element.dispatchEvent('mouseover');
    }
    await page.waitForLoadState('networkidle');
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await screenshot(page, 'xss-inert');
  });
});
