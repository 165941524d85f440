/**
 * Exactly once, with real competition: several pages of the origin and the service worker flush
 * the same outbox at the same moment, and a worker is killed in the middle of a flush.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { deliverPending, type DeliveryReport } from '../../src/sw/deliver.js';
import { watchOutbox } from '../../src/page/watch-outbox.js';
import { countItems, type OutboxItem } from '../../src/page/outbox.js';
import { DELIVERY_LOCK, FLUSH_REQUEST } from '../../src/shared/protocol.js';
import { storeNotification } from '../../src/page/queue.js';
import {
  canStopServiceWorkers,
  openHostPage,
  recordShownItems,
  shownItemIds,
  skipBecause,
  stopServiceWorkers,
  useHostWorker,
} from '../support/browser.js';

const ITEMS = 100;
/**
 * For the closed page: it is held mid-delivery, so a few are enough, and each costs Firefox 100-200 ms
 * to show on a busy machine (10-21 s for 100, measured), against the test's 20 s.
 */
const CLOSED_PAGE_ITEMS = 20;
/** Enough that the worker is still busy when the stop command lands. */
const KILL_ITEMS = 300;

async function queueItems(count: number): Promise<OutboxItem[]> {
  const items = [];
  for (let index = 0; index < count; index += 1) {
    items.push(await storeNotification({ title: `Message ${index + 1}`, body: `Item ${index + 1} of ${count}` }));
  }
  return items;
}

/** Counts every "delivered" announcement by item id, whichever context delivered it. */
function countDeliveries(): { byId: Map<string, number>; stop: () => void } {
  const byId = new Map<string, number>();
  const stop = watchOutbox(({ announcement }) => {
    if (announcement?.type === 'delivered') byId.set(announcement.id, (byId.get(announcement.id) ?? 0) + 1);
  });
  return { byId, stop };
}

/**
 * From its `held`th call on, the frame's showNotification waits, before it shows anything, for a
 * release that never comes; the calls before it are the browser's own. Resolves at the first held call.
 */
function holdShows(frame: HTMLIFrameElement, held: number): Promise<void> {
  const prototype = (frame.contentWindow as unknown as typeof globalThis).ServiceWorkerRegistration.prototype;
  const show = prototype.showNotification;
  let calls = 0;
  return new Promise((entered) => {
    prototype.showNotification = function (this: ServiceWorkerRegistration, ...args: Parameters<typeof show>) {
      calls += 1;
      if (calls < held) return show.apply(this, args);
      entered();
      return new Promise<void>(() => undefined);
    };
  });
}

/** How many contexts of the origin hold the delivery lock, as the browser's lock manager says. */
async function deliveryLockHolders(): Promise<number> {
  const { held = [] } = await navigator.locks.query();
  return held.filter((lock) => lock.name === DELIVERY_LOCK).length;
}

