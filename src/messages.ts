/**
 * Every sentence the element shows. Override any of them through the element's `messages`
 * property (for another language, or another tone). The status sentences are here; the failure
 * sentences are in failure-messages.ts, beside the one function that turns a failure into text.
 */

export interface SyncNotifyStatusMessages {
  /** Fallback button label when the default slot is empty. */
  buttonLabel: string;
  working: string;
  queuedOnline: (title: string) => string;
  queuedOffline: (title: string) => string;
  sent: (title: string) => string;
  /** Appended to the status while items wait, e.g. "2 waiting for connection." */
  pending: (count: number) => string;
  /** Title of the one notification shown for several in summary mode; `{count}` is replaced. */
  summaryTitle: string;
}

export interface SyncNotifyFailureMessages {
  unsupported: string;
  permissionDenied: string;
  permissionDismissed: string;
  invalidInput: string;
  noServiceWorker: string;
  storageFailed: string;
  /** An older tab keeps the outbox open at an older version, and did not let go in time. */
  storageBlocked: string;
  deliveryFailed: string;
  /** The server refused the queued request with this HTTP status (0: the worker refused it). */
  rejected: (status: number) => string;
  expired: string;
  outboxFull: string;
}

export type SyncNotifyMessages = SyncNotifyStatusMessages & SyncNotifyFailureMessages;

export const statusMessages: SyncNotifyStatusMessages = {
  buttonLabel: 'Send notification',
  working: 'Queuing the notification…',
  queuedOnline: (title) => `“${title}” queued — sending now.`,
  queuedOffline: (title) => `“${title}” queued — will be sent when you are back online.`,
  sent: (title) => `“${title}” sent.`,
  pending: (count) => `${count} waiting for connection.`,
  summaryTitle: '{count} notifications sent while offline',
};
