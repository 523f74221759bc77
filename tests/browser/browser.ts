/**
 * Shared plumbing for the headless-Chromium tests and benchmarks: a static server for harness/dist on loopback,
 * Debian's chromium driven by playwright-core (never a downloaded browser), and screenshot paths.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, BrowserContext, Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const HARNESS_DIR = path.join(REPO_ROOT, 'harness/dist');
/** The production build under test (`npm run build`); the React 19 run points it at the main copy's dist/. */
export const PLUGIN_DIST_DIR = process.env.PLUGIN_DIST_DIR ?? path.join(REPO_ROOT, 'dist');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results/screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves `dir` at `/`, and each of `mounts` (URL prefix → folder) below it. */
export function serveStatic(dir: string, mounts: Record<string, string> = {}): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    const base = mount ? mounts[mount] : dir;
    const relative = mount ? pathname.slice(mount.length) : pathname;
    const file = path.join(base, relative === '/' || relative === '' ? 'index.html' : relative);
    if (!file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

export interface HarnessSession {
  context: BrowserContext;
  page: Page;
  /** Errors the page logged or threw, for assertions. */
  pageErrors: string[];
  close: () => Promise<void>;
}

export interface PageOptions {
  /** Folder served at `/`, and URL prefix → folder for the rest. */
  dir: string;
  mounts?: Record<string, string>;
  viewport: { width: number; height: number };
  /** Resolves once the page's own script is ready (evaluated in the page). */
  ready: () => boolean;
}

/** Serves a page on loopback and opens it in Debian's chromium with a fresh profile and the flags above. */
export async function openPage(options: PageOptions): Promise<HarnessSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium)`);
  }
  const server = await serveStatic(options.dir, options.mounts);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipcodes-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.waitForFunction(options.ready);
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

/** Starts chromium with a fresh profile and opens the harness page. */
export async function openHarness(): Promise<HarnessSession> {
  if (!fs.existsSync(path.join(HARNESS_DIR, 'harness.js'))) {
    throw new Error('harness/dist is missing: run `npm run build:harness` first');
  }
  return openPage({
    dir: HARNESS_DIR,
    mounts: { '/dist-plugin/': PLUGIN_DIST_DIR },
    viewport: { width: 1000, height: 800 },
    ready: () => typeof window.renderPanel === 'function',
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.locator('#panel-frame').screenshot({ path: file });
  return file;
}
