/**
 * The panel at the sizes Grafana panels really have (400×250 up to an 1800×900 wallboard), in both themes, with hard
 * data: ten immediate codes at once, 46 codes, a healthy hour, no calls, and the seeder's realistic afternoon.
 * As a NOC engineer would check it: every finding reachable, nothing cut off, enough legend rows, stable colours,
 * a dominant code drawn at its true share, and a short keyboard path (findings → chart → legend).
 */
import '../testing/grafanaInNode';
import { dataFrameFromJSON } from '@grafana/data';
import type { Page } from 'playwright-core';
import { assessCodes, normalizeFrames } from '../../src/core';
import { TEST_IDS } from '../../src/constants/testIds';
import { drawnSharePercent } from './arcShare';
import { HarnessSession, openHarness, screenshot } from './browser';
import { fortySixCodes, healthyHour, PanelDataSet, realistic, tenImmediateCodes, zeroCalls } from './hardData';

interface PanelSize {
  width: number;
  height: number;
  /** Legend rows a NOC engineer must see without scrolling (or all codes, when fewer). */
  minRows: number;
}

/**
 * 400×250 and 800×400 are the figures; a panel larger in both directions than 800×400 must show at least
 * as many rows as it, and 600×300 at least as many as 400×250.
 */
const SIZES: PanelSize[] = [
  { width: 400, height: 250, minRows: 3 },
  { width: 600, height: 300, minRows: 3 },
  { width: 800, height: 400, minRows: 6 },
  { width: 1200, height: 500, minRows: 6 },
  { width: 1800, height: 900, minRows: 6 },
];
const THEMES = ['dark', 'light'] as const;
const DATA_SETS: PanelDataSet[] = [tenImmediateCodes(), fortySixCodes(), healthyHour(), zeroCalls(), realistic()];
const OPTIONS = { codeField: 'sip_status' };

/** What the core computes in Node for a data set: what the page must show. */
function expectationsOf(data: PanelDataSet) {
  const distribution = normalizeFrames(data.frames.map((frame) => dataFrameFromJSON(frame)));
  const findings = assessCodes(distribution);
  const codes = distribution.codes.map((entry) => entry.code);
  const total = distribution.codes.reduce((sum, entry) => sum + entry.count, 0);
  const dominant = distribution.codes.reduce<(typeof distribution.codes)[number] | undefined>(
    (best, entry) => (best === undefined || entry.count > best.count ? entry : best),
    undefined
  );
  return { distribution, findings, codes, total, dominant };
}

/** The fixed test ids, as plain strings the page functions can receive. */
const IDS = {
  panel: TEST_IDS.panel,
  chart: TEST_IDS.chart,
  legend: TEST_IDS.legend,
  findings: TEST_IDS.findings,
  findingsMore: TEST_IDS.findingsMore,
  findingsOverflow: TEST_IDS.findingsOverflow,
  otherSlice: TEST_IDS.otherSlice,
  message: TEST_IDS.message,
};

function sizeName(size: PanelSize): string {
  return `${size.width}x${size.height}`;
}

let session: HarnessSession;
let page: Page;

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

/** Renders a data set from scratch: an empty render first, so no card, open list or focus survives from before. */
async function render(data: PanelDataSet, size: PanelSize, theme: 'dark' | 'light') {
  await page.evaluate(() => window.renderPanel([], {}, { width: 300, height: 200 }));
  await page.evaluate(
    ({ data, size, theme, options }) =>
      window.renderPanel(data.frames, options, size, { theme, timeRange: data.timeRange, targets: data.targets }),
    { data, size: { width: size.width, height: size.height }, theme, options: OPTIONS }
  );
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
  width: number;
  height: number;
}

