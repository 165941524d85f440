/**
 * Forms on a real server-rendered site: the run's Django site (sessions in its database, CSRF
 * middleware, `login_required`, its own login view, post/redirect/get, a bound form shown again),
 * its contact page loading the element by script tag, as a site does. "Sent" means the server
 * took the form; whatever it did not take is kept with what was typed, and reaches the server
 * once the person is back, exactly once, as the same user, with the same Idempotency-Key.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { typedEntries } from '../../src/shared/form-entries.js';
import { listFailures, listItems } from '../../src/page/outbox-list.js';
import { betweenDeliveries } from '../../src/shared/protocol.js';
import '../../src/sync-notify-outbox.js';
import type { SyncNotifyButton, SyncNotifyErrorDetail } from '../../src/sync-notify-button.js';
import type { SyncNotifyOutbox } from '../../src/sync-notify-outbox.js';
import { outboxEmptied, setOffline, shownItemIds, useHostWorker, waitForNotifications } from '../support/browser.js';
import {
  axeViolations,
  createUser,
  endSessions,
  frameDocument,
  openSitePage,
  postsUnder,
  setMaintenance,
  signIn,
  SITE_PATHS,
  storedMessages,
  upgradedButton,
  type SiteUser,
} from '../support/django.js';
import { buttonOf, errorText } from '../support/element.js';
import { waitUntil } from '../support/wait.js';

/** What a person types into the contact form, a file attached. */
const TYPED = { email: 'ada@example.com', subject: 'Order 12', message: 'Where is my order?\r\nIt was due on Monday.' };

const attachment = () => new File([new TextEncoder().encode('invoice #12, '.repeat(500))], 'invoice.txt', { type: 'text/plain' });

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The contact page in a frame, its element upgraded; `query` picks a variant (`?owner=none`: a site without owners). */
async function contactPage(query = '') {
  const frame = await openSitePage(`${SITE_PATHS.contact}${query}`);
  const element = await upgradedButton(frame);
  const form = frameDocument(frame).querySelector('form')!;
  return { frame, element, form };
}

const field = (form: HTMLFormElement, name: string) => form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;

/** Types into the form as a person does, and attaches a file. */
function fillIn(form: HTMLFormElement, typed: Partial<typeof TYPED> = TYPED, file: File = attachment()): void {
  for (const [name, value] of Object.entries({ ...TYPED, ...typed })) field(form, name).value = value;
  // A DataTransfer of the frame's own: a FileList belongs to its window.
  const files = new (form.ownerDocument.defaultView as unknown as typeof globalThis).DataTransfer();
  files.items.add(file);
  (field(form, 'attachment') as HTMLInputElement).files = files.files;
}

/** Presses the element's button and resolves with the item it queued. */
async function press(element: SyncNotifyButton) {
  const queued = oneEvent(element, 'sync-notify-queued');
  buttonOf(element).click();
  return (await queued).detail.item;
}

/**
 * What the element says first of its press: sent, or the error; read before the press comes to it.
 * A false confirmation fails here, by name, rather than as a wait that never ends.
 */
function firstWord(element: SyncNotifyButton): Promise<SyncNotifyErrorDetail> {
  return new Promise((resolve, reject) => {
    element.addEventListener('sync-notify-error', ({ detail }) => resolve(detail), { once: true });
    element.addEventListener('sync-notify-delivered', () => reject(new Error('the element confirmed the form as sent')), { once: true });
  });
}

/** The hidden CSRF field the form holds now. */
const csrfToken = (form: HTMLFormElement) => field(form, 'csrfmiddlewaretoken').value;

/** Queues the filled form while offline, then the session ends on the server, then the device is back online: the post lands on the sign-in page. */
async function sendAfterTheSessionEnded(user: SiteUser, query = '') {
  const file = attachment();
  const { element, form } = await contactPage(query);
  fillIn(form, TYPED, file);
  const staleToken = csrfToken(form);
  await setOffline(true);
  const item = await press(element);
  expect(field(form, 'message').value, 'the form is cleared once queued').to.equal('');
  await endSessions(user.username);
  const said = firstWord(element);
  await setOffline(false);
  expect(await said).to.deep.include({ reason: 'not-accepted', problem: 'sign-in' });
  await element.updateComplete;
  expect(errorText(element)).to.equal('Your session has ended, so the form was not sent. Sign in again, then open the form: what you typed is kept.');
  expect(element.state, 'no false confirmation').to.equal('error');
  return { item, file, staleToken };
}

