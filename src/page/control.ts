/**
 * Who is signed in, and sign-out: clear everything of a person or an app (what the person does to
 * one item is item-actions.ts). Each runs between deliveries (under both locks, shared/protocol.ts),
 * so it never races a delivery in this tab, another tab or the worker: a flush in progress finishes
 * first, and no flush starts until the change is committed.
 */
import { announce } from '../shared/channel.js';
import { DECLARED_OWNER, type OutboxFailure, type OutboxItem } from '../shared/outbox-schema.js';
import { betweenDeliveries } from '../shared/protocol.js';
import { changeOutbox, declareOwner, lastDeclaredOwner } from './outbox.js';
import { firstForMarkup, markupSays, pageOwner, say } from './owner-state.js';
import { activeRegistration, requestDelivery } from './request-delivery.js';

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
