/**
 * The outbox's shape, shared by both of its access layers: `page/outbox.ts` (on idb) and
 * `sw/outbox-store.ts` (on bare IndexedDB, small enough for the worker's budget), which open it
 * through `open-outbox.ts`.
 */
import type { DBSchema } from 'idb';

export const OUTBOX_DATABASE = 'sync-notify-outbox';

/**
 * The version this release creates the outbox at, with {@link OUTBOX_STORES}. It opens the outbox
 * at whatever version it finds (a release before it made 2, one of them 3, with an `owner` store
 * this release no longer creates): an open tab of another release must never be refused the
 * database (CONTRIBUTING.md, "Schema changes").
 */
export const OUTBOX_VERSION = 2;

/** The outbox's stores, as this release needs them and creates them where they are missing. */
export const OUTBOX_STORES: Record<'items' | 'failures', IDBObjectStoreParameters> = {
  items: { keyPath: 'seq', autoIncrement: true },
  failures: { keyPath: 'id' },
};

/**
 * Who is signed in to each app, by registration scope: a database of its own, which releases before
 * it never open, so that it takes no new version of the outbox.
 */
export const OWNERS_DATABASE = 'sync-notify-owners';
export const OWNERS_STORES: Record<'declared', IDBObjectStoreParameters> = { declared: {} };

/**
 * The failures are bounded: at most this many are kept, the newest; older ones go as a new one is
 * recorded, and so does any older than {@link FAILURE_MAX_AGE_MS}. They hold what the person wrote.
 */
export const MAX_FAILURES = 100;
export const FAILURE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Schemes a notification's `url` (and an API call) may go to, and its `icon` and `badge` may show. */
export const LINK_SCHEME = /^https?:$/;
export const IMAGE_SCHEME = /^(https?|data|blob):$/;

/** A notification's text directions, and the methods an API call may send its body with. */
export const DIRECTIONS = ['auto', 'ltr', 'rtl'] as const satisfies readonly NotificationDirection[];
export const METHODS = ['POST', 'PUT', 'PATCH'] as const;