/**
 * Queues the filled form while the site is being deployed (503 for `user`): resolves once the first
 * post was answered, with the item waiting for its retry.
 */
async function pressDuringMaintenance(user: SiteUser) {
  const file = attachment();
  const { element, form } = await contactPage();
  fillIn(form, TYPED, file);
  await setMaintenance(true, user.username);
  const item = await press(element);
  await waitUntil(async () => (await listItems())[0]?.attempts === 1, 'the first post was never answered 503');
  return { element, item, file };
}

/** Nothing was confirmed, nothing stored, and the failure keeps every field and the file. */
async function expectKeptNotSent(host: { registration: ServiceWorkerRegistration }, user: SiteUser, id: string, file: File) {
  expect(await storedMessages(user.username), 'the server stored nothing').to.deep.equal([]);
  expect(await shownItemIds(host.registration), 'no notification says it was sent').to.deep.equal([]);
  expect(await listItems(), 'not retried with the refused fields').to.deep.equal([]);
  const [failure] = await listFailures();
  expect(failure).to.deep.include({ id, reason: 'not-accepted' });
  const kept = typedEntries(failure.request!);
  expect(kept).to.deep.include(['subject', TYPED.subject]);
  expect(kept).to.deep.include(['message', TYPED.message]);
  const [, keptFile] = kept.find(([name]) => name === 'attachment')!;
  expect(await sha256Hex(keptFile as File), 'the file is kept, byte for byte').to.equal(await sha256Hex(file));
}

/** The server stored the form once, as the user, with what was typed, the file, and the first press's Idempotency-Key; its notification is shown, and nothing is left. */
async function expectStoredOnce(host: { registration: ServiceWorkerRegistration }, user: SiteUser, id: string, file: File, typed = TYPED) {
  await waitUntil(async () => (await storedMessages(user.username)).length > 0, 'the form never reached the server');
  await outboxEmptied();
  await waitForNotifications(host.registration, 1);
  expect(await shownItemIds(host.registration)).to.deep.equal([id]);
  const stored = await storedMessages(user.username);
  expect(stored.map(({ author, subject, message, idempotencyKey }) => ({ author, subject, message, idempotencyKey }))).to.deep.equal([
    { author: user.username, subject: typed.subject, message: typed.message, idempotencyKey: id },
  ]);
  expect(stored[0].attachmentSha256).to.equal(await sha256Hex(file));
  expect(stored[0].posts, 'posted once: the server took the first post that reached it').to.equal(1);
  expect(await listFailures()).to.deep.equal([]);
}

