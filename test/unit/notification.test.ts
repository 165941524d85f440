/** What the worker shows for queued items (src/sw/notification.ts): single notifications and summaries. */
import { expect } from '@open-wc/testing';
import type { OutboxItem } from '../../src/shared/outbox-schema.js';
import { batchesOf, notificationFor, notificationOptions } from '../../src/sw/notification.js';

let seq = 0;
function item(title: string, extra: Partial<OutboxItem['notification']> = {}, request?: OutboxItem['request']): OutboxItem {
  seq += 1;
  return { seq, id: `id-${seq}`, queuedAt: 0, notification: { title, body: `${title} body`, ...extra }, ...(request && { request }) };
}

const CALL = { url: 'https://app.example/api', method: 'POST', headers: {}, body: '{}' } as const;

describe('notificationOptions', () => {
  it("tags an item with its id unless the author chose a tag, and keeps the id and url in the notification's data", () => {
    const untagged = item('A', { url: 'https://app.example/inbox', lang: 'fr' });
    expect(notificationOptions(untagged)).to.deep.include({
      tag: `sync-notify-${untagged.id}`,
      lang: 'fr',
      body: 'A body',
      data: { syncNotify: { id: untagged.id, url: 'https://app.example/inbox' } },
    });
    expect(notificationOptions(item('B', { tag: 'mine' })).tag).to.equal('mine');
  });
});

describe('batchesOf and notificationFor', () => {
  it('shows items one by one when none is in summary mode', () => {
    const items = [item('A'), item('B')];
    expect(batchesOf(items)).to.deep.equal([[items[0]], [items[1]]]);
    expect(notificationFor([items[1]])[0]).to.equal('B');
  });

  it('shows one summary for several summary-mode items, the rest one by one', () => {
    const [a, plain, b, c] = [item('A', { summary: '{count} sent while offline' }), item('Plain'), item('B', { summary: 'x' }), item('C', { summary: '{count} sent ({count})' })];
    const batches = batchesOf([a, plain, b, c]);
    expect(batches).to.deep.equal([[a, b, c], [plain]]);
    const [title, options] = notificationFor(batches[0]);
    // The latest item's summary title, each {count} replaced; the titles as the body.
    expect(title).to.equal('3 sent (3)');
    expect(options).to.deep.include({ body: 'A\nB\nC', tag: 'sync-notify-summary' });
  });

  it('shows a lone summary-mode item as itself', () => {
    const [lone, plain] = [item('Only', { summary: '{count} sent' }), item('Plain')];
    expect(batchesOf([lone, plain])).to.deep.equal([[lone], [plain]]);
    expect(notificationFor([lone])[0]).to.equal('Only');
  });

  it("never folds an API call's confirmation into a summary", () => {
    const [a, b] = [item('A', { summary: '{count}' }), item('Sent', { summary: '{count}' }, CALL)];
    expect(batchesOf([a, b])).to.deep.equal([[a], [b]]);
  });
});
