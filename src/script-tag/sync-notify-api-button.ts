/** `dist/sync-notify-api-button.js`: the element with API calls, and the outbox's JavaScript API. */
export * from '../sync-notify-api-button.js';
export { queueApiCall } from '../page/api-calls.js';
export * from './outbox-api.js';
