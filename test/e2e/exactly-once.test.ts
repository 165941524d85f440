/**
 * Exactly once, with real competition: several pages of the origin and the service worker flush
 * the same outbox at the same moment, and a worker is killed in the middle of a flush.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { deliverPending, type DeliveryReport } from '../../src/sw/deliver.js';
import { watchOutbox } from '../../src/page/watch-outbox.js';
import { countItems, type OutboxItem } from '../../src/page/outbox.js';
import { FLUSH_REQUEST } from '../../src/shared/protocol.js';
import { storeNotification } from '../../src/page/queue.js';
import {
  canStopServiceWorkers,
  openHostPage,
  shownItemIds,
  skipBecause,
  stopServiceWorkers,
  useHostWorker,
} from '../support/browser.js';

const ITEMS = 100;
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

describe('exactly-once delivery', () => {
  const host = useHostWorker();

  it(`shows each of ${ITEMS} items once when four pages and the worker flush at the same moment`, async () => {
    const frames = await Promise.all([openHostPage(), openHostPage(), openHostPage()]);
    const items = await queueItems(ITEMS);
    const deliveries = countDeliveries();

    type Flusher = { deliverPending: () => Promise<DeliveryReport> };
    host.registration.active!.postMessage(FLUSH_REQUEST);
    const pageReports = await Promise.all([
      deliverPending(host.registration),
      ...frames.map((frame) => (frame.contentWindow as unknown as Flusher).deliverPending()),
    ]);
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied', { timeout: 15_000 });
    await waitUntil(() => deliveries.byId.size === ITEMS, 'not every delivery was announced', { timeout: 5_000 });

    const shown = await shownItemIds(host.registration);
    const duplicates = [...deliveries.byId.values()].filter((times) => times > 1).length;
    const byPages = pageReports.map((report) => report.delivered.length);
    const byWorker = ITEMS - byPages.reduce((sum, count) => sum + count, 0);
    console.log(
      `exactly-once: ${ITEMS} queued, ${shown.length} shown, ${duplicates} shown twice, ` +
        `${ITEMS - new Set(shown).size} lost; delivered by pages ${byPages.join('/')}, by the worker ${byWorker}`,
    );
    expect(new Set(shown)).to.deep.equal(new Set(items.map((item) => item.id)));
    expect(shown).to.have.length(ITEMS);
    expect(duplicates).to.equal(0);
    expect(pageReports.flatMap((report) => report.failed)).to.deep.equal([]);
    deliveries.stop();
    frames.forEach((frame) => frame.remove());
  });

  it('loses nothing when a page is closed in the middle of delivering', async () => {
    const frame = await openHostPage();
    const items = await queueItems(ITEMS);
    const deliveries = countDeliveries();

    void (frame.contentWindow as unknown as { deliverPending: () => Promise<DeliveryReport> }).deliverPending();
    // The first delivery is announced at once; the next ones in batches.
    await waitUntil(() => deliveries.byId.size >= 1, 'the page never started delivering');
    frame.remove();
    const leftWhenClosed = await countItems();
    // Its Web Lock went with it: the next flusher takes over at once.
    const report = await deliverPending(host.registration);
    expect(await countItems()).to.equal(0);

    const shown = await shownItemIds(host.registration);
    console.log(
      `page closed mid-flush: ${ITEMS} queued, ${leftWhenClosed} left when it closed, ` +
        `${report.delivered.length} delivered by the next page, ${ITEMS - new Set(shown).size} lost`,
    );
    expect(leftWhenClosed, 'the page finished before it was closed').to.be.greaterThan(0);
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
