/**
 * What the button follows while it is connected, beyond the outbox (observers.ts): the connection
 * and the notification permission. Apart, so that the outbox element's file carries none of it.
 */
import type { ReactiveControllerHost } from 'lit';
import { WhileConnected } from './observers.js';

/** Calls `changed` whenever the notification permission may have changed (allowed again in the site settings, say). */
export const observePermission = (host: ReactiveControllerHost, changed: () => void) =>
  new WhileConnected(host, (signal) => {
    // WebKit's permission status always says `prompt` and never changes: a page shown again re-reads.
    document.addEventListener('visibilitychange', changed, { signal });
    navigator.permissions
      ?.query({ name: 'notifications' })
      .then((status) => status.addEventListener('change', changed, { signal }), () => undefined);
  });

/** Calls `changed` with whether the browser says it is online: as the element connects (a server rendering it has no `navigator`), and at every change. */
export const observeConnectivity = (host: ReactiveControllerHost, changed: (online: boolean) => void) =>
  new WhileConnected(host, (signal) => {
    const read = () => changed(navigator.onLine);
    read();
    addEventListener('online', read, { signal });
    addEventListener('offline', read, { signal });
  });
