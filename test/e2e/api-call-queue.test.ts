/**
 * API calls that must not stall the queue: a hung request, one fetch() can never build, a
 * redirect, Retry-After of 0 or of 30 days, a call due sooner than one announced after it, a 408
 * or 425. Notifications and the calls behind them go on, and a server is never hammered.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-api-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { countItems } from '../../src/page/outbox.js';
import { listFailures, listItems } from '../../src/page/outbox-list.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import { queueNotification, storeNotification } from '../../src/page/queue.js';
import type { OutboxAnnouncement } from '../../src/shared/protocol.js';
import {
  outboxEmptied,
  listenToOutbox,
  markerShown,
  pause,
  shownItemIds,
  useHostWorker,
  waitForNotifications,
} from '../support/browser.js';
import { clickAndWaitQueued, errorText } from '../support/element.js';
import { messagesEndpoint } from '../support/messages-endpoint.js';

/** Every announcement made on the outbox's channel while `during` runs. */
async function announcementsDuring(during: () => Promise<unknown>): Promise<OutboxAnnouncement[]> {
  const outbox = listenToOutbox();
  try {
    await during();
  } finally {
    outbox.stop();
  }
  return outbox.heard;
}

describe('API calls that must not stall the queue', () => {
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js' });

  it('shows a notification at once while a request hangs, and retries the request after its timeout', async () => {
    const server = await messagesEndpoint([{ status: 201, holdMs: 4_000 }, 201]);
    const call = await queueApiCall({ title: 'Chat', body: 'Slow server', endpoint: server.endpoint, requestTimeout: 1 }, host.registration);
    await waitUntil(async () => (await server.received()).length === 1, 'the request never reached the server');

    const started = performance.now();
    const reminder = await queueNotification({ title: 'Reminder', body: 'Not behind the request' }, host.registration);
    await waitUntil(async () => (await shownItemIds(host.registration)).includes(reminder.item.id), 'the notification waited', {
      timeout: 3_000,
    });
    const shownAfterMs = performance.now() - started;
    console.log(`notification behind a hung request: shown after ${Math.round(shownAfterMs)} ms (the server held the request 4 s)`);
    expect(shownAfterMs).to.be.below(1_500);

    await outboxEmptied();
    const received = await server.received();
    expect(received.map((request) => request.idempotencyKey)).to.deep.equal([call.item.id, call.item.id]);
    // The second attempt came after the first was abandoned (1 s), not after the server's 4 s.
    expect(received[1].receivedAt - received[0].receivedAt).to.be.within(1_500, 3_900);
  });

  it('settles a request fetch() can never build as refused, and sends the one behind it', async () => {
    const server = await messagesEndpoint();
    // What a script of the origin could write straight into the outbox: a header value with CR/LF.
    const broken = await storeNotification(
      { title: 'Chat', body: 'Broken' },
      { url: new URL(server.endpoint, location.href).href, method: 'POST', headers: { 'x-note': 'a\r\nb' }, body: '{}' },
    );
    const next = await queueApiCall({ title: 'Chat', body: 'Next', endpoint: server.endpoint }, host.registration);
    await outboxEmptied();
    expect((await listFailures()).map(({ id, status, problem }) => ({ id, status, problem }))).to.deep.equal([
      { id: broken.id, status: 0, problem: 'unsendable' },
    ]);
    expect((await server.received()).map((request) => request.idempotencyKey)).to.deep.equal([next.item.id]);
  });

  it('settles a redirected request as refused, once, and tells the element', async () => {
    const elsewhere = `http://127.0.0.1:${location.port}/api/messages?log=never`;
    const server = await messagesEndpoint([{ status: 302, location: elsewhere }]);
    const element = await fixture<SyncNotifyButton>(
      html`<sync-notify-button title="Chat" body="Redirected" endpoint=${server.endpoint}></sync-notify-button>`,
    );
    const error = oneEvent(element, 'sync-notify-error');
    const item = await clickAndWaitQueued(element);
    expect((await error).detail).to.deep.include({ reason: 'rejected', status: 0, problem: 'redirect' });
    await element.updateComplete;
    expect(errorText(element)).to.equal('The message could not be sent.');
    await outboxEmptied();
    expect((await listFailures()).map(({ id, problem }) => ({ id, problem }))).to.deep.equal([{ id: item.id, problem: 'redirect' }]);
    // A call queued after it to the same endpoint is sent after it: once the marker is on screen,
    // a second send of the redirected one would be in the server's log, before the marker's.
    const marker = await queueApiCall({ title: 'Chat', body: 'Marker', endpoint: server.endpoint }, host.registration);
    await markerShown(host.registration, marker.item);
    expect((await server.received()).map((request) => request.idempotencyKey)).to.deep.equal([item.id, marker.item.id]);
    expect(await shownItemIds(host.registration)).to.deep.equal([marker.item.id]);
  });

  it('keeps a backoff under Retry-After: 0', async () => {
    const server = await messagesEndpoint(Array.from({ length: 50 }, () => ({ status: 503, retryAfter: '0' })));
    await queueApiCall({ title: 'Chat', body: 'Busy', endpoint: server.endpoint }, host.registration);
    // The server's log of each attempt as it arrives: the first two retries, and the time between.
    await waitUntil(async () => (await server.received()).length >= 3, 'the call was not retried twice');
    const arrivals = (await server.received()).slice(0, 3).map((request) => request.receivedAt);
    const gaps = [arrivals[1] - arrivals[0], arrivals[2] - arrivals[1]];
    console.log(`Retry-After: 0: retried after ${gaps.join(' ms, then ')} ms`);
    // The backoff: 1 s, then 2 s, each with up to half again of jitter (a 0 taken at its word loops).
    expect(gaps[0], 'the first retry waited its backoff').to.be.at.least(1_000);
    expect(gaps[1], 'the second retry waited its backoff').to.be.at.least(2_000);
  });

  it('caps a Retry-After of 30 days at an hour, and schedules no busy loop', async () => {
    const server = await messagesEndpoint([{ status: 503, retryAfter: String(30 * 24 * 60 * 60) }]);
    const heard = await announcementsDuring(async () => {
      await queueApiCall({ title: 'Chat', body: 'Come back later', endpoint: server.endpoint }, host.registration);
      await waitUntil(async () => (await listItems())[0]?.retryAt !== undefined, 'no retry was scheduled');
      // No event marks a timer rightly set an hour ahead; the overflowed one looped at once (3,000 announcements in 5 s): 2 s hears it.
      await pause(2_000);
    });
    const [item] = await listItems();
    expect(item.retryAt! - Date.now()).to.be.within(55 * 60 * 1000, 60 * 60 * 1000);
    const retries = heard.filter((announcement) => announcement.type === 'retry').length;
    console.log(`Retry-After of 30 days: ${retries} retry announcements in 2 s, next attempt in ${Math.round((item.retryAt! - Date.now()) / 60_000)} min`);
    // A timer of 30 days overflows setTimeout and fires at once: a loop of announcements.
    expect(retries).to.be.at.most(2);
    expect(await server.received()).to.have.length(1);
  });

  it('retries a call when it is due, though another endpoint was told to wait an hour after it', async () => {
    const soon = await messagesEndpoint([{ status: 503, retryAfter: '1' }, 201]);
    const later = await messagesEndpoint([{ status: 503, retryAfter: '3600' }]);
    const dueSoon = await queueApiCall({ title: 'Chat', body: 'Due in a second', endpoint: soon.endpoint }, host.registration);
    await waitUntil(async () => (await listItems())[0]?.retryAt !== undefined, 'no retry was scheduled');
    // Its worker announces the hour after the second: it answers only once the server has.
    await queueApiCall({ title: 'Chat', body: 'Due in an hour', endpoint: later.endpoint }, host.registration);
    await waitUntil(async () => (await later.received()).length === 1, 'the second call was never sent');
    // The page keeps the earliest due time: with the last one announced, this call would wait the hour too.
    await waitUntil(async () => (await soon.received()).length === 2, 'the call due in a second was not retried');
    await waitForNotifications(host.registration, 1);
    expect(await shownItemIds(host.registration)).to.deep.equal([dueSoon.item.id]);
    expect(await later.received()).to.have.length(1);
  });

  it('retries a 408 and a 425 rather than dropping them', async () => {
    const server = await messagesEndpoint([408, 425]);
    const call = await queueApiCall({ title: 'Chat', body: 'Try again', endpoint: server.endpoint }, host.registration);
    await waitUntil(async () => (await countItems()) === 0, 'never delivered', { timeout: 12_000 });
    expect((await server.received()).map((request) => request.idempotencyKey)).to.deep.equal([call.item.id, call.item.id, call.item.id]);
    expect(await listFailures()).to.deep.equal([]);
    await waitForNotifications(host.registration, 1);
  });
});
