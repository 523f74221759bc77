/**
 * render-update-60: in headless Chromium, re-render the real panel with 60 codes vs a bare SVG pie of the same 60 arcs
 * drawn by the same arc library (d3-shape) in the same page. Each figure is the median of timed updates that alternate
 * between two data sets, measured inside the page from the render call until React has committed and a frame passed.
 */
import type { DataFrameJSON } from '@grafana/data';
import { openHarness } from '../tests/browser/browser';
import { BenchResult, compare, median } from './measure';

const CODES = Array.from({ length: 60 }, (_, i) => (i === 0 ? 200 : 400 + i));

function termsFrame(counts: number[]): DataFrameJSON {
  return {
    schema: {
      refId: 'A',
      fields: [
        { name: 'sip_status', type: 'number', config: { filterable: true } },
        { name: 'Count', type: 'number' },
      ],
    },
    data: { values: [CODES, counts] },
  } as DataFrameJSON;
}

export async function benchRender(): Promise<BenchResult> {
  const session = await openHarness();
  try {
    const countsA = CODES.map((_, i) => (i === 0 ? 5000 : 10 + ((i * 37) % 90)));
    const countsB = countsA.map((count, i) => count + (i % 3) * 5);
    const rounds = 30;
    // No named functions inside the page code: tsx (esbuild keepNames) would wrap them in a helper the page lacks.
    const timings = await session.page.evaluate(
      async ({ a, b, rounds }) => {
        const panel: number[] = [];
        const bare: number[] = [];
        const size = { width: 900, height: 520 };
        for (let i = 0; i < rounds; i++) {
          const start = performance.now();
          await window.renderPanel([i % 2 ? b.frame : a.frame], {}, size);
          panel.push(performance.now() - start);
        }
        for (let i = 0; i < rounds; i++) {
          const start = performance.now();
          await window.renderBarePie(i % 2 ? b.values : a.values, size);
          bare.push(performance.now() - start);
        }
        return { panel, bare };
      },
      { a: { frame: termsFrame(countsA), values: countsA }, b: { frame: termsFrame(countsB), values: countsB }, rounds }
    );
    // The first renders mount and warm up; compare steady-state updates.
    return compare('render-update-60', median(timings.panel.slice(5)), 'bare d3-shape SVG pie, same page', median(timings.bare.slice(5)), 'ratio <= 2');
  } finally {
    await session.close();
  }
}
