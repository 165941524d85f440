/**
 * What the button follows while it is connected, beyond the outbox (observers.ts): the connection
 * and the notification permission. Apart, so that the outbox element's file carries none of it.
 */
import type { ReactiveControllerHost } from 'lit';
import { WhileConnected } from './observers.js';

let knownStatus: PermissionStatus | undefined;
let statusQuery: Promise<PermissionStatus | undefined> | undefined;

/** The page's notification permission status: asked once, by the first button that connects, and kept. */
export const notificationPermissionStatus = (): Promise<PermissionStatus | undefined> =>
  (statusQuery ??= Promise.resolve(navigator.permissions?.query({ name: 'notifications' })).then(
    (status) => (knownStatus = status),
    () => undefined,
  ));

/**
 * Whether the kept status says notifications are allowed. Chromium and Firefox keep it current, so
 * a press that finds them allowed reads nothing else: each read of `Notification.permission` is a
 * synchronous round trip to the browser. The browser tells the page of a change a moment after
 * it made it (a frozen page, once it runs again); a press in between is queued, and its
 * notification, refused by the browser, ends as a failure the outbox shows. WebKit's status always
 * says `prompt`: there, and until the status is known, a press reads the permission.
 */
export const notificationsAllowed = (): boolean => knownStatus?.state == 'granted';

/** Calls `changed` whenever the notification permission may have changed (allowed again in the site settings, say). */
export const observePermission = (host: ReactiveControllerHost, changed: () => void) =>
  new WhileConnected(host, (signal) => {
    // WebKit's permission status always says `prompt` and never changes: a page shown again re-reads.
    document.addEventListener('visibilitychange', changed, { signal });
    void notificationPermissionStatus().then((status) => status?.addEventListener('change', changed, { signal }));
  });

/** Calls `changed` with whether the browser says it is online: as the element connects (a server rendering it has no `navigator`), and at every change. */
export const observeConnectivity = (host: ReactiveControllerHost, changed: (online: boolean) => void) =>
  new WhileConnected(host, (signal) => {
    const read = () => changed(navigator.onLine);
    read();
    addEventListener('online', read, { signal });
    addEventListener('offline', read, { signal });
  });
