/**
 * The one-line integration: `importScripts('…/sync-notify-sw.js')` in a classic service worker
 * or `import '…/sync-notify-sw.js'` in a module one registers every listener the outbox needs.
 */
import { deliverIfOnline, handleMessage, handleNotificationClick, handleSync } from './index.js';

declare const self: ServiceWorkerGlobalScope;

self.addEventListener('sync', handleSync);
self.addEventListener('message', handleMessage);
self.addEventListener('notificationclick', handleNotificationClick);
self.addEventListener('activate', (event) => event.waitUntil(deliverIfOnline()));

// A worker that starts, for whatever event, delivers what a page closed while offline left
// behind. Not on the first evaluation: showNotification needs an active worker.
if (self.registration.active) void deliverIfOnline();
