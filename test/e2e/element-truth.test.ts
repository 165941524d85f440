/**
 * The element tells the truth: it names the item that was really delivered, keeps a later click's
 * failure on screen, and tells the host whether the outbox outlives a private window.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/sync-notify-api-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import {
  hasBackgroundSync,
  setOffline,
  setPermissions,
  shownNotifications,
  useHostWorker,
  waitForNotifications,
} from '../support/browser.js';
import { buttonOf, clickAndWaitError, clickAndWaitQueued, errorText, statusText } from '../support/element.js';

describe('the element tells the truth', () => {
  const host = useHostWorker({ permissions: ['notifications'] });

  it("names the delivered item's own title, and keeps a later click's failure on screen", async () => {
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="First" body="b" max-items="1"></sync-notify-button>`);
    await setOffline(true);
    const first = await clickAndWaitQueued(element);
    element.title = 'Second';
    expect((await clickAndWaitError(element)).reason).to.equal('outbox-full');

    const delivered = oneEvent(element, 'sync-notify-delivered');
    await setOffline(false);
    expect((await delivered).detail.id).to.equal(first.id);
    await element.updateComplete;
    // The line names the click that was sent, and the later click's failure stays on screen.
    expect(statusText(element)).to.equal('“First” sent.');
    expect(errorText(element)).to.equal('Too many notifications are waiting, so this one was not queued.');
    expect(element.state).to.equal('error');
    await waitForNotifications(host.registration, 1);
  });

  it('tells the host whether the outbox outlives a private window: not persistent unless the browser grants it', async () => {
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
    await setOffline(true);
    const queued = oneEvent(element, 'sync-notify-queued');
    buttonOf(element).click();
    expect((await queued).detail.persistent).to.equal(false);
  });

  it('asks for persistent storage when queuing offline, where the browser grants it without a prompt', async function () {
    // Chromium decides silently (here: granted through the permission); Firefox would prompt the user.
    if (!hasBackgroundSync) this.skip();
    await setPermissions('notifications', 'persistent-storage');
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
    await setOffline(true);
    const queued = oneEvent(element, 'sync-notify-queued');
    buttonOf(element).click();
    expect((await queued).detail.persistent).to.equal(true);
    expect(await navigator.storage.persisted()).to.equal(true);
    await setOffline(false);
    await waitForNotifications(host.registration, 1);
    expect(await shownNotifications(host.registration)).to.have.length(1);
  });
});
