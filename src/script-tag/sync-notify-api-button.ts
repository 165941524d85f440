/** `dist/sync-notify-api-button.js`: the element with API calls, and the outbox's JavaScript API. */
// First: it must listen before Lit creates its Trusted Types policy (page/trusted-types-hint.ts).
import '../page/trusted-types-hint.js';
export * from '../sync-notify-api-button.js';
export { queueApiCall } from '../page/api-calls.js';
export * from './outbox-api.js';
