/** `dist/sync-notify-outbox.js`: the outbox element, and the outbox's whole JavaScript API. */
// First: it must listen before Lit creates its Trusted Types policy (page/trusted-types-hint.ts).
import '../page/trusted-types-hint.js';
export * from '../sync-notify-outbox.js';
export * from './outbox-api.js';
export * from './outbox-control.js';
