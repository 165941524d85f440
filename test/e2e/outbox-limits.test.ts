/**
 * The outbox's limits (`max-items`, the byte budget) as a page keeps them: it tallies what it has
 * seen and reads only what was queued since, so other tabs, other releases and items that left in
 * the meantime must all be accounted for. "Another tab" here is a connection of its own, writing
 * as another release or script of the origin would: raw IndexedDB, no tally of this page's.
 */
import { expect } from '@open-wc/testing';
import { SyncNotifyError } from '../../src/page/failure.js';
import { queueNotification } from '../../src/page/queue.js';
import { OUTBOX_BYTE_BUDGET } from '../../src/shared/limits.js';
import { OUTBOX_DATABASE } from '../../src/shared/outbox-schema.js';
import { requested, useHostWorker } from '../support/browser.js';

/** Runs `write` on the outbox's items over a connection of its own, as another tab does; resolves with its result. */
async function asAnotherTab<T>(write: (items: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await requested(indexedDB.open(OUTBOX_DATABASE));
  try {
    const transaction = db.transaction('items', 'readwrite');
    const result = requested(write(transaction.objectStore('items')));
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onabort = () => reject(transaction.error);
    });
    return await result;
  } finally {
    db.close();
  }
}

const MB = 1_000_000;

/**
 * A form item whose files come to `bytes`, as a release of this library stores one. Its fields
 * name one file of 1 MB again and again (the rest in one more): the outbox counts each field's
 * file, and the database stores one file once, so the tests stay light on the disk.
 */
const formWithFiles = (id: string, bytes: number) => {
  const file = new File([new Uint8Array(MB)], `${id}.mp4`);
  const rest = new File([new Uint8Array(bytes % MB)], `${id}-end.mp4`);
  const fields = Array.from({ length: Math.floor(bytes / MB) }, () => ['file', file]);
  return { id, queuedAt: Date.now(), notification: { title: id, body: 'b' }, request: { url: '/api/messages', method: 'POST', form: [...fields, ['file', rest]] } };
};

/** The titles of every item the outbox holds, in queue order. */
const titles = async () => (await asAnotherTab((items) => items.getAll())).map(({ notification }) => notification.title);

/** Why queuing `title` was refused, or `queued`. */
const queueing = (registration: ServiceWorkerRegistration, title: string, maxItems?: number) =>
  queueNotification({ title, body: 'b', maxItems }, registration).then(
    () => 'queued',
    (error: unknown) => (error instanceof SyncNotifyError ? `${error.failure.reason} ${'problem' in error.failure ? error.failure.problem : ''}`.trim() : error),
  );

describe('the outbox limits, as a page tallies them', () => {
  // A site's worker without the library's line: nothing delivers what these tests queue, so what
  // the outbox holds changes only as each test changes it, online, in every engine.
  const host = useHostWorker({ script: '/test/fixtures/forgotten-sw.js' });

  it('counts what another tab queued since this page last looked', async () => {
    expect(await queueing(host.registration, 'first')).to.equal('queued');
    await asAnotherTab((items) => items.add(formWithFiles('video', OUTBOX_BYTE_BUDGET - 100)));
    expect(await queueing(host.registration, 'second')).to.equal('outbox-full bytes');
    expect(await queueing(host.registration, 'third', 2)).to.equal('outbox-full');
    expect(await titles()).to.deep.equal(['first', 'video']);
  });

  it('no longer counts the bytes of what left the outbox since: a press that fits is queued', async () => {
    const large = await asAnotherTab((items) => items.add(formWithFiles('large', 20 * MB)));
    expect(await queueing(host.registration, 'first')).to.equal('queued');
    // Sent by a worker, or taken back; then a smaller one queued: 35 MB seen, 15 MB held.
    await asAnotherTab((items) => items.delete(large));
    await asAnotherTab((items) => items.add(formWithFiles('smaller', 15 * MB)));
    expect(await queueing(host.registration, 'second')).to.equal('queued');
    expect(await titles()).to.deep.equal(['first', 'smaller', 'second']);
  });

  it('no longer counts items that left the outbox since against max-items', async () => {
    expect(await queueing(host.registration, 'first', 2)).to.equal('queued');
    expect(await queueing(host.registration, 'second', 2)).to.equal('queued');
    expect(await queueing(host.registration, 'third', 2)).to.equal('outbox-full');
    await asAnotherTab((items) => items.clear());
    expect(await queueing(host.registration, 'fourth', 2)).to.equal('queued');
    expect(await queueing(host.registration, 'fifth', 2)).to.equal('queued');
    expect(await queueing(host.registration, 'sixth', 2)).to.equal('outbox-full');
    expect(await titles()).to.deep.equal(['fourth', 'fifth']);
  });

  it('holds to max-items for presses of one page made at once', async () => {
    expect(await queueing(host.registration, 'first', 3)).to.equal('queued');
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((title) => queueing(host.registration, title, 3)));
    expect(outcomes).to.deep.equal(['queued', 'queued', 'outbox-full', 'outbox-full']);
    expect(await titles()).to.deep.equal(['first', 'a', 'b']);
  });
});
