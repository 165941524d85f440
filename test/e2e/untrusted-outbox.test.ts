/**
 * The outbox is shared with code this library does not control (other versions, plain-JavaScript
 * callers, other scripts of the origin, a half-written record) and with servers that may never
 * answer: one bad record, one wrong-typed call or one hung request never stops the queue, and
 * nothing it stores grows without bound.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-api-button.js';
import '../../src/sync-notify-outbox.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import type { SyncNotifyOutbox } from '../../src/sync-notify-outbox.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import { SyncNotifyError } from '../../src/page/failure.js';
import { countItems } from '../../src/page/outbox.js';
import { listFailures, listItems } from '../../src/page/outbox-list.js';
import { queueNotification } from '../../src/page/queue.js';
import { openOutbox } from '../../src/shared/open-outbox.js';
import { MAX_FAILURES } from '../../src/shared/outbox-schema.js';
import {
  listenToOutbox,
  outboxEmptied,
  setOffline,
  shownNotifications,
  useHostWorker,
  waitForNotifications,
} from '../support/browser.js';
import { clickAndWaitQueued } from '../support/element.js';
import { messagesEndpoint } from '../support/messages-endpoint.js';

/** Writes records into the outbox as another script of the origin would: raw IndexedDB, no checks. */
async function plant(store: 'items' | 'failures', records: object[]): Promise<void> {
  const db = await openOutbox();
  const transaction = db.transaction(store, 'readwrite');
  for (const record of records) transaction.objectStore(store).put(record);
  await new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onabort = () => reject(transaction.error);
  });
}

const rows = (element: SyncNotifyOutbox) =>
  [...element.shadowRoot!.querySelectorAll('[part~="item"]')].map((row) => row.querySelector('[part="title"]')!.textContent!.trim());

/** Asks the worker to deliver, as a page does when it comes back online. */
const askWorker = (registration: ServiceWorkerRegistration) => registration.active!.postMessage({ type: 'sync-notify:flush' });

