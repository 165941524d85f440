/**
 * Delivery as every engine does it. Chromium uses Background Sync where allowed; Firefox has none,
 * and Chromium with sync refused behaves the same: the page asks the worker on every reconnect,
 * and any page opened later delivers what an earlier one left.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { countItems } from '../../src/page/outbox.js';
import { listItems } from '../../src/page/outbox-list.js';
import { storeNotification } from '../../src/page/queue.js';
import { FLUSH_REQUEST } from '../../src/shared/protocol.js';
import { notificationOptions } from '../../src/sw/notification.js';
import {
  deliveriesOver,
  hasBackgroundSync,
  listenToOutbox,
  openHostPage,
  outboxEmptied,
  pause,
  setOffline,
  shownItemIds,
  shownNotifications,
  useHostWorker,
  waitForNotifications,
} from '../support/browser.js';
import { clickAndWaitQueued, statusText } from '../support/element.js';

const WORKERS = ['/test/fixtures/classic-sw.js', '/test/fixtures/module-sw.js'] as const;

for (const worker of WORKERS) {
  describe(`online delivery through the host's ${worker.includes('module') ? 'module' : 'classic'} service worker`, () => {
    const host = useHostWorker({ script: worker });

    it('shows the notification at once and empties the outbox', async () => {
      const element = await fixture<SyncNotifyButton>(
        html`<sync-notify-button title="New message" body="Sent while offline" url="/inbox">Send</sync-notify-button>`,
      );
      const delivered = oneEvent(element, 'sync-notify-delivered');
      const item = await clickAndWaitQueued(element);
      expect((await delivered).detail.id).to.equal(item.id);

      const [notification] = await waitForNotifications(host.registration, 1);
      expect(notification.title).to.equal('New message');
      expect(notification.body).to.equal('Sent while offline');
      expect(notification.tag).to.equal(`sync-notify-${item.id}`);
      expect(notification.data).to.deep.equal({ syncNotify: { id: item.id, url: new URL('/inbox', location.href).href } });
      expect(await countItems()).to.equal(0);
      expect(element.state).to.equal('sent');
      expect(statusText(element)).to.equal('“New message” sent.');
    });

    it('keeps an author tag, so a newer notification replaces the older one', async () => {
      const element = await fixture<SyncNotifyButton>(
        html`<sync-notify-button title="Chat" body="1 new message" tag="chat"></sync-notify-button>`,
      );
      await clickAndWaitQueued(element);
      await waitUntil(() => element.state === 'sent');
      element.body = '2 new messages';
      await clickAndWaitQueued(element);
      await waitUntil(async () => (await shownNotifications(host.registration))[0]?.body === '2 new messages');
      const shown = await shownNotifications(host.registration);
      expect(shown.map((notification) => notification.tag)).to.deep.equal(['chat']);
    });

    it('shows an item that was on screen before a crash once, not twice', async () => {
      const item = await storeNotification({ title: 'Shown before the crash', body: 'b' }, undefined, { scope: host.registration.scope });
      // What a worker killed between showing and removing leaves: the notification on screen, the item queued.
      await host.registration.showNotification('Shown before the crash', notificationOptions(item));
      await waitForNotifications(host.registration, 1);
      host.registration.active!.postMessage(FLUSH_REQUEST);
      await outboxEmptied();
      const shown = await shownNotifications(host.registration);
      expect(shown.map(({ title, tag }) => ({ title, tag }))).to.deep.equal([{ title: 'Shown before the crash', tag: `sync-notify-${item.id}` }]);
    });
  });
}

describe('delivery without Background Sync: on reconnect', () => {
  // Chromium: the user switched Background Sync off for the site. Firefox: there is none.
  const host = useHostWorker({ permissions: ['notifications'] });

  it('keeps three notifications while offline and shows exactly three on reconnect', async () => {
    const element = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Offline message" body="Queued while offline"></sync-notify-button>`,
    );
    const neverPressed = await fixture<SyncNotifyButton>(html`<sync-notify-button title="Other" body="b"></sync-notify-button>`);
    await setOffline(true);
    const queued = [];
    for (let click = 0; click < 3; click += 1) queued.push(await clickAndWaitQueued(element));
    await waitUntil(() => element.pending === 3 && neverPressed.pending === 3, 'pending count never reached 3');
    expect(statusText(element)).to.equal(
      '“Offline message” queued — will be sent when you are back online. 3 waiting for connection.',
    );
    // The site's count is on every button's `pending`; only the pressed one speaks of it.
    expect(statusText(neverPressed)).to.equal('');
    // No event marks a delivery rightly not asked for offline; a wrong ask shows at once, online a click shows well within 300 ms.
    await pause(300);
    expect(await shownNotifications(host.registration)).to.have.length(0);
    expect((await listItems()).map((item) => item.id)).to.deep.equal(queued.map((item) => item.id));

    const delivered: string[] = [];
    element.addEventListener('sync-notify-delivered', (event) => delivered.push(event.detail.id));
    // The worker says how many are left with each delivery, so that pages need not count them.
    const outbox = listenToOutbox();
    await setOffline(false);
    await waitForNotifications(host.registration, 3);
    expect((await shownItemIds(host.registration)).sort()).to.deep.equal(queued.map((item) => item.id).sort());
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied');
    await waitUntil(() => delivered.length === 3 && element.pending === 0, 'the element did not hear of all three');
    outbox.stop();
    const left = outbox.heard.filter(({ type }) => type === 'delivered').map(({ pending }) => pending);
    expect(left).to.have.length(3);
    expect(left.at(-1)).to.equal(0);
    expect([...left].sort().reverse(), 'what is left only goes down').to.deep.equal(left);
    // The reconnect's one flush (sync is refused here) has ended: whatever more it would show is on screen.
    await deliveriesOver();
    expect(await shownNotifications(host.registration)).to.have.length(3);
  });

  it('delivers on reconnect what a page queued offline, in another page of the site', async () => {
    const frame = await openHostPage();
    const element = frame.contentDocument!.querySelector('sync-notify-button')!;
    await setOffline(true);
    await clickAndWaitQueued(element);
    await clickAndWaitQueued(element);
    // No event marks a delivery rightly not asked for offline; a wrong ask shows at once, online a click shows well within 300 ms.
    await pause(300);
    expect(await shownNotifications(host.registration)).to.have.length(0);

    await setOffline(false);
    await waitForNotifications(host.registration, 2);
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied');
    frame.remove();
  });

  it('delivers what a closed page left queued as soon as any page of the site opens online', async () => {
    // Queued, and no page left to ask for delivery: as if it was closed while offline.
    const left = [
      await storeNotification({ title: 'Left behind 1', body: 'queued by a closed page' }),
      await storeNotification({ title: 'Left behind 2', body: 'queued by a closed page' }),
    ];
    // No event marks a delivery nobody asked for: 300 ms, as long as an online click takes to be shown, says the page opened is what delivers.
    await pause(300);
    expect(await countItems()).to.equal(2);

    const frame = await openHostPage();
    await waitForNotifications(host.registration, 2);
    expect((await shownItemIds(host.registration)).sort()).to.deep.equal(left.map((item) => item.id).sort());
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied');
    frame.remove();
  });

  it('shows nothing twice when the page is reloaded after delivery', async () => {
    const frame = await openHostPage();
    const element = frame.contentDocument!.querySelector('sync-notify-button')!;
    await setOffline(true);
    for (let click = 0; click < 3; click += 1) await clickAndWaitQueued(element);
    await setOffline(false);
    await waitForNotifications(host.registration, 3);
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied');
    const before = await shownItemIds(host.registration);

    frame.contentWindow!.location.reload();
    await waitUntil(() => (frame.contentWindow as { flusherReady?: boolean }).flusherReady, 'reload never finished');
    // No event marks a reloaded page rightly asking for nothing (its element finds the outbox empty); 500 ms outlasts its start and a flush.
    await pause(500);
    expect(await shownItemIds(host.registration)).to.deep.equal(before);
    expect(await countItems()).to.equal(0);
    frame.remove();
  });

  it('shows one summary notification for several delivered together, in summary mode', async () => {
    const element = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Chat" body="New message" summary></sync-notify-button>`,
    );
    const delivered: string[] = [];
    element.addEventListener('sync-notify-delivered', (event) => delivered.push(event.detail.id));
    await setOffline(true);
    for (let click = 0; click < 3; click += 1) {
      element.title = `Message ${click + 1}`;
      await clickAndWaitQueued(element);
    }
    await setOffline(false);
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied');
    await waitUntil(() => delivered.length === 3, 'the element did not hear of all three');

    const shown = await shownNotifications(host.registration);
    expect(shown.map(({ title, body, tag }) => ({ title, body, tag }))).to.deep.equal([
      { title: '3 notifications sent while offline', body: 'Message 1\nMessage 2\nMessage 3', tag: 'sync-notify-summary' },
    ]);
  });

  it('keeps one summary on screen when several are delivered one after another', async () => {
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="Chat" body="New message" summary></sync-notify-button>`);
    for (const round of [1, 2]) {
      await setOffline(true);
      for (const click of [1, 2]) {
        element.title = `Round ${round}, message ${click}`;
        await clickAndWaitQueued(element);
      }
      await setOffline(false);
      await outboxEmptied();
    }
    await waitUntil(async () => (await shownNotifications(host.registration)).some(({ body }) => body.startsWith('Round 2')));
    const shown = await shownNotifications(host.registration);
    expect(shown.map(({ body, tag }) => ({ body, tag }))).to.deep.equal([
      { body: 'Round 2, message 1\nRound 2, message 2', tag: 'sync-notify-summary' },
    ]);
  });

  it(`runs on the ${hasBackgroundSync ? 'refused-sync' : 'no-sync'} route`, async () => {
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
    await clickAndWaitQueued(element);
    expect((await host.registration.sync?.getTags()) ?? []).to.deep.equal([]);
  });
});
