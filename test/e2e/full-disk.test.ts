/**
 * A full disk, for real: the origin's storage is filled until the outbox refuses a write, and then
 * the connection returns. The worker cannot write down what it learnt (a request accepted, a
 * request refused), yet an accepted request must not be sent again, a refusal must not be hidden,
 * and what is queued behind them must still go out.
 *
 * Only where the browser lets a test limit an origin's storage, to 10 MB: Chromium through its
 * DevTools protocol, Firefox with its temporary storage fixed at 10 MB; each a browser of its own
 * (the `full-disk` group of web-test-runner.config.mjs, which says why). WebKit says why it skips it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-api-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { changeOutbox } from '../../src/page/outbox.js';
import { listFailures, listItems } from '../../src/page/outbox-list.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import {
  limitStorage,
  listenToOutbox,
  pause,
  requested,
  setOffline,
  shownItemIds,
  skipBecause,
  useHostWorker,
} from '../support/browser.js';
import { clickAndWaitQueued, errorText } from '../support/element.js';
import { messagesEndpoint } from '../support/messages-endpoint.js';

/** The origin's quota for this test: set in Chromium, the full-disk group's Firefox has it from its fixedLimit pref. */
const LIMITED_QUOTA = 10 * 1024 * 1024;

/**
 * How long a database sits idle before Firefox's idle maintenance truncates its journal, which
 * gives room back (2 s in its IndexedDB).
 */
const IDLE_MAINTENANCE_MS = 2_500;

const FILLER_DATABASE = 'full-disk-filler';

/** Opened, and so created, before the disk is full: creating a database takes room too. */
function openFiller(): Promise<IDBDatabase> {
  const opening = indexedDB.open(FILLER_DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore('filler', { autoIncrement: true });
  return requested(opening);
}

/** Random, since Firefox compresses what it stores: zeros would take no room. */
function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(bytes.subarray(offset, offset + 65_536));
  return bytes;
}

/** Stores `size` bytes more; resolves with the browser's refusal, or null when they fit. */
function addFiller(filler: IDBDatabase, size: number): Promise<DOMException | null> {
  return new Promise((resolve) => {
    try {
      const transaction = filler.transaction('filler', 'readwrite');
      transaction.objectStore('filler').add(randomBytes(size));
      transaction.oncomplete = () => resolve(null);
      transaction.onabort = () => resolve(transaction.error);
    } catch (error) {
      resolve(error as DOMException);
    }
  });
}

/**
 * Fills the origin's storage until not a byte more fits, and resolves with how much it took: large
 * values first, halved at each refusal; then again once the databases sat idle, since Firefox's
 * idle maintenance gives back the room their journals held, until a round adds nothing.
 */
async function fillStorage(filler: IDBDatabase): Promise<number> {
  let total = 0;
  for (let round = 0; round < 10; round += 1) {
    let added = 0;
    for (let size = 2 ** 20; size >= 1; ) {
      // Not a disk's worth: a browser that does not hold to the limit fails the test at once.
      if (total + added > 2 * LIMITED_QUOTA) throw new Error(`the browser stored ${total + added} bytes, past its ${LIMITED_QUOTA} limit`);
      const refusal = await addFiller(filler, size);
      if (!refusal) added += size;
      // The write after a QuotaExceededError is refused whatever its size (Firefox allows only
      // removals in it): only a quota error says that this size does not fit.
      else if (refusal.name === 'QuotaExceededError') size /= 2;
    }
    total += added;
    if (round > 0 && !added) return total;
    // No event tells when Firefox's idle maintenance has run: it runs on a database idle for 2 s, so 2.5 s idle.
    await pause(IDLE_MAINTENANCE_MS);
  }
  throw new Error(`the storage never filled up: ${total} bytes stored`);
}

/**
 * Keeps the filler database in use, as another tab's database would be, until stopped: Firefox's
 * idle maintenance (on a database unused for 2 s) would hand back the room that the last refused
 * writes took in its journal, and the worker's writes might fit in it.
 */
function keepInUse(filler: IDBDatabase): () => void {
  const timer = setInterval(() => filler.transaction('filler').objectStore('filler').count(), 500);
  return () => clearInterval(timer);
}

/**
 * Keeps the worker running until stopped, with a message it ignores every 5 s (Firefox stops a
 * worker idle for 30 s): on a full disk, Firefox often fails to start a stopped one again (with
 * workers stopped after 3 s idle, 4 runs of 6 never had the page's delivery request answered), and
 * then nothing is delivered at all, whatever the library does.
 */
function keepRunning(worker: ServiceWorker): () => void {
  const timer = setInterval(() => worker.postMessage('keep running'), 5_000);
  worker.postMessage('keep running');
  return () => clearInterval(timer);
}

