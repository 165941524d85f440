/**
 * Whose outbox, on a site that loads only the dist files by script tag: sign-out without npm, each
 * app's outbox element its own, and a notification that opens only what the site meant.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import type { SyncNotifyOutbox } from '../../src/sync-notify-outbox.js';
import type { OutboxItem } from '../../src/page/outbox.js';
import { countItems } from '../../src/page/outbox.js';
import { listItems } from '../../src/page/outbox-list.js';
import { queueNotification } from '../../src/page/queue.js';
import { openOutbox } from '../../src/shared/open-outbox.js';
import { setOffline, shownNotifications, useHostWorker, waitForNotifications } from '../support/browser.js';

interface ScriptTagSite extends Window {
  siteReady?: boolean;
  site: {
    clearOutbox: (options?: { scope?: string }) => Promise<{ items: number; failures: number }>;
    listItems: () => Promise<OutboxItem[]>;
    clearFromElement: () => Promise<{ items: number; failures: number }>;
    setOwner: (owner: string | null) => Promise<number>;
  };
}

async function openSite(): Promise<{ frame: HTMLIFrameElement; site: ScriptTagSite }> {
  const frame = document.createElement('iframe');
  frame.title = 'a site that loads only the dist files';
  frame.src = '/test/fixtures/script-tag-site.html';
  document.body.append(frame);
  const site = () => frame.contentWindow as ScriptTagSite;
  await waitUntil(() => site()?.siteReady, 'the script-tag site never loaded');
  return { frame, site: site() };
}

/** Clicks a button of the site as its user would, and waits for the item to be stored. */
async function press(site: ScriptTagSite, selector = 'sync-notify-button'): Promise<SyncNotifyButton> {
  const element = site.document.querySelector<SyncNotifyButton>(selector)!;
  await element.updateComplete;
  const settled = new Promise((resolve) => {
    element.addEventListener('sync-notify-queued', resolve, { once: true });
    element.addEventListener('sync-notify-error', resolve, { once: true });
  });
  element.shadowRoot!.querySelector('button')!.click();
  await settled;
  return element;
}

/** Items of another app of the origin, written as its pages would have. */
async function queueForAnotherApp(title: string): Promise<void> {
  const db = await openOutbox();
  const transaction = db.transaction('items', 'readwrite');
  const now = Date.now();
  transaction.objectStore('items').add({ id: crypto.randomUUID(), queuedAt: now, expiresAt: now + 60_000, scope: `${location.origin}/app2/`, notification: { title, body: 'b' } });
  await new Promise((resolve) => (transaction.oncomplete = resolve));
}

const listed = (outbox: SyncNotifyOutbox) =>
  [...outbox.shadowRoot!.querySelectorAll('[part~="item"] [part="title"]')].map((title) => title.textContent!.trim());

