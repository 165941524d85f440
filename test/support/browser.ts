/** What tests do to the browser, as a user or a host site would. */
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import { notificationPermissionStatus } from '../../src/page/button-observers.js';
import { changeOutbox, closeOutbox, countItems } from '../../src/page/outbox.js';
import { betweenDeliveries, DELIVERY_LOCK, OUTBOX_CHANNEL, SYNC_TAG, type OutboxAnnouncement } from '../../src/shared/protocol.js';
import '../../src/shared/background-sync.js';

export type BrowserPermission = 'notifications' | 'background-sync' | 'persistent-storage';

/**
 * Replaces the origin's permissions: anything not listed is denied. Settles once the page's kept
 * permission status no longer says notifications are allowed where they are not: the browser
 * tells the page a moment after the command, and a press before then would still be let through.
 */
export async function setPermissions(...permissions: BrowserPermission[]): Promise<void> {
  await executeServerCommand('sync-notify:permissions', { permissions });
  const status = await notificationPermissionStatus();
  if (status) await waitUntil(() => status.state != 'granted' || Notification.permission == 'granted', 'the page was never told notifications are blocked');
}

/** Takes the page and every service worker offline, or back online. */
export async function setOffline(offline: boolean): Promise<void> {
  await executeServerCommand('sync-notify:offline', { offline });
  await waitUntil(() => navigator.onLine === !offline, `navigator.onLine never became ${!offline}`);
}

export async function stopServiceWorkers(): Promise<void> {
  await executeServerCommand('sync-notify:stop-service-workers');
}

/** Hides the page and shows it again, as a person does who went to the browser's settings; false where not needed. */
export async function hideAndShowPage(): Promise<boolean> {
  return (await executeServerCommand<boolean, undefined>('sync-notify:hide-and-show')) === true;
}

/** Emulates Windows high contrast (`forced-colors: active`); false where the browser cannot. */
export async function emulateForcedColors(active: boolean): Promise<boolean> {
  return (await executeServerCommand<boolean, { active: boolean }>('sync-notify:forced-colors', { active })) === true;
}

/**
 * Throttles the service workers' uploads to `bytesPerSecond`, as a slow connection does, or lifts
 * it with null; false where the browser offers no such control (only Chromium does).
 */
export async function throttleUploads(bytesPerSecond: number | null): Promise<boolean> {
  return (await executeServerCommand<boolean, { bytesPerSecond: number | null }>('sync-notify:throttle-uploads', { bytesPerSecond })) === true;
}

/**
 * Limits the origin's storage to `bytes`, a quota the browser itself enforces, or gives it back its
 * own with null; false where the browser offers no such control (only Chromium does, and only in
 * the full-disk group's browser of its own).
 */
export async function limitStorage(bytes: number | null): Promise<boolean> {
  return (await executeServerCommand<boolean, { quota: number | null }>('sync-notify:storage-quota', { quota: bytes })) === true;
}

/** What the browser's control plugin can do here (browser-control.mjs, webkit/control.mjs). */
interface ControlCapabilities {
  stopServiceWorkers: boolean;
  /** What a private window is here (private-window.mjs): Chromium's incognito context, Firefox's private browsing. */
  privateWindow: 'incognito-context' | 'private-browsing' | null;
}
let capabilities: Promise<ControlCapabilities> | undefined;
const controlCapabilities = () => (capabilities ??= executeServerCommand<ControlCapabilities, undefined>('sync-notify:capabilities'));

/** Whether `stopServiceWorkers()` works in this browser: in Chromium; Firefox and WebKit offer no way. */
export async function canStopServiceWorkers(): Promise<boolean> {
  return (await controlCapabilities()).stopServiceWorkers;
}

/** What `openPrivateWindow()` (private-window.ts) opens in this browser; null where it cannot (WebKit). */
export async function privateWindowKind(): Promise<ControlCapabilities['privateWindow']> {
  return (await controlCapabilities()).privateWindow;
}

