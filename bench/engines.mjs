/**
 * The three engines behind one small interface, for the reconnect benchmark: open a bench page,
 * call one of its functions, take page and worker offline and back through the browser's own
 * protocol, close the tab. Chromium and Firefox through puppeteer-core (CDP, WebDriver BiDi),
 * WebKit through WebKitWebDriver and the wkbrowser.py of the tests.
 */
import { execFileSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { FIREFOX_ARGS, FIREFOX_PATH, FIREFOX_PREFS, setFirefoxOffline } from '../scripts/firefox.mjs';
import { NAMESPACE_VARIABLE } from '../scripts/namespace.mjs';
import { setWebKitOffline } from '../test/support/webkit/network.mjs';
import { startWebKitServices, WEBKIT_CAPABILITIES } from '../test/support/webkit/services.mjs';
import { chromiumNetwork, launchChromium, wallClock } from './harness.mjs';

const CALL_TIMEOUT_MS = 120_000;

/** WebDriver's asynchronous script: calls `window[name](...args)` in the page, and hands back its (JSON) result or error. */
const callInPage = (name, args, done) =>
  Promise.resolve(window[name](...args)).then(
    (value) => done({ value }),
    (error) => done({ error: String(error?.stack ?? error) }),
  );

function unwrap(name, outcome) {
  if (outcome.error) throw new Error(`${name}: ${outcome.error}`);
  return outcome.value;
}

/** Why an engine cannot run here, or undefined. */
export function engineUnavailable(name) {
  if (name === 'webkit' && !process.env[NAMESPACE_VARIABLE]) return 'no network namespace of the run\'s own (scripts/namespace.mjs: needs root and unshare)';
  return undefined;
}

/**
 * Chromium. `backgroundSync: false` leaves the permission out of the grant, which is how a user's
 * "Background sync: blocked" site setting looks to the page: `sync.register()` rejects.
 */
async function chromium(origin, { backgroundSync = true } = {}) {
  const browser = await launchChromium(origin, backgroundSync ? ['notifications', 'background-sync'] : ['notifications']);
  const network = chromiumNetwork(browser);
  let page;

  return {
    name: backgroundSync ? 'Chromium' : 'Chromium, Background Sync refused',
    version: await browser.version(),
    backgroundSync,
    async open(path) {
      page ??= await browser.newPage();
      await page.goto(`${origin}${path}`);
      await this.call('whenReady');
    },
    call: (name, ...args) => page.evaluate((n, a) => window[n](...a), name, args),
    /** Page and worker, through CDP (harness.mjs): resolves with the time just before the page was told. */
    setOffline: (offline) => network.setOffline(page, offline),
    /** The worker alone back online, once its pages are closed: resolves with the time just before. */
    setWorkerOnline: () => network.setWorkersOnline(),
    async closePage() {
      await page.close();
      page = undefined;
    },
    /** Evaluates `fn` in the (single) service worker. */
    async inWorker(fn, ...args) {
      const target = browser.targets().find((candidate) => candidate.type() === 'service_worker');
      return (await target.worker()).evaluate(fn, ...args);
    },
    close: () => browser.close(),
  };
}

/**
 * Firefox ESR: no Background Sync, so the fallback. Offline is the browser's own offline mode
 * (setFirefoxOffline), which its service workers see too: page.setOfflineMode left them online.
 */
async function firefox(origin) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: FIREFOX_ARGS,
    // Full timer precision: Firefox otherwise rounds performance.now() to whole milliseconds here.
    extraPrefsFirefox: { ...FIREFOX_PREFS, 'privacy.reduceTimerPrecision': false },
  });
  const page = await browser.newPage();
  return {
    name: 'Firefox',
    version: await browser.version(),
    backgroundSync: false,
    async open(path) {
      await page.goto(`${origin}${path}`);
      await this.call('whenReady');
    },
    call: (name, ...args) => page.evaluate((n, a) => window[n](...a), name, args),
    async setOffline(offline) {
      const at = wallClock();
      await setFirefoxOffline(browser, offline);
      return at;
    },
    close: () => browser.close(),
  };
}

/** The installed WebKitGTK's version: its user agent names a frozen WebKit version, not the real one. */
function webKitVersion() {
  try {
    return `WebKitGTK ${execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' })}`;
  } catch {
    return 'WebKitGTK';
  }
}

/** WebKitGTK: no Background Sync either. Offline is a dead proxy plus no default route, seen 2-4 s later. */
async function webkit(origin) {
  const services = await startWebKitServices(origin);
  let driver;
  try {
    driver = await remote({
      hostname: '127.0.0.1',
      port: services.port,
      path: '/',
      logLevel: 'error',
      capabilities: { ...WEBKIT_CAPABILITIES, 'webkitgtk:browserOptions': services.browserOptions },
    });
    await driver.setTimeout({ script: CALL_TIMEOUT_MS });
  } catch (error) {
    await services.stop();
    throw error;
  }
  const call = async (name, ...args) => unwrap(name, await driver.executeAsync(callInPage, name, args));
  return {
    name: 'WebKit',
    version: webKitVersion(),
    backgroundSync: false,
    async open(path) {
      await driver.url(`${origin}${path}`);
      await call('whenReady');
    },
    call,
    async setOffline(offline) {
      const at = wallClock();
      await setWebKitOffline({ control: services.control, driver }, offline);
      return at;
    },
    async close() {
      await driver.deleteSession().catch(() => undefined);
      await services.stop();
    },
  };
}

/** Starts `name` ('chromium', 'chromium-no-sync', 'firefox', 'webkit') for pages of `origin`. */
export function launchEngine(name, origin) {
  if (name === 'chromium') return chromium(origin);
  if (name === 'chromium-no-sync') return chromium(origin, { backgroundSync: false });
  if (name === 'firefox') return firefox(origin);
  if (name === 'webkit') return webkit(origin);
  throw new Error(`unknown engine ${name}`);
}
