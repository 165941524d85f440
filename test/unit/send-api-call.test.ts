/**
 * One API call and what its answer means (src/sw/send-api-call.ts), sent with the real fetch() to
 * the test server's endpoint: each status class, each Retry-After form, and the refusals that
 * never reach the network.
 */
import { expect } from '@open-wc/testing';
import type { OutboxApiCall, OutboxItem } from '../../src/shared/outbox-schema.js';
import { sendApiCall } from '../../src/sw/send-api-call.js';
import { messagesEndpoint, type ScriptStep } from '../support/messages-endpoint.js';

const HOUR = 60 * 60 * 1000;

function itemFor(apiCall: Partial<OutboxApiCall> & { url: string }, extra: Partial<OutboxItem> = {}): OutboxItem {
  return {
    seq: 1,
    id: crypto.randomUUID(),
    queuedAt: Date.now(),
    notification: { title: 'Chat', body: 'Hello' },
    request: { method: 'POST', headers: {}, body: '{"title":"Chat"}', ...apiCall, url: new URL(apiCall.url, location.href).href },
    ...extra,
  };
}

/** Sends one call to an endpoint that answers with `step`; the outcome, and what the server saw. */
async function answer(step: ScriptStep, extra?: Partial<OutboxItem>) {
  const server = await messagesEndpoint([step]);
  const before = Date.now();
  const outcome = await sendApiCall(itemFor({ url: server.endpoint }, extra));
  return { outcome, before, received: await server.received() };
}

describe('sendApiCall', () => {
  it('is sent on a 2xx, with the item id as its Idempotency-Key and a JSON body', async () => {
    const server = await messagesEndpoint([200]);
    const item = itemFor({ url: server.endpoint });
    expect(await sendApiCall(item)).to.deep.equal({ sent: true });
    const [received] = await server.received();
    expect(received).to.include({ method: 'POST', idempotencyKey: item.id, contentType: 'application/json' });
  });

  for (const status of [408, 425, 500, 503]) {
    it(`is retried after a ${status}, after the backoff`, async () => {
      // Chromium's network stack itself sends a request answered 408 again, on another pooled
      // connection, several times (7 seen here) before fetch() sees the 408: each is scripted.
      const server = await messagesEndpoint(Array(12).fill(status));
      const before = Date.now();
      const outcome = await sendApiCall(itemFor({ url: server.endpoint }));
      const { retryAt } = outcome as { retryAt: number };
      expect(retryAt - before).to.be.within(1000, 1500 + 1000);
    });
  }

  it('is retried after a 429 when its Retry-After seconds say', async () => {
    const { outcome, before } = await answer({ status: 429, retryAfter: '120' });
    expect((outcome as { retryAt: number }).retryAt - before).to.be.within(119_000, 121_000);
  });

  it('is retried after a 503 at the HTTP date its Retry-After names', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 300_000);
    const { outcome } = await answer({ status: 503, retryAfter: at.toUTCString() });
    // Within the milliseconds between the two clock reads that retryAt and retryDelay make.
    expect((outcome as { retryAt: number }).retryAt).to.be.within(at.getTime() - 5, at.getTime() + 5);
  });

  it('is retried no later than in an hour, and never past its expiry', async () => {
    const far = await answer({ status: 429, retryAfter: String(30 * 24 * 3600) });
    expect((far.outcome as { retryAt: number }).retryAt - far.before).to.be.within(HOUR - 1000, HOUR + 1000);
    const expiresAt = Date.now() + 60_000;
    const soon = await answer({ status: 429, retryAfter: '600' }, { expiresAt });
    expect(soon.outcome).to.deep.equal({ retryAt: expiresAt });
  });

  it('is refused with the status on any other 4xx', async () => {
    for (const status of [400, 404, 409, 422]) expect((await answer(status)).outcome).to.deep.equal({ refusedWith: status });
  });

  it('is refused as a redirect on a 3xx, which is never followed', async () => {
    const { outcome, received } = await answer({ status: 307, location: '/elsewhere' });
    expect(outcome).to.deep.equal({ refusedWith: 0, problem: 'redirect' });
    expect(received).to.have.length(1);
  });

  it('is refused unsent when fetch() cannot build it', async () => {
    const server = await messagesEndpoint();
    const outcome = await sendApiCall(itemFor({ url: server.endpoint, headers: { 'x-note': 'a\r\nb' } }));
    expect(outcome).to.deep.equal({ refusedWith: 0, problem: 'unsendable' });
    expect(await server.received()).to.deep.equal([]);
  });

  it('is refused unsent when it leaves the origin unallowed', async () => {
    expect(await sendApiCall(itemFor({ url: 'https://elsewhere.example/api' }))).to.deep.equal({ refusedWith: 0, problem: 'cross-origin' });
  });

  it('is retried when the server takes longer than its timeout', async () => {
    const server = await messagesEndpoint([{ status: 201, holdMs: 2000 }]);
    const before = Date.now();
    const outcome = await sendApiCall(itemFor({ url: server.endpoint, timeout: 300 }));
    expect(Date.now() - before).to.be.below(1500);
    expect(outcome).to.have.property('retryAt');
  });
});

describe('sendApiCall with a form', () => {
  /** A urlencoded form sent from this page, as the element queues it. */
  const formItem = (url: string, extra: Partial<OutboxItem> = {}) =>
    itemFor({ url, body: 'message=Hello', contentType: 'application/x-www-form-urlencoded', formPage: location.href }, extra);

  /** A page of this test server on another origin: localhost's address, by number. */
  const elsewhere = () => `http://127.0.0.1:${location.port}/test/fixtures/host-page.html`;

  it("follows a redirect after POST to a page of the site, as the browser's own submission: sent, from the form's page", async () => {
    const server = await messagesEndpoint([{ status: 303, location: '/test/fixtures/host-page.html' }]);
    expect(await sendApiCall(formItem(server.endpoint))).to.deep.equal({ sent: true });
    const [received] = await server.received();
    expect(received.referer, "the form's page, not the worker's script").to.equal(location.href);
  });

  it('is not accepted when the redirect lands on a sign-in page: the session ended', async () => {
    const server = await messagesEndpoint([{ status: 302, location: '/accounts/login/?next=/contact/' }]);
    expect(await sendApiCall(formItem(server.endpoint))).to.deep.equal({ notAccepted: 'sign-in', status: 404 });
  });

  it("is not accepted when sent to another site's page (single sign-on) and its own URL now redirects there too", async () => {
    const server = await messagesEndpoint([{ status: 302, location: elsewhere() }, { status: 302, location: elsewhere() }]);
    expect(await sendApiCall(formItem(server.endpoint))).to.deep.equal({ notAccepted: 'sign-in', status: 0 });
    expect((await server.received()).map(({ method }) => method), 'the post, then a look that sends nothing').to.deep.equal(['POST', 'HEAD']);
  });

  it("is tried once more, then not accepted, when sent to another site's page while its own URL answers: never posted again and again", async () => {
    const server = await messagesEndpoint([{ status: 302, location: elsewhere() }, 200, { status: 302, location: elsewhere() }, 200]);
    expect(await sendApiCall(formItem(server.endpoint))).to.have.property('retryAt');
    expect(await sendApiCall(formItem(server.endpoint, { attempts: 1 }))).to.deep.equal({ notAccepted: 'refused', status: 0 });
  });
});