/** The fixture workers: the one-line integration as a classic and a module script, the API-call one, and one whose own install or activate takes its time. */
export type HostWorkerScript = `/test/fixtures/${'classic' | 'module' | 'api' | 'forgotten' | 'slow-lifecycle' | 'network-probe'}-sw.js${string}`;

/** Registers a host worker at the root scope, so it serves the test page, and waits for it to be active. */
export async function registerHostWorker(
  script: HostWorkerScript = '/test/fixtures/classic-sw.js',
  scope = '/',
): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.register(script, {
    scope,
    type: script.includes('module') ? 'module' : 'classic',
  });
  // Not `ready`: it stays settled with the registration an earlier suite replaced.
  await waitUntil(() => registration.active?.state === 'activated', `${script} never activated`);
  return registration;
}

export async function unregisterWorkers(): Promise<void> {
  for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
}

/**
 * What the origin's notifications are, read between deliveries (under the library's delivery lock,
 * which every show is made under). In Chromium a getNotifications() that overlaps a show removes
 * the new notification from the list (42 to 131 of 100-150 shows, with another context reading in
 * a loop; none when reads and shows take turns): a test that polled while the worker delivered
 * lost one now and then. Between deliveries, a listed item's flush is over too, its item removed.
 */
const notificationsBetweenDeliveries = (registration: ServiceWorkerRegistration) =>
  navigator.locks.request(DELIVERY_LOCK, () => registration.getNotifications());

/** Notifications this library showed, as the user sees them. */
export async function shownNotifications(registration: ServiceWorkerRegistration): Promise<Notification[]> {
  const shown = await notificationsBetweenDeliveries(registration);
  return shown.filter((notification) => (notification.data as { syncNotify?: unknown } | null)?.syncNotify);
}

export async function closeNotifications(registration: ServiceWorkerRegistration): Promise<void> {
  // Closed on every look: a delivery finishing meanwhile shows one after the first snapshot.
  const closeOpen = async () => {
    const open = await notificationsBetweenDeliveries(registration);
    open.forEach((notification) => notification.close());
    return open.length === 0;
  };
  await waitUntil(closeOpen, 'notifications did not close');
}

export async function waitForNotifications(
  registration: ServiceWorkerRegistration,
  count: number,
  timeout = 10_000,
): Promise<Notification[]> {
  try {
    await waitUntil(async () => (await shownNotifications(registration)).length >= count, undefined, { timeout });
  } catch {
    const shown = (await shownNotifications(registration)).length;
    const queued = await countItems().catch(() => NaN);
    throw new Error(`${shown} of ${count} notifications shown after ${timeout} ms; ${queued} still in the outbox`);
  }
  return shownNotifications(registration);
}

/**
 * Resolves once every delivery that runs now, or waits for its turn, has ended: each holds the
 * library's locks from its read of the outbox to its last show and removal. What a delivery under
 * way would still show or send is on screen (or at the server) by then.
 */
export const deliveriesOver = () => betweenDeliveries(async () => undefined);

/**
 * Waits until the notification of `marker`, an item the test queued after whatever must NOT be
 * delivered, is on screen: the event that proves a delivery read the outbox after the marker was
 * queued, and finished. A flush shows every due item it finds, and sends each endpoint's calls in
 * the order queued before it shows them: anything wrongly left to deliver was shown (sent) too.
 */
export async function markerShown(registration: ServiceWorkerRegistration, marker: { id: string }): Promise<void> {
  await waitUntil(async () => (await shownItemIds(registration)).includes(marker.id), 'the marker item was never shown');
}

export const outboxEmptied = () => waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied');

export async function pendingSyncTags(registration: ServiceWorkerRegistration): Promise<string[]> {
  const tags = (await registration.sync?.getTags()) ?? [];
  return tags.filter((tag) => tag === SYNC_TAG);
}

/**
 * Discards every item and failure, of every scope, once no delivery runs. Under no lock, a send
 * still in flight from the test before wrote its item back when its answer came (a retry time put
 * on the item), into the next test's outbox.
 */
