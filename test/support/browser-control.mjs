/**
 * Test-runner plugin: what a test cannot do from inside the page, done over the browser's
 * protocol. Tests call these with `executeServerCommand('sync-notify:…', payload)`.
 * Chromium and Firefox (puppeteer); WebKit has its own, test/support/webkit/control.mjs.
 */
import { setFirefoxOffline } from '../../scripts/firefox.mjs';
import {
  callPrivatePage,
  closeAllPrivateWindows,
  closePrivateWindow,
  openPrivateWindow,
  privateWindow,
} from './private-window.mjs';

const NETWORK_ONLINE = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const NETWORK_OFFLINE = { ...NETWORK_ONLINE, offline: true };

/** The page's CDP session, kept: the network override ends with the session that set it. */
const pageSessions = new WeakMap();

async function pageSession(page) {
  if (!pageSessions.has(page)) pageSessions.set(page, page.target().createCDPSession());
  return pageSessions.get(page);
}

/**
 * Sessions on service-worker targets, held only while they are emulated offline: with a
 * DevTools session attached, Chromium does not start a stopped worker again for the next event.
 */
const offlineWorkerSessions = new Map();

const isChromium = (browserName) => browserName.toLowerCase().includes('chrom');

/** Replaces the origin's permissions in a browser context: anything not listed is denied. */
async function setPermissions(context, origin, permissions, browserName) {
  if (isChromium(browserName)) {
    await context.overridePermissions(origin, permissions);
    return;
  }
  // Firefox knows no background-sync permission; notifications is the one that matters there.
  await context.setPermission(origin, {
    permission: { name: 'notifications' },
    state: permissions.includes('notifications') ? 'granted' : 'denied',
  });
}

/** The workers of the page's own browser context: another context's are not the test page's. */
const serviceWorkerTargets = (page) =>
  page
    .browser()
    .targets()
    .filter((target) => target.type() === 'service_worker' && target.browserContext() === page.browserContext());

/**
 * Chromium: the page through Network.overrideNetworkState (setOfflineMode would cut the test
 * runner's own websocket), each service worker through emulateNetworkConditions on its target;
 * the page alone offline would not defer a sync. Firefox: the whole browser, in its own offline
 * mode (setFirefoxOffline); page.setOfflineMode left its service workers online. Each test session
 * and each private window has a Firefox of its own.
 */
async function setOffline(page, offline, browserName) {
  if (!isChromium(browserName)) {
    await setFirefoxOffline(page.browser(), offline);
    return;
  }
  // Workers first: Chromium decides whether a pending sync may fire when the page's network
  // state changes, and a worker still emulated offline then leaves it waiting.
  if (offline) {
    for (const target of serviceWorkerTargets(page)) {
      if (offlineWorkerSessions.has(target)) continue;
      const session = await target.createCDPSession();
      await session.send('Network.enable');
      await session.send('Network.emulateNetworkConditions', NETWORK_OFFLINE);
      offlineWorkerSessions.set(target, session);
    }
  } else {
    // Detached, which ends the emulation: a worker that a newer version replaced (the site's
    // deploy) answers no command on its session any more, and the test hung 20 s on one (measured).
    for (const [target, session] of offlineWorkerSessions) {
      if (target.browserContext() !== page.browserContext()) continue;
      offlineWorkerSessions.delete(target);
      await session.detach().catch(() => undefined);
    }
  }
  const session = await pageSession(page);
  await session.send('Network.overrideNetworkState', offline ? NETWORK_OFFLINE : NETWORK_ONLINE);
}

/** Sessions on service-worker targets whose uploads are throttled: held until the throttle is lifted. */
const throttledWorkerSessions = new Map();

/**
 * Chromium: every service worker of the page's context uploads at most `bytesPerSecond` (DevTools
 * network conditions), as over a slow connection; null lifts it. False where the browser offers
 * no such control (Firefox, WebKit).
 */
async function throttleUploads(page, bytesPerSecond, browserName) {
  if (!isChromium(browserName)) return false;
  for (const [target, session] of throttledWorkerSessions) {
    throttledWorkerSessions.delete(target);
    await session.send('Network.emulateNetworkConditions', NETWORK_ONLINE).catch(() => undefined);
    await session.detach().catch(() => undefined);
  }
  if (bytesPerSecond === null) return true;
  for (const target of serviceWorkerTargets(page)) {
    const session = await target.createCDPSession();
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', { ...NETWORK_ONLINE, uploadThroughput: bytesPerSecond });
    throttledWorkerSessions.set(target, session);
  }
  return true;
}

