/**
 * The person at the keyboard in control (src/page/control.ts, item-actions.ts, dismiss.ts): cancel
 * before reconnect, cancel racing a delivery in flight, retry now after a refusal, dismiss, clear at
 * sign-out while a sync fires, and a cancel from another tab, in real browsers with the host's real
 * worker.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-api-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import { clearOutbox } from '../../src/page/control.js';
import { cancel, retryNow } from '../../src/page/item-actions.js';
import { dismissFailure } from '../../src/page/dismiss.js';
import { countItems } from '../../src/page/outbox.js';
import { listFailures, listItems } from '../../src/page/outbox-list.js';
import { queueNotification } from '../../src/page/queue.js';
import {
  markerShown,
  openHostPage,
  outboxEmptied,
  setOffline,
  shownItemIds,
  useHostWorker,
  waitForNotifications,
} from '../support/browser.js';
import { clickAndWaitQueued, statusText } from '../support/element.js';
import { messagesEndpoint } from '../support/messages-endpoint.js';

describe('the user in control of the outbox', () => {
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js' });

  it('cancels an item before reconnect: nothing is shown, the button says so', async () => {
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="Oops" body="Pressed by mistake"></sync-notify-button>`);
    await setOffline(true);
    const item = await clickAndWaitQueued(element);
    const cancelled = oneEvent(element, 'sync-notify-cancelled');
    expect(await cancel(item.id)).to.equal('cancelled');
    expect((await cancelled).detail.id).to.equal(item.id);
    await element.updateComplete;
    expect(statusText(element)).to.equal('“Oops” cancelled.');
    expect(await countItems()).to.equal(0);
    // Queued after the cancel, delivered by the reconnect's flush, which would show the cancelled one too.
    const marker = await queueNotification({ title: 'Marker', body: 'Queued after the cancel' }, host.registration);
    await setOffline(false);
    await markerShown(host.registration, marker.item);
    expect(await shownItemIds(host.registration)).to.deep.equal([marker.item.id]);
    expect(await cancel(item.id)).to.equal('not-found');
  });

  it('cancels an API call before it is sent: the server never hears of it', async () => {
    const server = await messagesEndpoint();
    await setOffline(true);
    const { item } = await queueApiCall({ title: 'Chat', body: 'Never mind', endpoint: server.endpoint }, host.registration);
    expect(await cancel(item.id)).to.equal('cancelled');
    // Queued after it to the same endpoint, so sent after it: the reconnect's flush would send the cancelled one first.
    const marker = await queueApiCall({ title: 'Chat', body: 'Marker', endpoint: server.endpoint }, host.registration);
    await setOffline(false);
    await markerShown(host.registration, marker.item);
    expect((await server.received()).map((request) => request.idempotencyKey)).to.deep.equal([marker.item.id]);
    expect(await shownItemIds(host.registration)).to.deep.equal([marker.item.id]);
  });

  it('loses honestly to a delivery in flight: already sent, sent once, shown once', async () => {
    const server = await messagesEndpoint([{ status: 201, holdMs: 1500 }]);
    const { item } = await queueApiCall({ title: 'Chat', body: 'Too late', endpoint: server.endpoint }, host.registration);
    // The server holds the request: the send is in flight when the person cancels.
    await waitUntil(async () => (await server.received()).length === 1, 'the request never reached the server');
    expect(await cancel(item.id)).to.equal('already-sent');
    await waitForNotifications(host.registration, 1);
    expect(await shownItemIds(host.registration)).to.deep.equal([item.id]);
    expect(await server.received()).to.have.length(1);
    expect(await countItems()).to.equal(0);
  });

  it('retries a refused call now, and dismisses a failure', async () => {
    const server = await messagesEndpoint([409, 201]);
    const { item } = await queueApiCall({ title: 'Chat', body: 'Conflict first', endpoint: server.endpoint }, host.registration);
    await waitUntil(async () => (await listFailures()).length === 1, 'the refusal was never recorded');
    expect(await retryNow(item.id)).to.equal('retrying');
    await waitForNotifications(host.registration, 1);
    expect((await server.received()).map(({ idempotencyKey }) => idempotencyKey)).to.deep.equal([item.id, item.id]);
    expect(await listFailures()).to.deep.equal([]);
    await outboxEmptied();

    const refused = await queueApiCall({ title: 'Chat', body: 'Refused', endpoint: (await messagesEndpoint([422])).endpoint }, host.registration);
    await waitUntil(async () => (await listFailures()).length === 1, 'the refusal was never recorded');
    expect(await dismissFailure(refused.item.id)).to.equal('dismissed');
    expect(await listFailures()).to.deep.equal([]);
    expect(await dismissFailure(refused.item.id)).to.equal('not-found');
    expect(await retryNow(refused.item.id)).to.equal('not-found');
  });

  it('lets a retried failure wait as long as it was allowed to the first time', async () => {
    const week = 7 * 24 * 60 * 60;
    const server = await messagesEndpoint([409]);
    const { item } = await queueApiCall({ title: 'Chat', body: 'A week to go', endpoint: server.endpoint, maxAge: week }, host.registration);
    await waitUntil(async () => (await listFailures()).length === 1, 'the refusal was never recorded');
    // Offline, the retried item stays queued to be looked at.
    await setOffline(true);
    expect(await retryNow(item.id)).to.equal('retrying');
    const [retried] = await listItems();
    expect(retried.id).to.equal(item.id);
    // The item's own max-age, not the default of 24 hours.
    expect((retried.expiresAt! - retried.queuedAt) / 1000).to.equal(week);
  });

  it('clears at sign-out while the reconnect delivers: nothing queued before is shown after', async () => {
    await setOffline(true);
    for (let index = 1; index <= 20; index += 1) await queueNotification({ title: `Private ${index}`, body: 'b' }, host.registration);
    await setOffline(false);
    // Signs out at the moment the connection returns: the page's reconnect request and (in
    // Chromium) the sync fire now.
    const cleared = await clearOutbox();
    const shownAtSignOut = await shownItemIds(host.registration);
    expect(cleared.items + shownAtSignOut.length).to.equal(20);
    expect(await countItems()).to.equal(0);
    // Queued after the sign-out: once it is shown, a flush has read the outbox since, after every flush that ran at sign-out.
    const marker = await queueNotification({ title: 'Marker', body: 'Queued after the sign-out' }, host.registration);
    await markerShown(host.registration, marker.item);
    expect((await shownItemIds(host.registration)).sort()).to.deep.equal([...shownAtSignOut, marker.item.id].sort());
  });

  it('clears one tag only, and keeps the rest', async () => {
    await setOffline(true);
    await queueNotification({ title: 'Keep', body: 'b' }, host.registration);
    await queueNotification({ title: 'Account', body: 'b', tag: 'account-42' }, host.registration);
    expect(await clearOutbox({ tag: 'account-42' })).to.deep.equal({ items: 1, failures: 0 });
    expect(await countItems()).to.equal(1);
    await setOffline(false);
    const [shown] = await waitForNotifications(host.registration, 1);
    expect(shown.title).to.equal('Keep');
  });

  it('hears a cancel from another tab of the site', async () => {
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="Elsewhere" body="b"></sync-notify-button>`);
    const otherTab = await openHostPage();
    await setOffline(true);
    const item = await clickAndWaitQueued(element);
    const cancelled = oneEvent(element, 'sync-notify-cancelled');
    const otherWindow = otherTab.contentWindow as unknown as { cancel: typeof cancel };
    expect(await otherWindow.cancel(item.id)).to.equal('cancelled');
    await cancelled;
    await element.updateComplete;
    expect(statusText(element)).to.equal('“Elsewhere” cancelled.');
    otherTab.remove();
    await setOffline(false);
  });
});
