/**
 * The field table: every field an author sets on an outbox item (the element's properties, the keys
 * of `queueNotification` and `queueApiCall`), with its type and bounds. The check at the door
 * (page/validate.ts, page/api-calls.ts) reads it, and names a refused field by its key here; the
 * input types are derived from it. The bounds are the constants of shared/limits.ts, which the
 * check of what is read back (shared/outbox-record.ts, api-call-record.ts) reads too. Fields with a
 * shape of their own (`headers`, `data`, `form`) are checked where they are read.
 */
import { MAX_AGE_MS, MAX_BODY_LENGTH, MAX_REQUEST_TIMEOUT_MS, MAX_TITLE_LENGTH } from './limits.js';
import { DIRECTIONS, IMAGE_SCHEME, LINK_SCHEME, METHODS, type OutboxNotification } from './outbox-schema.js';

/** One field: what it holds, and what bounds it. */
export interface Field {
  /**
   * What it holds, as `typeof` says, text when unsaid: anything else from a JavaScript caller is
   * refused, never stored.
   */
  type?: 'boolean' | 'number';
  /** Text: the most characters. A number: the largest (and it must be above 0). */
  max?: number;
  /** Refused when blank (`missing`). */
  required?: boolean;
  /** A URL, absolute against the page, on one of these schemes. */
  scheme?: RegExp;
  /** The only values it may take. */
  oneOf?: readonly string[];
}

type Fields = Record<string, Field>;

/**
 * The notification, stored as it is set: its keys are {@link OutboxNotification}'s, and the order
 * is the order of the door's checks (the first refusal is the one reported).
 */
export const NOTIFICATION_FIELDS = {
  title: { max: MAX_TITLE_LENGTH, required: true },
  body: { max: MAX_BODY_LENGTH, required: true },
  // A `data:` image counts against the item's size.
  icon: { scheme: IMAGE_SCHEME },
  badge: { scheme: IMAGE_SCHEME },
  url: { scheme: LINK_SCHEME },
  tag: { max: MAX_TITLE_LENGTH },
  lang: { max: MAX_TITLE_LENGTH },
  summary: { max: MAX_TITLE_LENGTH },
  dir: { oneOf: DIRECTIONS },
  requireInteraction: { type: 'boolean' },
  silent: { type: 'boolean' },
  allowExternalUrl: { type: 'boolean' },
} as const satisfies Record<keyof OutboxNotification, Field>;

/** How long an item may wait, how many the outbox holds, and whose it is. */
export const RETENTION_FIELDS = {
  /** Seconds an item may wait before it is dropped undelivered. */
  maxAge: { type: 'number', max: MAX_AGE_MS / 1000 },
  /** Items the outbox may hold. */
  maxItems: { type: 'number', max: 10_000 },
  /** Who is signed in (an id the site chooses): the item is sent only while this owner is declared (`setOwner`). */
  owner: { max: MAX_TITLE_LENGTH },
} as const satisfies Fields;

/** An API call made through the outbox, and a form sent as one. */
export const API_CALL_FIELDS = {
  endpoint: { scheme: LINK_SCHEME },
  method: { oneOf: METHODS },
  /**
   * A form's sign-in page, where the default rule does not know it: a form whose post lands there
   * was not accepted (the person is asked to sign in again). On the page's origin.
   */
  signInUrl: { scheme: LINK_SCHEME },
  /**
   * The page a form's post lands on when the server took it, where the default rule misjudges it
   * (a success page that shows the form again, say): landing there is sent. On the page's origin.
   */
  successUrl: { scheme: LINK_SCHEME },
  /**
   * The id of a form the server did not accept (a failure, `not-accepted`) that this form sends
   * again, with what the page holds now (fresh hidden fields, such as a CSRF token): the new item
   * takes its id, so its Idempotency-Key stays the same, and the failure is removed as it is queued.
   */
  resendOf: { max: MAX_TITLE_LENGTH },
  allowCrossOrigin: { type: 'boolean' },
  /** Seconds an attempt may take before it is abandoned and retried later. Default 30. */
  requestTimeout: { type: 'number', max: MAX_REQUEST_TIMEOUT_MS / 1000 },
} as const satisfies Fields;

/** What a field holds: text unless its `type` says otherwise. */
type ValueOf<F extends Field> = F extends { type: 'boolean' } ? boolean : F extends { type: 'number' } ? number : string;

/** The names of the fields of `F` that hold a `T`. */
export type FieldOf<F extends Fields, T> = { [K in keyof F]: ValueOf<F[K]> extends T ? K : never }[keyof F];

/** What an author may set for the fields of `F`: each optional, and unchecked (`null`: unset). */
export type InputOf<F extends Fields> = { -readonly [K in keyof F]?: ValueOf<F[K]> | null };
