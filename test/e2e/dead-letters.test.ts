/**
 * Dead letters, part two: every field of a stored record bounded, on read as at the door, and
 * every upload able to finish. Records are written straight into IndexedDB, as another script of
 * the origin would; each case is one that stopped the queue, froze the person's outbox, sent what
 * the docs say is refused, or could never finish, before its check.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-api-button.js';
import '../../src/sync-notify-outbox.js';
import type { SyncNotifyApiButton } from '../../src/sync-notify-api-button.js';
import type { SyncNotifyOutbox } from '../../src/sync-notify-outbox.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import { SyncNotifyError } from '../../src/page/failure.js';
import { countItems } from '../../src/page/outbox.js';
import { listFailures, listItems } from '../../src/page/outbox-list.js';
import { queueNotification } from '../../src/page/queue.js';
import { MAX_FORM_FILE_BYTES, MAX_SHOW_ATTEMPTS } from '../../src/shared/limits.js';
import { openOutbox } from '../../src/shared/open-outbox.js';
import { betweenDeliveries } from '../../src/shared/protocol.js';
import {
  listenToOutbox,
  outboxEmptied,
  setOffline,
  setPermissions,
  shownNotifications,
  skipBecause,
  throttleUploads,
  useHostWorker,
  waitForNotifications,
} from '../support/browser.js';
import { buttonOf, errorText } from '../support/element.js';
import { messagesEndpoint } from '../support/messages-endpoint.js';

/** Writes records into the outbox as another script of the origin would: raw IndexedDB, no checks. */
async function plant(records: object[]): Promise<void> {
  const db = await openOutbox();
  const transaction = db.transaction('items', 'readwrite');
  for (const record of records) transaction.objectStore('items').put(record);
  await new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onabort = () => reject(transaction.error);
  });
}

/** Asks the worker to deliver, as a page does when it comes back online. */
const askWorker = (registration: ServiceWorkerRegistration) => registration.active!.postMessage({ type: 'sync-notify:flush' });

/** A record as this library writes one, with `change` of another's. */
const record = (id: string, change: object = {}) => ({ id, queuedAt: Date.now(), notification: { title: id, body: 'b' }, ...change });

/** What failed, by id: why. */
const failed = async () => Object.fromEntries((await listFailures()).map(({ id, reason, problem }) => [id, `${reason} ${problem ?? ''}`.trim()]));