describe('an outbox shared with code it does not control', () => {
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js' });

  it('sets malformed records aside as failures and delivers every good item around them', async () => {
    await setOffline(true);
    await queueNotification({ title: 'Before', body: 'b' }, host.registration);
    const now = Date.now();
    const malformed = [
      { id: 'no-notification', queuedAt: now },
      { id: 'summary-not-text', queuedAt: now, notification: { title: 'Summary true', body: 'b', summary: true } },
      { id: 'title-a-number', queuedAt: now, notification: { title: 5, body: 'b' } },
      { queuedAt: now, notification: { title: 'No id', body: 'b' } },
      { id: 'bad-request', queuedAt: now, notification: { title: 'Bad call', body: 'b' }, request: { url: 'not a url', method: 'GET' } },
      { id: 'huge-timeout', queuedAt: now, notification: { title: 'Huge timeout', body: 'b' }, request: { url: `${location.origin}/api/messages`, method: 'POST', headers: {}, body: '{}', timeout: 1e16 } },
    ];
    await plant('items', malformed);
    await queueNotification({ title: 'After', body: 'b' }, host.registration);

    const list = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox></sync-notify-outbox>`);
    await waitUntil(() => rows(list).length === 2, 'the outbox element did not list the good items');
    expect(rows(list)).to.deep.equal(['Before', 'After']);

    const heard = listenToOutbox();
    await setOffline(false);
    const shown = await waitForNotifications(host.registration, 2);
    expect(shown.map(({ title }) => title).sort()).to.deep.equal(['After', 'Before']);
    await outboxEmptied();

    const failures = await listFailures();
    expect(failures).to.have.length(malformed.length);
    expect(failures.every((failure) => failure.reason === 'rejected' && failure.status === 0 && failure.problem === 'malformed')).to.equal(true);
    await waitUntil(() => rows(list).length === malformed.length, 'the outbox element did not list the malformed records');
    expect(rows(list).filter((title) => title === 'Unreadable item')).to.have.length(3);
    expect(rows(list)).to.include.members(['No id', 'Bad call', 'Huge timeout']);
    const rejected = heard.heard.filter((announcement) => announcement.type === 'rejected');
    expect(rejected.map(({ id }) => id).sort()).to.deep.equal(failures.map(({ id }) => id).sort());
    heard.stop();

    // The queue goes on: a later item is delivered too.
    await queueNotification({ title: 'Later', body: 'b' }, host.registration);
    await waitUntil(async () => (await shownNotifications(host.registration)).some(({ title }) => title === 'Later'), 'a later item was not delivered');
    await expect(list).to.be.accessible();
  });

  it('refuses wrong-typed and oversized input from plain JavaScript, and queues nothing', async () => {
    await setOffline(true);
    const cases: [Record<string, unknown>, object][] = [
      [{ summary: true }, { kind: 'invalid-type', field: 'summary' }],
      [{ tag: {} }, { kind: 'invalid-type', field: 'tag' }],
      [{ lang: 12 }, { kind: 'invalid-type', field: 'lang' }],
      [{ title: 5 }, { kind: 'invalid-type', field: 'title' }],
      [{ icon: `data:image/png;base64,${'A'.repeat(70_000)}` }, { kind: 'too-large', field: 'item', limit: 65_536 }],
      [{ maxAge: 1e13 }, { kind: 'invalid-number', field: 'maxAge' }],
      [{ endpoint: '/api/messages', requestTimeout: 1e13 }, { kind: 'invalid-number', field: 'requestTimeout' }],
      [{ endpoint: '/api/messages', headers: { 'x-n': 1 } }, { kind: 'invalid-type', field: 'headers' }],
      [{ endpoint: '/api/messages', data: 'x'.repeat(70_000) }, { kind: 'too-large', field: 'item' }],
    ];
    for (const [wrong, problem] of cases) {
      const input = { title: 'Typed', body: 'b', ...wrong } as Parameters<typeof queueApiCall>[0];
      const queued = 'endpoint' in wrong ? queueApiCall(input, host.registration) : queueNotification(input, host.registration);
      const error = await queued.then(() => undefined, (refusal: unknown) => refusal);
      expect(error, JSON.stringify(wrong).slice(0, 60)).to.be.instanceOf(SyncNotifyError);
      expect((error as SyncNotifyError).reason).to.equal('invalid-input');
      expect((error as SyncNotifyError).failure).to.have.property('problem').that.deep.includes(problem);
    }
    expect(await countItems()).to.equal(0);
  });

  it('falls back to the default language where the page’s lang is not a language tag', async () => {
    const element = await fixture<SyncNotifyOutbox>(html`<div lang="en_US"><sync-notify-outbox></sync-notify-outbox></div>`);
    const list = element.querySelector('sync-notify-outbox')!;
    const button = await fixture<SyncNotifyButton>(html`<div lang="en_US"><sync-notify-button title="Typed" body="b"></sync-notify-button></div>`);
    await setOffline(true);
    const item = await clickAndWaitQueued(button.querySelector('sync-notify-button')!);
    expect(item.notification.lang).to.equal(undefined);
    await waitUntil(() => rows(list).length === 1, 'the outbox element did not list the item');
    const time = list.shadowRoot!.querySelector('[part="time"]')!.textContent!;
    expect(time).to.equal(`queued at ${new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(item.queuedAt)}`);
  });

  it('shows a notification and sends a call to another endpoint while one call hangs', async () => {
    const hung = await messagesEndpoint([{ status: 201, holdMs: 8000 }]);
    const other = await messagesEndpoint();
    await queueApiCall({ title: 'Hangs', body: 'b', endpoint: hung.endpoint, requestTimeout: 5 }, host.registration);
    await waitUntil(async () => (await hung.received()).length === 1, 'the first call never reached the server');

    const notifiedAt = Date.now();
    await queueNotification({ title: 'Not held back', body: 'b' }, host.registration);
    await waitUntil(
      async () => (await shownNotifications(host.registration)).some(({ title }) => title === 'Not held back'),
      'the notification waited for the hung call',
      { timeout: 1000, interval: 20 },
    );
    const shownAfter = Date.now() - notifiedAt;

    const calledAt = Date.now();
    await queueApiCall({ title: 'Elsewhere', body: 'b', endpoint: other.endpoint }, host.registration);
    await waitUntil(async () => (await other.received()).length === 1, 'the call to another endpoint waited for the hung one', {
      timeout: 1000,
      interval: 20,
    });
    console.log(`a call hangs: a notification shown after ${shownAfter} ms, a call elsewhere sent after ${Date.now() - calledAt} ms`);
    await waitUntil(async () => (await shownNotifications(host.registration)).some(({ title }) => title === 'Elsewhere'), 'the call elsewhere was not confirmed');
    expect((await listItems()).map(({ notification }) => notification.title)).to.deep.equal(['Hangs']);
  });

  it('lets another scope’s items expire once their worker is gone', async () => {
    await setOffline(true);
    const longAgo = Date.now() - 60 * 60 * 1000;
    await plant('items', [
      { id: 'orphan', queuedAt: longAgo, expiresAt: longAgo + 1000, scope: `${location.origin}/gone/`, notification: { title: 'Orphan', body: 'b' } },
    ]);
    await queueNotification({ title: 'Own', body: 'b' }, host.registration);
    await setOffline(false);
    await waitForNotifications(host.registration, 1);
    await outboxEmptied();
    expect((await listFailures()).map(({ id, reason }) => [id, reason])).to.deep.equal([['orphan', 'expired']]);
  });

  it(`keeps at most ${MAX_FAILURES} failures, none older than 30 days`, async () => {
    await setOffline(true);
    const now = Date.now();
    const failure = (id: string, failedAt: number) => ({ id, reason: 'expired', failedAt, notification: { title: id, body: 'b' } });
    await plant('failures', [
      failure('older than 30 days', now - 31 * 24 * 60 * 60 * 1000),
      ...Array.from({ length: MAX_FAILURES }, (_, index) => failure(`failure ${index}`, now - (index + 1) * 60_000)),
    ]);
    await plant('items', [{ id: 'expired now', queuedAt: now - 2000, expiresAt: now - 1000, notification: { title: 'Expired now', body: 'b' } }]);
    await setOffline(false);
    askWorker(host.registration);
    await outboxEmptied();
    const kept = (await listFailures()).map(({ id }) => id);
    expect(kept).to.have.length(MAX_FAILURES);
    expect(kept).to.include('expired now');
    expect(kept).not.to.include('older than 30 days');
    // The oldest went to make room for the newest.
    expect(kept).not.to.include(`failure ${MAX_FAILURES - 1}`);
  });

  it('reads a rejection that an earlier version recorded as `refused` as `rejected`, and offers its retry', async () => {
    await setOffline(true);
    await plant('failures', [{ id: 'earlier', reason: 'refused', status: 409, failedAt: Date.now(), notification: { title: 'Earlier', body: 'b' } }]);
    expect((await listFailures()).map(({ id, reason, status }) => ({ id, reason, status }))).to.deep.equal([
      { id: 'earlier', reason: 'rejected', status: 409 },
    ]);
    const list = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox scope="all"></sync-notify-outbox>`);
    await waitUntil(() => rows(list).length === 1, 'the outbox element did not list the failure');
    const row = list.shadowRoot!.querySelector('[part~="failed"]')!;
    expect(row.querySelector('[part="state"]')!.textContent).to.equal('Refused by the server (HTTP 409)');
    expect([...row.querySelectorAll('button')].map((button) => button.textContent)).to.deep.equal(['Retry now', 'Dismiss']);
  });
});