describe('exactly-once delivery', () => {
  const host = useHostWorker();

  it(`shows each of ${ITEMS} items once when four pages and the worker flush at the same moment`, async function () {
    // It counts, it does not time: Firefox shows 100 notifications in 10-21 s on a busy 2-core
    // machine (measured), past the runner's 20 s per test. Speed is the benchmark's (npm run bench).
    this.timeout(60_000);
    const frames = await Promise.all([openHostPage(), openHostPage(), openHostPage()]);
    const items = await queueItems(ITEMS);
    const deliveries = countDeliveries();
    // Counted as they appear: on a busy machine Firefox took 10-21 s to show all 100 (measured),
    // and it closes each one 20 s after it appeared, so the first had left the list by the end.
    const onScreen = recordShownItems(host.registration);

    type Flusher = { deliverPending: () => Promise<DeliveryReport> };
    const startedAt = Date.now();
    host.registration.active!.postMessage(FLUSH_REQUEST);
    const pageReports = await Promise.all([
      deliverPending(host.registration),
      ...frames.map((frame) => (frame.contentWindow as unknown as Flusher).deliverPending()),
    ]);
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied', { timeout: 40_000 });
    const emptiedAfter = Date.now() - startedAt;
    await waitUntil(() => deliveries.byId.size === ITEMS, 'not every delivery was announced', { timeout: 5_000 });
    // Firefox lists a shown notification in getNotifications() once it has written it down, which
    // lagged behind showNotification on a busy machine (44 of 100 listed right after the last
    // removal, in one run): waited for, up to 10 s, and the wait is said. A lost one still fails below.
    const listedFrom = Date.now();
    await waitUntil(() => onScreen.ids.size >= ITEMS).catch(() => undefined);
    const listedAfter = Date.now() - listedFrom;
    await onScreen.stop();

    const duplicates = [...deliveries.byId.values()].filter((times) => times > 1).length;
    const byPages = pageReports.map((report) => report.delivered.length);
    const byWorker = ITEMS - byPages.reduce((sum, count) => sum + count, 0);
    console.log(
      `exactly-once: ${ITEMS} queued, ${onScreen.ids.size} shown, ${duplicates} shown twice, ` +
        `${ITEMS - onScreen.ids.size} lost; delivered by pages ${byPages.join('/')}, by the worker ${byWorker}, ` +
        `in ${emptiedAfter} ms; all listed ${listedAfter} ms after the last removal`,
    );
    expect(onScreen.ids).to.deep.equal(new Set(items.map((item) => item.id)));
    expect([...onScreen.listedTwice], 'on screen twice').to.deep.equal([]);
    expect(duplicates).to.equal(0);
    expect(pageReports.flatMap((report) => report.kept)).to.deep.equal([]);
    deliveries.stop();
    frames.forEach((frame) => frame.remove());
  });

  it('loses nothing when a page is closed in the middle of delivering', async () => {
    // No button: on load it would find the items and ask the worker to deliver, a second flusher
    // that waits on the lock and delivers as the page closes (Chromium's sync fired late, in CI).
    const frame = await openHostPage({ withButton: false });
    const items = await queueItems(CLOSED_PAGE_ITEMS);
    const deliveries = countDeliveries();

    // The page's second show waits for a release that never comes: the page is provably in the
    // middle of delivering (one item shown and removed, the delivery lock held) when it closes,
    // however fast or slow the machine.
    const secondShow = holdShows(frame, 2);
    void (frame.contentWindow as unknown as { deliverPending: () => Promise<DeliveryReport> }).deliverPending();
    await secondShow;
    await waitUntil(() => deliveries.byId.size === 1, 'the first delivery was never announced');
    expect(await deliveryLockHolders(), 'the page holds the delivery lock').to.equal(1);
    const leftWhenClosed = await countItems();
    frame.remove();
    // Its Web Lock went with it: the next flusher takes over at once.
    await waitUntil(async () => (await deliveryLockHolders()) === 0, 'the closed page kept the delivery lock');
    const report = await deliverPending(host.registration);
    expect(await countItems()).to.equal(0);

    const shown = await shownItemIds(host.registration);
    console.log(
      `page closed mid-flush: ${CLOSED_PAGE_ITEMS} queued, ${leftWhenClosed} left when it closed, ` +
        `${report.delivered.length} delivered by the next page, ${CLOSED_PAGE_ITEMS - new Set(shown).size} lost`,
    );
    expect(leftWhenClosed, 'the page closed with one item delivered').to.equal(CLOSED_PAGE_ITEMS - 1);
    expect(new Set(shown)).to.deep.equal(new Set(items.map((item) => item.id)));
    deliveries.stop();
  });

  it(`loses none of ${KILL_ITEMS} items when the worker is killed in the middle of delivering`, async function () {
    // Stopping a worker on demand needs the DevTools protocol, which only Chromium speaks here.
    if (!(await canStopServiceWorkers())) skipBecause(this, 'this browser offers no way to stop a service worker');
    const items = await queueItems(KILL_ITEMS);
    const deliveries = countDeliveries();

    host.registration.active!.postMessage(FLUSH_REQUEST);
    await waitUntil(() => deliveries.byId.size >= 1, 'the worker never started delivering');
    await stopServiceWorkers();
    const leftAfterKill = await countItems();
    expect(leftAfterKill, 'the worker finished before it was stopped').to.be.greaterThan(0);

    // The next trigger (a reconnect, a page opening) wakes a new worker, which finishes the job.
    host.registration.active!.postMessage(FLUSH_REQUEST);
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied', { timeout: 15_000 });

    const shown = await shownItemIds(host.registration);
    const reshown = [...deliveries.byId.values()].filter((times) => times > 1).length;
    console.log(
      `worker killed mid-flush: ${KILL_ITEMS} queued, ${leftAfterKill} left when it was stopped, ` +
        `${shown.length} shown in the end, ${KILL_ITEMS - new Set(shown).size} lost, ${reshown} re-shown under the same tag`,
    );
    expect(new Set(shown)).to.deep.equal(new Set(items.map((item) => item.id)));
    expect(shown).to.have.length(KILL_ITEMS);
    deliveries.stop();
  });
});
