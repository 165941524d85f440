/**
 * Drains one registration's share of the outbox, in the service worker: API calls are sent one
 * at a time and in order, notifications shown, and an item removed only once both happened.
 */
import { announce } from './announce.js';
import { listItems, moveToFailures, removeItems, updateItem } from './delivery-store.js';
import type { OutboxFailure, OutboxItem, RefusalProblem } from './outbox-schema.js';
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
  const title = latest.notification.summary!.replaceAll('{count}', String(batch.length));
  return [title, { ...options, body: batch.map((item) => item.notification.title).join('\n'), tag: SUMMARY_TAG }];
}

/** Notifications in summary mode go out as one when there are several; the rest one by one. */
function batchesOf(items: OutboxItem[]): OutboxItem[][] {
  const summarized = items.filter((item) => item.notification.summary && !item.request);
  const single = (item: OutboxItem) => [item];
  return summarized[1] ? [summarized, ...items.filter((item) => !summarized.includes(item)).map(single)] : items.map(single);
}

/**
 * What this context learnt about an item but could not write down (a full disk): overlaid on
 * what it reads, so that an accepted request is not sent again and a refused one not retried.
 * `null`: the item is settled and only its removal failed.
 */
const unwritten = new Map<string, Partial<OutboxItem> | null>();

/** Writes a change to an item, or keeps it in memory when the disk refuses. */
export const record = (item: OutboxItem, change: Partial<OutboxItem>): Promise<unknown> =>
  updateItem({ ...item, ...change }).catch(() => unwritten.set(item.id, { ...unwritten.get(item.id), ...change }));

/** The items this registration delivers, oldest first, as far as this context knows them. */
export async function itemsOf(registration: ServiceWorkerRegistration): Promise<OutboxItem[]> {
  const items = [];
  for (const item of await listItems()) {
    const change = unwritten.get(item.id);
    if (change !== null && (!item.scope || item.scope === registration.scope)) items.push({ ...item, ...change });
  }
  return items;
}

/** An API call still to be sent: the send flush's; everything else is the notification flush's. */
export const unsent = (item: OutboxItem) => item.request && !item.sentAt;

/** Past its max-age and not sent: dropped undelivered. A sent request's notification is shown, however late. */
export const expired = (item: OutboxItem) => !item.sentAt && (item.expiresAt ?? Infinity) < Date.now();

type Drop = { reason: 'refused'; status: number; problem?: RefusalProblem } | { reason: 'expired' };

/** Moves an item to the failures record, or at least out of the queue, and tells the pages why. */
export async function drop(item: OutboxItem, why: Drop, report: DeliveryReport): Promise<void> {
  const failure: OutboxFailure = { ...why, id: item.id, failedAt: Date.now(), notification: item.notification, request: item.request };
  // Recording needs room; removing does not. A refusal is reported either way.
  await moveToFailures(item, failure)
    .catch(() => removeItems([item]))
    .catch(() => unwritten.set(item.id, null));
  report.dropped.push(failure);
  announce(
    why.reason === 'expired'
      ? { type: 'expired', id: item.id }
      : { type: 'rejected', id: item.id, status: why.status, problem: why.problem },
  );
}

/** Not delivered this time, kept for the next. */
export function keep(report: DeliveryReport, item: OutboxItem, error: unknown, announced = true): void {
  report.failed.push({ item, error });
  if (announced) announce({ type: 'delivery-failed', id: item.id, message: String(error) });
}

/** Removes items whose notifications were shown. */
async function removeShown(removed: OutboxItem[], report: DeliveryReport): Promise<void> {
  try {
    await removeItems(removed);
  } catch (error) {
    // Shown but still queued: shown again later, under the same tag, which replaces it.
    return removed.forEach((item) => keep(report, item, error));
  }
  for (const item of removed) {
    unwritten.delete(item.id);
    report.delivered.push(item);
    announce({ type: 'delivered', id: item.id });
  }
}

/** Shows every notification with nothing left to send, and removes its item. */
export async function showWaiting(registration: ServiceWorkerRegistration, report: DeliveryReport): Promise<void> {
  // A Web Lock is released when its holder dies, so a worker killed mid-flush blocks no one.
  await navigator.locks.request(DELIVERY_LOCK, async () => {
    const ready = [];
    let callsWaitInVain = false;
    for (const item of await itemsOf(registration)) {
      // An unsent API call is the send flush's, unless this worker has none.
      if (unsent(item) && sendWaiting) continue;
      if (expired(item)) await drop(item, { reason: 'expired' }, report);
      else if (!unsent(item)) ready.push(item);
      else callsWaitInVain = true;
    }
    if (callsWaitInVain) {
      console.error('sync-notify-button: API calls wait, but this worker only shows notifications. Import sync-notify-api-sw.js instead of sync-notify-sw.js.');
    }
    // Shown items are removed in batches: each transaction takes every item shown by the time it
    // starts, and runs while the next notifications are shown. One per item would cost more than
    // showing the notification.
    const shown: OutboxItem[] = [];
    let removals = Promise.resolve();
    for (const batch of batchesOf(ready)) {
      const [title, options] = notificationFor(batch);
      try {
        await registration.showNotification(title, options);
      } catch (error) {
        batch.forEach((item) => keep(report, item, error));
        continue;
      }
      if (!shown.length) removals = removals.then(() => removeShown(shown.splice(0), report));
      shown.push(...batch);
    }
    await removals;
  });
}

/** One flush over the outbox, adding what came of it to the report. */
export type Flush = (registration: ServiceWorkerRegistration, report: DeliveryReport) => Promise<void>;

/** The API-call flush, when the worker includes it (`sync-notify-api-sw.js`); API calls wait without it. */
let sendWaiting: Flush | undefined;

export const enableApiCalls = (flush: Flush): void => {
  sendWaiting = flush;
};

/**
 * Delivers every item of `registration`'s scope: notifications and API calls side by side, each
 * under a Web Lock of its own, so that two contexts never deliver one item twice.
 */
export async function deliverPending(registration: ServiceWorkerRegistration): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: [], failed: [], dropped: [] };
  await Promise.all([showWaiting(registration, report), sendWaiting?.(registration, report)]);
  return report;
}
