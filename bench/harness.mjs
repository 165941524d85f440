/** What the benchmarks run in: the built files, a dev server on a free port, headless Chromium. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const BUILT_FILES = ['dist/sync-notify-button.js', 'dist/sync-notify-sw.js', 'lib/page/outbox.js', 'lib/shared/protocol.js'];
const NETWORK_ONLINE = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const NETWORK_OFFLINE = { ...NETWORK_ONLINE, offline: true };

/** A fresh clone has no dist/ or lib/: build them as `npm run build` would. */
export function ensureBuilt() {
  if (BUILT_FILES.every((file) => existsSync(new URL(`../${file}`, import.meta.url)))) return false;
  console.log('dist/ or lib/ missing: running npm run build…');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  return true;
}

/** Cross-origin isolation refines performance.now() from 100 µs to 5 µs steps in Chromium. */
async function crossOriginIsolate(context, next) {
  await next();
  context.set('Cross-Origin-Opener-Policy', 'same-origin');
  context.set('Cross-Origin-Embedder-Policy', 'require-corp');
}

/** Serves the repository root; without a port, the dev server picks a free one from 8000 up. */
export async function startServer() {
  const server = await startDevServer({
    config: { rootDir: ROOT, hostname: 'localhost', nodeResolve: false, watch: false, middleware: [crossOriginIsolate] },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  return { origin: `http://localhost:${server.config.port}`, stop: () => server.stop() };
}

/** Headless Chromium with `permissions` granted to `origin` (and every other permission denied). */
export async function launchChromium(origin, permissions = ['notifications', 'background-sync']) {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  await browser.defaultBrowserContext().overridePermissions(origin, permissions);
  return browser;
}

/** Opens `path` and waits for its bench script to say it is ready. */
export async function openBenchPage(browser, origin, path) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error (${path}): ${error.message}`));
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => window.benchReady, { timeout: 30_000, polling: 50 });
  return page;
}

export async function serviceWorkerSession(browser) {
  const target = await browser.waitForTarget((candidate) => candidate.type() === 'service_worker', { timeout: 30_000 });
  const cdp = await target.createCDPSession();
  await cdp.send('Network.enable');
  return cdp;
}

/**
 * Offline for both the page and the worker: page emulation alone does not defer a sync
 * (see /work/shared/reference/browser-testing.md).
 */
export async function setOffline(page, workerCdp, offline) {
  const pageCdp = await page.createCDPSession();
  await pageCdp.send('Network.enable');
  await pageCdp.send('Network.overrideNetworkState', offline ? NETWORK_OFFLINE : NETWORK_ONLINE);
  await workerCdp.send('Network.emulateNetworkConditions', offline ? NETWORK_OFFLINE : NETWORK_ONLINE);
  return pageCdp;
}

/** The page's live JS heap in bytes, after full garbage collections. */
export async function usedHeap(cdp) {
  for (let pass = 0; pass < 3; pass++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((entry) => entry.name === name)?.value;
  return { usedSize, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}
