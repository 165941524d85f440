// The demo site's own service worker. The one line a host adds (the API-call worker: the demo has a chat):
importScripts('/dist/sync-notify-api-sw.js');

// The host's own code goes on as before, e.g. taking over open pages on first install:
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
