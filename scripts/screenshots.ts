/**
 * `npm run screenshots`: the README's and the plugin catalog's screenshots, taken from the real panel in headless
 * Chromium (needs `npm run build:harness`). The data is what the NOC dashboard's own queries return over the
 * seeder's traffic (distribution, recent failed calls and breakdowns), with the dashboard's panel options.
 */
import fs from 'fs';
import path from 'path';
// Loaded first: @grafana/data needs a window when it loads.
import { grafanaData } from '../tests/testing/grafanaInNode';
import { openHarness, REPO_ROOT } from '../tests/browser/browser';
import { TEST_IDS } from '../src/constants/testIds';
import { buildScenario } from '../tools/seed';
import { callRecordsBetween, dashboardFrames } from '../tools/seed/testing/dashboardFrames';

const OUT_DIR = path.join(REPO_ROOT, 'src/img/screenshots');
const HOUR_MS = 3_600_000;
// The stack's default seed, on a weekday afternoon, over the dashboard's default six hours.
const ANCHOR = Date.UTC(2026, 10, 25, 14, 0);

interface DashboardPanel {
  type: string;
  targets: Array<Record<string, unknown>>;
  options: Record<string, unknown>;
}

function dashboardPanel(): DashboardPanel {
  const dashboard = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'provisioning/dashboards/noc/sip-noc.json'), 'utf8')
  );
  const pluginId = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'src/plugin.json'), 'utf8')).id;
  return dashboard.panels.find((panel: DashboardPanel) => panel.type === pluginId);
}

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const panel = dashboardPanel();
  const scenario = buildScenario({ seed: 42, anchorMs: ANCHOR, days: 1, peakPerMinute: 20, utcOffsetHours: 0 });
  const range = { from: ANCHOR - 6 * HOUR_MS, to: ANCHOR, stepMs: 60_000 };
  const frames = dashboardFrames(panel.targets, callRecordsBetween(scenario, range.from, range.to), range).map(
    (frame) => grafanaData.dataFrameToJSON(frame)
  );
  const session = await openHarness();
  const { page } = session;
  await page.setViewportSize({ width: 1900, height: 1000 });
  const render = (theme: 'dark' | 'light', size: { width: number; height: number }, options: object = {}) =>
    page.evaluate(
      ({ frames, targets, timeRange, theme, options, size }) =>
        window.renderPanel(frames, options, size, { theme, timeRange, targets }),
      {
        frames,
        targets: panel.targets,
        timeRange: { from: range.from, to: range.to },
        theme,
        options: { ...panel.options, ...options },
        size,
      }
    );
  const shoot = async (name: string) => {
    const file = path.join(OUT_DIR, name);
    await page.locator('#panel-frame').screenshot({ path: file });
    console.log(path.relative(REPO_ROOT, file));
  };
  try {
    await render('dark', { width: 1200, height: 600 });
    await shoot('panel-dark.png');
    await page.getByTestId(TEST_IDS.legendRow(503)).click();
    await page.getByTestId(TEST_IDS.guidance).waitFor();
    await shoot('guidance-dark.png');
    await page.keyboard.press('Escape');
    await render('light', { width: 800, height: 400 }, { view: 'bar' });
    await shoot('bars-light.png');
    await render('dark', { width: 400, height: 250 });
    await shoot('small-dark.png');
    await render('light', { width: 1800, height: 900 });
    await shoot('wallboard-light.png');
    if (session.pageErrors.length > 0) {
      throw new Error(`page errors: ${session.pageErrors.join('; ')}`);
    }
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
