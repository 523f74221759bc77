/**
 * Opens the Scenes dashboard host (harness/scenes/dist) in Debian's Chromium, with the production build served where
 * Grafana serves a plugin: public/plugins/<id>/ (its webpack public path is derived from there, so the lazy chunks
 * load as in Grafana).
 */
import fs from 'fs';
import path from 'path';
import '../../testing/grafanaInNode';
import { dataFrameToJSON, type DataFrame, type DataFrameJSON } from '@grafana/data';
import pluginJson from '../../../src/plugin.json';
import { HarnessSession, openPage, PLUGIN_DIST_DIR, REPO_ROOT, SCREENSHOT_DIR } from '../browser';
import type { Page } from 'playwright-core';

export const SCENES_HOST_DIR = path.join(REPO_ROOT, 'harness/scenes/dist');

/** A browser page on the Scenes dashboard host. */
export type DashboardSession = HarnessSession;

export async function openDashboardHost(): Promise<DashboardSession> {
  if (!fs.existsSync(path.join(SCENES_HOST_DIR, 'host.js'))) {
    throw new Error('harness/scenes/dist is missing: node scripts/run-tests.mjs --only scenes:install,scenes:build');
  }
  if (!fs.existsSync(path.join(PLUGIN_DIST_DIR, 'module.js'))) {
    throw new Error(`${PLUGIN_DIST_DIR}/module.js is missing: run \`npm run build\` first`);
  }
  return openPage({
    dir: SCENES_HOST_DIR,
    mounts: { [`/public/plugins/${pluginJson.id}/`]: PLUGIN_DIST_DIR },
    viewport: { width: 1100, height: 900 },
    ready: () => typeof window.scenesHost === 'object',
  });
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
