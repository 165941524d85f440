/**
 * What the elements follow on the page while they are connected, as Lit reactive controllers: the
 * outbox (both elements, and the form submitter); what only the button follows is in
 * button-observers.ts. Each starts as its element connects and stops as it disconnects, so that an
 * element removed from the page leaves no listener behind.
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
