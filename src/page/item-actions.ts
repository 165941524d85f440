/**
 * What the person at the keyboard can do to one waiting item: take it back, send it again now.
 * Each runs between deliveries (under both locks, shared/protocol.ts), so it never races a
 * delivery in this tab, another tab or the worker. Apart from sign-out (control.ts) and from
 * dismissing a failure (dismiss.ts, which a form's recovery uses too): rollup splits the page
 * files' shared chunks by module, and only the outbox element's file needs these.
 */
import { announce } from '../shared/channel.js';
import { RETENTION_FIELDS } from '../shared/input-fields.js';
import { betweenDeliveries } from '../shared/protocol.js';
import { changeOutbox } from './outbox.js';
import { listItems } from './outbox-list.js';
import { DEFAULT_MAX_AGE, DEFAULT_MAX_ITEMS, draftItem } from './queue.js';
import { activeRegistration, requestDelivery } from './request-delivery.js';
import { misfit } from './validate.js';

export type CancelOutcome = 'cancelled' | 'already-sent' | 'not-found';

/**
 * Takes an item back before it goes: nothing is shown and nothing sent. `already-sent` when a
 * delivery got there first (its API call reached the server, its notification is shown); then
 * nothing is undone. `not-found` when it is not waiting: delivered earlier, dropped, or unknown.
 * (Two cancels of one item at once: one says `cancelled`, the other may say `already-sent`.)
 */
export async function cancel(id: string): Promise<CancelOutcome> {
  // Seen before the locks, gone after them, and not failed: a delivery in flight took it first.
  const waited = (await listItems()).some((item) => item.id === id);
  return betweenDeliveries(async () => {
    const outcome = await changeOutbox((items, failures) => {
      const item = items.find((candidate) => candidate.id === id);
      if (item) return item.sentAt ? { outcome: 'already-sent' as const } : { outcome: 'cancelled' as const, removeItems: [item] };
      return { outcome: waited && !failures.some((failure) => failure.id === id) ? ('already-sent' as const) : ('not-found' as const) };
    });
    if (outcome === 'cancelled') announce({ type: 'cancelled', id });
    return outcome;
  });
}

export type RetryOutcome = 'retrying' | 'not-found' | 'outbox-full';

/**
 * Sends an item again now: a waiting one without waiting for its backoff, a rejected or expired
 * one back into the queue (with its id, so a server that saw it already can tell), for as long
 * as it was allowed to wait the first time. `outbox-full` when the outbox holds as many items as
 * a click may queue (1000); `not-found` also for a failure that cannot be sent again (unreadable).
 */
export async function retryNow(id: string): Promise<RetryOutcome> {
  const outcome = await betweenDeliveries(() =>
    changeOutbox((items, failures) => {
      const waiting = items.find((item) => item.id === id);
      if (waiting) return { outcome: 'retrying' as const, putItems: [{ ...waiting, retryAt: undefined, attempts: 0 }] };
      const failure = failures.find((candidate) => candidate.id === id);
      if (!failure?.notification) return { outcome: 'not-found' as const };
      if (items.length >= DEFAULT_MAX_ITEMS) return { outcome: 'outbox-full' as const };
      // Back in the queue as new, with its id (a server that saw it can tell), its full wait again:
      // its own max-age, or the default where the failure does not say (an earlier version's).
      const { notification, request, scope, owner, maxAge } = failure;
      const draft = draftItem(notification, request, maxAge == null || misfit({ maxAge }, RETENTION_FIELDS, ['maxAge']) ? DEFAULT_MAX_AGE : maxAge!, scope, owner, id);
      return { outcome: 'retrying' as const, removeFailures: [failure], addItems: [draft] };
    }),
  );
  if (outcome === 'retrying') {
    announce({ type: 'dismissed', id });
    const registration = await activeRegistration().catch(() => undefined);
    if (registration) await requestDelivery(registration);
  }
  return outcome;
}
