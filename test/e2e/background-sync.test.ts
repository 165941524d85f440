/**
 * The Background Sync path in real Chromium: a click queues the notification in the real
 * IndexedDB, a real sync fires in the real service worker (the dist file a host imports) when
 * page and worker are back online, and the notification appears in `getNotifications()`.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { countItems } from '../../src/page/outbox.js';
import { listItems } from '../../src/page/outbox-list.js';
import { SYNC_TAG } from '../../src/shared/protocol.js';
import { storeNotification } from '../../src/page/queue.js';
import {
  closeNotifications,
  hasBackgroundSync,
  pendingSyncTags,
  setOffline,
  setPermissions,
  shownNotifications,
  useHostWorker,
  waitForNotifications,
} from '../support/browser.js';
import { buttonOf, clickAndWaitQueued, errorText, statusText } from '../support/element.js';

// Only Chromium has Background Sync; elsewhere these are reported as skipped.
(hasBackgroundSync ? describe : describe.skip)('delivery with Background Sync, offline and back', () => {
  const host = useHostWorker();

  it('keeps three notifications queued while offline and shows exactly three on reconnect', async () => {
    const element = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Offline message" body="Queued while offline"></sync-notify-button>`,
    );
    await setOffline(true);
    const queued = [];
    for (let click = 0; click < 3; click += 1) queued.push(await clickAndWaitQueued(element));

    expect(await pendingSyncTags(host.registration)).to.deep.equal(['sync-notify-outbox']);
    expect(await shownNotifications(host.registration)).to.have.length(0);
    expect((await listItems()).map((item) => item.id)).to.deep.equal(queued.map((item) => item.id));
    await waitUntil(() => element.pending === 3, 'pending count never reached 3');
    expect(statusText(element)).to.equal(
      '“Offline message” queued — will be sent when you are back online. 3 waiting for connection.',
    );

    await setOffline(false);
    const shown = await waitForNotifications(host.registration, 3);
    expect(shown.map((notification) => notification.tag).sort()).to.deep.equal(
      queued.map((item) => `sync-notify-${item.id}`).sort(),
    );
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied');
    await waitUntil(() => element.pending === 0 && element.state === 'sent');
    // Nothing more arrives later: exactly three.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await shownNotifications(host.registration)).to.have.length(3);
  });

  it('delivers on the sync event alone, with no page asking', async () => {
    await setOffline(true);
    const item = await storeNotification({ title: 'From the sync event', body: 'No page involved' });
    await host.registration.sync!.register(SYNC_TAG);
    expect(await pendingSyncTags(host.registration)).to.deep.equal([SYNC_TAG]);

    await setOffline(false);
    const [notification] = await waitForNotifications(host.registration, 1);
    expect(notification.tag).to.equal(`sync-notify-${item.id}`);
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied');
    await waitUntil(async () => (await pendingSyncTags(host.registration)).length === 0, 'the sync never completed');
  });

  it('delivers without the sync event when the browser refuses Background Sync', async () => {
    await setPermissions('notifications');
    try {
      const element = await fixture<SyncNotifyButton>(
        html`<sync-notify-button title="No sync" body="Delivered by message"></sync-notify-button>`,
      );
      const item = await clickAndWaitQueued(element);
      const [notification] = await waitForNotifications(host.registration, 1);
      expect(notification.tag).to.equal(`sync-notify-${item.id}`);
      expect(await pendingSyncTags(host.registration)).to.deep.equal([]);
      await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied');
    } finally {
      await setPermissions('notifications', 'background-sync');
    }
  });

  it('keeps the item when the notification cannot be shown, and delivers it later', async () => {
    const element = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Kept" body="Shown on the second try"></sync-notify-button>`,
    );
    await setOffline(true);
    await clickAndWaitQueued(element);
    // Notifications switched off in the site settings while the item waits.
    await setPermissions('background-sync');
    const failed = oneEvent(element, 'sync-notify-error');
    await setOffline(false);

    expect((await failed).detail.reason).to.equal('delivery-failed');
    // The worker rejected the sync, so the browser keeps the tag to retry.
    expect(await pendingSyncTags(host.registration)).to.deep.equal(['sync-notify-outbox']);
    expect(errorText(element)).to.equal(
      'The notification could not be shown yet. It stays queued.',
    );
    expect(await countItems()).to.equal(1);
    expect(await shownNotifications(host.registration)).to.have.length(0);

    // Allowed again: the next click delivers both at once, not after the browser's retry backoff.
    await setPermissions('notifications', 'background-sync');
    buttonOf(element).click();
    await waitForNotifications(host.registration, 2);
    await waitUntil(async () => (await countItems()) === 0, 'outbox was not emptied');
    await closeNotifications(host.registration);
  });
});
