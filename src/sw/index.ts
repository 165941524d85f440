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
import { coalesce } from '../shared/coalesce.js';
import { isFlushRequest, PROTOCOL_RELEASE, SYNC_TAG, type NotificationData } from '../shared/protocol.js';
import { activated, deliverHalf, mergeReports, type DeliveryReport } from './deliver.js';
import { signedIn } from './signed-in.js';

export { deliverPending, type DeliveryFailure, type DeliveryReport, type KeptItem } from './deliver.js';
export { notificationOptions } from './notification.js';
export { SYNC_TAG } from '../shared/protocol.js';
/** The type of `self.syncNotifyHeaders`, the hook by which the host's worker supplies a request's credentials as it is sent. */
export type { RequestHeadersHook } from './send-api-call.js';

declare const self: ServiceWorkerGlobalScope;

/**
 * Notifications that arrive together (a reconnect brings the sync event and each open page's
 * request) share one more flush after the running one, which sees everything they asked for. API
 * calls coalesce per endpoint (send-api-calls.ts): a notification never waits for a call.
 */
const showFlush = coalesce(() => deliverHalf('show', self.registration));

/** Delivers the outbox; rejects when an item could not be delivered yet, so a sync is retried. */
export async function deliverOrThrow(): Promise<DeliveryReport> {
  const report = mergeReports(await Promise.all([showFlush(), deliverHalf('send', self.registration)]));
  if (report.kept[0]) throw report.kept[0].error;
  return report;
}

/**
 * Delivers the outbox if the worker is online once activated: for the worker's own trigger (its
 * start), where neither the browser nor a page vouches for the network. Asked then, not at the
 * start: a new worker installed online may activate offline, when the site skips waiting. Failures
 * wait for the next trigger.
 */
export async function deliverIfOnline(): Promise<void> {
  await activated();
  if (navigator.onLine) await deliverOrThrow().catch(() => undefined);
}

/** `sync` listener: handles this library's tag only, and leaves the host's own tags alone. */
export function handleSync(event: SyncEvent): void {
  if (event.tag === SYNC_TAG) event.waitUntil(deliverOrThrow());
}

/**
 * `message` listener: a page asks for delivery when it is online. Its word is taken: its `online`
 * event can arrive before the worker's own `navigator.onLine` has turned true; and its word on who
 * is signed in, as a page of this worker's app (its registration's own).
 */
export function handleMessage(event: ExtendableMessageEvent): void {
  const { data } = event;
  if (!isFlushRequest(data)) return;
  // Who the page says is signed in: owned items go only once a page of the app has said so.
  if (typeof data.owner == 'string' || data.owner === null) signedIn(data.owner);
  // Tells the page this worker delivers (a site's worker that lacks this file's line never answers),
  // and which release of the protocol it speaks.
  event.ports[0]?.postMessage(PROTOCOL_RELEASE);
  event.waitUntil(deliverOrThrow());
}

/** `notificationclick` listener: closes this library's notifications and opens (or focuses) their `url`. */
export function handleNotificationClick(event: NotificationEvent): void {
  const { notification } = event;
  const data = (notification.data as Partial<NotificationData> | null)?.syncNotify;
  if (!data) return;
  notification.close();
  const { url, allowExternalUrl } = data;
  // Checked again here: a record another script of the origin wrote was never checked by a page.
  if (url && (allowExternalUrl || new URL(url, location.href).origin == location.origin)) {
    event.waitUntil(
      self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
        const open = windows.find((client) => client.url === url);
        return open ? open.focus() : self.clients.openWindow(url);
      }),
    );
  }
}
