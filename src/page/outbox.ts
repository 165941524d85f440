/**
 * The page's side of the outbox, on idb: queue an item, count, change, declare who is signed in
 * (listing is outbox-list.ts, for the files that list). The worker drains the same database
 * through sw/outbox-store.ts; both open it through shared/open-outbox.ts, with the schema in
 * shared/outbox-schema.ts. Only idb's core is used (wrapped requests and transactions): the dist/
 * build leaves out its shortcut methods and cursor iterators.
 */
import { wrap, type IDBPDatabase } from 'idb';
import { openOutbox, openOwners } from '../shared/open-outbox.js';
import { DECLARED_OWNER, type OutboxFailure, type OutboxItem, type OutboxSchema, type OwnersSchema } from '../shared/outbox-schema.js';
import { OUTBOX_BYTE_BUDGET, roomOf } from '../shared/limits.js';

export type { OutboxApiCall, OutboxFailure, OutboxItem, OutboxNotification } from '../shared/outbox-schema.js';
export { closeOutbox } from '../shared/open-outbox.js';

/**
 * Thrown by {@link addItem} when the outbox already holds `maxItems`, or the item would take it past
 * its byte budget (`bytes`): nothing was stored.
 */
export class OutboxFullError extends Error {
  override name = 'OutboxFullError';

  constructor(readonly bytes = false) {
    super();
  }
}

/** An item as handed to {@link addItem}, before IndexedDB numbers it. */
export type OutboxDraft = Omit<OutboxItem, 'seq'>;

/** This context's connection (shared/open-outbox.ts), in idb's wrapper: idb keeps one wrapper a connection. */
export const database = (): Promise<IDBPDatabase<OutboxSchema>> => openOutbox().then((db) => wrap(db) as IDBPDatabase<OutboxSchema>);

/**
 * What this page has seen of the items, per connection: how many and how large, up to the last
 * `seq`. Items leave without the page hearing (delivered, taken back, by any tab or release), so
 * the tally may be above what the outbox holds: the key generator numbers every new item above
 * `lastSeq`, and a new connection (the database deleted and made again, its numbers restarted)
 * starts without one. What it does not see is what is written again under a key it already
 * counted: a worker's retry counters, a few dozen bytes an item against a budget of megabytes.
 * Failures are few, and read whole at each press.
 */
interface ItemTally {
  count: number;
  bytes: number;
  lastSeq: number;
}
const tallies = new WeakMap<IDBPDatabase<OutboxSchema>, ItemTally>();

/**
 * Stores a new item at the end of the queue, unless the outbox already holds `maxItems`, or the
 * item would take it past its byte budget (items and failures, files too): count, measure and add
 * share one transaction, so tabs queuing at once cannot pass the limits together. With
 * `failureSentAgain`, the failure whose form the item sends again goes in the same transaction.
 *
 * The items this page's tally already holds are not read again: a press reads what was queued
 * since, not the whole outbox, whose reading grows with every item waiting. Only a tally that says
 * "full" is checked against everything, in the same transaction, before a press is refused.
 */
export async function addItem(draft: OutboxDraft, maxItems = Infinity, failureSentAgain?: string): Promise<OutboxItem> {
  const db = await database();
  // Strict: an item reported as queued survives a power loss. Relaxed is every engine's default
  // (https://developer.chrome.com/blog/indexeddb-durability-mode-now-defaults-to-relaxed).
  const transaction = db.transaction(['items', 'failures'], 'readwrite', { durability: 'strict' });
  if (failureSentAgain) void transaction.objectStore('failures').delete(failureSentAgain);
  // What the outbox holds already, read in the same transaction: tabs queuing at once cannot pass
  // the limits together (each transaction sees the others' items above its tally). The reads and
  // the add go out at once (one round trip to the database); requests run in order, so the reads
  // exclude the add, which an abort undoes before anything commits.
  const items = transaction.objectStore('items');
  const tally = tallies.get(db);
  const held = Promise.all([items.getAll(tally && IDBKeyRange.lowerBound(tally.lastSeq, true)), transaction.objectStore('failures').getAll()]);
  // `seq` is absent on purpose: the store's key generator assigns it.
  const added = items.add(draft as OutboxItem);
  // Stored means committed: a quota error surfaces at commit, after the request succeeded.
  const committed = transaction.done;
  const [since, failures] = await held;
  const draftRoom = roomOf(draft);
  const failuresRoom = roomOf(failures);
  const fits = (count: number, bytes: number) => count < maxItems && bytes + failuresRoom + draftRoom <= OUTBOX_BYTE_BUDGET;
  let count = (tally?.count ?? 0) + since.length;
  let bytes = (tally?.bytes ?? 0) + roomOf(since);
  if (tally && !fits(count, bytes)) {
    // Read after the add, whose item, the key generator's newest, comes last. A refused add aborts
    // the transaction, and with it this read: the add's error is the one that says why.
    const [everything] = await Promise.all([items.getAll(), added]);
    const waiting = everything.slice(0, -1);
    count = waiting.length;
    bytes = roomOf(waiting);
    // What left is forgotten: while the outbox stays full, the next press need not read it all again.
    tallies.set(db, { count, bytes, lastSeq: waiting.at(-1)?.seq ?? tally.lastSeq });
  }
  if (!fits(count, bytes)) {
    transaction.abort();
    await Promise.allSettled([added, committed]);
    throw new OutboxFullError(count < maxItems);
  }
  const [seq] = await Promise.all([added, committed]);
  // Presses of one page may settle out of order: the later item's tally already counts the earlier.
  if (seq > (tallies.get(db)?.lastSeq ?? 0)) tallies.set(db, { count: count + 1, bytes: bytes + draftRoom, lastSeq: seq });
  return { ...draft, seq };
}

