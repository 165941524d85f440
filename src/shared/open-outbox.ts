/**
 * Opening the outbox: one set of rules for both of its access layers, `page/outbox.ts` (which
 * wraps the connection in idb) and `sw/outbox-store.ts` (bare IndexedDB). Each context keeps one
 * connection, and gives it up whenever keeping it would block or fail someone:
 * - an older connection that does not let go (a tab still running an earlier version, which
 *   ignores `versionchange`) is waited for {@link OPEN_BLOCKED_TIMEOUT_MS}, not forever: the open
 *   then fails with a TimeoutError, and one that succeeds after that is closed at once, so that it
 *   never blocks a later upgrade either;
 * - a context that wants a newer schema, or deletes the outbox (`versionchange`), is let through;
 * - a connection the browser closed (storage cleared), or a failed open, is not kept: the next
 *   operation opens anew.
 */
import { OUTBOX_DATABASE, OUTBOX_VERSION, upgradeOutbox } from './outbox-schema.js';

/**
 * How long opening the outbox may wait for an older connection to let go before it fails, rather
 * than hang a click or a delivery.
 */
export const OPEN_BLOCKED_TIMEOUT_MS = 3000;

let connection: Promise<IDBDatabase> | undefined;

/** This context's connection to the outbox, opened (and the schema upgraded) on first use. */
export const openOutbox = (): Promise<IDBDatabase> => (connection ??= open());

/** Closes this context's connection; the next operation opens a new one. */
export async function closeOutbox(): Promise<void> {
  const open = connection;
  connection = undefined;
  (await open?.catch(() => undefined))?.close();
}

function open(): Promise<IDBDatabase> {
  let gaveUp = false;
  const opened = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(OUTBOX_DATABASE, OUTBOX_VERSION);
    request.onupgradeneeded = ({ oldVersion }) => upgradeOutbox(request.result, oldVersion);
    request.onblocked = () =>
      setTimeout(() => {
        gaveUp = true;
        reject(new DOMException('Outbox blocked', 'TimeoutError'));
      }, OPEN_BLOCKED_TIMEOUT_MS);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      if (gaveUp) return db.close();
      db.onversionchange = db.onclose = () => {
        db.close();
        if (connection === opened) connection = undefined;
      };
      resolve(db);
    };
  });
  opened.catch(() => {
    if (connection === opened) connection = undefined;
  });
  return opened;
}
