// The bench's host service worker: the library's one line, plus the baseline the delivery row
// is compared with and a ping that wakes the worker before anything is timed.
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

async function answer(request, port) {
  try {
    if (request.type === 'bench:show') await showBare(request);
    port.postMessage({ ok: true });
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