export async function clearStores(): Promise<void> {
  await betweenDeliveries(() =>
    changeOutbox((items, failures) => ({ outcome: undefined, removeItems: items, removeFailures: failures })),
  );
}

/** Leaves the origin as a first visit finds it. */
export async function resetOrigin(): Promise<void> {
  await setOffline(false);
  await clearStores().catch(() => undefined);
  await closeOutbox();
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    await closeNotifications(registration);
  }
}

export const hasBackgroundSync = 'SyncManager' in window;

/** Skips the running test, and says why in the run's output (mocha's own skip takes no reason). */
export function skipBecause(context: Mocha.Context, reason: string): never {
  console.log(`skipped "${context.test?.title}": ${reason}`);
  context.skip();
}

/**
 * Opens another page of the same origin (in a frame: reloading the test page would end the run).
 * Its button asks the worker to deliver what it finds queued on load; `withButton: false` opens
 * the page without it, for a test that must know every flusher there is.
 */
export async function openHostPage({ withButton = true } = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'another page of the host site';
  frame.src = `/test/fixtures/host-page.html${withButton ? '' : '?without-button'}`;
  document.body.append(frame);
  await waitUntil(() => (frame.contentWindow as { flusherReady?: boolean } | null)?.flusherReady, 'host page never loaded');
  return frame;
}

/** Ids of the items whose notifications are on screen. */
export async function shownItemIds(registration: ServiceWorkerRegistration): Promise<string[]> {
  return (await shownNotifications(registration)).map(
    (notification) => (notification.data as { syncNotify: { id: string } }).syncNotify.id,
  );
}

/**
 * Every item whose notification is listed at any look from now until `stop()`, looking every
 * 100 ms. With nobody at the screen, Firefox closes a notification 20 s after it appears and
 * Chromium 25 s after its pop-up appears, and a closed one leaves getNotifications() (measured
 * here): a delivery that takes longer than that cannot be counted at its end. `listedTwice` holds
 * the items one look found on screen more than once.
 */
export function recordShownItems(registration: ServiceWorkerRegistration): {
  ids: Set<string>;
  listedTwice: Set<string>;
  stop: () => Promise<void>;
} {
  const ids = new Set<string>();
  const listedTwice = new Set<string>();
  const look = async () => {
    const onScreen = await shownItemIds(registration);
    onScreen.forEach((id, index) => (onScreen.indexOf(id) === index ? ids.add(id) : listedTwice.add(id)));
  };
  let looking = true;
  const looks = (async () => {
    while (looking) await Promise.all([look(), pause(100)]);
  })();
  const stop = async () => {
    looking = false;
    await looks;
    await look();
  };
  return { ids, listedTwice, stop };
}

/** Every announcement made on the outbox's channel from now on, until `stop()`. */
export function listenToOutbox(): { heard: OutboxAnnouncement[]; stop: () => void } {
  const heard: OutboxAnnouncement[] = [];
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.onmessage = ({ data }: MessageEvent<OutboxAnnouncement>) => heard.push(data);
  return { heard, stop: () => channel.close() };
}

/** An IndexedDB request's result, or its error. */
export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Registers a host worker for the suite with these permissions, and leaves the origin clean
 * around every test. Read `registration` inside tests (it is set in `before`).
 */
export function useHostWorker({
  script,
  permissions = ['notifications', 'background-sync'],
}: { script?: Parameters<typeof registerHostWorker>[0]; permissions?: BrowserPermission[] } = {}): {
  registration: ServiceWorkerRegistration;
} {
  const host = {} as { registration: ServiceWorkerRegistration };
  before(async () => {
    await setPermissions(...permissions);
    host.registration = await registerHostWorker(script);
  });
  beforeEach(resetOrigin);
  after(async () => {
    await resetOrigin();
    await setPermissions('notifications', 'background-sync');
    await unregisterWorkers();
  });
  return host;
}
