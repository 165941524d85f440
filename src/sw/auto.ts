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
// behind, and a new worker what waited while it installed. Once it is activated (deliver.ts says
// why), and never inside the host's install, activate or fetch event: Chromium would keep the
// worker `activating`, every navigation of the site waiting on it, until the delivery is done,
// which waits for the activation. (Per the spec the registration's active worker is set before
// activate fires, https://w3c.github.io/ServiceWorker/#activation-algorithm; Chromium's
// notification service waits for a registration whose worker is activated.)
void deliverIfOnline();
