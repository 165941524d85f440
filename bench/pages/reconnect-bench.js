// Reconnect → notifications on screen. `?mode=library`: one <sync-notify-button>, clicked while
// offline, and the bench worker (the library's worker file) delivers on reconnect. `?mode=floor`:
// nothing of the library; the page's own `online` listener calls registration.showNotification.
// Times are wall-clock (timeOrigin + now), so that the worker's and the page's compare.
import { askWorker, closeNotifications, emptyOutbox, withTimeout } from './common.js';

const mode = new URL(location.href).searchParams.get('mode');
const NOTIFICATION = { title: 'Bench reminder', body: 'Your report is ready.', lang: 'en' };

const now = () => performance.timeOrigin + performance.now();

let registration;
let element;
let outbox;
let run = 0;
let lastOnline;
let reconnected;

// Registered before anything of the library, so it runs first: the moment the page hears it is online.
addEventListener('online', () => (lastOnline = now()));

async function setUp() {
  await navigator.serviceWorker.register('/bench/sw.js');
  registration = await navigator.serviceWorker.ready;
  if (mode !== 'library') return;
  [outbox] = await Promise.all([import('/lib/page/outbox.js'), import('/dist/sync-notify-button.js')]);
  element = document.createElement('sync-notify-button');
  element.setAttribute('title', NOTIFICATION.title);
  element.setAttribute('body', NOTIFICATION.body);
  document.body.append(element);
  await element.updateComplete;
}

/** Nothing on screen, nothing queued, the worker's log of shown notifications empty. */
async function reset() {
  await closeNotifications(registration);
  if (outbox) await emptyOutbox(outbox.changeOutbox);
  await askWorker(registration, { type: 'bench:reset' });
}

/** Offline: `count` clicks on the element, each awaited to `sync-notify-queued` (the floor keeps its count in memory). */
async function queue(count) {
  if (mode !== 'library') return;
  if (navigator.onLine) throw new Error('queue() is for an offline page');
  const button = element.shadowRoot.querySelector('button');
  for (let index = 0; index < count; index++) {
    const queued = new Promise((resolve, reject) => {
      element.addEventListener('sync-notify-queued', resolve, { once: true });
      element.addEventListener('sync-notify-error', ({ detail }) => reject(new Error(JSON.stringify(detail))), { once: true });
    });
    button.click();
    await withTimeout(queued, 'click');
  }
  const queuedCount = await outbox.countItems();
  if (queuedCount !== count) throw new Error(`expected ${count} queued, found ${queuedCount}`);
}

/** The floor: what a page would do without the library. Same options as the library's notifications. */
async function showAll(count) {
  const shownAt = [];
  run++;
  for (let index = 0; index < count; index++) {
    const id = `bench-${run}-${index}`;
    await registration.showNotification(NOTIFICATION.title, { ...NOTIFICATION, tag: `sync-notify-${id}`, data: { syncNotify: { id } } });
    shownAt.push(now());
  }
  return shownAt;
}

/**
 * Before going online: library, the worker is asked now for the times of the next `count`
 * notifications it shows (so that nothing is asked of it during the reconnect); floor, the
 * page's own `online` listener will show them.
 */
function arm(count) {
  lastOnline = undefined;
  const shown =
    mode === 'library'
      ? askWorker(registration, { type: 'bench:shown', count }).then(({ shownAt }) => shownAt)
      : new Promise((resolve, reject) => addEventListener('online', () => showAll(count).then(resolve, reject), { once: true }));
  reconnected = withTimeout(shown, `${count} notifications after reconnect`);
}

/** Once online: when the page heard it and when each notification was shown; checks the screen and the outbox. */
async function collect(count) {
  const shownAt = await reconnected;
  if (lastOnline === undefined) throw new Error('no online event');
  const onScreen = (await registration.getNotifications()).length;
  if (onScreen !== count) throw new Error(`expected ${count} notifications on screen, found ${onScreen}`);
  if (outbox) {
    // The last removal follows the last show: wait for it, untimed.
    for (let attempt = 0; attempt < 500 && (await outbox.countItems()); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
    if (await outbox.countItems()) throw new Error('the outbox did not empty');
  }
  return { onlineAt: lastOnline, shownAt };
}

const benchReady = setUp();
Object.assign(window, { whenReady: () => benchReady.then(() => true), reset, queue, arm, collect });
