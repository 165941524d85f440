/** `dist/sync-notify-button.js`: the element, and the outbox's JavaScript API. */
export * from '../sync-notify-button.js';
export * from './outbox-api.js';
