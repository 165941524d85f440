/** How the tests and the benchmark start Debian's Firefox ESR (puppeteer-core, WebDriver BiDi). */

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const FIREFOX_PREFS = {
  // Notifications granted to every page: Firefox ESR has no per-origin grant over BiDi.
  'permissions.default.desktop-notification': 1,
  // Without it, showNotification fails headless with NS_ERROR_FAILURE.
  'alerts.useSystemBackend': false,
  // Offline (setFirefoxOffline) cuts localhost too, as any other host: the tests' server is on it.
  // Open connections stay (the test runner's websocket, the BiDi one).
  'network.disable-localhost-when-offline': true,
};

/** Lets WebDriver BiDi evaluate script in the browser's own (chrome) context: setFirefoxOffline needs it. */
export const FIREFOX_ARGS = ['--remote-allow-system-access'];

/**
 * Takes the whole browser offline, or back online: Firefox's own offline mode (Services.io.offline),
 * set in its parent process over puppeteer's WebDriver BiDi connection. Pages and their service
 * workers both see it (navigator.onLine, `offline`/`online` events, failing fetches). WebDriver
 * BiDi's offline emulation (puppeteer's page.setOfflineMode) reaches the page's browsing context
 * only: its service worker stayed online, and its fetches answered 200.
 *
 * Idle keep-alive connections are closed on the way: a fetch reusing one (the worker's to the
 * server that served it) was still answered, offline.
 */
export async function setFirefoxOffline(browser, offline) {
  const { connection } = browser;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const chrome = tree.contexts[0]?.context;
  if (!chrome) throw new Error('Firefox: no chrome browsing context over WebDriver BiDi (started without --remote-allow-system-access?)');
  const { result } = await connection.send('script.evaluate', {
    target: { context: chrome },
    awaitPromise: false,
    expression: `(() => {
      Services.io.manageOfflineStatus = false;
      Services.io.offline = ${offline === true};
      if (Services.io.offline) Services.obs.notifyObservers(null, 'net:prune-all-connections');
      return Services.io.offline;
    })()`,
  });
  if (result.type !== 'success' || result.result.value !== offline) {
    throw new Error(`Firefox: offline mode not set to ${offline}: ${JSON.stringify(result.exceptionDetails ?? result.result)}`);
  }
}
