/**
 * Drains the outbox: sends each queued API call, shows each notification, and removes an item
 * only once both happened. Runs in the service worker, and in pages too (every flusher takes the
 * same lock).
 */
import { announce } from './announce.js';
import {
  listItems,
  moveToFailures,
  removeItem,
  updateItem,
  type OutboxFailure,
  type OutboxItem,
  type OutboxRequest,
} from './outbox.js';
import { DELIVERY_LOCK, NOTIFICATION_TAG_PREFIX, SUMMARY_TAG, type NotificationData } from './protocol.js';

export interface DeliveryFailure {
  item: OutboxItem;
  error: unknown;
}

export interface DeliveryReport {
  delivered: OutboxItem[];
  /** Items not delivered yet (notification not shown, or request to retry); they stay queued. */
  failed: DeliveryFailure[];
  /** Items removed from the queue undelivered and recorded: refused by the server, or expired. */
  dropped: OutboxFailure[];
}

/** The longest wait between two attempts at a request the server could not take. */
const MAX_BACKOFF_MS = 60 * 60 * 1000;

export function notificationOptions(item: OutboxItem): NotificationOptions {
  const data: NotificationData = { syncNotify: { id: item.id, url: item.notification.url } };
  // The request's own members (title, url, summary) are not NotificationOptions: ignored there.
  return { ...item.notification, tag: item.notification.tag || NOTIFICATION_TAG_PREFIX + item.id, data };
}

/**
 * Runs `task` while no other page or worker of the origin is delivering. A Web Lock is released
 * when its holder dies, so a worker killed mid-flush never blocks the next one.
 */
async function whileDeliveryLocked<T>(task: () => Promise<T>): Promise<T> {
  const locks = navigator.locks as LockManager | undefined;
  return locks ? await locks.request(DELIVERY_LOCK, task) : task();
}

/** What one showNotification call shows: a single item, or a summary standing for several. */
function notificationFor(batch: OutboxItem[]): [title: string, options: NotificationOptions] {
  const latest = batch[batch.length - 1];
  if (batch.length === 1) return [latest.notification.title, notificationOptions(latest)];
  const title = latest.notification.summary!.replace('{count}', String(batch.length));
  const body = batch.map((item) => item.notification.title).join('\n');
  return [title, { ...notificationOptions(latest), body, tag: SUMMARY_TAG }];
}

/** Notifications in summary mode go out as one when there are several; the rest one by one. */
function batchesOf(items: OutboxItem[]): OutboxItem[][] {
  const summarized = items.filter((item) => item.notification.summary && !item.request);
  if (summarized.length < 2) return items.map((item) => [item]);
  return [summarized, ...items.filter((item) => !summarized.includes(item)).map((item) => [item])];
}

type Attempt = { sent: true } | { retryAt: number } | { refusedWith: number };

/** `Retry-After` as seconds or as an HTTP date, when the server sent a usable one. */
function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const at = /^\d+$/.test(header) ? Date.now() + Number(header) * 1000 : Date.parse(header);
  return Number.isNaN(at) ? undefined : at;
}

const backoff = (item: OutboxItem) => Date.now() + Math.min(1000 * 2 ** (item.attempts ?? 0), MAX_BACKOFF_MS);

/** Sends an item's request; the item's id is its Idempotency-Key, so a server can drop a retry. */
async function send(item: OutboxItem, request: OutboxRequest): Promise<Attempt> {
  // The page validated this, but any script of the origin can write to the outbox.
  if (!request.crossOrigin && new URL(request.url).origin !== location.origin) return { refusedWith: 0 };
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      body: request.body,
      credentials: 'same-origin',
      mode: request.crossOrigin ? 'cors' : 'same-origin',
      headers: { ...request.headers, 'content-type': 'application/json', 'idempotency-key': item.id },
    });
  } catch {
    return { retryAt: backoff(item) };
  }
  if (response.ok) return { sent: true };
  if (response.status >= 500 || response.status === 429) return { retryAt: retryAfter(response) ?? backoff(item) };
  return { refusedWith: response.status };
}

/** Moves an item to the failures record and tells the pages why. */
async function dropItem(
  item: OutboxItem,
  report: DeliveryReport,
  why: { reason: 'refused'; status: number } | { reason: 'expired' },
): Promise<void> {
  const failure: OutboxFailure = { id: item.id, ...why, failedAt: Date.now(), notification: item.notification };
  if (item.request) failure.request = item.request;
  await moveToFailures(item, failure);
  report.dropped.push(failure);
  announce(why.reason === 'refused' ? { type: 'rejected', id: item.id, status: why.status } : { type: 'expired', id: item.id });
}

/** What became of an item's request: its notification may follow only once it was sent. */
type RequestOutcome = 'sent' | 'waiting' | 'refused';

/** Sends the request of an item that was not sent yet, and records what came of it. */
async function sendFirst(item: OutboxItem, request: OutboxRequest, report: DeliveryReport): Promise<RequestOutcome> {
  const attempt = (item.retryAt ?? 0) > Date.now() ? { retryAt: item.retryAt! } : await send(item, request);
  if ('sent' in attempt) {
    // Recorded before the notification: should that fail, a retry must not post the message twice.
    await updateItem({ ...item, sentAt: Date.now() });
    return 'sent';
  }
  if ('refusedWith' in attempt) {
    await dropItem(item, report, { reason: 'refused', status: attempt.refusedWith });
    return 'refused';
  }
  if (attempt.retryAt !== item.retryAt) {
    await updateItem({ ...item, attempts: (item.attempts ?? 0) + 1, retryAt: attempt.retryAt });
  }
  report.failed.push({ item, error: new Error('Retrying later') });
  announce({ type: 'retry', id: item.id, retryAt: attempt.retryAt });
  return 'waiting';
}

/**
 * Delivers every queued item, oldest first: its request sent (if it has one), then its
 * notification shown, then the item removed. A request that must wait holds back the requests
 * queued after it, so the server receives them in order.
 */
export function deliverPending(registration: ServiceWorkerRegistration): Promise<DeliveryReport> {
  return whileDeliveryLocked(async () => {
    const report: DeliveryReport = { delivered: [], failed: [], dropped: [] };
    const now = Date.now();
    const items = [];
    for (const item of await listItems()) {
      if ((item.expiresAt ?? Infinity) < now) await dropItem(item, report, { reason: 'expired' });
      else items.push(item);
    }
    let requestWaiting = false;
    const removals: Promise<void>[] = [];
    for (const batch of batchesOf(items)) {
      const [first] = batch;
      if (first.request && !first.sentAt) {
        if (requestWaiting) {
          report.failed.push({ item: first, error: new Error('Behind a retry') });
          continue;
        }
        const outcome = await sendFirst(first, first.request, report);
        requestWaiting = outcome === 'waiting';
        if (outcome !== 'sent') continue;
      }
      try {
        await registration.showNotification(...notificationFor(batch));
      } catch (error) {
        for (const item of batch) {
          report.failed.push({ item, error });
          announce({ type: 'delivery-failed', id: item.id, message: String(error) });
        }
        continue;
      }
      // Not awaited here: the delete runs while the next notification is shown. A worker killed
      // in between shows the item again under the same tag, which replaces it.
      removals.push(
        ...batch.map(async (item) => {
          await removeItem(item.seq);
          report.delivered.push(item);
          announce({ type: 'delivered', id: item.id });
        }),
      );
    }
    await Promise.all(removals);
    return report;
  });
}
