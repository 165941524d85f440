/**
 * Drains one registration's share of the outbox, in the service worker: notifications are shown
 * and their items removed here, under the delivery lock; API calls are sent by the send flush
 * (send-api-calls.ts), when the worker includes it, which hands what it sent back to this one.
 */
import { DELIVERY_LOCK } from '../shared/protocol.js';
import type { OutboxItem } from '../shared/outbox-schema.js';
import { batchesOf, notificationFor } from './notification.js';
import { MAX_SHOW_ATTEMPTS } from '../shared/limits.js';
import {
  drop,
  emptyReport,
  expired,
  held,
  itemsOf,
  keep,
  mergeReports,
  removeShown,
  unsent,
  writeChange,
  type DeliveryReport,
  type OutboxRead,
  type Undeliverable,
} from './settle.js';

export { mergeReports, type DeliveryFailure, type DeliveryReport, type KeptItem } from './settle.js';

/**
 * Shown items removed per transaction after the first: a worker killed mid-flush leaves at most
 * this many shown and still queued, which the next flush shows again under the same tag (replacing them).
 */
const REMOVAL_BATCH = 16;

/** One flush over the outbox, and the report of what came of it. */
export type Flush = (registration: ServiceWorkerRegistration) => Promise<DeliveryReport>;

/** The API-call flush, when the worker includes it (`sync-notify-api-sw.js`); API calls wait without it. */
let sendWaiting: Flush | undefined;

export const enableApiCalls = (flush: Flush): void => {
  sendWaiting = flush;
};

/**
 * What the notification flush does with the outbox it read: the items it shows now, oldest first;
 * those it drops (what no worker will ever deliver, and its own items past their max-age); and
 * whether unsent API calls wait for a send flush this worker does not have. It leaves alone another
 * person's items (held) and, when `sendsCalls`, unsent API calls: the send flush's.
 */
export function planShows(
  { items, owner, undeliverable }: OutboxRead,
  sendsCalls: boolean,
): [ready: OutboxItem[], toDrop: Undeliverable[], callsWaitInVain: boolean] {
  const ready = [];
  const toDrop = [...undeliverable];
  let callsWaitInVain = false;
  for (const item of items) {
    if (unsent(item) && sendsCalls) continue;
    if (expired(item)) toDrop.push([item, { reason: 'expired' }]);
    else if (!held(item, owner)) {
      if (unsent(item)) callsWaitInVain = true;
      else ready.push(item);
    }
  }
  return [ready, toDrop, callsWaitInVain];
}

/**
 * Shows every notification with nothing left to send, removes its item, and reports what came of
 * each item it read. Removals are batched
 * and run while the next notifications are shown; one per item would cost more than showing the
 * notification.
 */
export async function showWaiting(registration: ServiceWorkerRegistration): Promise<DeliveryReport> {
  const report = emptyReport();
  // A Web Lock is released when its holder dies, so a worker killed mid-flush blocks no one.
  await navigator.locks.request(DELIVERY_LOCK, async () => {
    // Read while the items are, and settled before the first show: in Chromium a getNotifications()
    // still running when a show begins takes the new notification off the list (measured).
    const onScreen = registration.getNotifications().then(
      (notifications) => new Set(notifications.map(({ tag }) => tag)),
      () => new Set<string>(),
    );
    const [ready, toDrop, callsWaitInVain] = planShows(await itemsOf(registration), !!sendWaiting);
    for (const [item, why] of toDrop) await drop(item, why, report);
    if (callsWaitInVain) {
      console.error('sync-notify-button: API calls wait: import sync-notify-api-sw.js instead of sync-notify-sw.js.');
    }
    const tags = await onScreen;
    const shown: OutboxItem[] = [];
    let removals = Promise.resolve();
    // The first at once, so that pages hear of the first delivery; then in batches, since every
    // removal competes with the next shows for the browser's attention (measured by npm run bench).
    let removalSize = 1;
    for (const batch of batchesOf(ready)) {
      // Cannot throw: what planShows lets through has the shape these need (shared/outbox-record.ts).
      const [title, options] = notificationFor(batch);
      try {
        await registration.showNotification(title, options);
      } catch (error) {
        // Tried again at the next flush, a few times: one that never shows is set aside, and what
        // waits behind it goes on.
        for (const item of batch) {
          const shows = (item.shows ?? 0) + 1;
          if (shows < MAX_SHOW_ATTEMPTS) await writeChange(item, { shows }).then(() => keep(item, error, report));
          else await drop(item, { reason: 'rejected', status: 0, problem: 'unshowable' }, report);
        }
        continue;
      }
      // WebKit keeps both notifications of one tag where the others replace the earlier: the
      // earlier ones are closed, so an item shown again (after a crash), a shared tag or a summary
      // is never on screen twice. Only after the show: Chromium names a notification by its tag,
      // and a close sent before could reach it after the show, and close the new one.
      if (tags.has(options.tag!)) {
        const sameTag = await registration.getNotifications({ tag: options.tag }).catch(() => []);
        sameTag.slice(0, -1).forEach((earlier) => earlier.close());
      }
      tags.add(options.tag!);
      shown.push(...batch);
      if (shown.length >= removalSize) {
        removalSize = REMOVAL_BATCH;
        const done = shown.splice(0);
        removals = removals.then(() => removeShown(done, report));
      }
    }
    await removals;
    if (shown[0]) await removeShown(shown, report);
  });
  return report;
}

let activation: Promise<unknown> | undefined;

/**
 * Settles once this worker is activated. Chromium settles showNotification only then: a show
 * started earlier (from the host's activate, or while the host's own activate takes its time)
 * would hold the origin's delivery lock all that while; one the activation itself waited on was
 * still unsettled 90 s after Chromium gave up on that activation, at 5 minutes.
 */
export const activated = () =>
  (activation ??= new Promise((resolve) => {
    const { serviceWorker, registration } = self as { serviceWorker?: ServiceWorker; registration?: ServiceWorkerRegistration };
    // A page delivering itself (the tests race one against the worker) waits for nothing.
    if (!registration) return resolve(0);
    // Firefox (ESR 153) has no self.serviceWorker: there, the registration's active worker must be
    // activated, and a new app's first worker starts with none at all (measured). Delivering at
    // its install would be refused (a show needs an active worker), and its items would wait
    // until a page asked again. A listener added twice is added once.
    const settleIfActivated = () => {
      if ((serviceWorker ?? registration.active)?.state == 'activated') return resolve(0);
      const workers = serviceWorker ? [serviceWorker] : [registration.installing, registration.waiting, registration.active];
      workers.forEach((worker) => worker?.addEventListener('statechange', settleIfActivated));
    };
    registration.addEventListener('updatefound', settleIfActivated);
    settleIfActivated();
  }));

/** One half of delivery: notifications shown, or API calls sent. */
export type DeliveryHalf = 'show' | 'send';

/** Runs one half of delivery, once this worker is activated, and reports what came of it. */
export async function deliverHalf(half: DeliveryHalf, registration: ServiceWorkerRegistration): Promise<DeliveryReport> {
  await activated();
  return (await (half == 'show' ? showWaiting : sendWaiting)?.(registration)) ?? emptyReport();
}

/**
 * Delivers every item of `registration`'s scope: notifications and API calls side by side, each
 * under Web Locks of their own, so that two contexts never deliver one item twice, and a call the
 * server is slow to answer never holds back a notification.
 */
export async function deliverPending(registration: ServiceWorkerRegistration): Promise<DeliveryReport> {
  return mergeReports(await Promise.all([deliverHalf('show', registration), deliverHalf('send', registration)]));
}
