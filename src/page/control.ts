/**
 * What the person at the keyboard can do to the outbox: take an item back, send it again now,
 * dismiss a failure, and clear everything at sign-out. Each runs between deliveries (under both
 * locks, shared/protocol.ts), so it never races a delivery in this tab, another tab or the worker:
 * a flush in progress finishes first, and no flush starts until the change is committed.
 */
import { announce } from '../shared/channel.js';
import { DECLARED_OWNER, type OutboxFailure, type OutboxItem } from '../shared/outbox-schema.js';
import { betweenDeliveries } from '../shared/protocol.js';
import { changeOutbox, declareOwner, lastDeclaredOwner, listItems } from './outbox.js';
import { firstForMarkup, markupSays, pageOwner, say } from './owner-state.js';
import { DEFAULT_MAX_AGE, DEFAULT_MAX_ITEMS, draftItem } from './queue.js';
import { activeRegistration, requestDelivery } from './request-delivery.js';
import { misfit } from './validate.js';
import { RETENTION_FIELDS } from '../shared/input-fields.js';

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

export type DismissOutcome = 'dismissed' | 'not-found';

/** Removes a rejected or expired item from the record of failures. */
export function dismissFailure(id: string): Promise<DismissOutcome> {
  return betweenDeliveries(async () => {
    const outcome = await changeOutbox((_, failures) => {
      const failure = failures.find((candidate) => candidate.id === id);
      return failure ? { outcome: 'dismissed' as const, removeFailures: [failure] } : { outcome: 'not-found' as const };
    });
    if (outcome === 'dismissed') announce({ type: 'dismissed', id });
    return outcome;
  });
}

/** Every app of the origin, where a scope is asked for: `clearOutbox({ scope: ALL_SCOPES })`. */
export const ALL_SCOPES = 'all';

export interface ClearOptions {
  /**
   * Which app's items: a registration scope (one app of several on the origin), or `'all'`.
   * Default: this page's own registration's, as its worker delivers them; items queued before
   * scopes were recorded belong to every app.
   */
  scope?: string;
  /**
   * Whose items: by default the signed-in person's (as this page says, else as last declared for
   * the app) and nobody's; `'all'`: every person's, those held for others too.
   */
  owners?: 'all';
  /** Only the items whose notification has this tag. */
  tag?: string;
}

/**
 * The scope a default applies to: this page's registration's, or every app's where the page has
 * no service worker (then no app of it can deliver, and nothing is kept from it).
 */
export async function ownScope(scope?: string): Promise<string> {
  return scope ?? (await activeRegistration().catch(() => undefined))?.scope ?? ALL_SCOPES;
}

/** Whether an entry belongs to `scope` (from {@link ownScope}). */
export const inScope = (scope: string, entry: { scope?: unknown }): boolean =>
  scope == ALL_SCOPES || !entry.scope || entry.scope == scope;

/**
 * Who is signed in to the app of `scope` (from {@link ownScope}): as this page says, else as last
 * declared for the app (undefined: never; null: nobody).
 */
export async function signedInOwner(scope: string): Promise<string | null | undefined> {
  const said = pageOwner();
  return said ? said.owner : lastDeclaredOwner(scope == ALL_SCOPES ? DECLARED_OWNER : scope);
}

/** Whether an entry is the signed-in person's (from {@link signedInOwner}), or nobody's: what they see and clear. */
export const ownedBy = (owner: string | null | undefined, entry: { owner?: unknown }): boolean => !entry.owner || entry.owner == owner;

/**
 * Sign-out: discards what waits and what failed, of this page's app and its signed-in person (and
 * nobody's) by default (`scope: 'all'` for every app of the origin, `owners: 'all'` for everyone's),
 * or of one tag. Once it resolves, nothing queued before it is shown or sent, whatever sync fires or
 * tab delivers next: it waits for the one API call that may be in flight (its `request-timeout` at
 * most, 30 s by default), never for the calls queued behind it.
 * @returns how many items and failures were discarded.
 */
export async function clearOutbox({ scope, owners, tag }: ClearOptions = {}): Promise<{ items: number; failures: number }> {
  const whose = await ownScope(scope);
  const owner = await signedInOwner(whose);
  const matches = (entry: OutboxItem | OutboxFailure) =>
    inScope(whose, entry) && (owners == 'all' || ownedBy(owner, entry)) && (!tag || entry.notification?.tag === tag);
  return betweenDeliveries(async () => {
    const [removedItems, removedFailures] = await changeOutbox((items, failures) => {
      const removeItems = items.filter(matches);
      const removeFailures = failures.filter(matches);
      return { outcome: [removeItems, removeFailures] as const, removeItems, removeFailures };
    });
    for (const { id } of removedItems) announce({ type: 'cancelled', id });
    for (const { id } of removedFailures) announce({ type: 'dismissed', id });
    return { items: removedItems.length, failures: removedFailures.length };
  });
}

export interface OwnerOptions {
  /**
   * What becomes of the items of this app that someone else queued: `keep` (the default) holds
   * them, neither shown nor sent, until their owner is declared again (they still expire);
   * `discard` removes them.
   */
  previous?: 'keep' | 'discard';
}

/**
 * Says who is signed in to this page's app (`null` at sign-out), for the page (every copy of the
 * library on it) and the app's worker. An item queued with an `owner` is shown and sent only once
 * a page of its app has said that owner is signed in since the worker started, and while it is the
 * one last declared for the app: a user's queued messages are never sent under the next user's
 * session. Stored between deliveries: once it resolves, no flush shows or sends another owner's
 * item. Then asks for delivery, telling the worker, for the declared owner's items that waited.
 * @returns how many items of other owners were discarded (0 with `keep`).
 */
export function setOwner(owner: string | null, { previous = 'keep' }: OwnerOptions = {}): Promise<number> {
  return say(owner, async () => {
    const registration = await activeRegistration().catch(() => undefined);
    const removed = await betweenDeliveries(() => declareOwner(owner, registration?.scope, previous == 'discard'));
    for (const { id } of removed) announce({ type: 'cancelled', id });
    if (registration) await requestDelivery(registration);
    return removed.length;
  });
}

/**
 * What an element says of who is signed in, as it connects or its `owner` changes: the page's
 * markup (`<meta name="sync-notify-owner">`), once a page, where it has one; else the button's
 * `owner`, and its removal (or emptying) as a sign-out. Said only where the page does not say it
 * already: every button of a page names the same owner.
 */
export function sayElementOwner(owner: string | undefined, before: string | undefined): void {
  const markup = markupSays();
  // The markup speaks for the page, once; without it, the button's owner, its removal a sign-out.
  const said = markup ? firstForMarkup() && markup : (owner || before) && pageOwner()?.owner !== (owner || null) && { owner: owner || null };
  if (said) void setOwner(said.owner).catch(() => undefined);
}

/**
 * What the page's markup says of who is signed in, stored and told as the library's file loads
 * (once a page): a page that says it need not have an element, the page a sign-in lands on too.
 */
export const sayMarkupOwner = (): void => sayElementOwner(undefined, undefined);
