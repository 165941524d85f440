/** The failure sentences, in English, and the one place a failure becomes a sentence. */
import type { Failure } from './failure.js';
import type { SyncNotifyFailureMessages } from './messages.js';

const listFormat = (items: string[]): string => new Intl.ListFormat('en').format(items);

export const failureMessages: SyncNotifyFailureMessages = {
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

/** The sentence for a failure, from the author's `messages` where they set one. */
export function describeFailure(failure: Failure, overrides: Partial<SyncNotifyFailureMessages>): string {
  const text = { ...failureMessages, ...overrides };
  switch (failure.reason) {
    case 'unsupported':
      return text.unsupported(failure.missing.map((capability) => text.capability[capability]));
    case 'invalid-input':
      return text.invalidInput(failure.problem);
    case 'permission-denied':
      return text.permissionDenied;
    case 'permission-dismissed':
      return text.permissionDismissed;
    case 'no-service-worker':
      return text.noServiceWorker;
    case 'storage-failed':
      return text.storageFailed;
    case 'delivery-failed':
      return text.deliveryFailed;
    case 'rejected':
      return text.rejected(failure.status);
    case 'expired':
      return text.expired;
    case 'outbox-full':
      return text.outboxFull;
  }
}
