/** The JavaScript API behind the button, for apps that queue notifications without one. */
import { requestDelivery, type DeliveryRoute } from './delivery-request.js';
import { validateOutboxInput, type NotificationInput, type RequestInput } from './notification-request.js';
import { announce } from './announce.js';
import { addItem, type NotificationRequest, type OutboxItem, type OutboxRequest } from './outbox.js';

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
 * tells every page it is queued.
 */
export async function storeNotification(
  notification: NotificationRequest,
  request?: OutboxRequest,
  { maxAge = DEFAULT_MAX_AGE, maxItems = DEFAULT_MAX_ITEMS }: RetentionOptions = {},
): Promise<OutboxItem> {
  const queuedAt = Date.now();
  const draft = { id: crypto.randomUUID(), queuedAt, expiresAt: queuedAt + maxAge * 1000, notification };
  const item = await addItem(request ? { ...draft, request } : draft, maxItems);
  announce({ type: 'queued', id: item.id });
  return item;
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
  if (!validation.ok) throw new TypeError(`Invalid input: ${JSON.stringify(validation.problem)}`);
  const item = await storeNotification(validation.request.notification, validation.request.request, input);
  return { item, route: await requestDelivery(registration) };
}

/**
 * Queues a notification and asks for its delivery; the caller owns support checks and the
 * permission prompt. Rejects with a TypeError for invalid input and with an OutboxFullError when
 * `maxItems` wait already, in both cases storing nothing.
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
 * {@link queueNotification} does, and with a TypeError when `endpoint` is missing.
 */
export async function queueRequest(
  input: NotificationInput & RequestInput & RetentionOptions,
  registration: ServiceWorkerRegistration,
): Promise<QueuedNotification> {
  if (!input.endpoint) throw new TypeError('Invalid input: queueRequest needs an endpoint');
  return queue(input, registration);
}