describe('dead letters: every stored field bounded', () => {
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js' });

  it('shows a notification whose record carries an option this library never writes, and leaves the option out', async () => {
    await plant([record('with actions', { notification: { title: 'With actions', body: 'b', actions: 5, vibrate: 'yes' } })]);
    askWorker(host.registration);
    const [shown] = await waitForNotifications(host.registration, 1);
    expect(shown.title).to.equal('With actions');
    await outboxEmptied();
  });

  it('sets aside a retry time beyond the longest wait, and sends what waits behind it to the same endpoint', async () => {
    const server = await messagesEndpoint();
    const url = new URL(server.endpoint, location.href).href;
    const request = { url, method: 'POST', headers: {}, body: '{"title":"Stuck"}' };
    await plant([record('retry in 1e300', { request, retryAt: 1e300 })]);
    await queueApiCall({ title: 'Behind it', body: 'b', endpoint: server.endpoint }, host.registration);
    await waitUntil(async () => (await server.received()).length === 1, 'the call behind it was never sent');
    expect((await server.received()).map(({ body }) => body.title)).to.deep.equal(['Behind it']);
    await waitUntil(async () => (await failed())['retry in 1e300'], 'the record was never set aside');
    expect(await failed()).to.deep.equal({ 'retry in 1e300': 'rejected malformed' });
  });

  it('sets aside dates no version writes, and the person’s outbox still lists, cancels and renders', async () => {
    await setOffline(true);
    await plant([record('queued in 318,857', { queuedAt: 1e16 }), record('queued before 2024', { queuedAt: 0 }), record('expires in a year', { expiresAt: Date.now() + 365 * 86_400_000 })]);
    await queueNotification({ title: 'Mine', body: 'b' }, host.registration);
    const outbox = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox></sync-notify-outbox>`);
    const titles = () => [...outbox.shadowRoot!.querySelectorAll('[part="title"]')].map((title) => title.textContent!.trim());
    await waitUntil(() => titles().length === 1, 'the outbox element never listed the good item');
    expect(titles()).to.deep.equal(['Mine']);
    outbox.shadowRoot!.querySelector<HTMLButtonElement>('[part="actions"] button')!.click();
    await waitUntil(() => titles().length === 0, 'the good item could not be cancelled');

    await setOffline(false);
    askWorker(host.registration);
    await waitUntil(async () => Object.keys(await failed()).length === 3, 'the records were never set aside');
    expect(await countItems()).to.equal(0);
    await waitUntil(() => titles().length === 3, 'the outbox element never listed them');
  });

  it('sets aside a notification that fails to show at every attempt, and lets the person retry it', async () => {
    await setPermissions('background-sync');
    try {
      const heard = listenToOutbox();
      const { item } = await queueNotification({ title: 'Never shown', body: 'b' }, host.registration);
      const setAside = () => heard.heard.some(({ type, id }) => type === 'rejected' && id === item.id);
      // Each request for delivery is one more attempt: asked again until it is set aside.
      await waitUntil(() => setAside() || void askWorker(host.registration), 'it was never set aside', { interval: 300 });
      heard.stop();
      const failedShows = heard.heard.filter(({ type, id }) => type === 'delivery-failed' && id === item.id);
      expect(failedShows, 'one announcement a failed show, the last one setting it aside').to.have.length(MAX_SHOW_ATTEMPTS - 1);
      expect(await countItems()).to.equal(0);
      const [failure] = await listFailures();
      expect(failure).to.deep.include({ id: item.id, reason: 'rejected', status: 0, problem: 'unshowable' });
      const outbox = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox></sync-notify-outbox>`);
      await waitUntil(() => outbox.shadowRoot!.querySelector('[part~="failed"]'), 'the outbox element never listed it');
      const buttons = [...outbox.shadowRoot!.querySelectorAll('[part~="failed"] button')].map((button) => button.textContent!.trim());
      expect(buttons).to.deep.equal(['Retry now', 'Dismiss']);
    } finally {
      await setPermissions('notifications', 'background-sync');
    }
  });

  it('sets aside a title longer than any the door lets in, and a header it refuses, rather than show or send them', async () => {
    const server = await messagesEndpoint();
    const request = { url: new URL(server.endpoint, location.href).href, method: 'POST', headers: { authorization: 'Bearer stolen' }, body: '{}' };
    await plant([record('long title', { notification: { title: 'x'.repeat(10_000), body: 'b' } }), record('credentials', { request })]);
    askWorker(host.registration);
    await waitUntil(async () => Object.keys(await failed()).length === 2, 'the records were never set aside');
    expect(await failed()).to.deep.equal({ 'long title': 'rejected malformed', credentials: 'rejected malformed' });
    // Settled once no send runs: nothing went out.
    await betweenDeliveries(async () => undefined);
    expect(await server.received()).to.deep.equal([]);
    expect(await shownNotifications(host.registration)).to.deep.equal([]);
  });

  it('refuses at the press the headers the docs say it refuses: credentials and the routing ones proxies trust', async () => {
    for (const name of ['X-Api-Key', 'X-Auth-Token', 'X-CSRF-Token', 'X-XSRF-TOKEN', 'X-Session-Id', 'X-Client-IP', 'X-Original-Forwarded-For', 'X-Envoy-Original-Path', 'X-Middleware-Subrequest']) {
      const refusal = await queueApiCall({ title: 't', body: 'b', endpoint: '/api/messages', headers: { [name]: 'v' } }, host.registration).catch((error: unknown) => error);
      expect(refusal, name).to.be.instanceOf(SyncNotifyError);
      expect((refusal as SyncNotifyError).failure).to.deep.include({ reason: 'invalid-input', problem: { kind: 'invalid-header', value: name } });
    }
    expect(await countItems(), 'nothing queued').to.equal(0);
    const allowed = await queueApiCall({ title: 't', body: 'b', endpoint: '/api/messages', headers: { 'X-Request-Id': '42', 'X-Keyboard-Layout': 'fr' } }, host.registration);
    expect(allowed.item.request!.headers).to.deep.equal({ 'x-request-id': '42', 'x-keyboard-layout': 'fr' });
  });

  it('refuses at the press an item that would take the outbox past its byte budget, and keeps what waits', async () => {
    await setOffline(true);
    const form = await fixture<HTMLFormElement>(html`
      <form action="/api/messages" method="post" enctype="multipart/form-data">
        <label>File <input type="file" name="file" /></label>
        <sync-notify-button title="Upload" body="b">Send</sync-notify-button>
      </form>
    `);
    const element = form.querySelector<SyncNotifyApiButton>('sync-notify-button')!;
    const attach = (n: number) => {
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(MAX_FORM_FILE_BYTES)], `video-${n}.mp4`, { type: 'video/mp4' }));
      form.querySelector('input')!.files = files.files;
    };
    for (const n of [1, 2]) {
      attach(n);
      const queued = oneEvent(element, 'sync-notify-queued');
      buttonOf(element).click();
      await queued;
    }
    attach(3);
    const error = oneEvent(element, 'sync-notify-error');
    buttonOf(element).click();
    expect((await error).detail).to.deep.include({ reason: 'outbox-full', problem: 'bytes' });
    await element.updateComplete;
    expect(errorText(element)).to.equal('What waits to be sent already takes all the room this site may use, so this form was not queued.');
    expect((await listItems()).map(({ request }) => (request!.form!.find(([name]) => name === 'file')![1] as File).name)).to.deep.equal(['video-1.mp4', 'video-2.mp4']);
    expect(form.querySelector('input')!.files![0].name, 'what was chosen stays').to.equal('video-3.mp4');
  });

  it('supplies the host worker’s fresh credentials as a request is sent, never stored', async () => {
    const bearerHost = await navigator.serviceWorker.register('/test/fixtures/api-sw.js?skip-waiting&bearer=fresh-token', { scope: '/' });
    await waitUntil(() => bearerHost.active?.scriptURL.includes('bearer=') && bearerHost.active.state === 'activated', 'the worker never activated');
    const server = await messagesEndpoint();
    const { item } = await queueApiCall({ title: 'Authorised', body: 'b', endpoint: server.endpoint }, bearerHost);
    expect(JSON.stringify(item), 'not stored').to.not.include('fresh-token');
    await waitUntil(async () => (await server.received()).length === 1, 'never sent');
    expect((await server.received())[0].authorization).to.equal('Bearer fresh-token');
  });
});

