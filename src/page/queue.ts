/**
 * The one enqueue pipeline, for the button and for apps that queue without one: validate the
 * input, admit it (support, permission, the worker's registration: the caller's part), store the
 * item for that registration's worker, and ask for its delivery.
 */
import { announce } from '../shared/channel.js';
import { keepStorage } from './capabilities.js';
import { SyncNotifyError, type Failure } from './failure.js';
import { addItem, OutboxFullError, type OutboxApiCall, type OutboxDraft, type OutboxItem, type OutboxNotification } from './outbox.js';
import { requestDelivery, type DeliveryRequest, type DeliveryRoute } from './request-delivery.js';
import { validateOutboxInput, type NotificationInput, type OutboxInput, type RetentionInput } from './validate.js';

export const DEFAULT_MAX_AGE = 24 * 60 * 60;
export const DEFAULT_MAX_ITEMS = 1000;

/** How long an item may wait, and where it is delivered. */
export interface StoreOptions {
  /** Seconds an item may wait before it is dropped undelivered. Default 24 hours. */
  maxAge?: number;
  /** Items the outbox may hold; beyond, storing fails with an OutboxFullError. Default 1000. */
  maxItems?: number;
  /** The registration whose worker alone delivers it; without, any worker does. */
  scope?: string;
  /** Who queued it: sent only while that owner is declared. */
  owner?: string;
  /** The failure (a form the server did not accept) this sends again: the item takes its id, and it is removed. */
  resendOf?: string;
}

/** A new item as it enters the queue: queued now, to expire `maxAge` seconds from now. */
export function draftItem(
  notification: OutboxNotification,
  apiCall: OutboxApiCall | undefined,
  maxAge: number,
  scope: string | undefined,
  owner: string | undefined,
  id: string = crypto.randomUUID(),
): OutboxDraft {
  const queuedAt = Date.now();
  const draft: OutboxDraft = { id, queuedAt, expiresAt: queuedAt + maxAge * 1000, notification };
  if (apiCall) draft.request = apiCall;
  if (scope) draft.scope = scope;
  if (owner) draft.owner = owner;
  return draft;
}

/**
 * Stores a validated notification (and the API call it confirms, if any) in the outbox and
 * tells every page it is queued.
 */
export async function storeNotification(
  notification: OutboxNotification,
  apiCall?: OutboxApiCall,
  { maxAge = DEFAULT_MAX_AGE, maxItems = DEFAULT_MAX_ITEMS, scope, owner, resendOf }: StoreOptions = {},
): Promise<OutboxItem> {
  const item = await addItem(draftItem(notification, apiCall, maxAge, scope, owner, resendOf), maxItems, resendOf);
  announce({ type: 'queued', id: item.id });
  return item;
}

/** Why storing failed. */
function storageFailure(error: unknown): Failure {
  if (error instanceof OutboxFullError) return error.bytes ? { reason: 'outbox-full', problem: 'bytes' } : { reason: 'outbox-full' };
  // An older tab holds the outbox open at an older version and does not let go (see shared/open-outbox.ts).
  if (error instanceof DOMException && error.name === 'TimeoutError') return { reason: 'storage-blocked' };
  return { reason: 'storage-failed' };
}

/** What one pass through the pipeline came to: the stored item, or why nothing was stored. */
export type QueueOutcome =
  | {
      ok: true;
      item: OutboxItem;
      /** Whether the browser keeps the outbox through its storage clean-ups. */
      persistent: boolean;
      /** Settles once the worker was asked to deliver, saying how, and whether it answered this request. */
      delivery: Promise<DeliveryRequest>;
    }
  | { ok: false; failure: Failure; error?: unknown };

/** What lets a checked input into the outbox: the registration whose worker will deliver it, or why not. */
export type Admission = ServiceWorkerRegistration | Failure;

/**
 * Validates `input`, then calls `admit` at once (synchronously, so that a permission prompt it
 * opens is still within the user's click), then stores the item for the admitted registration and
 * asks for its delivery: the sync is registered while the item commits, and the worker messaged
 * once it did. With `askToPersist` the browser is asked, while the item is stored, to keep the
 * outbox through its storage clean-ups.
 */
export async function enqueue(input: OutboxInput, admit: () => Promise<Admission>, askToPersist = false): Promise<QueueOutcome> {
  const validation = validateOutboxInput(input, document.baseURI, location.origin);
  if (!validation.ok) return { ok: false, failure: { reason: 'invalid-input', problem: validation.problem } };
  const admission = await admit();
  if ('reason' in admission) return { ok: false, failure: admission };
  const { notification, apiCall } = validation.value;
  // The entry's retention, owner and form sent again are the store's options as they are.
  const stored = storeNotification(notification, apiCall, { ...validation.value, scope: admission.scope });
  const delivery = requestDelivery(admission, stored);
  const persistence = keepStorage(askToPersist).catch(() => false);
  try {
    const [item, persistent] = await Promise.all([stored, persistence]);
    return { ok: true, item, persistent, delivery };
  } catch (error) {
    void delivery.catch(() => undefined);
    return { ok: false, failure: storageFailure(error), error };
  }
}

export interface QueuedNotification {
  item: OutboxItem;
  /** How the worker was asked to deliver it. */
  route: DeliveryRoute;
  /** Whether the browser keeps the outbox through its storage clean-ups (`navigator.storage.persisted()`). */
  persistent: boolean;
}

/** The JS API's pass through the pipeline: resolves with the stored item, rejects when nothing was stored. */
export async function queueOrThrow(input: OutboxInput, registration: ServiceWorkerRegistration): Promise<QueuedNotification> {
  const outcome = await enqueue(input, async () => registration);
  if (!outcome.ok) throw new SyncNotifyError(outcome.failure, { cause: outcome.error });
  return { item: outcome.item, route: (await outcome.delivery).route, persistent: outcome.persistent };
}

/**
 * Queues a notification for `registration`'s worker and asks for its delivery; the caller owns
 * support checks and the permission prompt. Rejects with a {@link SyncNotifyError} when nothing
 * was stored: `invalid-input`, `outbox-full`, `storage-blocked` or `storage-failed`. (API calls:
 * `queueApiCall`, in api-calls.ts.)
 */
export function queueNotification(
  input: NotificationInput & RetentionInput,
  registration: ServiceWorkerRegistration,
): Promise<QueuedNotification> {
  return queueOrThrow({ ...input, endpoint: undefined, form: undefined }, registration);
}
