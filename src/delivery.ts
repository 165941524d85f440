/**
 * Drains the outbox: sends each queued API call, shows each notification, and removes an item
 * only once both happened. Runs in the service worker, and in pages too (every flusher takes the
 * same lock).
 */
import { announce } from './announce.js';
import { listItems, moveToFailures, removeItems, updateItem } from './delivery-store.js';
import type { OutboxFailure, OutboxItem } from './outbox-schema.js';
import { DELIVERY_LOCK, NOTIFICATION_TAG_PREFIX, SUMMARY_TAG, type NotificationData } from './protocol.js';
import { sendRequest } from './send-request.js';

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

export function notificationOptions(item: OutboxItem): NotificationOptions {
  const data: NotificationData = { syncNotify: { id: item.id, url: item.notification.url } };
  // The request's own members (title, url, summary) are not NotificationOptions: ignored there.
  return { ...item.notification, tag: item.notification.tag || NOTIFICATION_TAG_PREFIX + item.id, data };
}

/** What one showNotification call shows: a single item, or a summary standing for several. */
function notificationFor(batch: OutboxItem[]): [title: string, options: NotificationOptions] {
  const latest = batch[batch.length - 1];
  const options = notificationOptions(latest);
  if (!batch[1]) return [latest.notification.title, options];
  const title = latest.notification.summary!.replace('{count}', String(batch.length));
  return [title, { ...options, body: batch.map((item) => item.notification.title).join('\n'), tag: SUMMARY_TAG }];
}

/** Notifications in summary mode go out as one when there are several; the rest one by one. */
function batchesOf(items: OutboxItem[]): OutboxItem[][] {
  const summarized = items.filter((item) => item.notification.summary && !item.request);
  const single = (item: OutboxItem) => [item];
  return summarized[1] ? [summarized, ...items.filter((item) => !summarized.includes(item)).map(single)] : items.map(single);
}

type Drop = { reason: 'refused'; status: number } | { reason: 'expired' };

/**
 * Delivers every queued item, oldest first: its request sent (if it has one), then its
 * notification shown, then the item removed. A request that must wait holds back the requests
 * queued after it, so the server receives them in order.
 */
export async function deliverPending(registration: ServiceWorkerRegistration): Promise<DeliveryReport> {
  // A Web Lock is released when its holder dies, so a worker killed mid-flush blocks no one.
  return await navigator.locks.request(DELIVERY_LOCK, async () => {
    const report: DeliveryReport = { delivered: [], failed: [], dropped: [] };

    /** Not delivered this time, kept for the next. */
    const keep = (item: OutboxItem, error: unknown, announced = true) => {
      report.failed.push({ item, error });
      if (announced) announce({ type: 'delivery-failed', id: item.id, message: String(error) });
    };

    /** Moves an item to the failures record and tells the pages why. */
    const drop = async (item: OutboxItem, why: Drop) => {
      const failure: OutboxFailure = { ...why, id: item.id, failedAt: Date.now(), notification: item.notification, request: item.request };
      await moveToFailures(item, failure);
      report.dropped.push(failure);
      announce(why.reason === 'expired' ? { type: 'expired', id: item.id } : { type: 'rejected', id: item.id, status: why.status });
    };

    /** Sends an item's request and records what came of it: its notification may follow once `sent`. */
    const send = async (item: OutboxItem) => {
      const attempt = (item.retryAt ?? 0) > Date.now() ? { retryAt: item.retryAt! } : await sendRequest(item, item.request!);
      if ('sent' in attempt) {
        // Recorded before the notification: should that fail, a retry must not post the message twice.
        await updateItem({ ...item, sentAt: Date.now() });
        return 'sent';
      }
      if ('refusedWith' in attempt) {
        await drop(item, { reason: 'refused', status: attempt.refusedWith });
        return 'refused';
      }
      if (attempt.retryAt !== item.retryAt) {
        await updateItem({ ...item, attempts: (item.attempts ?? 0) + 1, retryAt: attempt.retryAt });
      }
      keep(item, new Error('Retrying later'), false);
      announce({ type: 'retry', id: item.id, retryAt: attempt.retryAt });
      return 'waiting';
    };

    // Shown items are removed in batches: each transaction takes every item shown by the time it
    // starts, and runs while the next notifications are shown. One per item would cost more than
    // showing the notification.
    let shown: OutboxItem[] = [];
    let removals = Promise.resolve();
    const removeShown = async () => {
      const removed = shown;
      shown = [];
      try {
        await removeItems(removed);
      } catch (error) {
        // Shown but still queued: shown again later, under the same tag, which replaces it.
        return removed.forEach((item) => keep(item, error));
      }
      for (const item of removed) {
        report.delivered.push(item);
        announce({ type: 'delivered', id: item.id });
      }
    };

    const items = [];
    for (const item of await listItems()) {
      if ((item.expiresAt ?? Infinity) < Date.now()) await drop(item, { reason: 'expired' });
      else items.push(item);
    }
    let requestWaiting = false;
    for (const batch of batchesOf(items)) {
      const [first] = batch;
      if (first.request && !first.sentAt) {
        if (requestWaiting) {
          keep(first, new Error('Behind a retry'), false);
          continue;
        }
        const outcome = await send(first);
        requestWaiting = outcome === 'waiting';
        if (outcome !== 'sent') continue;
      }
      try {
        await registration.showNotification(...notificationFor(batch));
      } catch (error) {
        batch.forEach((item) => keep(item, error));
        continue;
      }
      if (!shown.length) removals = removals.then(removeShown);
      shown.push(...batch);
    }
    await removals;
    return report;
  });
}
