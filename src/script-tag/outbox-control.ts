/**
 * What `dist/sync-notify-outbox.js` exports beside the element and outbox-api.ts: the outbox's
 * items and failures, and what the person can do to each (as the element's buttons do).
 */
export { listFailures, listItems } from '../page/outbox-list.js';
export { cancel, retryNow } from '../page/item-actions.js';
export { dismissFailure } from '../page/dismiss.js';
