/**
 * The outbox: the IndexedDB store that holds every notification until it was shown.
 * The page writes to it and the service worker drains it; nothing else touches the database.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { OUTBOX_DATABASE } from './protocol.js';

/** What the author asked to be shown: the attributes of `<sync-notify-button>`, validated. */
export interface NotificationRequest {
  title: string;
  body: string;
  /** Absolute URLs: a relative one would resolve against the worker's script, not the page. */
  icon?: string;
  badge?: string;
  /** Opened or focused when the notification is clicked. */
  url?: string;
  /** Replaces an earlier notification with the same tag; defaults to one tag per item. */
  tag?: string;
  lang?: string;
  dir?: NotificationDirection;
  requireInteraction?: boolean;
  silent?: boolean;
  /**
   * Summary mode: when several such items are delivered together, one notification with this
   * title (`{count}` replaced) stands for all of them.
   */
  summary?: string;
}

/** An API call queued with the notification (a chat message): sent first, notified on success. */
export interface OutboxRequest {
  /** Absolute URL; same-origin unless the author opted into `crossOrigin`. */
  url: string;
  method: 'POST' | 'PUT' | 'PATCH';
  /** The author's headers, from the safe list only; Content-Type and Idempotency-Key are added. */
  headers: Record<string, string>;
  /** JSON text: `{ title, body, data }`. */
  body: string;
  crossOrigin?: boolean;
}

/** An item dropped from the queue for good, kept here so the app can tell its user. */
export interface OutboxFailure {
  id: string;
  /** `refused`: the server answered a 4xx other than 429 (or the worker refused a cross-origin URL). */
  reason: 'refused' | 'expired';
  /** The HTTP status of a refusal (0 when the worker refused to send). */
  status?: number;
  failedAt: number;
  notification: NotificationRequest;
  request?: OutboxRequest;
}

/** Thrown by {@link addItem} when the outbox already holds `maxItems`: nothing was stored. */
export class OutboxFullError extends Error {
  override name = 'OutboxFullError';
}

export interface OutboxItem {
  /** Assigned by IndexedDB's key generator, so it is the order in which items were queued. */
  seq: number;
  /** Unique across devices: the default notification tag, so a re-show replaces, never duplicates. */
  id: string;
  /** `Date.now()` when the item was stored. */
  queuedAt: number;
  /** Dropped, not delivered, after this time (`Date.now()` scale). */
  expiresAt?: number;
  notification: NotificationRequest;
  request?: OutboxRequest;
  /** Set once the request got a 2xx, so a retry only shows the notification again. */
  sentAt?: number;
  /** Failed attempts so far, for the backoff. */
  attempts?: number;
  /** Not to be sent again before this time (`Date.now()` scale). */
  retryAt?: number;
}

/** An item as handed to {@link addItem}, before IndexedDB numbers it. */
export type OutboxDraft = Omit<OutboxItem, 'seq'>;

interface OutboxSchema extends DBSchema {
  items: { key: number; value: OutboxItem };
  failures: { key: string; value: OutboxFailure };
}

type OutboxDatabase = IDBPDatabase<OutboxSchema>;

let connection: Promise<OutboxDatabase> | undefined;

function database(): Promise<OutboxDatabase> {
  connection ??= openDB<OutboxSchema>(OUTBOX_DATABASE, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('items', { keyPath: 'seq', autoIncrement: true });
      if (oldVersion < 2) db.createObjectStore('failures', { keyPath: 'id' });
    },
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
  // Nothing written yet: the transaction commits empty.
  if ((await transaction.store.count()) >= maxItems) throw new OutboxFullError(`The outbox already holds ${maxItems} items`);
  // `seq` is absent on purpose: the store's key generator assigns it.
  const seq = await transaction.store.add(draft as OutboxItem);
  // Stored means committed: a quota error surfaces at commit, after the request succeeded.
  await transaction.done;
  return { ...draft, seq };
}

/** Every queued item, oldest first. */
export async function listItems(): Promise<OutboxItem[]> {
  return (await database()).getAll('items');
}

export async function countItems(): Promise<number> {
  return (await database()).count('items');
}

/** Replaces a stored item (retry bookkeeping). */
export async function updateItem(item: OutboxItem): Promise<void> {
  await (await database()).put('items', item);
}

/** Removes an item and records why, in one transaction: nothing is lost between the two. */
export async function moveToFailures(item: OutboxItem, failure: OutboxFailure): Promise<void> {
  const transaction = (await database()).transaction(['items', 'failures'], 'readwrite');
  await Promise.all([
    transaction.objectStore('items').delete(item.seq),
    transaction.objectStore('failures').put(failure),
    transaction.done,
  ]);
}

/** Requests the server refused. */
export async function listFailures(): Promise<OutboxFailure[]> {
  return (await database()).getAll('failures');
}

/** Removes one item; called only once its notification was shown. */
export async function removeItem(seq: number): Promise<void> {
  await (await database()).delete('items', seq);
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
