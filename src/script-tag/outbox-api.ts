/**
 * The JavaScript API that the element files a site loads by script tag export too (`dist/*.js`),
 * so that a site without npm can queue without the element, watch the outbox and sign a user out:
 * `import { clearOutbox } from '/sync-notify-button.js'`. The outbox element's file adds what the
 * person at the keyboard does with single items (outbox-control.ts).
 */
export { queueNotification } from '../page/queue.js';
export { SyncNotifyError } from '../page/failure.js';
export { activeRegistration } from '../page/request-delivery.js';
export { detectSupport, requestNotificationPermission } from '../page/capabilities.js';
export { watchOutbox } from '../page/watch-outbox.js';
export { countItems } from '../page/outbox.js';
export { clearOutbox, setOwner } from '../page/control.js';
