/**
 * The page's side of the outbox, on idb: queue an item, count, list, clear. Delivery drains the
 * same database through delivery-store.ts; both open it with the schema in outbox-schema.ts.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { OUTBOX_DATABASE, OUTBOX_VERSION, upgradeOutbox, type OutboxFailure, type OutboxItem, type OutboxSchema } from './outbox-schema.js';

export type { NotificationRequest, OutboxFailure, OutboxItem, OutboxRequest } from './outbox-schema.js';

/** Thrown by {@link addItem} when the outbox already holds `maxItems`: nothing was stored. */
export class OutboxFullError extends Error {
  override name = 'OutboxFullError';
}

/** An item as handed to {@link addItem}, before IndexedDB numbers it. */
export type OutboxDraft = Omit<OutboxItem, 'seq'>;

type OutboxDatabase = IDBPDatabase<OutboxSchema>;

let connection: Promise<OutboxDatabase> | undefined;

function database(): Promise<OutboxDatabase> {
  connection ??= openDB<OutboxSchema>(OUTBOX_DATABASE, OUTBOX_VERSION, {
    upgrade: (db, oldVersion) => upgradeOutbox(db, oldVersion),
    // Another page or the worker wants a newer schema, or is deleting the outbox: let it.
    blocking: () => void closeOutbox(),
    terminated: () => {
      connection = undefined;
    },
  });
  // A failed open must not be cached: the next call tries again.
  connection.catch(() => {
    connection = undefined;
  });
  return connection;
}

/**
 * Stores a new item at the end of the queue, unless the outbox already holds `maxItems`: count
 * and add share one transaction, so tabs queuing at once cannot pass the limit together.
 */
export async function addItem(draft: OutboxDraft, maxItems = Infinity): Promise<OutboxItem> {
  const transaction = (await database()).transaction('items', 'readwrite');
  // Both requests go out at once (one round trip to the database, not two); requests run in
  // order, so the count excludes the add, which an abort undoes before anything commits.
  const counted = transaction.store.count();
  // `seq` is absent on purpose: the store's key generator assigns it.
  const added = transaction.store.add(draft as OutboxItem);
  // Stored means committed: a quota error surfaces at commit, after the request succeeded.
  const committed = transaction.done;
  if ((await counted) >= maxItems) {
    transaction.abort();
    await Promise.allSettled([added, committed]);
    throw new OutboxFullError(`The outbox already holds ${maxItems} items`);
  }
  const [seq] = await Promise.all([added, committed]);
  return { ...draft, seq };
}

/** Every queued item, oldest first. */
export async function listItems(): Promise<OutboxItem[]> {
  return (await database()).getAll('items');
}

export async function countItems(): Promise<number> {
  return (await database()).count('items');
}

/** Items dropped undelivered: requests the server refused, and items that expired. */
export async function listFailures(): Promise<OutboxFailure[]> {
  return (await database()).getAll('failures');
}

/** Discards everything queued, and the record of refused requests. */
export async function clearOutbox(): Promise<void> {
  const db = await database();
  await Promise.all([db.clear('items'), db.clear('failures')]);
}

/** Closes this context's connection; the next operation opens a new one. */
export async function closeOutbox(): Promise<void> {
  const open = connection;
  connection = undefined;
  (await open?.catch(() => undefined))?.close();
}
