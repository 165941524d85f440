/**
 * The names both sides of the outbox agree on, and the order of its locks: the page (element,
 * queue API) and the service worker import them from here, so a rename cannot split them.
 */
import type { NotAcceptedProblem, RefusalProblem } from './outbox-schema.js';

/** The one Background Sync tag this library registers and handles; other tags belong to the host. */
export const SYNC_TAG = 'sync-notify-outbox';

/** BroadcastChannel on which deliveries and failures are announced to every page of the origin. */
export const OUTBOX_CHANNEL = 'sync-notify-outbox';

/**
 * Web Lock held while notifications are shown and their items removed, so pages and the worker
 * never show an item twice.
 */
export const DELIVERY_LOCK = 'sync-notify-outbox-delivery';

/**
 * Web Lock held while API calls are sent, one at a time and in order. A lock of its own: a slow
 * server holds back later requests, never a notification.
 */
export const SEND_LOCK = 'sync-notify-outbox-send';

/**
 * Runs `work` once no delivery runs anywhere, holding both locks, and keeps every delivery waiting
 * until it is done. Taken in the one order every holder of both takes them, send lock then delivery
 * lock (the send flush shows what it sent under the delivery lock, while it holds the send lock),
 * so that no two holders wait on each other.
 */
export const betweenDeliveries = <T>(work: () => Promise<T>): Promise<T> =>
  navigator.locks.request(SEND_LOCK, () => navigator.locks.request(DELIVERY_LOCK, work)) as Promise<T>;

/** Prefix of the notification tag given to items whose author set none. */
export const NOTIFICATION_TAG_PREFIX = 'sync-notify-';

/** Tag of the one notification that stands for several delivered together in summary mode. */
export const SUMMARY_TAG = 'sync-notify-summary';

/**
 * postMessage a page sends to the service worker when it cannot rely on a sync event. `owner`,
 * where the page declared who is signed in (`null`: nobody): the worker delivers an owned item
 * only once a page of its app has said so since it started.
 */
export interface FlushRequest {
  type: 'sync-notify:flush';
  owner?: string | null;
}

export const FLUSH_REQUEST: FlushRequest = { type: 'sync-notify:flush' };

/**
 * What the worker answers a request for delivery with, on its port: the release of the
 * page–worker protocol it speaks. Releases before this one answered 0: a page that hears less than
 * its own knows the site's worker file is older than its element (request-delivery.ts says so).
 */
export const PROTOCOL_RELEASE = 2;

export function isFlushRequest(data: unknown): data is FlushRequest {
  return (data as FlushRequest | null)?.type === FLUSH_REQUEST.type;
}

/**
 * What is announced on {@link OUTBOX_CHANNEL}; `pending`, where the announcer counted it in the
 * same transaction (the worker, as it removes delivered items), is how many items are left, so
 * that no page has to count them.
 */
export type OutboxAnnouncement = { pending?: number } & (
  | { type: 'queued'; id: string }
  | { type: 'delivered'; id: string }
  | { type: 'delivery-failed'; id: string; message: string }
  /** The request will be sent again from `retryAt` (5xx, 429 or no network). */
  | { type: 'retry'; id: string; retryAt: number }
  /** The server refused the request (`status`), or the worker did (0, and why): dropped for good. */
  | { type: 'rejected'; id: string; status: number; problem?: RefusalProblem }
  /** A form the server did not accept (`status`, and how): kept with what was typed, to be sent again from its form. */
  | { type: 'not-accepted'; id: string; status: number; problem: NotAcceptedProblem }
  /** Waited longer than its max-age: dropped undelivered. */
  | { type: 'expired'; id: string }
  /** Taken back by the person at the keyboard (or cleared at sign-out) before it was sent. */
  | { type: 'cancelled'; id: string }
  /** A failure the person dismissed, or one sent back to the queue (`retryNow`). */
  | { type: 'dismissed'; id: string }
);

/** Where a notification's own data keeps what the worker needs when it is clicked. */
export interface NotificationData {
  syncNotify: { id: string; url?: string; allowExternalUrl?: boolean };
}
