/**
 * The page's half of delivery: finds the service worker and asks it to drain the outbox,
 * through Background Sync where the browser allows it, by a message on reconnect otherwise.
 */
import '../shared/background-sync.js';
import { FLUSH_REQUEST, PROTOCOL_RELEASE, SYNC_TAG } from '../shared/protocol.js';
import { countItems } from './outbox.js';
import { pageOwner } from './owner-state.js';

/** How the page asked for delivery. */
export type DeliveryRoute = 'background-sync' | 'reconnect';

/** What one request for delivery came to. */
export interface DeliveryRequest {
  route: DeliveryRoute;
  /**
   * Whether the worker answered this request (true when it was not asked: offline, the sync or the
   * reconnect will): false when the site's service worker does not import this library's worker
   * file, and nothing will be delivered. Each request's own, never another button's.
   */
  answered: Promise<boolean>;
}

let knownRegistration: Promise<ServiceWorkerRegistration | undefined> | undefined;

async function lookUpRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration || registration.active) return registration;
  return navigator.serviceWorker.ready;
}

/**
 * The registration whose worker will deliver, once it is active; undefined when this page has
 * no service worker. Not `controller`: a first visit or a hard reload has none although the
 * worker runs. Not `ready` alone either: it settles once per page, so after the host replaces
 * its registration it would still name the old, unregistered one (w3c/ServiceWorker#1279).
 *
 * Looked up once and kept: the lookup is a round trip to the browser that cost more than the
 * rest of a click (measured by `npm run bench`). It is looked up again when the kept one lost
 * its active worker (the host removed or replaced the registration), and after a lookup found none.
 */
export async function activeRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  const kept = (await knownRegistration)?.active;
  // A removed registration loses its active worker, or the worker turns redundant.
  if (!kept || kept.state === 'redundant') {
    knownRegistration = lookUpRegistration();
    // A failed lookup is not kept either.
    knownRegistration.catch(() => (knownRegistration = undefined));
  }
  return knownRegistration;
}

/** The registration this page asked to deliver, asked again on reconnect (and by api-calls.ts when a call is due). */
export let watchedRegistration: ServiceWorkerRegistration | undefined;

async function registerSync(registration: ServiceWorkerRegistration): Promise<boolean> {
  try {
    await registration.sync?.register(SYNC_TAG);
    return !!registration.sync;
  } catch {
    // NotAllowedError: the user (or the browser) switched Background Sync off for this site.
    return false;
  }
}

/**
 * Online, the worker is also asked directly: Chromium keeps a tag that failed once in its 5- and
 * 15-minute retry backoff even when it is registered again, where the spec would fire it at once
 * (https://wicg.github.io/background-sync/spec/#dom-syncmanager-register: a waiting registration
 * turns pending). The delivery lock makes the second trigger harmless.
 */
export function askWorkerToDeliver(registration: ServiceWorkerRegistration): Promise<boolean> {
  const worker = navigator.onLine && registration.active;
  if (!worker) return Promise.resolve(true);
  // The worker answers on the port as it starts: a worker without this library's line never does.
  const { port1, port2 } = new MessageChannel();
  // With who the page says is signed in: the worker delivers an owned item only once told.
  worker.postMessage({ ...FLUSH_REQUEST, ...pageOwner() }, [port2]);
  return new Promise<boolean>((resolve) => {
    port1.onmessage = ({ data }) => {
      if (!(data >= PROTOCOL_RELEASE)) warnOfOlderWorker();
      resolve(true);
    };
    setTimeout(resolve, WORKER_ANSWER_MS, false);
  }).finally(() => port1.close());
}

let warnedOfOlderWorker = false;

/**
 * The site's worker file is of an earlier release than this page's element, as a deploy leaves it
 * for a while (docs/delivery.md, "Releases side by side"): said once a page, for the developer.
 */
function warnOfOlderWorker(): void {
  if (warnedOfOlderWorker) return;
  warnedOfOlderWorker = true;
  console.warn(
    "sync-notify-button: the site's service worker imports the worker file of an earlier release than this page's element. Copy dist/sync-notify-sw.js (or sync-notify-api-sw.js) of this release next to the site's worker.",
  );
}

/** How long the worker may take to answer a delivery request before the page concludes it cannot deliver. */
const WORKER_ANSWER_MS = 5000;

/** On reconnect: the direct request (see above) first, the quicker of the two, then the sync again for the browser's own scheduling. */
function onReconnect(): void {
  if (!watchedRegistration) return;
  void askWorkerToDeliver(watchedRegistration);
  void registerSync(watchedRegistration);
}

/**
 * Asks for everything queued to be delivered as soon as the network allows, and again on every
 * reconnect of this page. Never rejects for delivery's sake: without Background Sync, or with it
 * refused (users can switch it off per site), the worker is asked by message instead.
 *
 * The sync is registered while `stored` (the write of a new item) commits, rather than after:
 * the worker is messaged once it committed, so a sync that fires before the commit and finds
 * nothing loses nothing. Rejects when `stored` does.
 */
export async function requestDelivery(
  registration: ServiceWorkerRegistration,
  stored?: Promise<unknown>,
): Promise<DeliveryRequest> {
  if (!watchedRegistration) addEventListener('online', onReconnect);
  watchedRegistration = registration;
  const [synced] = await Promise.all([registerSync(registration), stored]);
  return { route: synced ? 'background-sync' : 'reconnect', answered: askWorkerToDeliver(registration) };
}

let resumed = false;

/**
 * Once per page: delivers what an earlier page left queued, e.g. one closed while offline. A
 * worker without a fetch handler is not started by navigations, so the page has to ask.
 */
export async function resumeDelivery(): Promise<void> {
  if (resumed) return;
  resumed = true;
  try {
    const registration = await activeRegistration();
    if (registration && (await countItems()) > 0) await requestDelivery(registration);
  } catch {
    // No service worker or no storage here: nothing can have been queued from this page either.
  }
}