/** What the panel shows, measured in the page. `shown` = whole, inside the panel's box and every clipping parent. */
interface LayoutReport {
  sizeClass: string | null;
  scale: number;
  legendVariant: string | null;
  panel: Box;
  content: Box;
  /** The panel root clips (overflow hidden): anything beyond its box is lost. */
  root: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number };
  /** Elements that scroll sideways (a cut-off column). */
  horizontalScroll: string[];
  /** Texts cut by a parent that clips them without an ellipsis, a clamped line or a scrollbar. */
  cutText: string[];
  /** Pairs of a legend row's or the findings strip's parts drawn over each other. */
  overlaps: string[];
  rows: Array<{ code: number; shown: boolean; color: string | null }>;
  strip: {
    present: boolean;
    count: number | null;
    calm: boolean;
    chips: Array<{ code: number; shown: boolean }>;
    more: { text: string; shown: boolean } | null;
  };
  chart: boolean;
  slices: Array<{ code: number | null; fill: string | null; d: string; folded: number[] }>;
  messages: Array<{ title: string; level: string | null; shown: boolean }>;
}

async function measure(): Promise<LayoutReport> {
  return page.evaluate((ids) => {
    const panel = document.querySelector<HTMLElement>(`[data-testid="${ids.panel}"]`);
    if (!panel) {
      throw new Error('no panel rendered');
    }
    const box = (element: Element | Range): Box => {
      const r = element.getBoundingClientRect();
      return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height };
    };
    const within = (inner: Box, outer: Box) =>
      inner.top >= outer.top - 1 &&
      inner.left >= outer.left - 1 &&
      inner.bottom <= outer.bottom + 1 &&
      inner.right <= outer.right + 1;
    const shown = (element: Element) => {
      const own = box(element);
      if (own.width === 0 || own.height === 0) {
        return false;
      }
      for (let parent = element.parentElement; parent && parent !== panel; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if ((style.overflowX !== 'visible' || style.overflowY !== 'visible') && !within(own, box(parent))) {
          return false;
        }
      }
      return within(own, box(panel));
    };
    const describe = (element: Element) =>
      `${element.getAttribute('data-testid') ?? element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 50)}"`;
    const codeOf = (element: Element, prefix: string) =>
      Number(element.getAttribute('data-testid')!.slice(prefix.length));

    const horizontalScroll: string[] = [];
    for (const element of [panel, ...Array.from(panel.querySelectorAll('*'))]) {
      if (!(element instanceof HTMLElement) || element.getClientRects().length === 0) {
        continue;
      }
      const style = getComputedStyle(element);
      if (
        element.scrollWidth > element.clientWidth + 1 &&
        (style.overflowX === 'auto' || style.overflowX === 'scroll')
      ) {
        horizontalScroll.push(describe(element));
      }
    }

    // Text cut off: a text's box runs past a parent that clips it without saying so. What a scroll container hides
    // can be scrolled to, what ends in an ellipsis or a clamped line says it goes on (its tooltip has it all): both
    // count as shown up to that parent's edge.
    const cutText: string[] = [];
    const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => ((node.textContent ?? '').trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      let text = box(range);
      if (text.width === 0 || text.height === 0 || node.parentElement?.closest('svg')) {
        continue;
      }
      for (let parent = node.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        const edge = box(parent);
        const pastX = text.left < edge.left - 1 || text.right > edge.right + 1;
        const pastY = text.top < edge.top - 1 || text.bottom > edge.bottom + 1;
        const clipsX = style.overflowX !== 'visible';
        const clipsY = style.overflowY !== 'visible';
        const saysSoX = style.overflowX === 'auto' || style.overflowX === 'scroll' || style.textOverflow === 'ellipsis';
        const saysSoY =
          style.overflowY === 'auto' ||
          style.overflowY === 'scroll' ||
          (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '');
        if ((clipsX && pastX && !saysSoX) || (clipsY && pastY && !saysSoY)) {
          cutText.push(`"${(node.textContent ?? '').trim().slice(0, 60)}" cut by ${describe(parent)}`);
          break;
        }
        if (clipsX || clipsY) {
          const left = clipsX ? Math.max(text.left, edge.left) : text.left;
          const right = clipsX ? Math.min(text.right, edge.right) : text.right;
          const top = clipsY ? Math.max(text.top, edge.top) : text.top;
          const bottom = clipsY ? Math.min(text.bottom, edge.bottom) : text.bottom;
          text = { left, right, top, bottom, width: right - left, height: bottom - top };
          if (text.width <= 0 || text.height <= 0) {
            break; // scrolled or folded out of view entirely: nothing cut
          }
        }
        if (parent === panel) {
          break;
        }
      }
    }

    const overlaps: string[] = [];
    const groups = [
      ...Array.from(panel.querySelectorAll('[data-testid^="sip-legend-row-"]')).filter(shown),
      ...Array.from(panel.querySelectorAll(`[data-testid="${ids.findings}"]`)),
    ];
    for (const group of groups) {
      const parts = Array.from(group.children).filter((part) => part.getClientRects().length > 0);
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j < parts.length; j++) {
          const a = box(parts[i]);
          const b = box(parts[j]);
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 1 && y > 1) {
            overlaps.push(`${describe(parts[i])} × ${describe(parts[j])} in ${describe(group)}`);
          }
        }
      }
    }

    const strip = panel.querySelector(`[data-testid="${ids.findings}"]`);
    const more = panel.querySelector(`[data-testid="${ids.findingsMore}"]`);
    const legend = panel.querySelector(`[data-testid="${ids.legend}"]`);
    return {
      sizeClass: panel.getAttribute('data-size-class'),
      scale: Number(panel.getAttribute('data-scale')),
      legendVariant: legend?.getAttribute('data-variant') ?? null,
      panel: box(panel),
      content: box(panel.firstElementChild ?? panel),
      root: {
        scrollWidth: panel.scrollWidth,
        clientWidth: panel.clientWidth,
        scrollHeight: panel.scrollHeight,
        clientHeight: panel.clientHeight,
      },
      horizontalScroll,
      cutText,
      overlaps,
      rows: Array.from(panel.querySelectorAll('[data-testid^="sip-legend-row-"]')).map((row) => ({
        code: codeOf(row, 'sip-legend-row-'),
        shown: shown(row),
        color: row.querySelector('[data-color]')?.getAttribute('data-color') ?? null,
      })),
      strip: {
        present: strip !== null,
        count: strip?.hasAttribute('data-count') ? Number(strip.getAttribute('data-count')) : null,
        calm: /no code needs follow-up/i.test(strip?.textContent ?? ''),
        chips: Array.from(strip?.querySelectorAll('[data-testid^="sip-finding-"]') ?? [])
          .filter((chip) => !chip.closest(`[data-testid="${ids.findingsOverflow}"]`))
          .map((chip) => ({ code: codeOf(chip, 'sip-finding-'), shown: shown(chip) })),
        more: more ? { text: (more.textContent ?? '').trim(), shown: shown(more) } : null,
      },
      chart: panel.querySelector(`[data-testid="${ids.chart}"]`) !== null,
      slices: Array.from(panel.querySelectorAll(`[data-testid^="sip-slice-"], [data-testid="${ids.otherSlice}"]`)).map(
        (slice) => ({
          code: slice.getAttribute('data-testid') === ids.otherSlice ? null : codeOf(slice, 'sip-slice-'),
          fill: slice.getAttribute('fill'),
          d: slice.getAttribute('d') ?? '',
          folded: (slice.getAttribute('data-folded') ?? '').split(' ').filter(Boolean).map(Number),
        })
      ),
      messages: Array.from(panel.querySelectorAll(`[data-testid="${ids.message}"]`)).map((message) => {
        // The title is the message's first words: measure that text itself, wherever the message puts it.
        const walker = document.createTreeWalker(message, NodeFilter.SHOW_TEXT, {
          // Skips the one-character level marks ("!", "i", "×") of folded messages.
          acceptNode: (node) =>
            (node.textContent ?? '').trim().length > 1 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
        });
        const first = walker.nextNode();
        let titleShown = false;
        if (first && first.parentElement) {
          const range = document.createRange();
          range.selectNodeContents(first);
          const own = range.getBoundingClientRect();
          titleShown = own.width > 0;
          for (let parent: Element | null = first.parentElement; parent && titleShown; parent = parent.parentElement) {
            const style = getComputedStyle(parent);
            if (style.overflowX !== 'visible' || style.overflowY !== 'visible' || parent === panel) {
              titleShown = within(own, box(parent));
            }
            if (parent === panel) {
              break;
            }
          }
        }
        return {
          title: (first?.textContent ?? '').trim(),
          level: message.getAttribute('data-level'),
          shown: titleShown,
        };
      }),
    };
  }, IDS);
}

