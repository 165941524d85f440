/**
 * The service-worker side as plain functions, for hosts that compose their own listeners:
 *
 * ```js
 * import { handleSync, handleNotificationClick, handleMessage } from 'sync-notify-button/sw';
 * self.addEventListener('sync', handleSync);
 * ```
 *
 * Hosts that want all of it import `sync-notify-button/dist/sync-notify-sw.js` instead.
 */
import './sync-event.js';
import { deliverPending, type DeliveryReport } from '../delivery.js';
import { isFlushRequest, SYNC_TAG, type NotificationData } from '../protocol.js';

export { deliverPending, notificationOptions, type DeliveryFailure, type DeliveryReport } from '../delivery.js';
export { SYNC_TAG } from '../protocol.js';

declare const self: ServiceWorkerGlobalScope;

/** Delivers the outbox; rejects when an item could not be shown, so a sync is retried. */
export async function deliverOrThrow(): Promise<DeliveryReport> {
  const report = await deliverPending(self.registration);
  if (report.failed.length) {
    throw new AggregateError(report.failed.map(({ error }) => error), 'Kept in the outbox');
  }
  return report;
}

/**
 * Delivers the outbox if the worker is online: for the worker's own triggers (start, activation),
 * where neither the browser nor a page vouches for the network.
 */
export async function deliverIfOnline(): Promise<DeliveryReport | undefined> {
  return navigator.onLine ? deliverOrThrow() : undefined;
}

/** `sync` listener: handles this library's tag only, and leaves the host's own tags alone. */
export function handleSync(event: SyncEvent): void {
  if (event.tag === SYNC_TAG) event.waitUntil(deliverOrThrow());
}

/**
 * `message` listener: a page asks for delivery when it is online. Its word is taken: its `online`
 * event can arrive before the worker's own `navigator.onLine` has turned true.
 */
export function handleMessage(event: ExtendableMessageEvent): void {
  if (isFlushRequest(event.data)) event.waitUntil(deliverOrThrow());
}

async function openOrFocus(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => client.url === url);
  await (open ? open.focus() : self.clients.openWindow(url));
}

/** `notificationclick` listener: closes this library's notifications and opens their `url`. */
export function handleNotificationClick(event: NotificationEvent): void {
  const data = (event.notification.data as Partial<NotificationData> | null)?.syncNotify;
  if (!data) return;
  event.notification.close();
  if (data.url) event.waitUntil(openOrFocus(data.url));
}
