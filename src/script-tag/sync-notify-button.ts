/** `dist/sync-notify-button.js`: the element, and the outbox's JavaScript API. */
// First: it must listen before Lit creates its Trusted Types policy (page/trusted-types-hint.ts).
import '../page/trusted-types-hint.js';
export * from '../sync-notify-button.js';
export * from './outbox-api.js';
