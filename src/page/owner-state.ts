/**
 * Who is signed in, as this page says it: one record for the whole page, whichever of the
 * library's files the page loaded, and however many copies of them (a global, as `define.ts`
 * keeps the copies), so that there is one writer. A site says it by `setOwner`, a button's `owner`
 * attribute, or, on a server-rendered site, `<meta name="sync-notify-owner" content="…">` in its
 * layout (empty: signed out): read by whichever element file the page loads. What a page said goes
 * with each of its requests for delivery: the worker delivers an owned item only once a page of
 * its app has said that owner is signed in since the worker started.
 */

interface PageOwner {
  /** What this page said last; absent until it says anything. */
  said?: { owner: string | null };
  /** Whether the markup's word was stored and told the worker: once a page. */
  markupSaid?: boolean;
  /** Declarations are stored in the order they are said: the last one is the one that stays. */
  stored: Promise<unknown>;
}

/**
 * Fired on the window as the page's word on who is signed in changes: the outbox element lists
 * that person's items. An event, heard by every copy of the library on the page.
 */
export const OWNER_CHANGE = 'sync-notify-owner-change';

const PAGE_OWNER = Symbol.for('sync-notify-button.owner');

const state = (): PageOwner => ((globalThis as { [PAGE_OWNER]?: PageOwner })[PAGE_OWNER] ??= { stored: Promise.resolve() });

/**
 * What the page's markup says (`<meta name="sync-notify-owner">`, empty: signed out), if it says
 * it: the site's own declaration, which its server renders on every page, signed out too.
 */
export function markupSays(): { owner: string | null } | undefined {
  const meta = globalThis.document?.querySelector?.<HTMLMetaElement>('meta[name="sync-notify-owner"]');
  return meta ? { owner: meta.content || null } : undefined;
}

/** What this page says: its last word, else its markup's; undefined when it says nothing. */
export const pageOwner = (): { owner: string | null } | undefined => (state().said ??= markupSays());

/** Whether this is the first time the markup's word is stored and told: once a page. */
export function firstForMarkup(): boolean {
  const page = state();
  return !page.markupSaid && (page.markupSaid = true);
}

/**
 * Records what the page says now, tells the page if it changed ({@link OWNER_CHANGE}), and runs
 * `store` after every declaration before it. Resolves with what `store` did.
 */
export function say<T>(owner: string | null, store: () => Promise<T>): Promise<T> {
  const page = state();
  if (pageOwner()?.owner !== owner) dispatchEvent(new Event(OWNER_CHANGE));
  page.said = { owner };
  const stored = page.stored.then(store);
  page.stored = stored.catch(() => undefined);
  return stored;
}
