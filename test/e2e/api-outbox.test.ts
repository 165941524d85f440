/**
 * The outbox for API calls, against a real HTTP endpoint (test/support/messages-api.mjs): the
 * message reaches the server when the connection returns, exactly once and in order, and the
 * notification confirms it.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-api-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { deliverPending, enableApiCalls } from '../../src/sw/deliver.js';
import { sendWaiting } from '../../src/sw/send-api-calls.js';
import { countItems } from '../../src/page/outbox.js';
import { listFailures, listItems } from '../../src/page/outbox-list.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import { queueNotification, storeNotification } from '../../src/page/queue.js';
import { SyncNotifyError } from '../../src/index.js';
import { markerShown, outboxEmptied, pause, setOffline, shownItemIds, useHostWorker, waitForNotifications } from '../support/browser.js';
import { clickAndWaitError, clickAndWaitQueued, errorText } from '../support/element.js';
import { messagesEndpoint } from '../support/messages-endpoint.js';

describe('the outbox for API calls', () => {
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js' });

  it('sends nothing while offline, then each message once, in order, each followed by its notification', async () => {
    const server = await messagesEndpoint();
    const element = await fixture<SyncNotifyButton>(html`
      <sync-notify-button
        title="Chat"
        endpoint=${server.endpoint}
        .data=${{ room: 'general' }}
        .headers=${{ 'X-Client': 'outbox-test' }}
      ></sync-notify-button>
    `);
    await setOffline(true);
    const queued = [];
    for (const text of ['First', 'Second', 'Third']) {
      element.body = text;
      queued.push(await clickAndWaitQueued(element));
    }
    // No event marks a request rightly not made offline (no ask, a deferred sync); online one reaches the server well within 300 ms.
    await pause(300);
    expect(await server.received()).to.deep.equal([]);
    expect(await waitForNotifications(host.registration, 0)).to.have.length(0);

    await setOffline(false);
    await outboxEmptied();
    const received = await server.received();
    expect(received.map((request) => request.body)).to.deep.equal(
      ['First', 'Second', 'Third'].map((text) => ({ title: 'Chat', body: text, data: { room: 'general' } })),
    );
    expect(received.map((request) => request.idempotencyKey)).to.deep.equal(queued.map((item) => item.id));
    expect(received.every((request) => request.method === 'POST' && request.contentType === 'application/json')).to.equal(true);
    expect(received.every((request) => request.client === 'outbox-test')).to.equal(true);
    await waitForNotifications(host.registration, 3);
    expect((await shownItemIds(host.registration)).sort()).to.deep.equal(queued.map((item) => item.id).sort());
  });

  it('retries after a 503, honouring Retry-After, and delivers once', async () => {
    const server = await messagesEndpoint([503]);
    const element = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Chat" body="Busy server" endpoint=${server.endpoint}></sync-notify-button>`,
    );
    const item = await clickAndWaitQueued(element);
    await waitUntil(async () => (await server.received()).length === 1, 'the first attempt never arrived');
    expect(await countItems(), 'kept for the retry').to.equal(1);

    await outboxEmptied();
    const received = await server.received();
    expect(received.map((request) => request.idempotencyKey)).to.deep.equal([item.id, item.id]);
    expect(await shownItemIds(host.registration)).to.deep.equal([item.id]);
  });

  it('drops a request the server refuses, records it and says so on screen', async () => {
    const server = await messagesEndpoint([400]);
    const element = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Chat" body="Malformed" endpoint=${server.endpoint}></sync-notify-button>`,
    );
    const error = oneEvent(element, 'sync-notify-error');
    const item = await clickAndWaitQueued(element);
    const { detail } = await error;
    expect(detail).to.deep.include({ reason: 'rejected', status: 400 });
    await element.updateComplete;
    expect(errorText(element)).to.equal(
      'The server refused the message (HTTP 400), so it will not be sent.',
    );
    expect(await countItems()).to.equal(0);
    expect((await listFailures()).map(({ id, status }) => ({ id, status }))).to.deep.equal([{ id: item.id, status: 400 }]);
    // Sent after it, to the same endpoint: a notification for the refused one would be on screen by
    // the time the marker's is, and a second send of it in the server's log before the marker's.
    const marker = await queueApiCall({ title: 'Chat', body: 'Marker', endpoint: server.endpoint }, host.registration);
    await markerShown(host.registration, marker.item);
    expect(await shownItemIds(host.registration)).to.deep.equal([marker.item.id]);
    expect((await server.received()).map((request) => request.idempotencyKey)).to.deep.equal([item.id, marker.item.id]);
  });

  it('refuses a cross-origin endpoint without the opt-in, queuing nothing', async () => {
    const otherOrigin = `http://127.0.0.1:${location.port}/api/messages`;
    const element = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Chat" body="Elsewhere" endpoint=${otherOrigin}></sync-notify-button>`,
    );
    const detail = await clickAndWaitError(element);
    expect(detail.reason).to.equal('invalid-input');
    expect(detail.problem).to.deep.include({ kind: 'cross-origin' });
    expect(await countItems()).to.equal(0);
  });

  it('has the worker refuse a cross-origin request that reached the outbox without the opt-in', async () => {
    const server = await messagesEndpoint();
    const item = await storeNotification(
      { title: 'Chat', body: 'Smuggled' },
      { url: `http://127.0.0.1:${location.port}${server.endpoint}`, method: 'POST', headers: {}, body: '{}' },
    );
    // This page flushes as the API-call worker does.
    enableApiCalls(sendWaiting);
    const report = await deliverPending(host.registration);
    expect(report.dropped.map(({ id, reason, status }) => ({ id, reason, status }))).to.deep.equal([{ id: item.id, reason: 'rejected', status: 0 }]);
    expect(await countItems()).to.equal(0);
    expect(await server.received()).to.deep.equal([]);
  });

  it('refuses a click beyond max-items with a clear error, and loses nothing already queued', async () => {
    const element = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Chat" body="Queued" max-items="2"></sync-notify-button>`,
    );
    await setOffline(true);
    const queued = [await clickAndWaitQueued(element), await clickAndWaitQueued(element)];
    expect((await clickAndWaitError(element)).reason).to.equal('outbox-full');
    await element.updateComplete;
    expect(errorText(element)).to.equal(
      'Too many notifications are waiting, so this one was not queued.',
    );
    expect((await listItems()).map((item) => item.id)).to.deep.equal(queued.map((item) => item.id));

    await setOffline(false);
    await waitForNotifications(host.registration, 2);
    expect((await shownItemIds(host.registration)).sort()).to.deep.equal(queued.map((item) => item.id).sort());
  });

  it('drops an item older than max-age undelivered, with an error', async () => {
    const server = await messagesEndpoint();
    const element = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Chat" body="Stale" max-age="1" endpoint=${server.endpoint}></sync-notify-button>`,
    );
    await setOffline(true);
    const item = await clickAndWaitQueued(element);
    // Past its max-age by the clock the worker reads too.
    await waitUntil(() => Date.now() > item.expiresAt!, 'the item never expired', { interval: 20 });
    const error = oneEvent(element, 'sync-notify-error');
    await setOffline(false);
    expect((await error).detail.reason).to.equal('expired');
    await outboxEmptied();
    expect((await listFailures()).map(({ id, reason }) => ({ id, reason }))).to.deep.equal([{ id: item.id, reason: 'expired' }]);
    expect(await server.received()).to.deep.equal([]);
    expect(await shownItemIds(host.registration)).to.deep.equal([]);
  });

  it('offers the same outbox to apps without the button: queueApiCall and queueNotification', async () => {
    const server = await messagesEndpoint();
    const sent = await queueApiCall(
      { title: 'Chat', body: 'From code', endpoint: server.endpoint, data: { thread: 7 } },
      host.registration,
    );
    const notified = await queueNotification({ title: 'Reminder', body: 'From code too' }, host.registration);
    await outboxEmptied();
    expect((await server.received()).map(({ idempotencyKey, body }) => ({ idempotencyKey, body }))).to.deep.equal([
      { idempotencyKey: sent.item.id, body: { title: 'Chat', body: 'From code', data: { thread: 7 } } },
    ]);
    await waitForNotifications(host.registration, 2);
    expect((await shownItemIds(host.registration)).sort()).to.deep.equal([sent.item.id, notified.item.id].sort());

    let refusal: unknown;
    await queueApiCall({ title: 'Chat', body: 'Nowhere' }, host.registration).catch((error) => (refusal = error));
    expect(refusal).to.be.instanceOf(SyncNotifyError);
    expect((refusal as SyncNotifyError).failure).to.deep.equal({
      reason: 'invalid-input',
      problem: { kind: 'invalid-url', field: 'endpoint', value: '' },
    });
    expect(await countItems()).to.equal(0);
  });
});
