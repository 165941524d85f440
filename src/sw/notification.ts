/**
 * What the worker passes to `showNotification` for queued items: each item's own notification, or
 * one summary standing for several delivered together.
 */
import type { OutboxItem } from '../shared/outbox-schema.js';
import { NOTIFICATION_TAG_PREFIX, SUMMARY_TAG, type NotificationData } from '../shared/protocol.js';

/**
 * The options `showNotification` takes for an item: only the members this library writes, each of
 * the type the record check let through. Another member of a stored notification (`actions: 5`,
 * written by other code) is never passed on: it would make every show of the item throw.
 */
export function notificationOptions(item: OutboxItem): NotificationOptions {
  const { body, icon, badge, tag, lang, dir, requireInteraction, silent, url, allowExternalUrl } = item.notification;
  // The flag only where set: WebKit keeps a key whose value is undefined in the notification's data.
  const data: NotificationData = { syncNotify: allowExternalUrl ? { id: item.id, url, allowExternalUrl } : { id: item.id, url } };
  return { body, icon, badge, lang, dir, requireInteraction, silent, tag: tag || NOTIFICATION_TAG_PREFIX + item.id, data };
}

/** What one showNotification call shows: a single item, or a summary standing for several. */
export function notificationFor(batch: OutboxItem[]): [title: string, options: NotificationOptions] {
  const latest = batch[batch.length - 1];
  const options = notificationOptions(latest);
  if (!batch[1]) return [latest.notification.title, options];
  const title = latest.notification.summary!.replaceAll('{count}', String(batch.length));
  return [title, { ...options, body: batch.map((item) => item.notification.title).join('\n'), tag: SUMMARY_TAG }];
}

/**
 * Items in summary mode go out as one notification when there are several; all others, and an
 * API call's confirmation, one by one.
 */
export function batchesOf(items: OutboxItem[]): OutboxItem[][] {
  const summarized = items.filter((item) => item.notification.summary && !item.request);
  const single = (item: OutboxItem) => [item];
  return summarized[1] ? [summarized, ...items.filter((item) => !summarized.includes(item)).map(single)] : items.map(single);
}