describe.each(THEMES)('%s theme', (theme) => {
  describe.each(DATA_SETS.map((data) => [data.name, data] as const))('%s', (name, data) => {
    const expected = expectationsOf(data);

    describe.each(SIZES.map((size) => [sizeName(size), size] as const))('%s', (label, size) => {
      let report: LayoutReport;
      const tiny = size.width === 400;

      beforeAll(async () => {
        await render(data, size, theme);
        report = await measure();
        await screenshot(page, `sizes-${name}-${label}-${theme}`);
      });

      test('keeps the test ids of its size class: panel, findings, legend rows and slices', () => {
        // 400×250 is the findings and a one-line list; the wallboard draws text and marks 1.5 times larger.
        if (tiny) {
          expect(report.sizeClass).toBe('tiny');
        } else {
          expect(['small', 'medium', 'large']).toContain(report.sizeClass);
        }
        expect(report.scale).toBe(size.width === 1800 ? 1.5 : 1);

        // One legend row per code, in the one-line list too.
        expect(report.rows.map((row) => row.code).sort()).toEqual([...expected.codes].sort());
        if (tiny && expected.codes.length > 0) {
          expect(report.legendVariant).toBe('list');
        }

        // A chart wherever one is drawn: every code with calls is its own slice or folded into "Other".
        expect(report.chart).toBe(!tiny && expected.codes.length > 0);
        const own = report.slices.filter((slice) => slice.code !== null).map((slice) => slice.code!);
        const folded = report.slices.flatMap((slice) => (slice.code === null ? slice.folded : []));
        if (report.chart) {
          expect([...own, ...folded].sort()).toEqual([...expected.codes].sort());
          expect(report.slices.filter((slice) => slice.code === null).length).toBe(folded.length > 0 ? 1 : 0);
        } else {
          expect(report.slices).toEqual([]);
        }

        // Findings: every one in the strip, or counted by a "+N more" control.
        if (expected.total === 0) {
          expect(report.strip.present).toBe(false);
        } else {
          expect(report.strip.count).toBe(expected.findings.length);
          expect(report.strip.calm).toBe(expected.findings.length === 0);
          const inStrip = report.strip.chips.map((chip) => chip.code);
          for (const code of inStrip) {
            expect(expected.findings.map((finding) => finding.code)).toContain(code);
          }
          const folded = expected.findings.length - inStrip.length;
          if (folded > 0) {
            expect(report.strip.more?.text).toMatch(new RegExp(`\\+${folded}\\b.*more|\\+${folded}\\b`));
          } else {
            expect(report.strip.more).toBeNull();
          }
        }
      });

      test('its content fits its box: nothing cut off, overlapping or scrolling sideways', () => {
        expect(report.content.width).toBeCloseTo(size.width, 0);
        expect(report.content.height).toBeCloseTo(size.height, 0);
        expect(report.root.scrollWidth).toBeLessThanOrEqual(report.root.clientWidth);
        expect(report.root.scrollHeight).toBeLessThanOrEqual(report.root.clientHeight);
        expect(report.horizontalScroll).toEqual([]);
        expect(report.cutText).toEqual([]);
        expect(report.overlaps).toEqual([]);
        // The strip's chips and its "+N more" control are whole: a finding cut in half is a finding lost.
        expect(report.strip.chips.filter((chip) => !chip.shown).map((chip) => chip.code)).toEqual([]);
        if (report.strip.more) {
          expect(report.strip.more.shown).toBe(true);
        }
        if (expected.total === 0) {
          // No calls is a warning to look into, in words, visible in the panel.
          expect(report.messages).toEqual(
            expect.arrayContaining([
              expect.objectContaining({
                title: expect.stringContaining('No calls in this range'),
                level: 'warning',
                shown: true,
              }),
            ])
          );
        }
      });

      test(`shows at least ${size.minRows} legend rows without scrolling`, () => {
        const shown = report.rows.filter((row) => row.shown).length;
        expect(shown).toBeGreaterThanOrEqual(Math.min(size.minRows, expected.codes.length));
      });

      if (!tiny && expected.dominant) {
        test('draws the dominant code within 5 points of its true share, in its legend colour', () => {
          const dominant = expected.dominant!;
          const slice = report.slices.find((entry) => entry.code === dominant.code);
          expect(slice).toBeDefined();
          const truth = (dominant.count * 100) / expected.total;
          expect(Math.abs(drawnSharePercent(slice!.d) - truth)).toBeLessThanOrEqual(5);
          const drawn = report.slices.reduce((sum, entry) => sum + drawnSharePercent(entry.d), 0);
          expect(drawn).toBeGreaterThan(97);
          expect(drawn).toBeLessThanOrEqual(100.5);
          for (const entry of report.slices.filter((own) => own.code !== null)) {
            expect(entry.fill).toBe(report.rows.find((row) => row.code === entry.code)?.color);
          }
        });
      }

      if (expected.findings.length > 0) {
        test('every finding is reachable: in the strip, or behind "+N more" inside the panel', async () => {
          const inStrip = new Set(report.strip.chips.filter((chip) => chip.shown).map((chip) => chip.code));
          const behind = expected.findings.map((finding) => finding.code).filter((code) => !inStrip.has(code));
          if (behind.length === 0) {
            return;
          }
          await page.getByTestId(TEST_IDS.findingsMore).click();
          const list = page.getByTestId(TEST_IDS.findingsOverflow);
          await list.waitFor();
          const reachable = await list.evaluate((element, ids) => {
            const panel = element.closest(`[data-testid="${ids.panel}"]`)!.getBoundingClientRect();
            const inside = (r: DOMRect, outer: DOMRect) =>
              r.height > 0 &&
              r.top >= outer.top - 1 &&
              r.bottom <= outer.bottom + 1 &&
              r.left >= outer.left - 1 &&
              r.right <= outer.right + 1;
            const result: Record<number, boolean> = {};
            for (const item of Array.from(element.querySelectorAll('[data-testid^="sip-finding-"]'))) {
              // Scroll the list itself (never the panel) to the item, as a user scrolls it.
              const itemBox = item.getBoundingClientRect();
              const listBox = element.getBoundingClientRect();
              element.scrollTop += itemBox.top - listBox.top - 4;
              const now = item.getBoundingClientRect();
              result[Number(item.getAttribute('data-testid')!.slice('sip-finding-'.length))] =
                inside(now, element.getBoundingClientRect()) && inside(now, panel);
            }
            element.scrollTop = 0;
            return result;
          }, IDS);
          await screenshot(page, `sizes-${name}-${label}-${theme}-more`);
          for (const code of behind) {
            expect({ code, reachable: reachable[code] ?? false }).toEqual({ code, reachable: true });
          }
          // The last one still opens its guidance.
          const last = behind[behind.length - 1];
          await list.getByTestId(TEST_IDS.finding(last)).click();
          await expect(page.getByTestId(TEST_IDS.guidance).getAttribute('data-code')).resolves.toBe(String(last));
        });
      }
    });
  });

  test('the same code has the same colour in every data set and size', async () => {
    const colours = new Map<number, Set<string>>();
    const seenIn = new Map<number, Set<string>>();
    for (const data of DATA_SETS.filter((set) => Object.keys(set.totals).length > 0)) {
      for (const size of [SIZES[2], SIZES[4]]) {
        await render(data, size, theme);
        const report = await measure();
        const add = (code: number, colour: string | null) => {
          colours.set(code, (colours.get(code) ?? new Set()).add(String(colour)));
          seenIn.set(code, (seenIn.get(code) ?? new Set()).add(data.name));
        };
        report.rows.forEach((row) => add(row.code, row.color));
        report.slices.forEach((slice) => slice.code !== null && add(slice.code, slice.fill));
      }
    }
    const shared = [...seenIn.entries()].filter(([, sets]) => sets.size >= 2).map(([code]) => code);
    // 200, 486, 487, 480, 404, 408 and more appear in several data sets.
    expect(shared.length).toBeGreaterThanOrEqual(6);
    for (const code of [...colours.keys()]) {
      expect({ code, colours: [...colours.get(code)!] }).toEqual({ code, colours: [expect.stringMatching(/^#|^rgb/)] });
    }
  });
});

test('a live theme change (Grafana\'s "c t") keeps the legend\'s layout for the size', async () => {
  // Grafana switches theme without a reload: the panel re-renders with the other theme's styles.
  const layouts: Record<string, { columns: number; scrolls: boolean }> = {};
  for (const theme of ['dark', 'light', 'dark'] as const) {
    await render(realistic(), SIZES[2], theme);
    const layout = await page.getByTestId(TEST_IDS.legendRow(200)).evaluate((row) => {
      const area = row.closest('[data-testid="sip-legend"]')!.parentElement!;
      return {
        columns: getComputedStyle(row).gridTemplateColumns.split(' ').length,
        scrolls: area.scrollWidth > area.clientWidth + 1,
      };
    });
    layouts[theme] = layouts[theme] ?? layout;
    expect({ theme, ...layout }).toEqual({ theme, ...layouts.dark, scrolls: false });
  }
});

describe('keyboard (dark theme, realistic data)', () => {
  const theme = 'dark';
  test.each(SIZES.map((size) => [sizeName(size), size] as const))(
    'Tab moves findings → chart → legend, one stop each, at %s',
    async (label, size) => {
      await render(realistic(), size, theme);
      const chart = size.width !== 400;
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const stops: string[] = [];
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        const group = await page.evaluate((ids) => {
          const active = document.activeElement as (Element & { __tabbed?: boolean }) | null;
          if (!active || !active.closest(`[data-testid="${ids.panel}"]`)) {
            return 'outside';
          }
          // Past the last stop, the browser may wrap round to the first: the path ends there.
          if (active.__tabbed) {
            return 'outside';
          }
          active.__tabbed = true;
          for (const [name, id] of [
            ['findings', ids.findings],
            ['chart', ids.chart],
            ['legend', ids.legend],
          ]) {
            if (active.closest(`[data-testid="${id}"]`)) {
              return name;
            }
          }
          return active.getAttribute('data-testid') ?? active.tagName.toLowerCase();
        }, IDS);
        if (group === 'outside') {
          break;
        }
        stops.push(group);
      }
      expect(stops).toEqual(chart ? ['findings', 'chart', 'legend'] : ['findings', 'legend']);
    }
  );

  test('arrow keys move inside each group, and the group remembers where they stopped', async () => {
    const data = realistic();
    await render(data, SIZES[2], theme);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    const expected = expectationsOf(data);

    // Legend: rows in legend order.
    const rows = await page
      .locator('[data-testid^="sip-legend-row-"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
    await page.getByTestId(TEST_IDS.legendRow(Number(rows[0]!.split('-').pop()))).focus();
    await page.keyboard.press('ArrowDown');
    await expect(focused()).resolves.toBe(rows[1]);
    await page.keyboard.press('End');
    await expect(focused()).resolves.toBe(rows[rows.length - 1]);
    await page.keyboard.press('Home');
    await expect(focused()).resolves.toBe(rows[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe(rows[1]);

    // Findings: the next finding (or the "+N more" control) in the strip.
    const items = await page
      .getByTestId(TEST_IDS.findings)
      .locator('[data-roving-item]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
    expect(items.length).toBeGreaterThanOrEqual(Math.min(2, expected.findings.length));
    await page.locator(`[data-testid="${items[0]}"]`).focus();
    await page.keyboard.press('ArrowRight');
    await expect(focused()).resolves.toBe(items[1]);

    // Chart: the next slice.
    const slices = await page
      .getByTestId(TEST_IDS.chart)
      .locator('[data-testid^="sip-slice-"], [data-testid="sip-other-slice"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
    await page.locator(`[data-testid="${slices[0]}"]`).focus();
    await page.keyboard.press('ArrowRight');
    await expect(focused()).resolves.toBe(slices[1]);
  });
});
