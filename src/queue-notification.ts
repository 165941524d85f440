/** The JavaScript API behind the button, for apps that queue notifications without one. */
import { requestDelivery, type DeliveryRoute } from './delivery-request.js';
import { validateNotification, type NotificationInput } from './notification-request.js';
import { announce } from './announce.js';
import { addItem, type NotificationRequest, type OutboxItem } from './outbox.js';

/** Stores a validated notification in the outbox and tells every page it is queued. */
export async function storeNotification(request: NotificationRequest): Promise<OutboxItem> {
  const item = await addItem({ id: crypto.randomUUID(), queuedAt: Date.now(), notification: request });
  announce({ type: 'queued', id: item.id });
  return item;
}

export interface QueuedNotification {
  item: OutboxItem;
  route: DeliveryRoute;
}

/**
 * Queues a notification and asks for its delivery; the caller owns support checks and the
 * permission prompt. Rejects with a TypeError for invalid input, before anything is stored.
 */
export async function queueNotification(
  input: NotificationInput,
  registration: ServiceWorkerRegistration,
): Promise<QueuedNotification> {
  const validation = validateNotification(input, document.baseURI);
  if (!validation.ok) throw new TypeError(`Invalid notification: ${JSON.stringify(validation.problem)}`);
  const item = await storeNotification(validation.request);
  return { item, route: await requestDelivery(registration) };
}
