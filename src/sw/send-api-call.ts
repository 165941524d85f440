/**
 * Sends a queued API call (a chat message posted offline) with the item's id as its
 * Idempotency-Key, and says what came of it: sent (2xx), to retry at a time (no network, a
 * timeout, 408, 425, 429, 5xx), or refused for good (any other answer, or a request that can
 * never be sent).
 */
import type { OutboxApiCall, OutboxItem, RefusalProblem } from '../shared/outbox-schema.js';

/** The longest wait between two attempts, whatever `Retry-After` asks: past it, the user waits in vain. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** How long an attempt may take before it is abandoned and retried. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Statuses that say "not now" rather than "no" (RFC 9110 §15.5.9, RFC 8470, RFC 6585). */
const RETRYABLE_STATUSES = [408, 425, 429];

export type SendOutcome =
  | { sent: true }
  | { retryAt: number }
  | { refusedWith: number; problem?: RefusalProblem };

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
  for (const [name, value] of entries!) {
    if (typeof name != 'string' || !(typeof value == 'string' || value instanceof Blob)) throw new TypeError('Not a form entry');
    data.append(name, value);
  }
  return data;
}

/** Sends an item's request; the item's id is its Idempotency-Key, so a server can drop a retry. */
export async function sendApiCall(item: OutboxItem): Promise<SendOutcome> {
  const call = item.request!;
  let request: Request;
  try {
    // The page validated this, but any script of the origin can write to the outbox.
    if (!call.crossOrigin && new URL(call.url).origin !== location.origin) return { refusedWith: 0, problem: 'cross-origin' };
    // Built apart from sending: what cannot be built (a header value with CR/LF, say) never will be.
    const multipart = call.contentType == 'multipart/form-data';
    request = new Request(call.url, {
      method: call.method,
      body: multipart ? formData(call.form) : call.body,
      credentials: 'same-origin',
      mode: call.crossOrigin ? 'cors' : 'same-origin',
      // Not followed (fetch turns 301/302 into a GET, and one to another origin fails like a lost
      // network): a form's redirect after POST says it was taken; an API call's, that it was not.
      redirect: 'manual',
      headers: {
        ...call.headers,
        // A multipart body's type, with its boundary, is fetch's to write.
        ...(multipart ? {} : { 'content-type': call.contentType ?? 'application/json' }),
        'idempotency-key': item.id,
      },
    });
  } catch {
    return { refusedWith: 0, problem: 'unsendable' };
  }
  let response: Response;
  try {
    // The timeout's signal goes to fetch itself: on a Request nothing else holds, WebKit's garbage
    // collector can drop it, and the attempt then waits for the server however long it takes.
    response = await fetch(request, { signal: AbortSignal.timeout(call.timeout ?? DEFAULT_REQUEST_TIMEOUT_MS) });
  } catch {
    return { retryAt: retryAt(item) };
  }
  if (response.ok) return { sent: true };
  if (response.type === 'opaqueredirect') return call.contentType ? { sent: true } : { refusedWith: 0, problem: 'redirect' };
  if (response.status >= 500 || RETRYABLE_STATUSES.includes(response.status)) return { retryAt: retryAt(item, response) };
  return { refusedWith: response.status };
}
