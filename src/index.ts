/**
 * The package's main entry: the element (importing this defines `<sync-notify-button>`), the
 * JavaScript API for queuing without it, and a view of the outbox. Internals stay unexported.
 */
export * from './sync-notify-api-button.js';
export { queueNotification, type QueuedNotification } from './page/queue.js';
// Imported for its effect too: with the package's main entry, the element sends API calls.
export { queueApiCall } from './page/api-calls.js';
export { SyncNotifyError, type Failure as SyncNotifyFailure } from './page/failure.js';
export type { ApiCallInput, InputProblem, NotificationInput, RetentionInput } from './page/validate.js';
export { activeRegistration, type DeliveryRoute } from './page/request-delivery.js';
export { detectSupport, requestNotificationPermission } from './page/capabilities.js';
export type { Capability, PermissionOutcome, SupportReport } from './page/capabilities.js';
export { watchOutbox, type OutboxUpdate, type OutboxWatcher } from './page/watch-outbox.js';
export { countItems } from './page/outbox.js';
export { listFailures, listItems } from './page/outbox-list.js';
export { clearOutbox, setOwner, type ClearOptions, type OwnerOptions } from './page/control.js';
export { cancel, retryNow, type CancelOutcome, type RetryOutcome } from './page/item-actions.js';
export { dismissFailure, type DismissOutcome } from './page/dismiss.js';
export type { OutboxApiCall, OutboxFailure, OutboxItem, OutboxNotification } from './page/outbox.js';
export type { OutboxAnnouncement } from './shared/protocol.js';
export { englishMessages, type SyncNotifyMessages, type SyncNotifyTranslation, type TranslationHook, type TranslationTable } from './page/messages.js';
export { englishOutboxMessages, type SyncNotifyOutboxMessages } from './page/outbox-messages.js';
export { registerTranslation } from './translations/register.js';
