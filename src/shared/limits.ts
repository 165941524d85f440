/**
 * The bounds of everything the outbox stores, written once: the check at the door (page/validate.ts,
 * page/api-calls.ts) refuses input beyond them, and the check of what is read back
 * (shared/outbox-record.ts) sets aside a record beyond them, whichever code wrote it. Each field an
 * author sets is bounded in the field table (shared/input-fields.ts), which reads these.
 */

/** The longest title and body, in characters: more is no notification any system shows whole. */
export const MAX_TITLE_LENGTH = 250;
export const MAX_BODY_LENGTH = 2000;

/**
 * The most one item may take in the outbox, as JSON text (its notification, `data:` icons, API
 * call, headers and `data` included, a form's text fields too; its files count against
 * {@link MAX_FORM_FILE_BYTES}): 64 KB. Items wait on the person's disk, and the outbox reads them
 * all at each delivery.
 */
export const MAX_ITEM_BYTES = 64 * 1024;

/**
 * The files of one form item, together: 10 MB. They rest on the person's disk until sent; a larger
 * one is refused at the click, and nothing is queued.
 */
export const MAX_FORM_FILE_BYTES = 10_000_000;

/**
 * Everything the outbox holds together, items and failures, files included: 30 MB, three forms with
 * their largest files. The origin's quota is shared with the site's own caches: a press that would
 * go past it is refused (`outbox-full`), and failures make room, the oldest first.
 */
export const OUTBOX_BYTE_BUDGET = 30_000_000;

/** An API call's own headers: at most 16, of at most 4 KB together (names and values). */
export const MAX_HEADERS = 16;
export const MAX_HEADER_BYTES = 4096;

/** The longest an item may wait (`maxAge`, in seconds, in the field table): 30 days. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The longest an attempt to send an API call may take, as an author may set it (`requestTimeout`,
 * in seconds, in the field table: shared/input-fields.ts) and as the worker waits for one: 10 minutes.
 */
export const MAX_REQUEST_TIMEOUT_MS = 10 * 60 * 1000;

/** The longest wait between two attempts, whatever `Retry-After` asks: past it, the person waits in vain. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * How slow an upload may be before its attempt is abandoned: 256 kbit/s. An attempt may take its
 * `request-timeout`, and one second more for each 32 KB of its body: a 10 MB form 5 minutes more.
 */
export const UPLOAD_FLOOR_BYTES_PER_SECOND = 32_000;

/**
 * A body larger than this is an upload (only a form's files make one): abandoned for time, it may
 * have reached the server in full, and is not sent again by itself.
 */
export const UPLOAD_BYTES = MAX_ITEM_BYTES;

/** Failed attempts to show an item's notification before it is set aside as a failure. */
export const MAX_SHOW_ATTEMPTS = 5;

/** Failed attempts to send an item's request, retried until its max-age: more than any backoff reaches in 30 days. */
export const MAX_SEND_ATTEMPTS = 1000;

/**
 * The times this library writes lie between its first year and now, give or take a device clock
 * set a day wrong: anything else was written by other code, and is set aside.
 */
export const EARLIEST_TIME = Date.UTC(2024, 0, 1);
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * How much room a record takes, near enough: its text a byte a character, its files their size, a
 * little for anything else. Read back from a shared database, a record may be of any shape: what
 * lies deeper than this library ever writes is not counted (the record check sets it aside).
 */
export function roomOf(value: unknown, depth = 0): number {
  if (typeof value == 'string') return value.length;
  if (value instanceof Blob) return value.size;
  if (!value || typeof value != 'object' || depth > 6) return 8;
  return Object.values(value).reduce((total: number, member) => total + roomOf(member, depth + 1), 0);
}