describe('dead letters: every upload able to finish', () => {
  useHostWorker({ script: '/test/fixtures/api-sw.js' });

  /** A form with a file of `bytes`, with the element's request-timeout in seconds. */
  async function uploadForm(endpoint: string, bytes: number, timeout: number) {
    const form = await fixture<HTMLFormElement>(html`
      <form action=${endpoint} method="post" enctype="multipart/form-data">
        <label>File <input type="file" name="file" /></label>
        <sync-notify-button title="Upload" body="b" request-timeout=${timeout}>Send</sync-notify-button>
      </form>
    `);
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array(bytes)], 'scan.pdf', { type: 'application/pdf' }));
    form.querySelector('input')!.files = files.files;
    return form.querySelector<SyncNotifyApiButton>('sync-notify-button')!;
  }

  it('finishes an upload that takes longer than its request-timeout over a slow connection: its time follows its size (Chromium)', async function () {
    if (!(await throttleUploads(null))) skipBecause(this, 'only Chromium can throttle a connection here (DevTools network conditions)');
    this.timeout(40_000);
    const server = await messagesEndpoint();
    // 600 KB at 1 Mbit/s: about 5 s, where the request-timeout is 2 s; 2 s + 600 KB at the floor's 32 KB/s allows 20.75 s.
    const element = await uploadForm(server.endpoint, 600_000, 2);
    await throttleUploads(125_000);
    try {
      const delivered = oneEvent(element, 'sync-notify-delivered');
      buttonOf(element).click();
      await delivered;
    } finally {
      await throttleUploads(null);
    }
    const received = await server.received();
    expect(received, 'uploaded once, in full').to.have.length(1);
    expect((received[0].fields!.find(([name]) => name === 'file')![1] as { bytes: string }).bytes, 'every byte, as base64').to.have.length(800_000);
  });

  it('never uploads again by itself what the server received in full but did not answer in its time', async () => {
    // 100 KB with a request-timeout of 1 s: 1 s + 100 KB at 32 KB/s gives it 4.1 s; the server holds its answer 6 s.
    const server = await messagesEndpoint([{ status: 201, holdMs: 6000 }]);
    const element = await uploadForm(server.endpoint, 100_000, 1);
    const error = oneEvent(element, 'sync-notify-error');
    buttonOf(element).click();
    expect((await error).detail).to.deep.include({ reason: 'not-accepted', status: 0, problem: 'no-answer' });
    await element.updateComplete;
    expect(errorText(element)).to.equal(
      'The server did not answer in time, so the form may not have arrived. What you typed is kept: check the form, then send it again.',
    );
    expect(await listItems(), 'not waiting to be uploaded again').to.deep.equal([]);
    const [failure] = await listFailures();
    expect(failure).to.deep.include({ reason: 'not-accepted', problem: 'no-answer' });
    expect(failure.request!.form!.find(([name]) => name === 'file')![1], 'what was chosen is kept').to.be.instanceOf(File);
    expect(await server.received(), 'received once').to.have.length(1);
  });
});
