/**
 * The outbox on disk: an item reported as queued is committed strictly (a power loss cannot take
 * it back), and an old tab that holds the outbox open at an older version costs a clear error
 * within seconds, or nothing once it lets go, never a click that spins forever.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/sync-notify-api-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { closeOutbox, countItems } from '../../src/page/outbox.js';
import { requested, setOffline, useHostWorker } from '../support/browser.js';
import { clickAndWaitError, clickAndWaitQueued, errorText } from '../support/element.js';

describe('an item the element reports as queued', () => {
  useHostWorker();

  it('is committed with strict durability, so that a power loss cannot take it back', async () => {
    // Watched, not replaced: the browser's own transactions run, and say which durability they got.
    const durabilities: string[] = [];
    const openTransaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof openTransaction>) {
      const transaction = openTransaction.apply(this, args);
      if (transaction.mode === 'readwrite' && transaction.objectStoreNames.contains('items')) {
        // Browsers that do not expose it (WebKit) still took the option.
        durabilities.push(transaction.durability ?? args[2]?.durability ?? 'default');
      }
      return transaction;
    };
    try {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
      await setOffline(true);
      await clickAndWaitQueued(element);
    } finally {
      IDBDatabase.prototype.transaction = openTransaction;
    }
    // Chromium's default is relaxed since version 121: an item reported queued could be not yet on disk.
    expect(durabilities).to.have.length.above(0);
    expect(durabilities).to.deep.equal(durabilities.map(() => 'strict'));
    expect(await countItems()).to.equal(1);
  });
});

describe('an old tab that keeps the outbox open at an older version', () => {
  useHostWorker();
  let oldTab: IDBDatabase | undefined;

  /** The outbox as an older version of the site left it, held open by a tab that ignores versionchange. */
  async function openAsOldTab(): Promise<IDBDatabase> {
    await closeOutbox();
    await requested(indexedDB.deleteDatabase('sync-notify-outbox'));
    const opening = indexedDB.open('sync-notify-outbox', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('items', { keyPath: 'seq', autoIncrement: true });
    return requested(opening);
  }

  afterEach(() => oldTab?.close());

  it('settles the click within seconds with a clear error, rather than "Queuing…" forever', async () => {
    oldTab = await openAsOldTab();
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
    const started = performance.now();
    expect((await clickAndWaitError(element)).reason).to.equal('storage-blocked');
    expect(performance.now() - started).to.be.below(5_000);
    await element.updateComplete;
    expect(errorText(element)).to.equal('Close the other tabs of this site, then press the button again.');
    expect(element.state).to.equal('error');
  });

  it('queues once the old tab lets go in time', async () => {
    oldTab = await openAsOldTab();
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
    setTimeout(() => oldTab!.close(), 500);
    const item = await clickAndWaitQueued(element);
    expect(item.id).to.be.a('string');
  });
});
