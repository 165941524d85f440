/**
 * An ordinary `<form>` sent through the outbox: the element inside it (or tied to it by `form`)
 * queues the form's fields offline and the worker posts them on reconnect, as the browser's own
 * submission of the same form would have (recorded by the same test server), exactly once.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/sync-notify-api-button.js';
import '../../src/sync-notify-outbox.js';
import type { SyncNotifyOutbox } from '../../src/sync-notify-outbox.js';
import type { SyncNotifyApiButton } from '../../src/sync-notify-api-button.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import { countItems } from '../../src/page/outbox.js';
import { listFailures } from '../../src/page/outbox-list.js';
import { queueNotification } from '../../src/page/queue.js';
import { MAX_FORM_FILE_BYTES } from '../../src/page/validate.js';
import { outboxEmptied, pause, setOffline, shownItemIds, useHostWorker, waitForNotifications } from '../support/browser.js';
import { buttonOf, clickAndWaitQueued, errorText, statusText } from '../support/element.js';
import { messagesEndpoint, type ReceivedRequest } from '../support/messages-endpoint.js';

type Enctype = 'application/x-www-form-urlencoded' | 'multipart/form-data' | 'text/plain';

/**
 * A contact form as a site writes it. The hidden field named `action` hides the form's own
 * `action` property, as it does on many real forms: the form must still go to its action.
 */
const contactForm = (action: string, enctype: Enctype = 'application/x-www-form-urlencoded') => html`
  <form action=${action} method="post" enctype=${enctype}>
    <label>Email <input name="email" type="email" required /></label>
    <label>Name <input name="name" /></label>
    <label>Message <textarea name="message" required></textarea></label>
    <label><input type="checkbox" name="copy" value="yes" /> Send me a copy</label>
    <label>Topic <select name="topic"><option>Billing</option><option>Support</option></select></label>
    ${enctype === 'multipart/form-data' ? html`<label>Attachment <input type="file" name="attachment" /></label>` : ''}
    <input type="hidden" name="action" value="contact" />
    <sync-notify-button title="Message sent" body="We got your message">Send</sync-notify-button>
  </form>
`;

