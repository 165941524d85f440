/**
 * The run's Django site (test/support/django.mjs, test/support/django-site/), as a test uses it:
 * its users, its pages in frames of the test page (the same origin, under /django/), and what the
 * server stored. The server commands go from the runner to Django directly: they work while the
 * browser is offline.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';

export interface SiteUser {
  username: string;
  password: string;
}

/** A message as the site stored it (contact.models.Message). */
export interface StoredMessage {
  author: string;
  subject: string;
  email: string;
  message: string;
  /** Empty, and the size null, when the message came without a file. */
  attachmentName: string;
  attachmentSize: number | null;
  attachmentSha256: string;
  /** The request's Idempotency-Key header; empty when it had none. */
  idempotencyKey: string;
  /** How many valid posts carried that key: the first stored the message, each later one was only counted. 1 without a key. */
  posts: number;
  receivedAt: string;
}

export const SITE_PATHS = {
  login: '/django/accounts/login/',
  contact: '/django/contact/',
  thanks: '/django/contact/thanks/',
} as const;

/** A new user of the site, with a name no other test has. */
export async function createUser(): Promise<SiteUser> {
  return (await executeServerCommand<SiteUser, undefined>('django:create-user'))!;
}

/** Ends every session of the user on the server, as "sign out everywhere" or an expiry does; the browser keeps its cookie. */
export async function endSessions(username: string): Promise<void> {
  await executeServerCommand('django:end-sessions', { username });
}

/** The user's messages as the site stored them, oldest first. */
export async function storedMessages(username: string): Promise<StoredMessage[]> {
  return (await executeServerCommand<StoredMessage[], { username: string }>('django:messages', { username }))!;
}

/** A post to the contact page as the site's access log has it: its answer, and whose session it came under. */
export interface LoggedPost {
  status: number;
  /** The username of the session it came under; empty without one. */
  sessionOf: string;
  /** Its Sync-Notify-Owner header (percent-encoded); empty without one. */
  owner: string;
  idempotencyKey: string;
}

/** The posts to the contact page that came under `username`'s session, oldest first, with their answers. */
export async function postsUnder(username: string): Promise<LoggedPost[]> {
  return (await executeServerCommand<LoggedPost[], { username: string }>('django:posts', { username }))!;
}

/**
 * Answers every POST under /django/contact/ with 503 and `Retry-After: 1`, as a site being deployed
 * does, or stops. Give the test's user: the three browsers share the site, and without a username
 * the maintenance is the whole site's, which the other browsers' tests meet too.
 */
export async function setMaintenance(on: boolean, username?: string): Promise<void> {
  await executeServerCommand('django:maintenance', { on, username });
}

/** Resolves at the frame's next load (a page shown, after any redirects), or fails after 10 s naming `what`. */
export async function nextLoad(frame: HTMLIFrameElement, what: string): Promise<void> {
  let loaded = false;
  // A new frame's first document is about:blank, whose load some engines announce too.
  const onLoad = () => {
    if (frame.contentWindow?.location.href === 'about:blank') return;
    loaded = true;
    frame.removeEventListener('load', onLoad);
  };
  frame.addEventListener('load', onLoad);
  await waitUntil(() => loaded, `${what} never loaded`);
}

/** Opens a page of the site in a frame appended to the test page; resolves with the frame once it loaded. */
export async function openSitePage(path: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = `the Django site: ${path}`;
  frame.src = path;
  const load = nextLoad(frame, path);
  document.body.append(frame);
  await load;
  return frame;
}

/** The document the frame shows now. */
export const frameDocument = (frame: HTMLIFrameElement): Document => frame.contentDocument!;

/** Where the frame is now: path and query, as the site's URLs are written. */
export function framePath(frame: HTMLIFrameElement): string {
  const { pathname, search } = frame.contentWindow!.location;
  return pathname + search;
}

/**
 * Signs in as a person does: opens the login page (`next`, the page to land on, when given), types
 * the username and password, presses the submit button, and resolves with the frame once the page
 * the site sent them to has loaded (LOGIN_REDIRECT_URL, /django/contact/, without `next`).
 */
export async function signIn(user: SiteUser, { next }: { next?: string } = {}): Promise<HTMLIFrameElement> {
  const frame = await openSitePage(`${SITE_PATHS.login}${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  const page = frameDocument(frame);
  page.querySelector<HTMLInputElement>('input[name="username"]')!.value = user.username;
  page.querySelector<HTMLInputElement>('input[name="password"]')!.value = user.password;
  const landed = nextLoad(frame, `the page after signing in as ${user.username}`);
  page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await landed;
  if (framePath(frame).startsWith(SITE_PATHS.login)) throw new Error(`signing in as ${user.username} failed: still on ${framePath(frame)}`);
  return frame;
}

/** The page's `<sync-notify-button>` once the element's script (a script tag of the page) has upgraded it. */
export async function upgradedButton(frame: HTMLIFrameElement): Promise<SyncNotifyButton> {
  const found = () => frameDocument(frame).querySelector<SyncNotifyButton>('sync-notify-button');
  await waitUntil(() => found()?.shadowRoot, `the <sync-notify-button> of ${framePath(frame)} was never upgraded`);
  const element = found()!;
  await element.updateComplete;
  return element;
}

/** What these checks use of axe-core's API (axe-core comes with @open-wc/testing). */
interface Axe {
  run(context: { include: Node[]; exclude: string[][] }, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
}

/**
 * axe's violations in the framed page, the element's shadow root included, run inside it: axe
 * looks at the document it was loaded into, and open-wc's `accessible()` at the test page's.
 */
export async function axeViolations(frame: HTMLIFrameElement): Promise<string[]> {
  const page = frameDocument(frame);
  const { axe } = frame.contentWindow as unknown as { axe?: Axe };
  if (!axe) {
    const script = page.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    page.head.append(script);
    await loaded;
  }
  const { violations } = await (frame.contentWindow as unknown as { axe: Axe }).axe.run(
    { include: [page.documentElement], exclude: [] },
    {},
  );
  return violations.map(({ id, nodes }) => `${id}: ${nodes.map(({ target }) => target.join(' ')).join(', ')}`);
}
