// Click and delivery benchmarks, against the bench's service worker and the real outbox.
import '/dist/sync-notify-button.js';
import { addItem, changeOutbox, countItems } from '/lib/page/outbox.js';
import { FLUSH_REQUEST, OUTBOX_CHANNEL, SYNC_TAG } from '/lib/shared/protocol.js';
import { askWorker, closeNotifications, emptyOutbox, withTimeout } from './common.js';

const FLOOR_DATABASE = 'bench-floor';
const FLOOR_TAG = 'bench-floor';
const NOTIFICATION = { title: 'Bench reminder', body: 'Your report is ready.', lang: 'en' };

const elements = [];
let registration;
let floorDatabase;
let runs = 0;

// When a sync registration resolves is not observable from outside the element: wrap the
// prototype, and put the floor through the same wrapper so both pay its cost.
let syncWaiters = [];
const nativeRegister = SyncManager.prototype.register;
SyncManager.prototype.register = function register(tag) {
  return nativeRegister.call(this, tag).then((result) => {
    const at = performance.now();
    const due = syncWaiters.filter((waiter) => waiter.tag === tag);
    syncWaiters = syncWaiters.filter((waiter) => waiter.tag !== tag);
    for (const waiter of due) waiter.resolve(at);
    return result;
  });
};

function nextSyncRegistration(tag) {
  return new Promise((resolve) => syncWaiters.push({ tag, resolve }));
}

function nextEvent(target, type, failureType) {
  return new Promise((resolve, reject) => {
    const done = (event) => {
      target.removeEventListener(type, done);
      target.removeEventListener(failureType, done);
      if (event.type === type) resolve(performance.now());
      else reject(new Error(`${event.type}: ${JSON.stringify(event.detail)}`));
    };
    target.addEventListener(type, done);
    target.addEventListener(failureType, done);
  });
}

async function setUp() {
  await navigator.serviceWorker.register('/bench/sw.js');
  registration = await navigator.serviceWorker.ready;
  floorDatabase = await openFloorDatabase();
}

/** `count` elements on the page: each connected element watches the outbox, which every announcement updates. */
async function showElements(count) {
  while (elements.length > count) elements.pop().remove();
  while (elements.length < count) {
    const element = document.createElement('sync-notify-button');
    element.setAttribute('title', NOTIFICATION.title);
    element.setAttribute('body', NOTIFICATION.body);
    document.body.append(element);
    elements.push(element);
  }
  await Promise.all(elements.map((element) => element.updateComplete));
}

function openFloorDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(FLOOR_DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('items', { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** One click on the element's button: ms until `sync-notify-queued`, and until its sync registered. */
async function timeClick() {
  const [element] = elements;
  const button = element.shadowRoot.querySelector('button');
  const queued = nextEvent(element, 'sync-notify-queued', 'sync-notify-error');
  const registered = nextSyncRegistration(SYNC_TAG);
  const start = performance.now();
  button.click();
  const [queuedAt, registeredAt] = await withTimeout(Promise.all([queued, registered]), 'click');
  return { stored: queuedAt - start, registered: registeredAt - start };
}

/** Strict, as the element's own write: committed to disk before `complete`. */
function putRaw(record) {
  return new Promise((resolve, reject) => {
    const transaction = floorDatabase.transaction('items', 'readwrite', { durability: 'strict' });
    transaction.objectStore('items').put(record);
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/** The floor: one raw IndexedDB put of the same record, then one sync registration. */
async function timeFloor() {
  const record = { id: crypto.randomUUID(), queuedAt: Date.now(), notification: NOTIFICATION };
  const start = performance.now();
  await putRaw(record);
  const stored = performance.now();
  await registration.sync.register(FLOOR_TAG);
  return { stored: stored - start, registered: performance.now() - start };
}

/**
 * A pause outside the timed span, so that each operation starts from a quiet page: the element's
 * background outbox count of the previous click would otherwise hold up the next click's write.
 */
const pause = () => new Promise((resolve) => setTimeout(resolve, 2));

async function timeQuietly(operation) {
  await pause();
  return operation();
}

/** `count` items waiting in the outbox, written in one transaction (not timed). */
function fillOutboxAtOnce(count) {
  const addItems = Array.from({ length: count }, () => ({ id: crypto.randomUUID(), queuedAt: Date.now(), notification: NOTIFICATION }));
  return changeOutbox(() => ({ outcome: undefined, addItems }));
}

/**
 * `rounds` blocks of `perRound` element clicks then `perRound` floor operations, interleaved
 * against drift; with `waiting`, that many items wait in the outbox before the first click.
 */
async function runClicks({ warmup, rounds, perRound, waiting = 0 }) {
  await showElements(1);
  if (waiting) await fillOutboxAtOnce(waiting);
  for (let index = 0; index < warmup; index++) {
    await timeQuietly(timeClick);
    await timeQuietly(timeFloor);
  }
  const clicks = [];
  const floor = [];
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < perRound; index++) clicks.push(await timeQuietly(timeClick));
    for (let index = 0; index < perRound; index++) floor.push(await timeQuietly(timeFloor));
  }
  await showElements(0);
  return { clicks, floor, queued: await countItems(), syncTags: await registration.sync.getTags() };
}

async function resetOutbox() {
  await emptyOutbox(changeOutbox);
  await closeNotifications(registration);
}

function fillOutbox(count, tag) {
  const notification = tag ? { ...NOTIFICATION, tag } : NOTIFICATION;
  const drafts = Array.from({ length: count }, () => ({ id: crypto.randomUUID(), queuedAt: Date.now(), notification }));
  return Promise.all(drafts.map((draft) => addItem(draft)));
}

function nextDeliveries(count) {
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  let delivered = 0;
  return new Promise((resolve, reject) => {
    channel.onmessage = ({ data }) => {
      if (data.type === 'delivery-failed') reject(new Error(data.message));
      if (data.type === 'delivered' && ++delivered === count) resolve(performance.now());
    };
  }).finally(() => channel.close());
}

async function expectShown(count) {
  const shown = (await registration.getNotifications()).length;
  if (shown !== count) throw new Error(`expected ${count} notifications on screen, found ${shown}`);
}

/**
 * Fills the outbox with `count` items, asks the worker to flush, and times until the last
 * 'delivered', with `elements` elements connected in the page. With `sharedTag`, every item
 * replaces the previous notification instead of adding one.
 */
async function timeWorkerDelivery(count, { elements: connected = 0, sharedTag } = {}) {
  await showElements(connected);
  await resetOutbox();
  await askWorker(registration, { type: 'bench:ping' });
  await fillOutbox(count, sharedTag);
  const delivered = nextDeliveries(count);
  const start = performance.now();
  registration.active.postMessage(FLUSH_REQUEST);
  const end = await withTimeout(delivered, `delivery of ${count}`);
  const left = await countItems();
  if (left !== 0) throw new Error(`delivered ${count}: ${left} left in the outbox`);
  await expectShown(sharedTag ? 1 : count);
  return end - start;
}

/** The same number of bare showNotification calls in the worker, timed the same way. */
async function timeBareShows(count, { sharedTag } = {}) {
  await showElements(0);
  await resetOutbox();
  await askWorker(registration, { type: 'bench:ping' });
  const start = performance.now();
  await askWorker(registration, { type: 'bench:show', count, run: ++runs, sharedTag });
  const end = performance.now();
  await expectShown(sharedTag ? 1 : count);
  return end - start;
}

Object.assign(window, { runClicks, timeWorkerDelivery, timeBareShows, resetOutbox });
window.crossOriginIsolatedPage = crossOriginIsolated;
window.benchReady = setUp().then(() => true);