const field = (form: HTMLFormElement, name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

/** Types into the form as a person would: text with newlines and characters that need encoding, a ticked box, a choice, a file. */
function fillIn(form: HTMLFormElement, file?: File): void {
  field(form, 'email').value = 'ada@example.com';
  field(form, 'name').value = 'Ada Lovelace & Co.';
  form.querySelector('textarea')!.value = 'Hello,\nmy order #42 costs 50% = 10 €?\n\nÉlodie 🙂 a+b';
  field(form, 'copy').checked = true;
  form.querySelector('select')!.value = 'Support';
  if (file) {
    const files = new DataTransfer();
    files.items.add(file);
    field(form, 'attachment').files = files.files;
  }
}

const attachment = () => new File([new Uint8Array([0, 1, 2, 250, 13, 10, 0xff]), 'order\r\nnotes'], 'order notes.bin', { type: 'application/octet-stream' });

/** The browser's own submission of the same form, filled in the same way, into a frame: what the server received. */
async function nativeSubmission(enctype: Enctype, file?: File): Promise<ReceivedRequest> {
  const server = await messagesEndpoint();
  const form = await fixture<HTMLFormElement>(contactForm(server.endpoint, enctype));
  const frame = document.createElement('iframe');
  frame.name = `native-${crypto.randomUUID()}`;
  document.body.append(frame);
  fillIn(form, file);
  form.target = frame.name;
  const loaded = oneEvent(frame, 'load');
  HTMLFormElement.prototype.submit.call(form);
  await loaded;
  frame.remove();
  const received = await server.received();
  expect(received, 'the native submission reached the server').to.have.length(1);
  return received[0];
}

/** The element's form, filled in, with a server of its own. */
async function filledForm(enctype: Enctype, file?: File, script?: Parameters<typeof messagesEndpoint>[0]) {
  const server = await messagesEndpoint(script);
  const form = await fixture<HTMLFormElement>(contactForm(server.endpoint, enctype));
  fillIn(form, file);
  return { server, form, element: form.querySelector<SyncNotifyApiButton>('sync-notify-button')! };
}

/** Queues the form offline by `press`, checks what the person sees, then reconnects: one request, the notification once. */
async function sendOfflineThenReconnect(
  host: { registration: ServiceWorkerRegistration },
  enctype: Enctype,
  press: (form: HTMLFormElement, element: SyncNotifyApiButton) => Promise<void>,
  file?: File,
) {
  const { server, form, element } = await filledForm(enctype, file);
  const page = location.href;
  await setOffline(true);
  const queued = oneEvent(element, 'sync-notify-queued');
  await press(form, element);
  const { item } = (await queued).detail;
  await element.updateComplete;
  expect(statusText(element)).to.include('“Message sent” queued — will be sent when you are back online.');
  expect(field(form, 'email').value, 'the form is reset once queued').to.equal('');
  expect(form.querySelector('textarea')!.value).to.equal('');
  const outbox = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox></sync-notify-outbox>`);
  await waitUntil(() => outbox.shadowRoot!.querySelector('[part~="item"]'), 'the outbox never listed the form');
  const listed = [...outbox.shadowRoot!.querySelectorAll('[part~="item"] [part="title"]')].map((title) => title.textContent!.trim());
  expect(listed, "the person's outbox lists it by its title").to.deep.equal(['Message sent']);
  // No event marks a request rightly not made offline (no ask, a deferred sync); online one reaches the server well within 300 ms.
  await pause(300);
  expect(await server.received(), 'nothing is sent while offline').to.deep.equal([]);

  await setOffline(false);
  await outboxEmptied();
  const received = await server.received();
  expect(received, 'sent exactly once').to.have.length(1);
  expect(received[0].method).to.equal('POST');
  expect(received[0].idempotencyKey).to.equal(item.id);
  await waitForNotifications(host.registration, 1);
  expect(await shownItemIds(host.registration)).to.deep.equal([item.id]);
  expect(location.href, 'the page never navigated').to.equal(page);
  return received[0];
}

describe('a <form> sent through the outbox', function () {
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js' });

  const byClick = async (_form: HTMLFormElement, element: SyncNotifyApiButton) => buttonOf(element).click();
  const byEnter = async (form: HTMLFormElement) => {
    field(form, 'name').focus();
    await sendKeys({ press: 'Enter' });
  };

  for (const [how, press] of [['by click', byClick], ['by Enter', byEnter]] as const) {
    it(`urlencoded, submitted ${how} offline: on reconnect the server receives what the browser would have posted, once`, async () => {
      const native = await nativeSubmission('application/x-www-form-urlencoded');
      const received = await sendOfflineThenReconnect(host, 'application/x-www-form-urlencoded', press);
      expect(received.contentType).to.match(/^application\/x-www-form-urlencoded\b/);
      expect(received.fields).to.deep.equal(native.fields);
      expect(received.text, 'byte for byte the native body').to.equal(native.text);
      expect(received.fields).to.deep.include(['message', 'Hello,\r\nmy order #42 costs 50% = 10 €?\r\n\r\nÉlodie 🙂 a+b']);
    });

    it(`multipart with a file, submitted ${how} offline: the same fields and file bytes as a native submission`, async () => {
      const native = await nativeSubmission('multipart/form-data', attachment());
      const received = await sendOfflineThenReconnect(host, 'multipart/form-data', press, attachment());
      expect(received.contentType).to.match(/^multipart\/form-data; boundary=/);
      expect(received.fields).to.deep.equal(native.fields);
      expect(received.fields!.find(([name]) => name === 'attachment')![1]).to.deep.equal({
        filename: 'order notes.bin',
        type: 'application/octet-stream',
        bytes: btoa(String.fromCharCode(0, 1, 2, 250, 13, 10, 0xff) + 'order\r\nnotes'),
      });
    });
  }

  it('text/plain, online: the body the browser would have posted, and the page stays', async () => {
    const native = await nativeSubmission('text/plain');
    const { server, element } = await filledForm('text/plain');
    const delivered = oneEvent(element, 'sync-notify-delivered');
    buttonOf(element).click();
    await delivered;
    const received = await server.received();
    expect(received.map((request) => request.contentType)).to.deep.equal(['text/plain']);
    expect(received[0].text).to.equal(native.text);
    expect(received[0].text).to.include('message=Hello,\r\nmy order');
  });

  it('from JavaScript: queueApiCall sends a form to its action with no endpoint given; queueNotification only notifies', async () => {
    const native = await nativeSubmission('application/x-www-form-urlencoded');
    const { server, form } = await filledForm('application/x-www-form-urlencoded');
    const { item } = await queueApiCall({ title: 'Message sent', body: 'b', form }, host.registration);
    expect(item.request).to.deep.include({ url: new URL(server.endpoint, location.href).href, method: 'POST', contentType: 'application/x-www-form-urlencoded' });
    await outboxEmptied();
    const received = await server.received();
    expect(received.map((request) => request.text)).to.deep.equal([native.text]);

    const note = await queueNotification({ title: 'Only a note', body: 'b', form } as Parameters<typeof queueNotification>[0], host.registration);
    expect(note.item.request, 'queueNotification sends no form').to.equal(undefined);
    await outboxEmptied();
    expect(await server.received()).to.have.length(1);
  });

  it('queues nothing while the form is invalid: the browser says what to fix', async () => {
    const { server, form, element } = await filledForm('application/x-www-form-urlencoded');
    field(form, 'email').value = '';
    let queued = false;
    element.addEventListener('sync-notify-queued', () => (queued = true));
    let submitted = false;
    form.addEventListener('submit', () => (submitted = true));
    let invalid = false;
    field(form, 'email').addEventListener('invalid', () => (invalid = true));
    buttonOf(element).click();
    // Decided within the click: requestSubmit() found the field invalid and fired no submission,
    // and a press that queues enters `working` within it (its permission prompt must stay in the click).
    expect(invalid, 'the browser never checked the form').to.equal(true);
    expect(submitted, 'the browser let the invalid form be submitted').to.equal(false);
    expect(element.state, 'a press began').to.equal('idle');
    expect(queued).to.equal(false);
    expect(await countItems()).to.equal(0);
    expect(await server.received()).to.deep.equal([]);
    expect(field(form, 'email').matches(':invalid')).to.equal(true);
    expect(form.querySelector('textarea')!.value, 'what was typed stays').to.not.equal('');
  });

  it('counts a 303 redirect after POST as sent, for an element tied to its form by the form attribute', async () => {
    const server = await messagesEndpoint([{ status: 303, location: '/test/fixtures/host-page.html' }]);
    const form = await fixture<HTMLDivElement>(html`
      <div>
        <form id="order-note" action=${server.endpoint} method="post"><input name="note" value="Leave at the door" aria-label="Note" /></form>
        <sync-notify-button form="order-note" title="Note sent" body="Your note is on its way" keep-form>Send note</sync-notify-button>
      </div>
    `);
    const element = form.querySelector<SyncNotifyApiButton>('sync-notify-button')!;
    expect(element.form).to.equal(form.querySelector('form'));
    await expect(form).to.be.accessible();
    const delivered = oneEvent(element, 'sync-notify-delivered');
    buttonOf(element).click();
    await delivered;
    await outboxEmptied();
    expect(await listFailures()).to.deep.equal([]);
    expect((await server.received()).map((request) => request.fields)).to.deep.equal([[['note', 'Leave at the door']]]);
    expect(form.querySelector('input')!.value, 'keep-form keeps what was typed').to.equal('Leave at the door');
    await element.updateComplete;
    expect(statusText(element)).to.equal('“Note sent” sent.');
  });

  it('shows a 422 as a form not accepted, and keeps it with what was typed in the person\'s outbox', async () => {
    const { form, element } = await filledForm('application/x-www-form-urlencoded', undefined, [422]);
    const error = oneEvent(element, 'sync-notify-error');
    buttonOf(element).click();
    const { detail } = await error;
    expect(detail).to.deep.include({ reason: 'not-accepted', status: 422, problem: 'refused' });
    await element.updateComplete;
    expect(errorText(element)).to.equal('The server did not accept the form. What you typed is kept: open the form again to send it.');
    const failures = await listFailures();
    expect(failures).to.have.length(1);
    expect(failures[0]).to.deep.include({ reason: 'not-accepted', status: 422, problem: 'refused' });
    expect(failures[0].notification!.title).to.equal('Message sent');
    expect(failures[0].request!.contentType).to.equal('application/x-www-form-urlencoded');
    expect(failures[0].request!.body).to.include('email=ada%40example.com');
    expect(field(form, 'email').value, 'reset once it was queued').to.equal('');
  });

  it("lists a form not accepted in the person's outbox with why and a link to its page, and no Retry now", async () => {
    const { element } = await filledForm('application/x-www-form-urlencoded', undefined, [403]);
    const error = oneEvent(element, 'sync-notify-error');
    buttonOf(element).click();
    expect((await error).detail).to.deep.include({ reason: 'not-accepted', status: 403, problem: 'refused' });
    const outbox = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox></sync-notify-outbox>`);
    const row = () => outbox.shadowRoot!.querySelector('[part~="failed"]');
    await waitUntil(row, 'the outbox never listed the form');
    expect(row()!.querySelector('[part="state"]')!.textContent!.trim()).to.equal('Not accepted by the server: open its form to send it again');
    const link = row()!.querySelector<HTMLAnchorElement>('a[part="open-form"]')!;
    expect(link.href, 'the page the form was sent from').to.equal(location.href.replace(/#.*/, ''));
    expect(link.getAttribute('aria-label')).to.equal('Open the form: Message sent');
    expect([...row()!.querySelectorAll('button')].map((button) => button.textContent!.trim())).to.deep.equal(['Dismiss']);
    await expect(outbox).to.be.accessible();
  });

  it('puts a kept form back into its form when its page opens again for the same owner, and sends it again by itself once', async () => {
    const server = await messagesEndpoint([403, 403]);
    const ownersForm = () => html`
      <form action=${server.endpoint} method="post">
        <label>Message <textarea name="message" required></textarea></label>
        <input type="hidden" name="csrf" value=${crypto.randomUUID()} />
        <sync-notify-button owner="ada" title="Message sent" body="b">Send</sync-notify-button>
      </form>
    `;
    /** The page opened again: a new form, rendered fresh, and what its element sends as it connects. */
    const openAgain = async () => {
      const page = document.createElement('div');
      const sent: Event[] = [];
      page.addEventListener('submit', (event) => sent.push(event), true);
      const queued = oneEvent(page, 'sync-notify-queued');
      const said = oneEvent(page, 'sync-notify-error');
      document.body.append(page);
      const form = await fixture<HTMLFormElement>(ownersForm(), { parentNode: page });
      const element = form.querySelector<SyncNotifyApiButton>('sync-notify-button')!;
      return { form, element, sent, queued, said };
    };

    const first = await fixture<HTMLFormElement>(ownersForm());
    first.querySelector('textarea')!.value = 'Typed once';
    const firstElement = first.querySelector<SyncNotifyApiButton>('sync-notify-button')!;
    const refused = oneEvent(firstElement, 'sync-notify-error');
    buttonOf(firstElement).click();
    expect((await refused).detail).to.deep.include({ reason: 'not-accepted', status: 403, problem: 'refused' });
    const [{ id }] = await listFailures();

    const again = await openAgain();
    expect((await again.queued).detail.item.id, 'sent again by itself, with its id').to.equal(id);
    expect((await again.said).detail).to.deep.include({ reason: 'not-accepted', status: 403 });
    const received = await server.received();
    expect(received.map((request) => request.idempotencyKey), 'the same Idempotency-Key').to.deep.equal([id, id]);
    const freshToken = again.form.querySelector<HTMLInputElement>('[name="csrf"]')!.value;
    expect(received[1].fields, "what was typed, with the new page's hidden field").to.deep.equal([['message', 'Typed once'], ['csrf', freshToken]]);

    const third = await openAgain();
    const kept = () => third.element.shadowRoot!.querySelector('[part="kept"]')?.textContent?.trim();
    await waitUntil(() => kept(), 'the page never put it back');
    expect(kept()).to.equal('What you typed is back in the form: check it and send it.');
    expect(third.form.querySelector('textarea')!.value).to.equal('Typed once');
    // Sent by itself, it would have been submitted as it was put back, in the same task.
    expect(third.sent, 'refused again after being sent again: it waits for the person').to.deep.equal([]);
    expect(await server.received()).to.have.length(2);
  });

  it('refuses at the press a file over the cap, with a sentence for the person, queuing nothing', async () => {
    const large = new File([new Uint8Array(MAX_FORM_FILE_BYTES + 1)], 'video.mp4', { type: 'video/mp4' });
    const { server, form, element } = await filledForm('multipart/form-data', large);
    let queued = false;
    element.addEventListener('sync-notify-queued', () => (queued = true));
    const error = oneEvent(element, 'sync-notify-error');
    buttonOf(element).click();
    const { detail } = await error;
    expect(detail).to.deep.include({ reason: 'invalid-input', problem: { kind: 'too-large', field: 'files', limit: MAX_FORM_FILE_BYTES } });
    await element.updateComplete;
    expect(errorText(element)).to.equal('The attached files are too large to send (10 MB at most together), so nothing was queued.');
    expect(detail.message).to.equal(errorText(element));
    // The refusal came at the press, before anything was stored: with nothing queued, nothing can be sent.
    expect(queued, 'queued as well as refused').to.equal(false);
    expect(await countItems()).to.equal(0);
    expect(await server.received()).to.deep.equal([]);
    expect(field(form, 'email').value, 'nothing typed is lost').to.equal('ada@example.com');
  });

  it('leaves a button with an endpoint of its own in a form to send its API call, not the form', async () => {
    const server = await messagesEndpoint();
    const form = await fixture<HTMLFormElement>(html`
      <form action="/test/fixtures/host-page.html" method="post">
        <input name="text" value="Typed" aria-label="Message" />
        <sync-notify-button title="Chat" body="Hello" endpoint=${server.endpoint}>Send</sync-notify-button>
      </form>
    `);
    const element = form.querySelector<SyncNotifyApiButton>('sync-notify-button')!;
    const delivered = oneEvent(element, 'sync-notify-delivered');
    buttonOf(element).click();
    await delivered;
    const received = await server.received();
    expect(received.map((request) => request.body)).to.deep.equal([{ title: 'Chat', body: 'Hello', data: null }]);
    expect(form.querySelector('input')!.value, 'the form is not the element\'s to reset').to.equal('Typed');
  });

  it('works on a page that loads only dist/sync-notify-api-button.js, with no script of its own', async () => {
    const server = await messagesEndpoint();
    const frame = document.createElement('iframe');
    frame.title = 'a site with a contact form';
    frame.src = `/test/fixtures/script-tag-form.html${server.endpoint.slice(server.endpoint.indexOf('?'))}`;
    document.body.append(frame);
    const site = () => frame.contentDocument?.querySelector<SyncNotifyApiButton>('sync-notify-button');
    await waitUntil(() => site()?.shadowRoot, 'the script-tag site never loaded');
    const page = frame.contentDocument!;
    page.querySelector<HTMLInputElement>('[name="email"]')!.value = 'ada@example.com';
    page.querySelector('textarea')!.value = 'Sent from a page without npm';
    await setOffline(true);
    const queued = oneEvent(site()!, 'sync-notify-queued');
    buttonOf(site()!).click();
    const { item } = (await queued).detail;
    expect(page.querySelector('textarea')!.value).to.equal('');
    await setOffline(false);
    await outboxEmptied();
    expect((await server.received()).map((request) => request.fields)).to.deep.equal([
      [
        ['email', 'ada@example.com'],
        ['message', 'Sent from a page without npm'],
      ],
    ]);
    await waitForNotifications(host.registration, 1);
    expect(await shownItemIds(host.registration)).to.deep.equal([item.id]);
    frame.remove();
  });

  it('leaves a GET form to the page: the element only notifies; an action on another origin is refused', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form action="/search" method="get">
        <input name="q" value="shoes" aria-label="Search" />
        <sync-notify-button title="Search saved" body="b">Save search</sync-notify-button>
      </form>
    `);
    const element = form.querySelector<SyncNotifyApiButton>('sync-notify-button')!;
    const item = await clickAndWaitQueued(element);
    expect(item.request, 'a notification, no form sent').to.equal(undefined);
    expect(field(form, 'q').value).to.equal('shoes');
    // Online, the worker may deliver the notification at any moment: wait for it, so that the
    // count below sees only what the refused press might have queued.
    await outboxEmptied();

    form.method = 'post';
    form.setAttribute('action', 'https://elsewhere.example/contact');
    const error = oneEvent(element, 'sync-notify-error');
    buttonOf(element).click();
    expect((await error).detail.problem).to.deep.equal({ kind: 'cross-origin', field: 'action', value: 'https://elsewhere.example/contact' });
    await element.updateComplete;
    expect(errorText(element)).to.equal('This button is not set up correctly, so nothing was queued.');
    expect(await countItems(), 'the refused press queued nothing').to.equal(0);
    expect(location.pathname, 'the page never navigated').to.not.equal('/search');
  });

  it('sends a form once, for the button pressed, where two share it; type="button" only notifies', async () => {
    const server = await messagesEndpoint();
    const form = await fixture<HTMLFormElement>(html`
      <form action=${server.endpoint} method="post">
        <input name="note" value="Ring twice" aria-label="Note" />
        <sync-notify-button id="first" title="First" body="b">First</sync-notify-button>
        <sync-notify-button id="second" title="Second" body="b" keep-form>Second</sync-notify-button>
        <sync-notify-button id="notify" type="button" title="Only a note" body="b">Notify</sync-notify-button>
      </form>
    `);
    const [first, second, notify] = [...form.querySelectorAll<SyncNotifyApiButton>('sync-notify-button')];
    let firstQueued = 0;
    first.addEventListener('sync-notify-queued', () => firstQueued++);
    const item = await clickAndWaitQueued(second);
    expect(item.notification.title).to.equal('Second');
    expect(firstQueued, 'the other button did not answer').to.equal(0);
    await outboxEmptied();
    expect((await server.received()).map((request) => request.fields)).to.deep.equal([[['note', 'Ring twice']]]);

    const note = await clickAndWaitQueued(notify);
    expect(note.request).to.equal(undefined);
    await outboxEmptied();
    expect(await server.received(), 'type="button" sent no form').to.have.length(1);
    expect(firstQueued).to.equal(0);
  });

  it('sends nothing from a disabled fieldset, nor when a listener of the site cancels the submission', async () => {
    const server = await messagesEndpoint();
    const form = await fixture<HTMLFormElement>(html`
      <form action=${server.endpoint} method="post">
        <fieldset disabled>
          <legend>Order note</legend>
          <input name="note" value="Leave at the door" aria-label="Note" />
          <sync-notify-button title="Note sent" body="b">Send</sync-notify-button>
        </fieldset>
      </form>
    `);
    const element = form.querySelector<SyncNotifyApiButton>('sync-notify-button')!;
    await element.updateComplete;
    expect(buttonOf(element).disabled, 'the button looks and is disabled').to.equal(true);
    element.click();
    buttonOf(element).click();
    // A press that queues enters `working` within the click (its permission prompt must stay in it).
    expect(element.state, 'a press began in a disabled fieldset').to.equal('idle');

    form.querySelector('fieldset')!.disabled = false;
    await element.updateComplete;
    expect(buttonOf(element).disabled).to.equal(false);
    // Added after the element, on the document, as a site's delegated handler or a framework's is.
    let cancelled: Event | undefined;
    const cancel = (event: Event) => {
      event.preventDefault();
      cancelled = event;
    };
    document.addEventListener('submit', cancel);
    try {
      buttonOf(element).click();
    } finally {
      document.removeEventListener('submit', cancel);
    }
    // Decided within the click: the submission was fired and cancelled, and no press began.
    expect(cancelled, 'the press never submitted the form').to.not.equal(undefined);
    expect(element.state, 'a press began despite the cancelled submission').to.equal('idle');
    expect(await countItems()).to.equal(0);
    expect(await server.received()).to.deep.equal([]);
  });
});
