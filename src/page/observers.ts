/**
 * What the elements follow on the page while they are connected, as Lit reactive controllers: the
 * outbox (both elements, and the form submitter), the connection and the notification permission
 * (the button). Each starts as its element connects and stops as it disconnects, so that an element
 * removed from the page leaves no listener behind.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { watchOutbox, type OutboxWatcher } from './watch-outbox.js';

/** Listens while its element is connected: `listen` adds each listener with the signal that removes them all. */
export class WhileConnected implements ReactiveController {
  private connection?: AbortController;

  constructor(
    host: ReactiveControllerHost,
    private readonly listen: (signal: AbortSignal) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connection?.abort();
    this.listen((this.connection = new AbortController()).signal);
  }

  hostDisconnected(): void {
    this.connection?.abort();
  }
}

/** Every announcement of the site's outbox, and the count of what waits, for `watcher`. */
export const observeOutbox = (host: ReactiveControllerHost, watcher: OutboxWatcher) =>
  new WhileConnected(host, (signal) => signal.addEventListener('abort', watchOutbox(watcher)));

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
