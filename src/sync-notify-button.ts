/**
 * Defines `<sync-notify-button>`: the element that notifies (`dist/sync-notify-button.js`). The
 * element that also sends API calls and forms is `sync-notify-api-button.ts`; a page defines one.
 */
import { sayMarkupOwner } from './page/control.js';
import { customElement } from './page/define.js';
import { SyncNotifyButtonBase } from './sync-notify-button.component.js';

export * from './sync-notify-button.component.js';

/**
 * `<sync-notify-button>` as `dist/sync-notify-button.js` defines it: it notifies; API calls and
 * forms are the element of `dist/sync-notify-api-button.js`.
 *
 * @summary Send a notification now, or as soon as the device is back online.
 */
@customElement('sync-notify-button')
export class SyncNotifyButton extends SyncNotifyButtonBase {}

sayMarkupOwner();
