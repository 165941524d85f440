/**
 * The package's main entry: the element (importing this defines `<sync-notify-button>`) and
 * the JavaScript API for queuing notifications without it.
 */
export * from './sync-notify-button.js';
export { queueNotification, queueRequest, storeNotification, InvalidInputError, DEFAULT_MAX_AGE, DEFAULT_MAX_ITEMS } from './queue-notification.js';
export type { QueuedNotification, RetentionOptions } from './queue-notification.js';
export { activeRegistration, requestDelivery, type DeliveryRoute } from './delivery-request.js';
export { detectSupport, requestNotificationPermission } from './capabilities.js';
export type { Capability, PermissionOutcome, SupportReport } from './capabilities.js';
export { validateNotification, validateOutboxInput, validateRequest } from './notification-request.js';
export type { InputProblem, NotificationInput, OutboxEntry, RequestInput } from './notification-request.js';
export { watchOutbox, type OutboxUpdate, type OutboxWatcher } from './outbox-channel.js';
export { listItems, countItems, clearOutbox, listFailures, OutboxFullError } from './outbox.js';
export type { NotificationRequest, OutboxFailure, OutboxItem, OutboxRequest } from './outbox.js';
export { statusMessages, type SyncNotifyMessages, type SyncNotifyStatusMessages, type SyncNotifyFailureMessages } from './messages.js';
export { failureMessages, describeFailure } from './failure-messages.js';
export type { Failure, SyncNotifyErrorReason } from './failure.js';
export { SYNC_TAG, type OutboxAnnouncement } from './protocol.js';
