/**
 * Opens the Scenes dashboard host (harness/scenes/dist) in Debian's Chromium, with the production build served where
 * Grafana serves a plugin: public/plugins/<id>/ (its webpack public path is derived from there, so the lazy chunks
 * load as in Grafana).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, BrowserContext, Page } from 'playwright-core';
import '../../support/grafanaInNode';
import { dataFrameToJSON, type DataFrame, type DataFrameJSON } from '@grafana/data';
import pluginJson from '../../../src/plugin.json';
import { CHROMIUM_PATH, PLUGIN_DIST_DIR, REPO_ROOT, SCREENSHOT_DIR, serveStatic } from '../browser';

export const SCENES_HOST_DIR = path.join(REPO_ROOT, 'harness/scenes/dist');

// The flags of tests/browser/browser.ts: no sandbox (containers), no GPU, nothing that reaches the network.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface DashboardSession {
  context: BrowserContext;
  page: Page;
  /** Errors the page threw, for assertions. */
  pageErrors: string[];
  close: () => Promise<void>;
}

export async function openDashboardHost(): Promise<DashboardSession> {
  if (!fs.existsSync(path.join(SCENES_HOST_DIR, 'host.js'))) {
    throw new Error('harness/scenes/dist is missing: node scripts/run-tests.mjs --only scenes:install,scenes:build');
  }
  if (!fs.existsSync(path.join(PLUGIN_DIST_DIR, 'module.js'))) {
    throw new Error(`${PLUGIN_DIST_DIR}/module.js is missing: run \`npm run build\` first`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium)`);
  }
  const server = await serveStatic(SCENES_HOST_DIR, { [`/public/plugins/${pluginJson.id}/`]: PLUGIN_DIST_DIR });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipcodes-scenes-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1100, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.waitForFunction(() => typeof window.scenesHost === 'object');
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Frames in the wire form /api/ds/query sends them. */
export function wireFrames(frames: DataFrame[]): DataFrameJSON[] {
  return frames.map((frame) => dataFrameToJSON(frame));
}

/** The version the build put in dist/plugin.json: a panel saved with it needs no migration by version. */
export function builtPluginVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(PLUGIN_DIST_DIR, 'plugin.json'), 'utf8')).info.version;
}

/** The React of the dependency set the host was built with (the repository's, or the React 19 copy's). */
export function projectReactVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules/react/package.json'), 'utf8')).version;
}

export async function screenshotDashboard(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.locator('#dashboard-frame').screenshot({ path: file });
  return file;
}
