/**
 * Drains the outbox: shows each queued notification and removes the item only once it was
 * shown. Runs in the service worker, and in pages too (every flusher takes the same lock).
 */
import { announce } from './outbox-channel.js';
import { listItems, removeItem, type OutboxItem } from './outbox.js';
import { DELIVERY_LOCK, NOTIFICATION_TAG_PREFIX, type NotificationData } from './protocol.js';

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
  const { body, icon, badge, tag, lang, dir, requireInteraction, silent, url } = item.notification;
  const data: NotificationData = { syncNotify: { id: item.id, url } };
  return {
    body,
    icon,
    badge,
    lang,
    dir,
    requireInteraction,
    silent,
    tag: tag || NOTIFICATION_TAG_PREFIX + item.id,
    data,
  };
}

/**
 * Runs `task` while no other page or worker of the origin is delivering. A Web Lock is released
 * when its holder dies, so a worker killed mid-flush never blocks the next one.
 */
async function whileDeliveryLocked<T>(task: () => Promise<T>): Promise<T> {
  const locks = navigator.locks as LockManager | undefined;
  return locks ? await locks.request(DELIVERY_LOCK, task) : task();
}

/** Shows every queued notification, oldest first, and removes each one once it was shown. */
export function deliverPending(registration: ServiceWorkerRegistration): Promise<DeliveryReport> {
  return whileDeliveryLocked(async () => {
    const report: DeliveryReport = { delivered: [], failed: [] };
    for (const item of await listItems()) {
      try {
        await registration.showNotification(item.notification.title, notificationOptions(item));
      } catch (error) {
        report.failed.push({ item, error });
        announce({ type: 'delivery-failed', id: item.id, message: String(error) });
        continue;
      }
      await removeItem(item.seq);
      report.delivered.push(item);
      announce({ type: 'delivered', id: item.id });
    }
    return report;
  });
}