describe('a full disk', () => {
  let limited = false;
  // Before the origin writes anything: Chromium's IndexedDB grants, for up to 30 s, the room it
  // last heard of.
  before(async () => {
    limited = await limitStorage(LIMITED_QUOTA);
  });
  after(() => limitStorage(null));
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js', permissions: ['notifications'] });
  let filler: IDBDatabase | undefined;
  const nothingToStop = () => undefined;
  let stopUsingFiller: () => void = nothingToStop;
  let stopWorker: () => void = nothingToStop;

  afterEach(async () => {
    stopWorker();
    stopUsingFiller();
    stopWorker = stopUsingFiller = nothingToStop;
    if (!filler) return;
    filler.close();
    filler = undefined;
    await requested(indexedDB.deleteDatabase(FILLER_DATABASE));
  });

  it('sends an accepted request once, announces a refused one, and delivers what is queued behind them', async function () {
    const quota = limited ? LIMITED_QUOTA : (await navigator.storage?.estimate?.())?.quota;
    if (quota !== LIMITED_QUOTA) {
      skipBecause(
        this,
        `this browser lets no test limit an origin's storage, which may take ${quota ?? 'an unknown number of'} bytes here ` +
          "(the full-disk group's Chromium and Firefox do: --group full-disk)",
      );
    }
    // Filling the disk, and the reconnects after the delivery, take longer than a test usually may.
    this.timeout(60_000);

    stopWorker = keepRunning(host.registration.active!);
    const accepting = await messagesEndpoint();
    // Refused every time, should it be sent again.
    const refusing = await messagesEndpoint([400, 400, 400, 400]);
    const refusedButton = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Chat" body="Malformed" endpoint=${refusing.endpoint}></sync-notify-button>`,
    );
    await setOffline(true);
    const accepted = (await queueApiCall({ title: 'Chat', body: 'Accepted', endpoint: accepting.endpoint }, host.registration)).item;
    const refused = await clickAndWaitQueued(refusedButton);
    const behind = (await queueApiCall({ title: 'Chat', body: 'Queued behind', endpoint: accepting.endpoint }, host.registration)).item;

    filler = await openFiller();
    const filled = await fillStorage(filler);
    stopUsingFiller = keepInUse(filler);
    // The worker's first write will be this item put back with its sentAt: see that it cannot be.
    const write = await changeOutbox(() => ({ outcome: 'written', putItems: [accepted] })).catch((error: DOMException) => error.name);
    const { usage } = await navigator.storage.estimate();
    console.log(`full disk: ${filled} bytes filled (the browser counts ${usage} used); a write to the outbox: ${write}`);
    expect(write, 'a write to the outbox on the full disk').to.equal('QuotaExceededError');

    const outbox = listenToOutbox();
    let leftAfterReconnect: string[] = [];
    try {
      await setOffline(false);
      const settled = () => [accepted, refused, behind].every(({ id }) => outbox.heard.some((announcement) => announcement.id === id));
      await waitUntil(settled).catch(() => undefined);
      // What the reconnect alone left: the next chance may be a worker that forgot what it sent.
      leftAfterReconnect = (await listItems()).map((item) => item.notification.body);
      // The person goes offline and back twice more: more chances to send again.
      for (let reconnect = 0; reconnect < 2; reconnect += 1) {
        await setOffline(true);
        await setOffline(false);
        // No event marks a flush that rightly finds nothing to send, and the full disk takes no marker item: 1.5 s outlasts a reconnect's flush.
        await pause(1_500);
      }
    } finally {
      outbox.stop();
    }

    const sentTimes = async (endpoint: typeof accepting, id: string) =>
      (await endpoint.received()).filter(({ idempotencyKey }) => idempotencyKey === id).length;
    const heard = (id: string) => outbox.heard.filter((announcement) => announcement.id === id).map(({ type }) => type);
    const times = {
      accepted: await sentTimes(accepting, accepted.id),
      refused: await sentTimes(refusing, refused.id),
      behind: await sentTimes(accepting, behind.id),
    };
    console.log(
      `full disk: the accepted request sent ${times.accepted} times, the refused one ${times.refused}, the one behind them ` +
        `${times.behind}; the page heard ${JSON.stringify({ accepted: heard(accepted.id), refused: heard(refused.id), behind: heard(behind.id) })}`,
    );
    expect(times.accepted, 'times the accepted request was sent').to.equal(1);
    expect(heard(accepted.id), 'heard of the accepted request').to.deep.equal(['delivered']);
    expect(times.refused, 'times the refused request was sent').to.equal(1);
    expect(heard(refused.id), 'heard of the refused request').to.include('rejected');
    await refusedButton.updateComplete;
    expect(errorText(refusedButton)).to.equal('The server refused the message (HTTP 400), so it will not be sent.');
    expect(times.behind, 'times the request queued behind them was sent').to.equal(1);
    expect(leftAfterReconnect, 'items left after the reconnect').to.deep.equal([]);
    expect(heard(behind.id), 'heard of the request queued behind them').to.deep.equal(['delivered']);
    expect((await shownItemIds(host.registration)).sort(), 'notifications on screen').to.deep.equal([accepted.id, behind.id].sort());
    expect(await listItems(), 'items left in the end').to.deep.equal([]);
    // Proof that the disk was still full when the refusal came: it could not be recorded.
    expect(await listFailures(), 'failures recorded').to.deep.equal([]);
  });
});
