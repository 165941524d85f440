/** The outbox store against the browser's real IndexedDB. */
import { expect } from '@open-wc/testing';
import { removeItems } from '../../src/sw/outbox-store.js';
import { addItem, closeOutbox, countItems } from '../../src/page/outbox.js';
import { listItems } from '../../src/page/outbox-list.js';
import type { OutboxDraft } from '../../src/page/outbox.js';
import { clearStores } from '../support/browser.js';

const draft = (title: string): OutboxDraft => ({
  id: crypto.randomUUID(),
  queuedAt: Date.now(),
  notification: { title, body: `${title} body` },
});

describe('outbox', () => {
  beforeEach(clearStores);
  after(clearStores);

  it('stores an item and numbers it', async () => {
    const stored = await addItem(draft('first'));
    expect(stored.seq).to.be.a('number');
    expect(await listItems()).to.deep.equal([stored]);
    expect(await countItems()).to.equal(1);
  });

  it('lists items in the order they were queued, even within one millisecond', async () => {
    const sameMoment = Date.now();
    const drafts = Array.from({ length: 20 }, (_, index) => ({ ...draft(`item ${index}`), queuedAt: sameMoment }));
    await Promise.all(drafts.map((item) => addItem(item)));
    expect((await listItems()).map((item) => item.id)).to.deep.equal(drafts.map((item) => item.id));
  });

  it('removes only the item it is asked to', async () => {
    const [first, second, third] = [await addItem(draft('a')), await addItem(draft('b')), await addItem(draft('c'))];
    await removeItems([second]);
    expect(await listItems()).to.deep.equal([first, third]);
  });

  it('keeps numbering forward after removals, so order survives', async () => {
    const first = await addItem(draft('a'));
    await removeItems([first]);
    const second = await addItem(draft('b'));
    expect(second.seq).to.be.greaterThan(first.seq);
  });

  it('persists across connections', async () => {
    const stored = await addItem(draft('durable'));
    await closeOutbox();
    expect(await listItems()).to.deep.equal([stored]);
  });

  it('clears everything', async () => {
    await addItem(draft('a'));
    await addItem(draft('b'));
    await clearStores();
    expect(await countItems()).to.equal(0);
  });
});
