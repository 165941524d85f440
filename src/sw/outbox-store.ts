/**
 * The worker's side of the outbox: the operations delivery needs (read, remove, record a failure,
 * update), on bare IndexedDB, since idb alone would take 1.4 of the worker's 2.8 KB budget. It
 * opens the outbox as the page's idb layer (page/outbox.ts) does, through shared/open-outbox.ts.
 */
import { openOutbox, openOwners } from '../shared/open-outbox.js';
import { OUTBOX_BYTE_BUDGET, roomOf } from '../shared/limits.js';
import { DECLARED_OWNER, FAILURE_MAX_AGE_MS, MAX_FAILURES, type OutboxFailure, type OutboxItem } from '../shared/outbox-schema.js';

type StoreName = 'items' | 'failures' | 'owner' | 'declared';

/** Settles with a transaction's outcome. */
function settled<T>(transaction: IDBTransaction, result: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve(result());
    // Set on every abort but an explicit abort(), which nothing here calls.
    transaction.onabort = transaction.onerror = () => reject(transaction.error);
  });
}

/**
 * Runs `work` in one transaction over `stores` and resolves once it committed, with what
 * `work` returned read after the commit (a request's result is final by then).
 */
async function transact<T>(
  stores: StoreName[],
  mode: IDBTransactionMode,
  work: (store: (name: StoreName) => IDBObjectStore) => () => T,
  database: Promise<IDBDatabase> = openOutbox(),
): Promise<T> {
  const transaction = (await database).transaction(stores, mode);
  return settled(transaction, work((name) => transaction.objectStore(name)));
}

/** One record of a store, by key. */
const read = (store: StoreName, key: IDBValidKey, database?: Promise<IDBDatabase>): Promise<unknown> =>
  transact(
    [store],
    'readonly',
    (stores) => {
      const request = stores(store).get(key);
      return () => request.result;
    },
    database,
  );

/**
 * The owner last declared for the app of `scope` (undefined: never; null: signed out): as a page
 * of this release declared it, else as a schema-3 release's did, for the whole origin, in the
 * outbox's `owner` store where there is one (shared/outbox-schema.ts).
 */
async function declaredOwner(scope: string): Promise<unknown> {
  const own = await read('declared', scope, openOwners());
  if (own !== undefined || !(await openOutbox()).objectStoreNames.contains('owner')) return own;
  return read('owner', DECLARED_OWNER);
}

/** Every queued item of the outbox, oldest first, and the owner last declared for the app of `scope`. */
export const listItems = (scope: string): Promise<[OutboxItem[], unknown]> =>
  // The owner is in a database of its own: both reads go at once.
  Promise.all([
    transact(['items'], 'readonly', (store) => {
      const items = store('items').getAll() as IDBRequest<OutboxItem[]>;
      return () => items.result;
    }),
    declaredOwner(scope),
  ]);

/** One item as it is stored now (undefined once it is gone), and the owner last declared for the app of `scope`. */
export const readItem = (seq: number, scope: string): Promise<[unknown, unknown]> => Promise.all([read('items', seq), declaredOwner(scope)]);

const nothing = () => undefined;

/**
 * Removes items, in one transaction; called only once their notifications were shown. Resolves
 * with the number of items left, counted in the same transaction.
 */
export const removeItems = (items: OutboxItem[]): Promise<number> =>
  transact(['items'], 'readwrite', (store) => {
    for (const { seq } of items) store('items').delete(seq);
    const left = store('items').count();
    return () => left.result;
  });

/** Replaces a stored item (retry bookkeeping). */
export const updateItem = (item: OutboxItem): Promise<void> =>
  transact(['items'], 'readwrite', (store) => (store('items').put(item), nothing));

/**
 * Removes an item and records why, in one transaction: nothing is lost between the two. The
 * failures stay bounded: the oldest past {@link MAX_FAILURES} go, any past their age limit, and
 * the oldest that take the outbox (its items too) past its byte budget; the one recorded now stays.
 */
export const moveToFailures = (item: OutboxItem, failure: OutboxFailure): Promise<void> =>
  transact(['items', 'failures'], 'readwrite', (store) => {
    const failures = store('failures');
    store('items').delete(item.seq);
    failures.put(failure);
    const waiting = store('items').getAll();
    const all = failures.getAll() as IDBRequest<OutboxFailure[]>;
    all.onsuccess = () => {
      let room = roomOf(waiting.result);
      all.result
        .sort((newer, older) => older.failedAt - newer.failedAt)
        .forEach((kept, index) => {
          room += roomOf(kept);
          // NaN (a record without a time) fails the comparison too.
          const overdue = index >= MAX_FAILURES || !(kept.failedAt > Date.now() - FAILURE_MAX_AGE_MS) || room > OUTBOX_BYTE_BUDGET;
          if (overdue && kept.id != failure.id) failures.delete(kept.id);
        });
    };
    return nothing;
  });
