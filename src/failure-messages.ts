/**
 * The failure sentences, in English, and the one place a failure becomes a sentence. What is on
 * screen is for the person at the keyboard; what the developer must fix goes to the console.
 */
import type { Failure } from './failure.js';
import type { SyncNotifyFailureMessages } from './messages.js';

export const failureMessages: SyncNotifyFailureMessages = {
  // What is missing goes to the console: "IndexedDB" means nothing to most people.
  unsupported: 'This browser cannot send notifications later.',
  permissionDenied: "Notifications are blocked for this site. Allow them in the browser's site settings.",
  permissionDismissed: 'Notifications were not allowed. Press the button again to be asked once more.',
  // A setup mistake: the person at the keyboard cannot fix it; the console says what to fix.
  invalidInput: 'This button is not set up correctly, so nothing was queued.',
  noServiceWorker: 'Notifications cannot be sent from this page yet, so nothing was queued.',
  storageFailed: 'This device could not save the notification, so nothing was queued. Please try again.',
  storageBlocked: 'Close the other tabs of this site, then press the button again.',
  deliveryFailed: 'The notification could not be shown yet. It stays queued.',
  rejected: (status) =>
    status ? `The server refused the message (HTTP ${status}), so it will not be sent.` : 'The message could not be sent.',
  expired: 'A notification waited too long for a connection and was dropped.',
  outboxFull: 'Too many notifications are waiting, so this one was not queued.',
};

/** The sentence for a failure, from the author's `messages` where they set one. */
export function describeFailure(failure: Failure, overrides: Partial<SyncNotifyFailureMessages>): string {
  const text = { ...failureMessages, ...overrides };
  switch (failure.reason) {
    case 'unsupported':
      return text.unsupported;
    case 'invalid-input':
      return text.invalidInput;
    case 'permission-denied':
      return text.permissionDenied;
    case 'permission-dismissed':
      return text.permissionDismissed;
    case 'no-service-worker':
      return text.noServiceWorker;
    case 'storage-failed':
      return text.storageFailed;
    case 'storage-blocked':
      return text.storageBlocked;
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

/**
 * For the console: what the developer must fix, where a failure comes from the site's setup. The
 * problem object names the field and the value (`{ kind: 'invalid-number', field: 'max-age', value: -5 }`).
 */
export function developerHint(failure: Failure): unknown[] | undefined {
  switch (failure.reason) {
    case 'unsupported':
      return ['this browser lacks', failure.missing];
    case 'invalid-input':
      return ['the input is refused, nothing was queued:', failure.problem];
    case 'no-service-worker':
      return ["no service worker is registered for this page's scope: register one that imports sync-notify-sw.js."];
    case 'rejected':
      // Status 0: the worker refused to send, e.g. 'redirect' (point "endpoint" at the final URL).
      return failure.problem && ['the worker refused to send the queued request:', failure.problem];
  }
  return undefined;
}
