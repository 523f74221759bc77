/**
 * render-update-*: in headless Chromium, updates of the real panel vs a floor in the same page: the same arcs drawn
 * by the same library (d3-shape, through the harness's `renderBarePie`) plus a plain HTML table holding the legend's
 * rows and texts (code, reason, calls, share, severity, meaning, action), its cells written only where the text
 * changed. Each update alternates between two data sets and is timed inside the page from the render call until
 * React has committed and the browser has laid the page out (a forced layout read), for both sides alike.
 */
import type { DataFrameJSON } from '@grafana/data';
import { openHarness, HarnessSession } from '../tests/browser/browser';
import { realisticTimeseries } from '../tests/browser/realistic';
import { grafanaData } from '../tests/testing/grafanaInNode';
import { assessDistribution, formatSharePercent, normalizeFrames, policyFor, SEVERITY_RANK } from '../src/core';
import { BenchResult, compare, median, round } from './measure';

const SEVERITY_WORD = { immediate: 'Immediate', track: 'Track', normal: 'Normal' } as const;

/** One data set as the panel gets it, and the same rows as the floor draws them. */
interface UpdateData {
  frames: DataFrameJSON[];
  extras: { timeRange?: { from: number; to: number } };
  /** Calls per legend row, in legend order (the pie's arcs). */
  values: number[];
  /** The legend's texts per row. */
  rows: string[][];
}

/** The legend's rows and texts, computed by the same core the panel uses: most urgent first, then most calls. */
function legendRows(frames: DataFrameJSON[]): { values: number[]; rows: string[][] } {
  const distribution = normalizeFrames(frames.map((frame) => grafanaData.dataFrameFromJSON(frame)));
  const findings = new Map(assessDistribution(distribution).findings.map((finding) => [finding.code, finding]));
  const entries = distribution.codes.map(({ code, count }) => {
    const policy = policyFor(code);
    const severity = findings.get(code)?.severity ?? policy.severity;
    return { code, count, policy, severity, share: (count * 100) / distribution.total };
  });
  entries.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count || a.code - b.code);
  return {
    values: entries.map((entry) => entry.count),
    rows: entries.map((entry) => [
      String(entry.code),
      entry.policy.reason,
      entry.count.toLocaleString('en-US'),
      formatSharePercent(entry.share),
      SEVERITY_WORD[entry.severity],
      entry.policy.guidance.meaning,
      entry.policy.guidance.action,
    ]),
  };
}

function updateData(frames: DataFrameJSON[], extras: UpdateData['extras'] = {}): UpdateData {
  return { frames, extras, ...legendRows(frames) };
}

const CODES_60 = Array.from({ length: 60 }, (_, i) => (i === 0 ? 200 : 400 + i));

function termsFrame(counts: number[]): DataFrameJSON {
  return {
    schema: {
      refId: 'A',
      fields: [
        { name: 'sip_status', type: 'number', config: { filterable: true } },
        { name: 'Count', type: 'number' },
      ],
    },
    data: { values: [CODES_60, counts] },
  } as DataFrameJSON;
}

/**
 * The code run in the page, as text: tsx (esbuild keepNames) would wrap functions written here in a helper the
 * page lacks. Returns per-update times of the panel and of the floor, in two interleaved blocks each.
 */
const PAGE_SCRIPT = `async ({ a, b, rounds, blocks }) => {
  const size = { width: 900, height: 520 };
  const layout = () => document.body.offsetHeight;
  const panel = [];
  const floor = [];
  const panelCommit = [];
  const floorCommit = [];
  let table;
  const drawTable = (rows) => {
    const body = table.tBodies[0];
    while (body.rows.length > rows.length) body.deleteRow(-1);
    while (body.rows.length < rows.length) {
      const tr = body.insertRow();
      for (let c = 0; c < 7; c++) tr.insertCell();
    }
    for (let r = 0; r < rows.length; r++) {
      const cells = body.rows[r].cells;
      for (let c = 0; c < 7; c++) {
        if (cells[c].textContent !== rows[r][c]) cells[c].textContent = rows[r][c];
      }
    }
  };
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < rounds; i++) {
      const data = i % 2 ? b : a;
      const start = performance.now();
      await window.renderPanel(data.frames, {}, size, data.extras);
      panelCommit.push(performance.now() - start);
      layout();
      panel.push(performance.now() - start);
    }
    table = document.createElement('table');
    table.style.width = size.width + 'px';
    table.createTHead().insertRow().append(...['Code', 'Reason', 'Calls', 'Share', 'Severity', 'Meaning', 'Action'].map((h) => {
      const th = document.createElement('th');
      th.textContent = h;
      return th;
    }));
    table.createTBody();
    document.body.appendChild(table);
    for (let i = 0; i < rounds; i++) {
      const data = i % 2 ? b : a;
      const start = performance.now();
      await window.renderBarePie(data.values, size);
      drawTable(data.rows);
      floorCommit.push(performance.now() - start);
      layout();
      floor.push(performance.now() - start);
    }
    table.remove();
  }
  return { panel, floor, panelCommit, floorCommit };
}`;

const FLOOR = 'd3-shape pie + HTML table of the same rows and texts, same page';

/** Median of steady-state updates: the first few of each block mount and warm up. */
function steady(times: number[], rounds: number, skip = 5): number {
  const kept: number[] = [];
  for (let i = 0; i < times.length; i++) {
    if (i % rounds >= skip) {
      kept.push(times[i]);
    }
  }
  return median(kept);
}

async function timeUpdates(session: HarnessSession, name: string, a: UpdateData, b: UpdateData, goal: string) {
  const rounds = 30;
  const blocks = 2;
  const timings = (await session.page.evaluate(
    `(${PAGE_SCRIPT})(${JSON.stringify({ a, b, rounds, blocks })})`
  )) as Record<'panel' | 'floor' | 'panelCommit' | 'floorCommit', number[]>;
  const result = compare(name, steady(timings.panel, rounds), FLOOR, steady(timings.floor, rounds), goal);
  const split = (total: number[], commit: number[]) => {
    const script = steady(commit, rounds);
    return `${round(script)} ms to commit + ${round(steady(total, rounds) - script)} ms style and layout`;
  };
  result.note =
    `${a.rows.length} and ${b.rows.length} codes; panel ${split(timings.panel, timings.panelCommit)}, ` +
    `floor ${split(timings.floor, timings.floorCommit)}`;
  return result;
}

export async function benchRender(): Promise<BenchResult[]> {
  const session = await openHarness();
  try {
    const results: BenchResult[] = [];
    // The NOC dashboard's data two refreshes apart: the seeder's traffic, Terms × Date Histogram of 5 min over 6 h.
    const first = realisticTimeseries(6, 5 * 60_000, 7);
    const second = realisticTimeseries(6, 5 * 60_000, 8);
    results.push(
      await timeUpdates(
        session,
        'render-update-realistic',
        updateData(first.frames, { timeRange: first.timeRange }),
        updateData(second.frames, { timeRange: second.timeRange }),
        'ratio <= 2'
      )
    );
    const countsA = CODES_60.map((_, i) => (i === 0 ? 5000 : 10 + ((i * 37) % 90)));
    const countsB = countsA.map((count, i) => count + (i % 3) * 5);
    results.push(
      await timeUpdates(
        session,
        'render-update-60',
        updateData([termsFrame(countsA)]),
        updateData([termsFrame(countsB)]),
        'ratio <= 3'
      )
    );
    if (session.pageErrors.length > 0) {
      throw new Error(`the page reported errors: ${session.pageErrors.join('; ')}`);
    }
    return results;
  } finally {
    await session.close();
  }
}
