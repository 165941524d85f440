/**
 * Opening the outbox, and the database of who is signed in: one set of rules for every access
 * layer, `page/outbox.ts` (which wraps the connection in idb) and `sw/outbox-store.ts` (bare
 * IndexedDB). Each context keeps one connection to each, and gives it up whenever keeping it
 * would block or fail someone:
 * - a database is opened as it is, at whatever version a release of this library left it, so that
 *   releases side by side (a tab of yesterday's, today's worker) each open it at their own: a
 *   version is changed only to create a store it lacks (see "Schema changes" in CONTRIBUTING.md);
 * - an older connection that does not let go (a tab still running an earlier version, which
 *   ignores `versionchange`) is waited for {@link OPEN_BLOCKED_TIMEOUT_MS}, not forever: the open
 *   then fails with a TimeoutError, and one that succeeds after that is closed at once, so that it
 *   never blocks a later upgrade either;
 * - a context that wants a newer schema, or deletes the database (`versionchange`), is let through;
 * - a connection the browser closed (storage cleared), or a failed open, is not kept: the next
 *   operation opens anew.
 */
import { OUTBOX_DATABASE, OUTBOX_STORES, OUTBOX_VERSION, OWNERS_DATABASE, OWNERS_STORES } from './outbox-schema.js';

/**
 * How long opening may wait for an older connection to let go before it fails, rather than hang a
 * click or a delivery.
 */
export const OPEN_BLOCKED_TIMEOUT_MS = 3000;

/** The stores a database needs, each with how it is created. */
type Stores = Record<string, IDBObjectStoreParameters>;

/** Settles with an open request's database, once opened, `keep` set on it; it may be blocked so long only. */
function opened(request: IDBOpenDBRequest, keep: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  let gaveUp = false;
  return new Promise<IDBDatabase>((resolve, reject) => {
    request.onblocked = () =>
      setTimeout(() => {
        gaveUp = true;
        reject(new DOMException('Outbox blocked', 'TimeoutError'));
      }, OPEN_BLOCKED_TIMEOUT_MS);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      if (gaveUp) return db.close();
      keep(db);
      resolve(db);
    };
  });
}

/**
 * Opens `name` as it is, then, where it lacks one of `stores` (a first visit creates it at
 * `version`; a database of a release before the store), at the next version that creates it.
 */
async function openAsItIs(name: string, version: number, stores: Stores, keep: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  // Without a version: whatever a release left, never changed. Absent, it is not created here.
  const asItIs = indexedDB.open(name);
  asItIs.onupgradeneeded = () => asItIs.transaction!.abort();
  const found = await opened(asItIs, keep).catch(() => undefined);
  const missing = (db: IDBDatabase) => Object.keys(stores).filter((store) => !db.objectStoreNames.contains(store));
  if (found && !missing(found)[0]) return found;
  found?.close();
  const request = indexedDB.open(name, found ? Math.max(version, found.version + 1) : version);
  request.onupgradeneeded = () => missing(request.result).forEach((store) => request.result.createObjectStore(store, stores[store]));
  return opened(request, keep);
}

/** One kept connection to a database: opened on first use, let go whenever keeping it would block or fail someone. */
function keptConnection(name: string, version: number, stores: Stores) {
  let connection: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    const opening = openAsItIs(name, version, stores, (db) => {
      db.onversionchange = db.onclose = () => {
        db.close();
        if (connection === opening) connection = undefined;
      };
    });
    opening.catch(() => {
      if (connection === opening) connection = undefined;
    });
    return opening;
  };
  return {
    open: (): Promise<IDBDatabase> => (connection ??= open()),
    async close(): Promise<void> {
      const kept = connection;
      connection = undefined;
      (await kept?.catch(() => undefined))?.close();
    },
  };
}

const outbox = keptConnection(OUTBOX_DATABASE, OUTBOX_VERSION, OUTBOX_STORES);
const owners = keptConnection(OWNERS_DATABASE, 1, OWNERS_STORES);

/** This context's connection to the outbox, opened (its stores created where missing) on first use. */
export const openOutbox = outbox.open;

/** Closes this context's connection to the outbox; the next operation opens a new one. */
export const closeOutbox = outbox.close;

/** This context's connection to the database of who is signed in to each app. */
export const openOwners = owners.open;
