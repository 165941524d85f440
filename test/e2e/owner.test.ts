/**
 * Whose items: what one user queued is never shown or sent under another user's session. The page
 * declares who is signed in (`setOwner`, or the button's `owner`); the worker delivers an item
 * with an owner only while that owner is the one last declared.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-api-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import { setOwner } from '../../src/page/control.js';
import { countItems, listItems } from '../../src/page/outbox.js';
import { queueNotification } from '../../src/page/queue.js';
import { setOffline, shownNotifications, useHostWorker } from '../support/browser.js';
import { clickAndWaitQueued } from '../support/element.js';
import { messagesEndpoint } from '../support/messages-endpoint.js';

const shownTitles = async (registration: ServiceWorkerRegistration) => (await shownNotifications(registration)).map(({ title }) => title);

/** Waits until `title` is on screen: every flush that could show the others has run by then. */
const shownAlready = (registration: ServiceWorkerRegistration, title: string) =>
  waitUntil(async () => (await shownTitles(registration)).includes(title), `“${title}” was not shown`);

const waitingTitles = async () => (await listItems()).map(({ notification }) => notification.title).sort();

describe('each user’s items their own', () => {
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js' });
  after(() => setOwner(null));

  it('never shows or sends A’s items under B, and delivers them when A signs in again', async () => {
    const server = await messagesEndpoint();
    await setOffline(true);
    await setOwner('A');
    await queueNotification({ title: 'A’s note', body: 'b', owner: 'A' }, host.registration);
    await queueApiCall({ title: 'A’s message', body: 'b', owner: 'A', endpoint: server.endpoint }, host.registration);
    await setOwner('B');
    await queueNotification({ title: 'B’s note', body: 'b', owner: 'B' }, host.registration);
    await setOffline(false);
    await shownAlready(host.registration, 'B’s note');
    expect(await shownTitles(host.registration)).to.deep.equal(['B’s note']);
    expect(await server.received()).to.deep.equal([]);
    expect(await waitingTitles()).to.deep.equal(['A’s message', 'A’s note']);

    await setOwner('A');
    await shownAlready(host.registration, 'A’s message');
    await shownAlready(host.registration, 'A’s note');
    expect((await server.received()).map(({ body }) => body.title)).to.deep.equal(['A’s message']);
    expect(await countItems()).to.equal(0);
  });

  it('discards the previous owner’s items when the site asks', async () => {
    await setOffline(true);
    await setOwner('A');
    await queueNotification({ title: 'A’s note', body: 'b', owner: 'A' }, host.registration);
    await queueNotification({ title: 'Anyone’s note', body: 'b' }, host.registration);
    expect(await setOwner('B', { previous: 'discard' })).to.equal(1);
    expect(await waitingTitles()).to.deep.equal(['Anyone’s note']);
  });

  it('holds every owned item after a declared sign-out', async () => {
    await setOffline(true);
    await setOwner('A');
    await queueNotification({ title: 'A’s note', body: 'b', owner: 'A' }, host.registration);
    await setOwner(null);
    await queueNotification({ title: 'Anyone’s note', body: 'b' }, host.registration);
    await setOffline(false);
    await shownAlready(host.registration, 'Anyone’s note');
    expect(await shownTitles(host.registration)).to.deep.equal(['Anyone’s note']);
    expect(await waitingTitles()).to.deep.equal(['A’s note']);
  });

  it('declares the owner a button names, and records it with every item the button queues', async () => {
    await setOwner('A');
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button owner="C" title="C’s note" body="b"></sync-notify-button>`);
    await setOffline(true);
    const item = await clickAndWaitQueued(element);
    expect(item.owner).to.equal('C');
    await setOffline(false);
    await shownAlready(host.registration, 'C’s note');
    await waitUntil(async () => (await countItems()) === 0, 'C’s item was not delivered');
  });
});