/** What the author asked to be shown: the attributes of `<sync-notify-button>`, validated. */
export interface OutboxNotification {
  title: string;
  body: string;
  /** Absolute URLs: a relative one would resolve against the worker's script, not the page. */
  icon?: string;
  badge?: string;
  /** Opened or focused when the notification is clicked: the page's origin unless {@link allowExternalUrl}. */
  url?: string;
  /** The author allowed a `url` on another origin (`allow-external-url`). */
  allowExternalUrl?: boolean;
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
export interface OutboxApiCall {
  /** Absolute URL; same-origin unless the author opted into `crossOrigin`. */
  url: string;
  method: (typeof METHODS)[number];
  /** The author's headers, from the safe list only; Content-Type and Idempotency-Key are added. */
  headers: Record<string, string>;
  /**
   * JSON text: `{ title, body, data }`; a form's fields as its `enctype` encodes them (urlencoded,
   * text/plain); empty for a multipart form, whose entries are in {@link form}.
   */
  body: string;
  /**
   * A form's `enctype` (`application/x-www-form-urlencoded`, `multipart/form-data`, `text/plain`);
   * absent for an API call's JSON. Whether the server accepted a form is judged by its answer as a
   * person would read it (sw/form-answer.ts): a redirect to its sign-in page, or the same form
   * shown again, is not acceptance.
   */
  contentType?: FormContentType;
  /**
   * A form's fields and files, in order: a multipart one's, which the worker sends as `FormData`,
   * and a text/plain one's, whose text cannot be read back into fields. What was typed, to put back
   * into the form when the server did not accept it.
   */
  form?: FormEntry[];
  /** The page the form was sent from (without its fragment): where the person finds it again. */
  formPage?: string;
  /** The site's sign-in page, as the author named it (`sign-in-url`): a form that lands there was not accepted. */
  signInUrl?: string;
  /** The page that says a form was taken, as the author named it (`success-url`): a form that lands there was accepted. */
  successUrl?: string;
  /**
   * A form sent again from its page after the server did not accept it (`resendOf`): not accepted
   * once more, it is put back into the form for the person, never sent again by itself.
   */
  resent?: boolean;
  crossOrigin?: boolean;
  /** Milliseconds an attempt may take before it is abandoned and retried; default 30 s. */
  timeout?: number;
}

/** How a `<form>` is encoded (its `enctype`). */
export type FormContentType = 'application/x-www-form-urlencoded' | 'multipart/form-data' | 'text/plain';

/** One field of a multipart form, as `FormData` holds it: a name, and text or a file. */
export type FormEntry = [name: string, value: string | File];

/**
 * An item the worker settles as rejected without an HTTP status: it can never succeed. `malformed`:
 * the record read back is not of the shape this library writes (shared/outbox-record.ts);
 * `unshowable`: its notification failed to show at every one of a few attempts.
 */
export type RefusalProblem = 'cross-origin' | 'redirect' | 'unsendable' | 'malformed' | 'unshowable';

/**
 * Why a server did not accept a form, as its answer says: its sign-in page, 401, 419 or 440
 * (`sign-in`: the session ended); the same form again, as typed (`shown-again`: its validation);
 * any other refusal (`refused`: a stale CSRF token, a 403); no answer in its time to an upload,
 * which may have reached the server in full and is not sent again by itself (`no-answer`). The
 * form is kept with what was typed.
 */
export type NotAcceptedProblem = 'sign-in' | 'shown-again' | 'refused' | 'no-answer';

/** An item dropped from the queue for good, kept here so the app can tell its user. */
export interface OutboxFailure {
  id: string;
  /**
   * `rejected`: the server answered a 4xx other than 429, or the worker refused to send it (status
   * 0, see `problem`), as the `rejected` announcement and the element's `sync-notify-error` say.
   * Earlier versions stored it as `refused`, which `listFailures` reads as `rejected`.
   * `not-accepted`: a form the server did not accept (`problem` says how), kept to be sent again
   * from its form.
   */
  reason: 'rejected' | 'expired' | 'not-accepted';
  /** The HTTP status of a refusal (0 when the worker refused to send, see `problem`). */
  status?: number;
  /**
   * Why the worker refused to send it (not its page's origin, a redirect, a request that cannot be
   * built, or a malformed record), or why the server did not accept a form.
   */
  problem?: RefusalProblem | NotAcceptedProblem;
  failedAt: number;
  /** Absent when the record was `malformed` and had no notification that could be shown. */
  notification?: OutboxNotification;
  /** The item's API call (named `request` since the outbox's first version, which stored it so). */
  request?: OutboxApiCall;
  /** The item's registration scope, for a retry (absent on failures recorded by earlier versions). */
  scope?: string;
  /** The item's owner, for a retry: sent again only while that owner is declared. */
  owner?: string;
  /**
   * The item's max-age, in seconds, for a retry: it may wait as long again. Absent on failures
   * recorded by earlier versions, and for items that had no expiry: a retry waits the default.
   */
  maxAge?: number;
}

export interface OutboxItem {
  /** Assigned by IndexedDB's key generator, so it is the order in which items were queued. */
  seq: number;
  /** Unique across devices: the default notification tag, so a re-show replaces, never duplicates. */
  id: string;
  /** `Date.now()` when the item was stored. */
  queuedAt: number;
  /**
   * The scope of the service-worker registration that queued it: only that registration's
   * worker delivers it, so two apps on one origin never show each other's notifications.
   * Absent on items queued by earlier versions, which any worker delivers.
   */
  scope?: string;
  /** Dropped, not delivered, after this time (`Date.now()` scale). */
  expiresAt?: number;
  /**
   * Who was signed in when it was queued (`owner`): its app's worker shows and sends it only once a
   * page of the app has said, since the worker started, that the same owner is signed in
   * (`setOwner`, the `owner` attribute, `<meta name="sync-notify-owner">`), never under another
   * user's session; its request carries it (`Sync-Notify-Owner`) for the server to check.
   */
  owner?: string;
  notification: OutboxNotification;
  /** The API call the notification confirms (named `request` since the outbox's first version, which stored it so). */
  request?: OutboxApiCall;
  /** Set once the request got a 2xx, so a retry only shows the notification again. */
  sentAt?: number;
  /** Failed attempts to send its request so far, for the backoff. */
  attempts?: number;
  /** Failed attempts to show its notification so far: set aside as a failure after a few (shared/limits.ts). */
  shows?: number;
  /** Not to be sent again before this time (`Date.now()` scale). */
  retryAt?: number;
}

/**
 * The key under which the releases with an `owner` store in the outbox (schema 3) kept the owner
 * last declared on the origin (`null`: signed out), and read it. This release writes it there too,
 * where the store is, for their tabs and workers, and reads it where no page of its own has
 * declared yet.
 */
export const DECLARED_OWNER = 'declared';

export interface OutboxSchema extends DBSchema {
  items: { key: number; value: OutboxItem };
  failures: { key: string; value: OutboxFailure };
  /** Only in an outbox a schema-3 release created: its owner, under {@link DECLARED_OWNER}. */
  owner: { key: string; value: string | null };
}

/** Who is signed in, per app: `declared` holds each registration scope's owner (`null`: nobody). */
export interface OwnersSchema extends DBSchema {
  declared: { key: string; value: string | null };
}
