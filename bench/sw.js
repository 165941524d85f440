// The bench's host service worker: the library's one line, plus the baseline the delivery row
// is compared with, a ping that wakes the worker before anything is timed, and a log of when each
// notification was shown (wall-clock ms, as the pages count them) for the reconnect rows.
const shownLog = [];
let shownWaiters = [];

// Wrapped before the library loads, so its notifications are logged too; the floors pay the same wrapper.
const show = ServiceWorkerRegistration.prototype.showNotification;
ServiceWorkerRegistration.prototype.showNotification = async function showNotification(...args) {
  const result = await show.apply(this, args);
  shownLog.push(performance.timeOrigin + performance.now());
  shownWaiters = shownWaiters.filter((waiter) => !waiter());
  return result;
};
// For the benchmark's no-page row, which reads it through the browser's protocol.
self.benchShownLog = shownLog;

importScripts('/dist/sync-notify-sw.js');

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** The floor of delivery: showNotification alone, with options shaped like the library's. */
async function showBare({ count, run, sharedTag }) {
  for (let index = 0; index < count; index++) {
    const id = `bench-${run}-${index}`;
    await self.registration.showNotification('Bench reminder', {
      body: 'Your report is ready.',
      lang: 'en',
      tag: sharedTag ?? `sync-notify-${id}`,
      data: { syncNotify: { id } },
    });
  }
}

/** The times of the first `count` notifications shown since the last reset, once there are that many. */
function shown(count) {
  return new Promise((resolve) => {
    const done = () => shownLog.length >= count && (resolve(shownLog.slice(0, count)), true);
    if (!done()) shownWaiters.push(done);
  });
}

async function answer(request, port) {
  try {
    if (request.type === 'bench:show') await showBare(request);
    if (request.type === 'bench:reset') shownLog.length = 0;
    const shownAt = request.type === 'bench:shown' ? await shown(request.count) : undefined;
    port.postMessage({ ok: true, shownAt });
  } catch (error) {
    port.postMessage({ ok: false, message: String(error) });
  }
}

self.addEventListener('message', (event) => {
  const request = event.data;
  if (typeof request?.type === 'string' && request.type.startsWith('bench:')) {
    event.waitUntil(answer(request, event.ports[0]));
  }
});
