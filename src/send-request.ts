/**
 * Sends a queued API call (a chat message posted offline) with the item's id as its
 * Idempotency-Key, and says what came of it: sent, to retry at a time (5xx, 429, no network;
 * with backoff, or when `Retry-After` says), or refused for good (any other status).
 */
import type { OutboxItem, OutboxRequest } from './outbox-schema.js';

/** The longest wait between two attempts at a request the server could not take. */
const MAX_BACKOFF_MS = 60 * 60 * 1000;

export type RequestAttempt = { sent: true } | { retryAt: number } | { refusedWith: number };

/** `Retry-After` as seconds or as an HTTP date, when the server sent a usable one. */
function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const at = /^\d+$/.test(header) ? Date.now() + Number(header) * 1000 : Date.parse(header);
  return Number.isNaN(at) ? undefined : at;
}

const backoff = (item: OutboxItem) => Date.now() + Math.min(1000 * 2 ** (item.attempts ?? 0), MAX_BACKOFF_MS);

/** Sends an item's request; the item's id is its Idempotency-Key, so a server can drop a retry. */
export async function sendRequest(item: OutboxItem, request: OutboxRequest): Promise<RequestAttempt> {
  // The page validated this, but any script of the origin can write to the outbox.
  if (!request.crossOrigin && new URL(request.url).origin !== location.origin) return { refusedWith: 0 };
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      body: request.body,
      credentials: 'same-origin',
      mode: request.crossOrigin ? 'cors' : 'same-origin',
      headers: { ...request.headers, 'content-type': 'application/json', 'idempotency-key': item.id },
    });
  } catch {
    return { retryAt: backoff(item) };
  }
  if (response.ok) return { sent: true };
  if (response.status >= 500 || response.status === 429) return { retryAt: retryAfter(response) ?? backoff(item) };
  return { refusedWith: response.status };
}
