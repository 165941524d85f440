/**
 * The one enqueue pipeline, for the button and for apps that queue without one: store the
 * validated item for its registration's worker, and ask for its delivery.
 */
import { requestDelivery, type DeliveryRoute } from './delivery-request.js';
import { announce } from './announce.js';
import type { Failure } from './failure.js';
import { validateOutboxInput, type InputProblem, type NotificationInput, type OutboxEntry, type RequestInput } from './notification-request.js';
import { addItem, OutboxFullError, type NotificationRequest, type OutboxItem, type OutboxRequest } from './outbox.js';

/** How long an item may wait, and how many may wait at once. */
export interface RetentionOptions {
  /** Seconds an item may wait before it is dropped undelivered. Default 24 hours. */
  maxAge?: number;
  /** Items the outbox may hold; beyond, queuing fails with OutboxFullError. Default 1000. */
  maxItems?: number;
}

export const DEFAULT_MAX_AGE = 24 * 60 * 60;
export const DEFAULT_MAX_ITEMS = 1000;

/**
 * Stores a validated notification (and the API call it confirms, if any) in the outbox and
 * tells every page it is queued. Only the worker of `scope` delivers it; without, any worker does.
 */
export async function storeNotification(
  notification: NotificationRequest,
  request?: OutboxRequest,
  { maxAge = DEFAULT_MAX_AGE, maxItems = DEFAULT_MAX_ITEMS, scope }: RetentionOptions & { scope?: string } = {},
): Promise<OutboxItem> {
  const queuedAt = Date.now();
  const draft: Omit<OutboxItem, 'seq'> = { id: crypto.randomUUID(), queuedAt, expiresAt: queuedAt + maxAge * 1000, notification };
  if (request) draft.request = request;
  if (scope) draft.scope = scope;
  const item = await addItem(draft, maxItems);
  announce({ type: 'queued', id: item.id });
  return item;
}

/** Why storing failed, as the element reports it. */
function storageFailure(error: unknown): Failure {
  if (error instanceof OutboxFullError) return { reason: 'outbox-full' };
  // An older tab holds the outbox open at an older version and does not let go (see outbox.ts).
  if (error instanceof DOMException && error.name === 'TimeoutError') return { reason: 'storage-blocked' };
  return { reason: 'storage-failed' };
}

export type EnqueueOutcome =
  | { ok: true; item: OutboxItem; delivery: Promise<DeliveryRoute> }
  | { ok: false; failure: Failure; error?: unknown };

/**
 * Stores a checked entry (with its retention limits) for `registration`'s worker and asks for
 * delivery: the sync is registered while the item commits, and the worker messaged once it did.
 */
export async function enqueue(entry: OutboxEntry, registration: ServiceWorkerRegistration): Promise<EnqueueOutcome> {
  const { notification, request, maxAge, maxItems } = entry;
  const stored = storeNotification(notification, request, { maxAge, maxItems, scope: registration.scope });
  const delivery = requestDelivery(registration, stored);
  try {
    return { ok: true, item: await stored, delivery };
  } catch (error) {
    void delivery.catch(() => undefined);
    return { ok: false, failure: storageFailure(error), error };
  }
}

/** Thrown by the JS API for input it refuses; nothing was stored. */
export class InvalidInputError extends TypeError {
  override name = 'InvalidInputError';

  constructor(readonly problem: InputProblem) {
    super(`sync-notify-button: invalid input (${problem.kind}${'field' in problem ? ` ${problem.field}` : ''})`);
  }
}

export interface QueuedNotification {
  item: OutboxItem;
  route: DeliveryRoute;
}

async function queue(
  input: NotificationInput & RequestInput & RetentionOptions,
  registration: ServiceWorkerRegistration,
): Promise<QueuedNotification> {
  const validation = validateOutboxInput(input, document.baseURI, location.origin);
  if (!validation.ok) throw new InvalidInputError(validation.problem);
  const outcome = await enqueue(validation.request, registration);
  if (!outcome.ok) throw outcome.error;
  return { item: outcome.item, route: await outcome.delivery };
}

/**
 * Queues a notification and asks for its delivery; the caller owns support checks and the
 * permission prompt. Rejects with an InvalidInputError (a TypeError) for invalid input and with
 * an OutboxFullError when `maxItems` wait already, in both cases storing nothing.
 */
export function queueNotification(
  input: NotificationInput & RetentionOptions,
  registration: ServiceWorkerRegistration,
): Promise<QueuedNotification> {
  return queue({ ...input, endpoint: undefined }, registration);
}

/**
 * Queues an API call (a chat message, say): the worker sends it when online, with the item's id
 * as its Idempotency-Key, and shows the notification once the server accepted it. Rejects as
 * {@link queueNotification} does, and with an InvalidInputError when `endpoint` is missing.
 */
export async function queueRequest(
  input: NotificationInput & RequestInput & RetentionOptions,
  registration: ServiceWorkerRegistration,
): Promise<QueuedNotification> {
  if (!input.endpoint) throw new InvalidInputError({ kind: 'invalid-url', field: 'endpoint', value: '' });
  return queue(input, registration);
}
