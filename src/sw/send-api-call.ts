/**
 * Sends a queued API call (a chat message posted offline) or form with the item's id as its
 * Idempotency-Key, and says what came of it: sent (2xx), to retry at a time (no network, a
 * timeout, 408, 425, 429, 5xx), refused for good (any other answer, or a request that can never
 * be sent), or, for a form, not accepted (form-answer.ts: the server's sign-in page, the form
 * shown again, a refusal), kept with what was typed.
 */
import { MAX_FORM_FILE_BYTES, MAX_RETRY_DELAY_MS, UPLOAD_BYTES, UPLOAD_FLOOR_BYTES_PER_SECOND } from '../shared/limits.js';
import type { NotAcceptedProblem, OutboxApiCall, OutboxItem, RefusalProblem } from '../shared/outbox-schema.js';
import { typedEntries } from '../shared/form-entries.js';
import { judgeFormAnswer, saysNotNow, type FormVerdict } from './form-answer.js';

export { MAX_RETRY_DELAY_MS } from '../shared/limits.js';

/** How long an attempt may take before it is abandoned and retried. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;


export type SendOutcome =
  | { sent: true }
  | { retryAt: number }
  | { refusedWith: number; problem?: RefusalProblem }
  | { notAccepted: NotAcceptedProblem; status: number }
  /** A 409 naming the session's owner (`Sync-Notify-Owner`) to an owned request: not this person's session. */
  | { notTheirs: true };

/**
 * Milliseconds to wait before attempt number `attempts + 1`: exponential from 1 s with up to 50 %
 * jitter, never less (a `Retry-After: 0` cannot make a busy loop), at most an hour (a `Retry-After`
 * of days would otherwise outlive every item). `retryAfter` is the header, as seconds or HTTP date.
 */
export function retryDelay(attempts: number, retryAfter: string | null, now = Date.now()): number {
  const backoff = 1000 * 2 ** attempts * (1 + Math.random() / 2);
  const asked = !retryAfter ? 0 : /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : Date.parse(retryAfter) - now;
  // NaN (an unreadable header) fails the comparison: the backoff stands.
  return Math.min(asked > backoff ? asked : backoff, MAX_RETRY_DELAY_MS);
}

/** When to try an item again: never past its expiry, when it is dropped anyway. */
const retryAt = (item: OutboxItem, response?: Response): number =>
  Math.min(
    Date.now() + retryDelay(item.attempts ?? 0, response?.headers.get('retry-after') ?? null),
    item.expiresAt ?? Infinity,
  );

/**
 * A multipart form's fields and files as `FormData`, which fetch encodes with a boundary of its own.
 * Read back from a shared database: anything but text or a file under a text name cannot be built.
 */
function formData(entries: OutboxApiCall['form']): FormData {
  const data = new FormData();
  let fileBytes = 0;
  for (const [name, value] of entries!) {
    if (typeof name != 'string' || !(typeof value == 'string' || value instanceof Blob)) throw new TypeError('Not a form entry');
    fileBytes += typeof value == 'string' ? 0 : value.size;
    data.append(name, value);
  }
  // The files' bound, read back as the page refused beyond it at the click.
  if (fileBytes > MAX_FORM_FILE_BYTES) throw new RangeError('Files too large');
  return data;
}

/** How large a request's body is, near enough: its text, and a form's files. */
const bodyBytes = (call: OutboxApiCall): number =>
  call.body.length + (call.form ?? []).reduce((total, [, value]) => total + (typeof value == 'string' ? value.length : (value as Blob).size), 0);

/**
 * Headers the host's worker supplies as a request is sent: a credential that must never be stored
 * (a fresh bearer token), which the page refuses at the click. `self.syncNotifyHeaders`, a function
 * of the request, set by the host's worker (docs/api-calls.md#credentials).
 */
export type RequestHeadersHook = (request: { url: string; method: string; id: string; owner?: string }) => HeadersInit | undefined | Promise<HeadersInit | undefined>;

declare global {
  var syncNotifyHeaders: RequestHeadersHook | undefined;
}

/** What the host's hook supplies for `item`, lower-cased; none without one. Rejects as the hook does. */
async function suppliedHeaders(item: OutboxItem): Promise<Record<string, string>> {
  const { url, method } = item.request!;
  const supplied = await globalThis.syncNotifyHeaders?.({ url, method, id: item.id, owner: item.owner });
  return Object.fromEntries(new Headers(supplied));
}

/** What a form's answer came to, as an outcome: its verdict (form-answer.ts), with the status. */
async function formOutcome(item: OutboxItem, response: Response): Promise<SendOutcome> {
  const call = item.request!;
  const html = /html/i.test(response.headers.get('content-type') ?? '') ? await response.text().catch(() => '') : '';
  const verdict: FormVerdict = judgeFormAnswer(
    { status: response.status, redirected: response.redirected, url: response.url, html },
    call,
    typedEntries(call).filter((entry): entry is [string, string] => typeof entry[1] == 'string'),
  );
  if (verdict == 'sent') return { sent: true };
  if (verdict == 'retry') return { retryAt: retryAt(item, response) };
  return { notAccepted: verdict, status: response.status };
}

