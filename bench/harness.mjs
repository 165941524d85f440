/** What the benchmarks run in: the built files, a dev server on a free port, headless Chromium. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { performance } from 'node:perf_hooks';
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

/** Wall-clock milliseconds with sub-millisecond steps, comparable with a page's `performance.timeOrigin + performance.now()`. */
export const wallClock = () => performance.timeOrigin + performance.now();

/**
 * Chromium's network switch, over CDP, for a page and every service worker of its browser: page
 * emulation alone does not defer a sync (see /work/shared/reference/browser-testing.md). Offline:
 * the workers first, then the page. Back online: the page first, so that its `online` event comes
 * before the workers' network. `setOffline` resolves with the wall-clock time just before the
 * page was told; `setWorkersOnline` (for a worker whose pages are closed) just before the workers.
 */
export function chromiumNetwork(browser) {
  // Held while emulated: a session's emulation ends with it.
  const workerSessions = new Map();
  const isWorker = (target) => target.type() === 'service_worker';

  async function setWorkersOffline(offline) {
    if (offline && !browser.targets().some(isWorker)) await browser.waitForTarget(isWorker, { timeout: 30_000 });
    for (const target of browser.targets().filter(isWorker)) {
      if (!workerSessions.has(target)) {
        const session = await target.createCDPSession();
        await session.send('Network.enable');
        workerSessions.set(target, session);
      }
      await workerSessions.get(target).send('Network.emulateNetworkConditions', offline ? NETWORK_OFFLINE : NETWORK_ONLINE);
    }
  }

  return {
    async setOffline(page, offline) {
      const session = await page.createCDPSession();
      await session.send('Network.enable');
      if (offline) await setWorkersOffline(true);
      const at = wallClock();
      await session.send('Network.overrideNetworkState', offline ? NETWORK_OFFLINE : NETWORK_ONLINE);
      if (!offline) await setWorkersOffline(false);
      return at;
    },
    async setWorkersOnline() {
      const at = wallClock();
      await setWorkersOffline(false);
      return at;
    },
  };
}

/** The page's live JS heap in bytes, after full garbage collections. */
export async function usedHeap(cdp) {
  for (let pass = 0; pass < 3; pass++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((entry) => entry.name === name)?.value;
  return { usedSize, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}
