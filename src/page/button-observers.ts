/**
 * What the button follows while it is connected, beyond the outbox (observers.ts): the connection
 * and the notification permission. Apart, so that the outbox element's file carries none of it.
 */
import type { ReactiveControllerHost } from 'lit';
import { WhileConnected } from './observers.js';

let watchedStatus: PermissionStatus | undefined;
let statusQuery: Promise<PermissionStatus | undefined> | undefined;

/** The page's notification permission status, asked once, by the first button that connects. */
export const watchNotificationPermission = (): Promise<PermissionStatus | undefined> =>
  (statusQuery ??= Promise.resolve(navigator.permissions?.query({ name: 'notifications' })).then(
    (status) => (watchedStatus = status),
    () => undefined,
  ));

/**
 * Whether the watched status says notifications are allowed. Chromium and Firefox keep it current,
 * so a press that finds them allowed reads nothing else: each read of `Notification.permission` is
 * a synchronous round trip to the browser, a fifth of a press in Chromium (0.45 ms). WebKit's
 * always says `prompt`: there, and until the status is known, the press reads the permission.
 */
export const notificationsAllowed = (): boolean => watchedStatus?.state == 'granted';

/** Calls `changed` whenever the notification permission may have changed (allowed again in the site settings, say). */
export const observePermission = (host: ReactiveControllerHost, changed: () => void) =>
  new WhileConnected(host, (signal) => {
    // WebKit's permission status always says `prompt` and never changes: a page shown again re-reads.
    document.addEventListener('visibilitychange', changed, { signal });
    void watchNotificationPermission().then((status) => status?.addEventListener('change', changed, { signal }));
  });

/** Calls `changed` with whether the browser says it is online: as the element connects (a server rendering it has no `navigator`), and at every change. */
export const observeConnectivity = (host: ReactiveControllerHost, changed: (online: boolean) => void) =>
  new WhileConnected(host, (signal) => {
    const read = () => changed(navigator.onLine);
    read();
    addEventListener('online', read, { signal });
    addEventListener('offline', read, { signal });
  });
