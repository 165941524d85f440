/**
 * Test-runner plugin: what a test cannot do from inside the page, done over the browser's
 * protocol. Tests call these with `executeServerCommand('sync-notify:…', payload)`.
 */

const NETWORK_ONLINE = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const NETWORK_OFFLINE = { ...NETWORK_ONLINE, offline: true };

/** CDP sessions stay open: network emulation ends with the session that set it. */
const cdpSessions = new WeakMap();

async function cdpSession(target) {
  if (!cdpSessions.has(target)) {
    cdpSessions.set(
      target,
      target.createCDPSession().then(async (cdp) => {
        await cdp.send('Network.enable');
        return cdp;
      }),
    );
  }
  return cdpSessions.get(target);
}

const serviceWorkerTargets = (page) =>
  page
    .browser()
    .targets()
    .filter((target) => target.type() === 'service_worker');

/**
 * Chromium: the page through Network.overrideNetworkState (setOfflineMode would cut the test
 * runner's own websocket), each service worker through emulateNetworkConditions on its target;
 * the page alone offline would not defer a sync. Firefox: setOfflineMode covers the workers too.
 */
async function setOffline(page, offline, browserName) {
  if (!browserName.toLowerCase().includes('chrom')) {
    await page.setOfflineMode(offline);
    return;
  }
  const pageCdp = await cdpSession(page.target());
  await pageCdp.send('Network.overrideNetworkState', offline ? NETWORK_OFFLINE : NETWORK_ONLINE);
  for (const target of serviceWorkerTargets(page)) {
    const workerCdp = await cdpSession(target);
    await workerCdp.send('Network.emulateNetworkConditions', offline ? NETWORK_OFFLINE : NETWORK_ONLINE);
  }
}

async function stopServiceWorkers(page) {
  const pageCdp = await cdpSession(page.target());
  await pageCdp.send('ServiceWorker.enable');
  await pageCdp.send('ServiceWorker.stopAllWorkers');
}

export function browserControl() {
  return {
    name: 'sync-notify-browser-control',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('sync-notify:')) return undefined;
      const page = session.browser.getPage(session.id);
      const origin = new URL(page.url()).origin;
      switch (command) {
        case 'sync-notify:permissions':
          // Replaces the whole set: anything not listed is denied.
          await page.browserContext().overridePermissions(origin, payload.permissions);
          return true;
        case 'sync-notify:offline':
          await setOffline(page, payload.offline, session.browser.name);
          return true;
        case 'sync-notify:stop-service-workers':
          await stopServiceWorkers(page);
          return true;
        default:
          throw new Error(`Unknown command ${command}`);
      }
    },
  };
}
