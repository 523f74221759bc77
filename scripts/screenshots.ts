/**
 * `npm run screenshots`: the README's and the plugin catalog's screenshots, taken from the real panel in headless
 * Chromium over the seeder's realistic traffic (needs `npm run build:harness`).
 */
import fs from 'fs';
import path from 'path';
import { openHarness, REPO_ROOT } from '../tests/browser/browser';
import { realisticTimeseries } from '../tests/browser/realistic';
import { TEST_IDS } from '../src/constants/testIds';

const OUT_DIR = path.join(REPO_ROOT, 'src/img/screenshots');
const SIZE = { width: 1100, height: 600 };

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const data = realisticTimeseries();
  const session = await openHarness();
  const { page } = session;
  await page.setViewportSize({ width: SIZE.width + 40, height: SIZE.height + 40 });
  const render = (theme: 'dark' | 'light', options: object = {}) =>
    page.evaluate(
      ({ frames, timeRange, theme, options, size }) =>
        window.renderPanel(
          frames,
          { codeField: 'sip_status', traceUrlTemplate: 'http://homer.example/search?status=${code}&from=${__from}&to=${__to}', ...options },
          size,
          { theme, timeRange, targets: [{ refId: 'A', datasource: { type: 'elasticsearch', uid: 'voice-calls' } }] }
        ),
      { frames: data.frames, timeRange: data.timeRange, theme, options, size: SIZE }
    );
  const shoot = async (name: string) => {
    const file = path.join(OUT_DIR, name);
    await page.locator('#panel-frame').screenshot({ path: file });
    console.log(path.relative(REPO_ROOT, file));
  };
  try {
    await render('dark');
    await shoot('panel-dark.png');
    await page.getByTestId(TEST_IDS.legendRow(503)).click();
    await shoot('guidance-dark.png');
    await page.keyboard.press('Escape');
    await render('light', { view: 'bar' });
    await shoot('bars-light.png');
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
