/**
 * Defines `<sync-notify-button>`: the element that notifies (`dist/sync-notify-button.js`). The
 * element that also sends API calls and forms is `sync-notify-api-button.ts`; a page defines one.
 */
import { sayMarkupOwner } from './page/control.js';
import { customElement } from './page/define.js';
import { SyncNotifyButton } from './sync-notify-button.component.js';

export * from './sync-notify-button.component.js';

customElement('sync-notify-button')(SyncNotifyButton);
sayMarkupOwner();