/**
 * After a form's post failed as a lost network does, whether its server sent it to another site:
 * fetch follows a redirect only on the page's origin, and fails on one that leaves it (a single
 * sign-on page) as it does offline. A look at the form's URL (HEAD, not followed) tells them
 * apart: there too a redirect, the site now sends its visitors to sign in; no answer, the network
 * is down. An answer that redirects nowhere leaves it unsure (a network that failed mid-post, or a
 * success page on another site): tried once more, then kept as not accepted rather than posted
 * again and again.
 */
async function afterLostPost(item: OutboxItem, signal: AbortSignal): Promise<SendOutcome> {
  const call = item.request!;
  try {
    const look = await fetch(call.url, { method: 'HEAD', credentials: 'same-origin', mode: 'same-origin', redirect: 'manual', signal });
    if (look.type == 'opaqueredirect') return { notAccepted: 'sign-in', status: 0 };
  } catch {
    return { retryAt: retryAt(item) };
  }
  return item.attempts ? { notAccepted: 'refused', status: 0 } : { retryAt: retryAt(item) };
}

/** Sends an item's request; the item's id is its Idempotency-Key, so a server can drop a retry. */
export async function sendApiCall(item: OutboxItem): Promise<SendOutcome> {
  const call = item.request!;
  let request: Request;
  let supplied: Record<string, string>;
  try {
    supplied = await suppliedHeaders(item);
  } catch {
    // The host could not supply them now (its token service is down): tried again later.
    return { retryAt: retryAt(item) };
  }
  try {
    // The page validated this, but any script of the origin can write to the outbox: a record
    // says itself whether its author allowed another origin (`crossOrigin`).
    if (!call.crossOrigin && new URL(call.url).origin !== location.origin) return { refusedWith: 0, problem: 'cross-origin' };
    // Built apart from sending: what cannot be built (a header value with CR/LF, say) never will be.
    const multipart = call.contentType == 'multipart/form-data';
    request = new Request(call.url, {
      method: call.method,
      body: multipart ? formData(call.form) : call.body,
      credentials: 'same-origin',
      mode: call.crossOrigin ? 'cors' : 'same-origin',
      // A form's redirects are followed, as the browser's own submission does, so that the page it
      // lands on says whether it was taken (form-answer.ts); an API call's are not (fetch would
      // turn a 301 or 302 into a GET): it is refused.
      redirect: call.contentType ? 'follow' : 'manual',
      // The page the form was on, as the browser's own submission says: a server that sends an
      // invalid form back to where it came from (Laravel's `back()`) reads it. Otherwise it would
      // be this worker's script. One on another origin is ignored (Fetch: "client").
      ...(call.formPage && { referrer: call.formPage }),
      headers: {
        ...call.headers,
        ...supplied,
        // A multipart body's type, with its boundary, is fetch's to write.
        ...(multipart ? {} : { 'content-type': call.contentType ?? 'application/json' }),
        'idempotency-key': item.id,
        // Whose it is, for a server that checks it against its session (docs/outbox.md#whose-items-owner);
        // percent-encoded, as a header value is Latin-1 and an owner any text.
        ...(item.owner && { 'sync-notify-owner': encodeURIComponent(item.owner) }),
      },
    });
  } catch {
    return { refusedWith: 0, problem: 'unsendable' };
  }
  let response: Response;
  // An attempt's time follows its body's size: at 256 kbit/s (shared/limits.ts), its upload fits.
  const bytes = bodyBytes(call);
  const limit = (call.timeout ?? DEFAULT_REQUEST_TIMEOUT_MS) + (bytes / UPLOAD_FLOOR_BYTES_PER_SECOND) * 1000;
  // The timeout's signal goes to fetch itself: on a Request nothing else holds, WebKit's garbage
  // collector can drop it, and the attempt then waits for the server however long it takes.
  const signal = AbortSignal.timeout(limit);
  try {
    response = await fetch(request, { signal });
  } catch (error) {
    // A timeout is a slow network's, never a redirect's.
    if ((error as Error).name == 'TypeError') return call.contentType ? afterLostPost(item, signal) : { retryAt: retryAt(item) };
    // An upload given its time may have reached the server in full, and only its answer be late:
    // never uploaded again by itself (a server that ignores the Idempotency-Key would take it twice).
    return call.contentType && bytes > UPLOAD_BYTES ? { notAccepted: 'no-answer', status: 0 } : { retryAt: retryAt(item) };
  }
  // The server says whose session this is, and it is not the item's owner's: held, not refused.
  if (item.owner && response.status == 409 && response.headers.has('sync-notify-owner')) return { notTheirs: true };
  if (call.contentType) return formOutcome(item, response);
  if (response.ok) return { sent: true };
  if (response.type === 'opaqueredirect') return { refusedWith: 0, problem: 'redirect' };
  if (saysNotNow(response.status)) return { retryAt: retryAt(item, response) };
  return { refusedWith: response.status };
}
