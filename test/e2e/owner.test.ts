/**
 * Whose items: what one user queued is never shown or sent under another user's session. The page
 * says who is signed in (`setOwner`, the button's `owner`, its markup's meta), for its own app; the
 * worker delivers an item with an owner only once a page of its app said that owner is signed in
 * since the worker started, and while it is the one last declared; the server can check it too.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-api-button.js';
import '../../src/sync-notify-outbox.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import type { SyncNotifyOutbox } from '../../src/sync-notify-outbox.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import { clearOutbox, setOwner } from '../../src/page/control.js';
import { countItems } from '../../src/page/outbox.js';
import { listItems } from '../../src/page/outbox-list.js';
import { queueNotification } from '../../src/page/queue.js';
import { betweenDeliveries } from '../../src/shared/protocol.js';
import {
  closeNotifications,
  registerHostWorker,
  resetOrigin,
  setOffline,
  shownNotifications,
  unregisterWorkers,
  useHostWorker,
} from '../support/browser.js';
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

describe('owners that hold: sign-in again, sign-out, a server that checks', () => {
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js' });
  beforeEach(() => setOwner(null));
  after(() => setOwner(null));

  /** A's button, as a single-page app renders it once A signed in. */
  const signedInButton = (owner: string) =>
    fixture<SyncNotifyButton>(html`<sync-notify-button owner=${owner} title="${owner}’s note" body="b">Send</sync-notify-button>`);

  /** Queues a note nobody owns and waits until it is shown: every flush that could show an owned one has run by then. */
  const flushWithAnyonesNote = async (title: string) => {
    await queueNotification({ title, body: 'b' }, host.registration);
    await shownAlready(host.registration, title);
  };

  // Offline from the start: a request for delivery made online when A signed in, handled late,
  // could rightly show A's note before the sign-out (notifications need no network).
  it('a single-page app signs A in, out (setOwner) and in again (the attribute): A’s item goes only while A is in', async () => {
    await setOffline(true);
    const element = await signedInButton('A');
    await clickAndWaitQueued(element);
    await setOwner(null);
    await setOffline(false);
    await flushWithAnyonesNote('Anyone’s note 1');
    expect(await waitingTitles(), 'signed out: held').to.deep.equal(['A’s note']);

    // A signs in again on the same page: the app renders the button with A again.
    element.owner = undefined;
    await element.updateComplete;
    element.owner = 'A';
    await element.updateComplete;
    await shownAlready(host.registration, 'A’s note');
    expect(await countItems()).to.equal(0);
  });

  it('removing or emptying the button’s owner signs out: the item waits, and goes when the owner is back', async () => {
    await setOffline(true);
    const element = await signedInButton('A');
    await clickAndWaitQueued(element);
    element.removeAttribute('owner');
    await element.updateComplete;
    await setOffline(false);
    await flushWithAnyonesNote('Anyone’s note 2');
    expect(await waitingTitles(), 'the attribute removed: signed out').to.deep.equal(['A’s note']);

    element.setAttribute('owner', 'A');
    await element.updateComplete;
    await shownAlready(host.registration, 'A’s note');
    await closeNotifications(host.registration);

    await setOffline(true);
    await clickAndWaitQueued(element);
    element.setAttribute('owner', '');
    await element.updateComplete;
    await setOffline(false);
    await flushWithAnyonesNote('Anyone’s note 3');
    expect(await waitingTitles(), 'the attribute emptied: signed out').to.deep.equal(['A’s note']);
  });

  it('B’s sign-out clears B’s items and nobody’s, never A’s held ones; the person’s outbox lists only their own', async () => {
    await setOffline(true);
    await setOwner('A');
    await queueNotification({ title: 'A’s note', body: 'b', owner: 'A' }, host.registration);
    await setOwner('B');
    await queueNotification({ title: 'B’s note', body: 'b', owner: 'B' }, host.registration);
    await queueNotification({ title: 'Anyone’s note', body: 'b' }, host.registration);

    const outbox = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox></sync-notify-outbox>`);
    const listed = () => [...outbox.shadowRoot!.querySelectorAll('[part="title"]')].map((title) => title.textContent!.trim()).sort();
    await waitUntil(() => listed().length === 2, 'the outbox never listed B’s items');
    expect(listed(), 'B sees B’s and nobody’s').to.deep.equal(['Anyone’s note', 'B’s note']);
    outbox.owners = 'all';
    await waitUntil(() => listed().length === 3, 'owners="all" never listed everyone’s');

    expect(await clearOutbox(), 'B’s sign-out').to.deep.equal({ items: 2, failures: 0 });
    expect(await waitingTitles(), 'A’s item held for A’s return').to.deep.equal(['A’s note']);
    expect(await clearOutbox({ owners: 'all' })).to.deep.equal({ items: 1, failures: 0 });
  });

  it('a server that answers 409 naming another session holds the owned call again instead of refusing it', async () => {
    const server = await messagesEndpoint([{ status: 409, headers: { 'Sync-Notify-Owner': 'B' } }]);
    await setOffline(true);
    await setOwner('Zoë Ångström');
    await queueApiCall({ title: 'Zoë’s message', body: 'b', owner: 'Zoë Ångström', endpoint: server.endpoint }, host.registration);
    await setOffline(false);
    await waitUntil(async () => (await server.received()).length === 1, 'the call was never sent');
    // Settled once no send runs: the call is back in the queue, held, not a failure.
    await betweenDeliveries(async () => undefined);
    expect(await waitingTitles()).to.deep.equal(['Zoë’s message']);
    expect((await server.received())[0].owner, 'any text, percent-encoded').to.equal(encodeURIComponent('Zoë Ångström'));

    await setOwner('Zoë Ångström');
    await shownAlready(host.registration, 'Zoë’s message');
    expect(await server.received()).to.have.length(2);
  });

  it('sign-out waits for the one call in flight, never for those behind it, and none of them is sent after it', async () => {
    const server = await messagesEndpoint([{ status: 201, holdMs: 1500 }]);
    await setOffline(true);
    for (const n of [1, 2, 3]) await queueApiCall({ title: `Message ${n}`, body: 'b', endpoint: server.endpoint }, host.registration);
    await setOffline(false);
    await waitUntil(async () => (await server.received()).length === 1, 'the first call was never sent');
    // Every item: the two behind it, and the one in flight, sent by then, its notification not yet shown.
    expect(await clearOutbox(), 'cleared while the first was in flight').to.deep.equal({ items: 3, failures: 0 });
    await betweenDeliveries(async () => undefined);
    expect((await server.received()).map(({ body }) => body.title), 'only the call in flight reached the server').to.deep.equal(['Message 1']);
    expect(await countItems()).to.equal(0);
  });
});

describe('two apps on one origin, each with its own signed-in person', () => {
  before(async () => {
    await registerHostWorker('/test/fixtures/classic-sw.js', '/apps/app1/');
    await registerHostWorker('/test/fixtures/classic-sw.js', '/apps/app2/');
  });
  afterEach(resetOrigin);
  after(unregisterWorkers);

  /** A page of `app` as it renders for `owner`, in a frame. */
  async function appPage(app: string, owner: string) {
    const frame = document.createElement('iframe');
    frame.title = `${app} as ${owner}`;
    frame.src = `/apps/${app}/?owner=${owner}`;
    document.body.append(frame);
    const page = () => (frame.contentDocument?.defaultView as unknown as { app?: { button: SyncNotifyButton; setOwner: typeof setOwner } } | undefined)?.app;
    await waitUntil(() => page()?.button.shadowRoot, `${app}'s page never loaded`);
    return page()!;
  }

  it('never holds or discards the other app’s items: each app’s owner is its own', async () => {
    // Both open first: Firefox offline loads no page at all.
    const app1 = await appPage('app1', 'u1');
    const app2 = await appPage('app2', 'u9');
    await setOffline(true);
    const queued = await clickAndWaitQueued(app1.button);
    expect(await app2.setOwner('u10', { previous: 'discard' }), 'app2 discards only its own').to.equal(0);
    expect(await countItems()).to.equal(1);

    await setOffline(false);
    const registration = (await navigator.serviceWorker.getRegistration('/apps/app1/'))!;
    await shownAlready(registration, queued.notification.title);
    await closeNotifications(registration);
  });
});