type TwiceLoaded = Window & { loaded?: boolean; warnings: string[]; errors: string[]; litElementVersions: string[] };

/** A page that loads the element's file from each of `sources`, in order: what it logged, and how many copies of Lit ran. */
async function loadTwice(sources: string[]): Promise<TwiceLoaded> {
  const frame = document.createElement('iframe');
  frame.title = 'a page that loads the element twice';
  frame.srcdoc = `<!doctype html>
    <script>
      window.warnings = []; window.errors = [];
      const warn = console.warn.bind(console);
      console.warn = (...args) => { warnings.push(args.join(' ')); warn(...args); };
      addEventListener('error', (event) => errors.push(String(event.message)));
      addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
    </script>
    ${sources.map((source) => `<script type="module" src="${location.origin}${source}"></script>`).join('\n')}
    <script type="module">window.loaded = true;</script>
    <sync-notify-button title="t" body="b"></sync-notify-button>`;
  document.body.append(frame);
  const page = () => frame.contentWindow as TwiceLoaded;
  await waitUntil(() => page()?.loaded, 'the page never loaded');
  await waitUntil(() => page().document.querySelector('sync-notify-button')?.shadowRoot?.querySelector('button'), 'the element never rendered');
  const { errors, warnings, litElementVersions } = page();
  frame.remove();
  return { errors, warnings: warnings.filter((text) => text.includes('loaded twice')), litElementVersions } as TwiceLoaded;
}

describe('two copies of the element file on one page', () => {
  it('keeps the first definition, throws nothing, and says so once in the console', async () => {
    const page = await loadTwice(['/dist/sync-notify-button.js', '/dist/sync-notify-button.js?second-copy']);
    expect(page.errors).to.deep.equal([]);
    expect(page.warnings).to.deep.equal([
      '<sync-notify-button>: sync-notify-button was loaded twice on this page (0.1.0, then 0.1.0); the first copy is used. Load one copy: the script tag or the npm package.',
    ]);
    // The second copy of the file imports the same shared chunks: Lit runs once.
    expect(page.litElementVersions).to.have.length(1);
  });

  it('two releases side by side: an earlier self-contained file first, then this one with its chunks; harmless', async () => {
    const page = await loadTwice(['/test/fixtures/previous-releases/before-owners/dist/sync-notify-button.js', '/dist/sync-notify-button.js']);
    expect(page.errors).to.deep.equal([]);
    expect(page.warnings).to.have.length(1);
    // Two releases, two copies of Lit: each file's own, neither in the other's way.
    expect(page.litElementVersions).to.have.length(2);
  });
});