describe('forms on a real server (Django): sent only when the server took it', () => {
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js' });
  let user: SiteUser;

  beforeEach(async () => {
    user = await createUser();
    (await signIn(user)).remove();
  });

  afterEach(async () => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    await setMaintenance(false, user.username);
  });

  it('post/redirect/get: queued offline, stored once as the user on reconnect, the notification confirms it', async () => {
    const file = attachment();
    const { element, form } = await contactPage();
    fillIn(form, TYPED, file);
    await setOffline(true);
    const item = await press(element);
    const delivered = oneEvent(element, 'sync-notify-delivered');
    await setOffline(false);
    await delivered;
    await expectStoredOnce(host, user, item.id, file);
  });

  it('a session ended while the form waited: kept, not confirmed; signed in again, its page sends it with a fresh token', async () => {
    const { item, file } = await sendAfterTheSessionEnded(user);
    await expectKeptNotSent(host, user, item.id, file);

    // Signing in lands on the contact page, which declares the same owner: sent at once, no press.
    const page = await signIn(user);
    await expectStoredOnce(host, user, item.id, file);
    const element = await upgradedButton(page);
    await waitUntil(() => element.state === 'sent', 'the page never said it was sent');
  });

  it('a session ended, on a site without owners: the page offers it back, and two presses send it', async () => {
    const { item, file, staleToken } = await sendAfterTheSessionEnded(user, '?owner=none');
    await expectKeptNotSent(host, user, item.id, file);

    // Signed in again, the person lands on the form's page (`next`).
    const page = await signIn(user, { next: `${SITE_PATHS.contact}?owner=none` });
    const element = await upgradedButton(page);
    const form = frameDocument(page).querySelector('form')!;
    const kept = () => element.shadowRoot!.querySelector('[part="kept"]')?.textContent?.trim();
    await waitUntil(() => kept(), 'the page never offered the kept form');
    expect(kept()).to.equal('What you typed in this form earlier was not sent. It is kept.');
    expect(await axeViolations(page), 'the page and the offer, axe-clean').to.deep.equal([]);
    expect(await storedMessages(user.username), 'nothing is sent without the person').to.deep.equal([]);

    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="put-back"]')!.click();
    await element.updateComplete;
    expect(kept()).to.equal('What you typed is back in the form: check it and send it.');
    expect(field(form, 'subject').value).to.equal(TYPED.subject);
    expect(field(form, 'message').value).to.equal(TYPED.message.replace(/\r\n/g, '\n'));
    expect((field(form, 'attachment') as HTMLInputElement).files![0].name).to.equal('invoice.txt');
    expect(csrfToken(form), "the page's own fresh token, not the refused one").to.not.equal(staleToken);

    buttonOf(element).click();
    await expectStoredOnce(host, user, item.id, file);
  });

  it('another person signs in on this browser: A’s kept form is neither put back into nor sent from B’s page; A’s page sends it', async () => {
    const { item, file } = await sendAfterTheSessionEnded(user);
    // B signs in: the page the sign-in lands on says B is signed in (its layout's meta) first.
    const other = await createUser();
    const pageOfB = await signIn(other);
    const elementOfB = await upgradedButton(pageOfB);
    const formOfB = frameDocument(pageOfB).querySelector('form')!;
    const typedByB = { email: 'bob@example.com', subject: 'My own', message: 'Only mine' };
    for (const [name, value] of Object.entries(typedByB)) field(formOfB, name).value = value;
    buttonOf(elementOfB).click();
    await waitUntil(async () => (await storedMessages(other.username)).length === 1, 'B’s own message never arrived');
    const [storedForB] = await storedMessages(other.username);
    expect(storedForB).to.deep.include({ author: other.username, subject: 'My own', message: 'Only mine', attachmentName: '' });
    expect(elementOfB.shadowRoot!.querySelector('[part="kept"]'), 'nothing of A’s offered to B').to.equal(null);
    expect(await storedMessages(user.username)).to.deep.equal([]);
    expect((await listFailures()).map(({ id, owner }) => ({ id, owner }))).to.deep.equal([{ id: item.id, owner: user.username }]);
    pageOfB.remove();

    // A signs in again: A's page sends it.
    await signIn(user);
    await waitUntil(async () => (await storedMessages(user.username)).length === 1, 'A’s form never reached the server');
    const [storedForA] = await storedMessages(user.username);
    expect(storedForA).to.deep.include({ subject: TYPED.subject, idempotencyKey: item.id, attachmentSha256: await sha256Hex(file) });
  });

  it("A's page left open while B signs in elsewhere: the server's owner check answers 409, and the form waits for A, never stored as B's", async () => {
    // The site is being deployed while A sends: A's post waits for a retry.
    const { element, item, file } = await pressDuringMaintenance(user);
    // B signs in in another tab, landing on a page that says nothing of who is signed in; A's tab
    // stays open and still says A. The retry goes with B's cookies.
    const other = await createUser();
    (await signIn(other, { next: SITE_PATHS.thanks })).remove();
    await waitUntil(async () => (await postsUnder(other.username)).length > 0, 'the retry never reached the server');
    expect(await postsUnder(other.username)).to.deep.equal([{ status: 409, sessionOf: other.username, owner: user.username, idempotencyKey: item.id }]);
    expect(await storedMessages(other.username), 'never stored as B’s').to.deep.equal([]);
    // Settled once no send runs: held for A, neither refused nor confirmed.
    await betweenDeliveries(async () => undefined);
    expect((await listItems()).map(({ id }) => id)).to.deep.equal([item.id]);
    expect(await listFailures()).to.deep.equal([]);
    expect(element.state, 'no false confirmation').to.not.equal('sent');

    // A signs in again, which rotates the CSRF token, and lands on the form: A's page says A, the
    // held post goes under A's session, is refused for its old token, and the page A has open,
    // rendered with the new one, sends it again.
    await setMaintenance(false, user.username);
    await signIn(user);
    await expectStoredOnce(host, user, item.id, file);
    const answersToA = (await postsUnder(user.username)).map(({ status }) => status);
    // 503 once, or again where its retry came before B had signed in.
    expect(answersToA.slice(-2)).to.deep.equal([403, 302]);
    expect(answersToA.slice(0, -2)).to.include(503).and.satisfy((statuses: number[]) => statuses.every((status) => status === 503));
  });

  it('a token rotated by signing in again while it waited: refused, kept; its page sends it again with the new token', async () => {
    // The site is being deployed: the post waits for a retry.
    const { element, item, file } = await pressDuringMaintenance(user);
    // Meanwhile the person signs in again (in another tab): Django rotates the CSRF token.
    (await signIn(user)).remove();
    const said = firstWord(element);
    await setMaintenance(false, user.username);
    expect(await said).to.deep.include({ reason: 'not-accepted', status: 403, problem: 'refused' });
    await element.updateComplete;
    expect(errorText(element)).to.equal('The server did not accept the form. What you typed is kept: open the form again to send it.');
    await expectKeptNotSent(host, user, item.id, file);

    // The person's outbox says why, and leads to the form: no Retry now with the refused token.
    const outbox = document.createElement('sync-notify-outbox') as SyncNotifyOutbox;
    document.body.append(outbox);
    const row = () => outbox.shadowRoot!.querySelector('[part~="failed"]');
    await waitUntil(row, 'the outbox never listed it');
    expect(row()!.querySelector('[part="state"]')!.textContent!.trim()).to.equal('Not accepted by the server: open its form to send it again');
    expect(row()!.querySelector<HTMLAnchorElement>('[part="open-form"]')!.href).to.equal(new URL(SITE_PATHS.contact, location.href).href);
    expect(row()!.querySelector('button')!.textContent!.trim()).to.equal('Dismiss');
    outbox.remove();

    await contactPage();
    await expectStoredOnce(host, user, item.id, file);
  });

  it("the server's validation showed the form again: put back as typed at once, corrected, sent once", async () => {
    const file = attachment();
    const { element, form } = await contactPage();
    // Only spaces: the browser's `required` takes it, Django's CharField strips it and refuses it.
    fillIn(form, { subject: '   ' }, file);
    await setOffline(true);
    const item = await press(element);
    const said = firstWord(element);
    await setOffline(false);
    expect(await said).to.deep.include({ reason: 'not-accepted', status: 200, problem: 'shown-again' });
    await element.updateComplete;
    expect(errorText(element)).to.equal('The server did not accept what was typed. It is back in the form: check it and send it again.');
    await waitUntil(() => field(form, 'message').value !== '', 'what was typed never came back into the form');
    expect(field(form, 'message').value).to.equal(TYPED.message.replace(/\r\n/g, '\n'));
    expect(field(form, 'subject').value).to.equal('   ');
    expect((field(form, 'attachment') as HTMLInputElement).files![0].name).to.equal('invoice.txt');
    expect(await storedMessages(user.username)).to.deep.equal([]);
    expect(await shownItemIds(host.registration)).to.deep.equal([]);

    field(form, 'subject').value = TYPED.subject;
    buttonOf(element).click();
    await expectStoredOnce(host, user, item.id, file);
  });
});
