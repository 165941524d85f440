/**
 * Every sentence the element shows. Override any of them through the element's `messages`
 * property (for another language, or another tone).
 */
import type { Capability } from './capabilities.js';
import type { InputProblem } from './notification-request.js';

export interface SyncNotifyMessages {
  /** Fallback button label when the default slot is empty. */
  buttonLabel: string;
  working: string;
  queuedOnline: (title: string) => string;
  queuedOffline: (title: string) => string;
  sent: (title: string) => string;
  /** Title of the one notification shown for several in summary mode; `{count}` is replaced. */
  summaryTitle: string;
  /** Appended to the status while items wait, e.g. "2 waiting for connection." */
  pending: (count: number) => string;
  capability: Record<Capability, string>;
  unsupported: (missing: string[]) => string;
  permissionDenied: string;
  permissionDismissed: string;
  invalidInput: (problem: InputProblem) => string;
  noServiceWorker: string;
  storageFailed: string;
  deliveryFailed: string;
  /** The server refused the queued request with this HTTP status (0: the worker refused it). */
  rejected: (status: number) => string;
  expired: string;
  outboxFull: string;
}

const listFormat = (items: string[]): string =>
  typeof Intl.ListFormat === 'function'
    ? new Intl.ListFormat('en', { type: 'conjunction' }).format(items)
    : items.join(', ');

export const defaultMessages: SyncNotifyMessages = {
  buttonLabel: 'Send notification',
  working: 'Queuing the notification…',
  queuedOnline: (title) => `“${title}” queued — sending now.`,
  queuedOffline: (title) => `“${title}” queued — will be sent when you are back online.`,
  sent: (title) => `“${title}” sent.`,
  summaryTitle: '{count} notifications sent while offline',
  pending: (count) => `${count} waiting for connection.`,
  capability: {
    'secure-context': 'a secure (HTTPS) connection',
    'service-worker': 'service workers',
    notifications: 'notifications',
    indexeddb: 'IndexedDB storage',
  },
  unsupported: (missing) =>
    `Notifications cannot be sent later in this browser: it lacks ${listFormat(missing)}.`,
  permissionDenied:
    "Your device does not have permission to show notifications. Please enable this in your device's settings.",
  permissionDismissed: 'Notifications were not allowed. Press the button again to be asked once more.',
  invalidInput: (problem) => {
    switch (problem.kind) {
      case 'missing':
        return `The notification has no ${problem.field}: set the "${problem.field}" attribute. Nothing was queued.`;
      case 'invalid-url':
        return `The "${problem.field}" attribute is not a usable URL: ${problem.value}. Nothing was queued.`;
      case 'invalid-dir':
        return `The "dir" attribute must be auto, ltr or rtl, not ${problem.value}. Nothing was queued.`;
      case 'cross-origin':
        return `The endpoint ${problem.value} is on another site: add the "allow-cross-origin" attribute to send there. Nothing was queued.`;
      case 'invalid-method':
        return `The "method" attribute must be POST, PUT or PATCH, not ${problem.value}. Nothing was queued.`;
      case 'invalid-header':
        return `The header "${problem.value}" is not allowed (only Accept, Accept-Language, Content-Language and X-…). Nothing was queued.`;
      case 'invalid-data':
        return 'The "data" property cannot be sent as JSON. Nothing was queued.';
    }
  },
  noServiceWorker:
    'This page has no service worker, so the notification cannot be delivered later. Nothing was queued.',
  storageFailed: 'The notification could not be saved on this device, so nothing was queued. Please try again.',
  deliveryFailed: 'The notification could not be shown yet. It stays queued and will be tried again.',
  rejected: (status) =>
    status
      ? `The server refused the message (HTTP ${status}). It was removed from the queue and will not be sent again.`
      : 'The message was not sent: its endpoint is on another site, which this page did not allow.',
  expired: 'A queued notification waited too long for a connection and was dropped without being sent.',
  outboxFull: 'Too many notifications are already waiting for a connection, so this one was not queued. Nothing queued earlier was lost.',
};