export async function countItems(): Promise<number> {
  return (await database()).transaction('items').store.count();
}

/** What {@link changeOutbox}'s `decide` asks for: its answer, and the writes that go with it. */
export interface OutboxChange<T> {
  outcome: T;
  removeItems?: OutboxItem[];
  putItems?: OutboxItem[];
  addItems?: OutboxDraft[];
  removeFailures?: OutboxFailure[];
}

/**
 * Reads every item and failure, lets `decide` choose what to change, and writes it, all in one
 * strict transaction: what `decide` saw is what it changes, and a change reported is on disk.
 */
export async function changeOutbox<T>(decide: (items: OutboxItem[], failures: OutboxFailure[]) => OutboxChange<T>): Promise<T> {
  const transaction = (await database()).transaction(['items', 'failures'], 'readwrite', { durability: 'strict' });
  const items = transaction.objectStore('items');
  const failures = transaction.objectStore('failures');
  const change = decide(...(await Promise.all([items.getAll(), failures.getAll()])));
  for (const { seq } of change.removeItems ?? []) void items.delete(seq);
  for (const item of change.putItems ?? []) void items.put(item);
  for (const draft of change.addItems ?? []) void items.add(draft as OutboxItem);
  for (const { id } of change.removeFailures ?? []) void failures.delete(id);
  await transaction.done;
  return change.outcome;
}

/** The database of who is signed in to each app, in idb's wrapper. */
const owners = (): Promise<IDBPDatabase<OwnersSchema>> => openOwners().then((db) => wrap(db) as IDBPDatabase<OwnersSchema>);

/** A declared owner as read back: text, or `null` (signed out); anything else is no declaration. */
const asOwner = (value: unknown): string | null | undefined => (typeof value == 'string' || value === null ? value : undefined);

/**
 * Stores who is signed in to the app of `scope` (`null`: nobody), and, where the outbox has the
 * store of the schema-3 releases, as the origin's there, for their tabs and workers; with
 * `discard`, removes the items of that app (or of none) that someone else queued. Resolves with
 * the removed items.
 */
export async function declareOwner(owner: string | null, scope: string | undefined, discard: boolean): Promise<OutboxItem[]> {
  const outbox = await database();
  const legacy = outbox.objectStoreNames.contains('owner');
  const transaction = outbox.transaction(legacy ? ['items', 'owner'] : ['items'], 'readwrite', { durability: 'strict' });
  const items = transaction.objectStore('items');
  if (legacy) void transaction.objectStore('owner').put(owner, DECLARED_OWNER);
  const removed = discard ? (await items.getAll()).filter((item) => item.owner && item.owner !== owner && (!item.scope || !scope || item.scope == scope)) : [];
  for (const { seq } of removed) void items.delete(seq);
  await transaction.done;
  if (scope) {
    const declared = (await owners()).transaction('declared', 'readwrite', { durability: 'strict' });
    void declared.store.put(owner, scope);
    await declared.done;
  }
  return removed;
}

/**
 * Who was last declared signed in to the app of `scope` (`null`: nobody; undefined: never): as a
 * page of this release declared it, else as a schema-3 release's did, for the whole origin.
 */
export async function lastDeclaredOwner(scope: string): Promise<string | null | undefined> {
  const own = asOwner(await (await owners()).transaction('declared').store.get(scope));
  if (own !== undefined) return own;
  const outbox = await database();
  return outbox.objectStoreNames.contains('owner') ? asOwner(await outbox.transaction('owner').store.get(DECLARED_OWNER)) : undefined;
}
