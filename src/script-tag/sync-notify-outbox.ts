/** `dist/sync-notify-outbox.js`: the outbox element, and the outbox's whole JavaScript API. */
export * from '../sync-notify-outbox.js';
export * from './outbox-api.js';
export * from './outbox-control.js';
