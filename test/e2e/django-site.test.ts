/**
 * The harness's Django site (test/support/django.ts), proved on its own: served on the test
 * page's origin through the runner's proxy, it signs a person in, renders its contact page with
 * the element, takes the page's own form submission, validates, refuses during maintenance and
 * forgets ended sessions. Nothing here is the library's behaviour: the element is only seen
 * upgraded, never pressed.
 */
import { expect } from '@open-wc/testing';
import {
  createUser,
  endSessions,
  frameDocument,
  framePath,
  nextLoad,
  openSitePage,
  setMaintenance,
  signIn,
  SITE_PATHS,
  storedMessages,
  upgradedButton,
  axeViolations,
  type SiteUser,
} from '../support/django.js';

const csrfCookie = () => document.cookie.split('; ').find((cookie) => cookie.startsWith('csrftoken='));

/** The page's hidden CSRF field, as a form of the site would send it. */
async function csrfTokenOf(path: string): Promise<string> {
  const html = await (await fetch(path)).text();
  const page = new DOMParser().parseFromString(html, 'text/html');
  return page.querySelector<HTMLInputElement>('input[name="csrfmiddlewaretoken"]')!.value;
}

/** Posts the contact form from the test page, as a script of the site would. */
async function postContact(fields: Record<string, string>): Promise<Response> {
  const body = new FormData();
  body.set('csrfmiddlewaretoken', await csrfTokenOf(SITE_PATHS.contact));
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return fetch(SITE_PATHS.contact, { method: 'POST', body });
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('the Django site, on the test page\'s origin', () => {
  // One person's visit, in order: signed in by the first test, signed out everywhere by the last.
  let user: SiteUser;

  before(async () => {
    user = await createUser();
  });

  afterEach(() => {
    document.querySelectorAll('iframe[title^="the Django site"]').forEach((frame) => frame.remove());
  });

  after(async () => {
    await setMaintenance(false, user.username);
  });

  it('signs a new user in through its axe-clean login page: the redirect and both of its cookies come through', async () => {
    const login = await openSitePage(SITE_PATHS.login);
    expect(await axeViolations(login)).to.deep.equal([]);
    login.remove();
    const anonymousToken = csrfCookie();
    expect(anonymousToken, 'the login page set a CSRF cookie').to.be.a('string');

    const frame = await signIn(user);

    expect(framePath(frame)).to.equal(SITE_PATHS.contact);
    // Django rotates the CSRF cookie at sign-in, in the same 302 that sets the session cookie.
    expect(csrfCookie()).to.be.a('string').and.not.equal(anonymousToken);
  });

  it('shows the contact page to the signed-in user, its element upgraded, axe-clean', async () => {
    const frame = await openSitePage(SITE_PATHS.contact);

    expect(frameDocument(frame).querySelector('#user')!.closest('p')!.textContent).to.equal(`Signed in as ${user.username}`);
    const element = await upgradedButton(frame);
    expect(element.shadowRoot, 'its shadow root').not.to.equal(null);
    const meta = frameDocument(frame).querySelector<HTMLMetaElement>('meta[name="sync-notify-owner"]');
    expect(meta?.content, 'its layout says who is signed in').to.equal(user.username);
    expect(await axeViolations(frame)).to.deep.equal([]);
  });

  it('renders the variants its query asks for, and posts back to the same variant', async () => {
    const variant = `${SITE_PATHS.contact}?owner=none&enctype=urlencoded`;
    const html = await (await fetch(variant)).text();
    const page = new DOMParser().parseFromString(html, 'text/html');

    expect(page.querySelector('meta[name="sync-notify-owner"]')).to.equal(null);
    expect(page.querySelector('form')!.getAttribute('enctype')).to.equal(null);
    expect(page.querySelector('form')!.getAttribute('action')).to.equal(variant);
  });

  it('takes the page\'s own form submission: post/redirect/get to the thanks page, stored once for its author', async () => {
    const frame = await openSitePage(SITE_PATHS.contact);
    const page = frameDocument(frame);
    const form = page.querySelector('form')!;
    form.querySelector<HTMLInputElement>('[name="email"]')!.value = 'ada@example.com';
    form.querySelector<HTMLInputElement>('[name="subject"]')!.value = 'Hello';
    form.querySelector<HTMLTextAreaElement>('[name="message"]')!.value = 'From the smoke test';
    const bytes = new TextEncoder().encode('attached '.repeat(1000));
    const files = new DataTransfer();
    files.items.add(new File([bytes], 'note.txt', { type: 'text/plain' }));
    form.querySelector<HTMLInputElement>('[name="attachment"]')!.files = files.files;

    const landed = nextLoad(frame, 'the page after the submission');
    HTMLFormElement.prototype.submit.call(form);
    await landed;

    expect(framePath(frame)).to.equal(SITE_PATHS.thanks);
    const stored = await storedMessages(user.username);
    expect(stored).to.have.length(1);
    expect(stored[0]).to.deep.include({
      author: user.username,
      subject: 'Hello',
      email: 'ada@example.com',
      message: 'From the smoke test',
      attachmentName: 'note.txt',
      attachmentSize: bytes.length,
      attachmentSha256: await sha256Hex(bytes),
      idempotencyKey: '',
      posts: 1,
    });
  });

  it('shows the form again, status 200, when the subject is only spaces (a browser\'s `required` lets it through)', async () => {
    const response = await postContact({ email: 'ada@example.com', subject: '   ', message: 'Blank subject' });

    expect(response.status).to.equal(200);
    expect(response.redirected).to.equal(false);
    expect(await response.text()).to.include('errorlist');
    expect(await storedMessages(user.username)).to.have.length(1);
  });

  it('answers 503 with Retry-After: 1 during maintenance, and takes posts again after it', async () => {
    await setMaintenance(true, user.username);
    const refused = await postContact({ email: 'ada@example.com', subject: '   ', message: 'During maintenance' });
    expect(refused.status).to.equal(503);
    expect(refused.headers.get('Retry-After')).to.equal('1');

    await setMaintenance(false, user.username);
    expect((await postContact({ email: 'ada@example.com', subject: '   ', message: 'After maintenance' })).status).to.equal(200);
  });

  it('sends the browser to its login page once the session was ended on the server', async () => {
    await endSessions(user.username);

    const frame = await openSitePage(SITE_PATHS.contact);

    expect(framePath(frame)).to.equal(`${SITE_PATHS.login}?next=${SITE_PATHS.contact}`);
  });
});
