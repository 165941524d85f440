/**
 * Drains the outbox: shows each queued notification and removes the item only once it was
 * shown. Runs in the service worker, and in pages too (every flusher takes the same lock).
 */
import { announce } from './announce.js';
import { listItems, removeItem, type OutboxItem } from './outbox.js';
import { DELIVERY_LOCK, NOTIFICATION_TAG_PREFIX, SUMMARY_TAG, type NotificationData } from './protocol.js';

export interface DeliveryFailure {
  item: OutboxItem;
  error: unknown;
}

export interface DeliveryReport {
  delivered: OutboxItem[];
  /** Items whose notification could not be shown; they stay queued. */
  failed: DeliveryFailure[];
}

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

/** Items in summary mode go out as one notification when there are several; the rest one by one. */
function batchesOf(items: OutboxItem[]): OutboxItem[][] {
  const summarized = items.filter((item) => item.notification.summary);
  if (summarized.length < 2) return items.map((item) => [item]);
  return [summarized, ...items.filter((item) => !item.notification.summary).map((item) => [item])];
}

/** Shows every queued notification, oldest first, and removes each item once it was shown. */
export function deliverPending(registration: ServiceWorkerRegistration): Promise<DeliveryReport> {
  return whileDeliveryLocked(async () => {
    const report: DeliveryReport = { delivered: [], failed: [] };
    for (const batch of batchesOf(await listItems())) {
      try {
        await registration.showNotification(...notificationFor(batch));
      } catch (error) {
        for (const item of batch) {
          report.failed.push({ item, error });
          announce({ type: 'delivery-failed', id: item.id, message: String(error) });
        }
        continue;
      }
      for (const item of batch) {
        await removeItem(item.seq);
        report.delivered.push(item);
        announce({ type: 'delivered', id: item.id });
      }
    }
    return report;
  });
}