/**
 * Kills every service worker, as the browser does to an idle or misbehaving one. A session of
 * its own, detached at once: while a session keeps the ServiceWorker domain enabled, Chromium
 * does not start the worker again for the next event.
 */
async function stopServiceWorkers(page) {
  const cdp = await page.target().createCDPSession();
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.send('ServiceWorker.disable');
  } finally {
    await cdp.detach();
  }
}

/**
 * A page of the test's origin in a real private window (private-window.mjs says which), driven
 * step by step: `open` (`path`, optional `permissions`) answers `{ id }`; then, with that
 * `id`, `offline`, `click` (a selector: a real click, with the user activation a prompt needs),
 * `call` (a function of the page's `privatePage`, with `args`) and `close`, which ends the
 * private session.
 */
async function privateWindowCommand({ action, id, ...payload }, page, session) {
  const browserName = session.browser.name;
  switch (action) {
    case 'open':
      return openPrivateWindow({
        testPage: page,
        sessionId: session.id,
        chromium: isChromium(browserName),
        url: new URL(payload.path, page.url()).href,
        permissions: payload.permissions,
        setPermissions: (context, permissions) => setPermissions(context, new URL(page.url()).origin, permissions, browserName),
      });
    case 'offline': {
      const windowPage = privateWindow(id);
      await setOffline(windowPage, payload.offline, browserName);
      await windowPage.waitForFunction((online) => navigator.onLine === online, { timeout: 5_000 }, !payload.offline);
      return true;
    }
    case 'click':
      await privateWindow(id).locator(payload.selector).click();
      return true;
    case 'call':
      return callPrivatePage(id, payload.name, payload.args);
    case 'close':
      await closePrivateWindow(id);
      return true;
    default:
      throw new Error(`Unknown private-window action ${action}`);
  }
}

/**
 * `storageLimitGroup`: the test-runner group whose browsers may have a test limit the origin's
 * storage (`sync-notify:storage-quota`): browsers of its own, in which nothing was stored before.
 */
export function browserControl({ storageLimitGroup } = {}) {
  return {
    name: 'sync-notify-browser-control',
    serverStop: closeAllPrivateWindows,
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('sync-notify:') || session.browser.type !== 'puppeteer') return undefined;
      const page = session.browser.getPage(session.id);
      const origin = new URL(page.url()).origin;
      switch (command) {
        case 'sync-notify:capabilities':
          // Stopping a worker needs the DevTools protocol, which only Chromium speaks here.
          return {
            stopServiceWorkers: isChromium(session.browser.name),
            privateWindow: isChromium(session.browser.name) ? 'incognito-context' : 'private-browsing',
          };
        case 'sync-notify:permissions':
          await setPermissions(page.browserContext(), origin, payload.permissions, session.browser.name);
          return true;
        case 'sync-notify:offline':
          await setOffline(page, payload.offline, session.browser.name);
          return true;
        case 'sync-notify:throttle-uploads':
          return throttleUploads(page, payload.bytesPerSecond, session.browser.name);
        case 'sync-notify:private-window':
          return privateWindowCommand(payload, page, session);
        case 'sync-notify:stop-service-workers':
          await stopServiceWorkers(page);
          return true;
        case 'sync-notify:storage-quota':
          // Chromium enforces a quota set over CDP, also in IndexedDB (a quotaSize of 0 is taken as
          // none); none given, the origin gets its own back. Firefox has no per-origin control.
          if (!isChromium(session.browser.name) || session.group.name !== storageLimitGroup) return false;
          await (await pageSession(page)).send(
            'Storage.overrideQuotaForOrigin',
            payload.quota == null ? { origin } : { origin, quotaSize: payload.quota },
          );
          return true;
        case 'sync-notify:hide-and-show':
          // Not needed here: Chromium and Firefox tell pages of a permission change at once.
          return false;
        case 'sync-notify:forced-colors':
          // Chromium emulates it over CDP; Firefox's WebDriver BiDi has no such emulation: false.
          if (!isChromium(session.browser.name)) return false;
          // Over CDP itself: puppeteer's emulateMediaFeatures does not know forced-colors.
          await (await pageSession(page)).send('Emulation.setEmulatedMedia', {
            features: [{ name: 'forced-colors', value: payload.active ? 'active' : 'none' }],
          });
          return true;
        default:
          throw new Error(`Unknown command ${command}`);
      }
    },
  };
}
