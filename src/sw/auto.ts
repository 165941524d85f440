/**
 * The one-line integration: `importScripts('…/sync-notify-sw.js')` in a classic service worker
 * or `import '…/sync-notify-sw.js'` in a module one registers every listener the outbox needs.
 */
import { deliverIfOnline, handleMessage, handleNotificationClick, handleSync } from './index.js';

declare const self: ServiceWorkerGlobalScope;

self.addEventListener('sync', handleSync);
self.addEventListener('message', handleMessage);
self.addEventListener('notificationclick', handleNotificationClick);
// A worker that starts, for whatever event, delivers what a page closed while offline left
// behind, and a new worker what waited while it installed: once it is activated, never inside the
// host's install, activate or fetch event. Chromium settles showNotification only once the worker
// is activated, which would wait for the delivery, and the whole site with it: every navigation
// then waits on an `activating` worker. (Per the spec the registration's active worker is set
// before activate fires, https://w3c.github.io/ServiceWorker/#activation-algorithm; Chromium's
// notification service waits for a registration whose worker is activated.)
void deliverIfOnline();
