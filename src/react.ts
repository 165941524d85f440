/**
 * `sync-notify-button/react`: a React component for React 17 and 18, which set every prop on a
 * custom element as an attribute and cannot listen to its events. Made by `@lit/react`: props
 * the element has are set as properties, and the events are `onSyncNotifyQueued`,
 * `onSyncNotifyDelivered`, `onSyncNotifyCancelled` and `onSyncNotifyError`. React 19 needs none of it: see
 * `sync-notify-button/react-jsx`.
 *
 * `react` and `@lit/react` are optional peer dependencies, needed only by this subpath.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
// The element as the package's main entry defines it: with API calls (`endpoint`).
import { SyncNotifyButton as SyncNotifyButtonElement, type SyncNotifyEventMap } from './sync-notify-api-button.js';

export type { SyncNotifyButtonElement };

export const SyncNotifyButton = createComponent({
  react: React,
  tagName: 'sync-notify-button',
  elementClass: SyncNotifyButtonElement,
  displayName: 'SyncNotifyButton',
  events: {
    onSyncNotifyQueued: 'sync-notify-queued' as EventName<SyncNotifyEventMap['sync-notify-queued']>,
    onSyncNotifyDelivered: 'sync-notify-delivered' as EventName<SyncNotifyEventMap['sync-notify-delivered']>,
    onSyncNotifyCancelled: 'sync-notify-cancelled' as EventName<SyncNotifyEventMap['sync-notify-cancelled']>,
    onSyncNotifyError: 'sync-notify-error' as EventName<SyncNotifyEventMap['sync-notify-error']>,
  },
});