describe('a site that loads only the dist files by script tag', () => {
  const host = useHostWorker();

  it('runs one copy of Lit and of the shared code: the two files import the chunks the build counted, and both elements work', async () => {
    const { frame, site } = await openSite();
    const lit = site as unknown as Record<'litElementVersions' | 'reactiveElementVersions' | 'litHtmlVersions', string[]>;
    // Each copy of Lit's three packages adds its version as it loads: two copies, two entries.
    expect([lit.litElementVersions.length, lit.reactiveElementVersions.length, lit.litHtmlVersions.length]).to.deep.equal([1, 1, 1]);
    // What the page fetched from dist/ is what the build says a page with these two files pays for, each once.
    const { pages } = (await (await fetch('/dist/sizes.json')).json()) as { pages: Record<string, { files: string[] }> };
    const fetched = site.performance
      .getEntriesByType('resource')
      .map(({ name }) => new URL(name).pathname.slice(1))
      .filter((path) => path.startsWith('dist/'));
    expect([...fetched].sort()).to.deep.equal([...pages['dist/sync-notify-button.js + dist/sync-notify-outbox.js'].files].sort());
    // Both elements work on the one copy: the outbox element lists the button's press and takes it back.
    await setOffline(true);
    await press(site);
    const outbox = site.document.querySelector<SyncNotifyOutbox>('sync-notify-outbox')!;
    await waitUntil(() => listed(outbox).length === 1, 'the outbox element did not list the press');
    outbox.shadowRoot!.querySelector<HTMLButtonElement>('[part~="item"] button[aria-label^="Cancel"]')!.click();
    await waitUntil(async () => (await countItems()) === 0, 'Cancel did not take the item back');
    frame.remove();
  });

  it('signs the user out with clearOutbox from the dist module: nothing queued before it is shown', async () => {
    const { frame, site } = await openSite();
    await setOffline(true);
    await press(site);
    await press(site);
    expect(await countItems()).to.equal(2);
    expect(await site.site.clearOutbox()).to.deep.equal({ items: 2, failures: 0 });
    expect(await countItems()).to.equal(0);
    // The next user queues after the sign-out; once theirs is shown, no flush can still show the others.
    await queueNotification({ title: 'After sign-out', body: 'b' }, host.registration);
    await setOffline(false);
    await waitForNotifications(host.registration, 1);
    expect((await shownNotifications(host.registration)).map(({ title }) => title)).to.deep.equal(['After sign-out']);
    frame.remove();
  });

  it('signs out through the outbox element’s clear(), of its own app only', async () => {
    const { frame, site } = await openSite();
    await setOffline(true);
    await press(site);
    await queueForAnotherApp('Another app’s message');
    expect(await site.site.clearFromElement()).to.deep.equal({ items: 1, failures: 0 });
    expect((await listItems()).map(({ notification }) => notification.title)).to.deep.equal(['Another app’s message']);
    expect(await site.site.clearOutbox({ scope: 'all' })).to.deep.equal({ items: 1, failures: 0 });
    frame.remove();
  });

  it('lists and cancels only its own app’s items in <sync-notify-outbox>, every app’s with scope="all"', async () => {
    const { frame, site } = await openSite();
    await setOffline(true);
    await queueForAnotherApp('Another app’s message');
    await press(site);
    const outbox = site.document.querySelector<SyncNotifyOutbox>('sync-notify-outbox')!;
    // The read that lists the item read the other app's too, stored before it.
    await waitUntil(() => listed(outbox).length === 1, 'the outbox element did not list its own item');
    expect(listed(outbox)).to.deep.equal(['Queued before sign-out']);
    outbox.scope = 'all';
    await waitUntil(() => listed(outbox).length === 2, 'scope="all" did not list every app’s items');
    expect(listed(outbox)).to.deep.equal(['Another app’s message', 'Queued before sign-out']);
    frame.remove();
  });

  it('never shows user A’s item under user B, and shows it when A signs in again', async () => {
    const { frame, site } = await openSite();
    // Offline first: the button's declaration asks the worker to deliver, and a request made
    // online, handled once the test had gone offline, showed A's note under A (a loaded run).
    await setOffline(true);
    // User A signs in: the page renders A's button, whose owner attribute declares A.
    const template = site.document.querySelector<HTMLTemplateElement>('#signed-in')!;
    site.document.body.append(template.content.cloneNode(true));
    const owned = await press(site, '#owned');
    expect(owned.state).to.equal('queued');
    await site.site.setOwner('user-b');
    await queueNotification({ title: 'Anyone’s note', body: 'b' }, host.registration);
    await setOffline(false);
    await waitUntil(async () => (await shownNotifications(host.registration)).length > 0, 'nothing was shown');
    expect((await shownNotifications(host.registration)).map(({ title }) => title)).to.deep.equal(['Anyone’s note']);
    expect((await listItems()).map(({ notification }) => notification.title)).to.deep.equal(['User A’s message']);
    await site.site.setOwner('user-a');
    await waitUntil(async () => (await countItems()) === 0, 'A’s item was not delivered when A signed in again');
    await site.site.setOwner(null);
    frame.remove();
  });

  it('refuses a notification url on another origin unless the author allowed it', async () => {
    const { frame, site } = await openSite();
    await setOffline(true);
    const refused = await press(site, '#elsewhere');
    expect(refused.state).to.equal('error');
    expect(refused.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal('This button is not set up correctly, so nothing was queued.');
    const allowed = await press(site, '#allowed');
    expect(allowed.state).to.equal('queued');
    expect((await listItems()).map(({ notification }) => notification.url)).to.deep.equal(['https://elsewhere.example/']);
    frame.remove();
  });
});
