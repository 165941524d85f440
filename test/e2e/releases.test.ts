/**
 * Releases side by side (docs/delivery.md): after a deploy, a tab opened before it runs the
 * earlier release's element under this release's worker (a site that activates its new worker at
 * once), and a page loaded after it runs this release's element under the earlier worker (until
 * the new one, waiting, activates). Each pairing must queue, deliver once and say nothing false.
 * The earlier releases are this repository's own, built from git by scripts/previous-releases.mjs,
 * and loaded by their dist/ files, as a site loads them.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import type { SyncNotifyOutbox } from '../../src/sync-notify-outbox.js';
import type { SyncNotifyErrorDetail } from '../../src/sync-notify-button.component.js';
import type { OutboxAnnouncement } from '../../src/shared/protocol.js';
import { closeOutbox } from '../../src/shared/open-outbox.js';
import { OUTBOX_DATABASE, OWNERS_DATABASE } from '../../src/shared/outbox-schema.js';
import { countItems } from '../../src/page/outbox.js';
import { closeNotifications, listenToOutbox, outboxEmptied, requested, setOffline, setPermissions, shownNotifications } from '../support/browser.js';

/** Each earlier release, by the name scripts/previous-releases.mjs gives it, with what it does. */
const RELEASES: Record<string, { workerAnswers: boolean }> = await (await fetch('/test/fixtures/previous-releases/releases.json')).json();

/** Where the releases' workers are registered: their pages only, never this test page. */
const SCOPE = '/test/fixtures/';

/** What a page of the site exposes to the test (test/fixtures/release-page.html). */
interface ReleasePage {
  button: SyncNotifyButton;
  outbox?: SyncNotifyOutbox;
  warnings: string[];
  errors: SyncNotifyErrorDetail[];
}

interface Tab {
  frame: HTMLIFrameElement;
  page: ReleasePage;
  /** The script of the worker that controls the tab. */
  controller: () => string | undefined;
}

/** Registers the site's worker of `release` (a deploy of it), and waits until it is installed: active, or waiting for the tabs of the one before. */
async function deploy(release: string): Promise<ServiceWorkerRegistration> {
  const script = `/test/fixtures/release-sw.js?release=${release}&claim`;
  const registration = await navigator.serviceWorker.register(script, { scope: SCOPE });
  const installed = () => [registration.active, registration.waiting].find((worker) => worker?.scriptURL.endsWith(script));
  await waitUntil(() => installed()?.state === 'activated' || installed()?.state === 'installed', `the worker of ${release} never installed`);
  return registration;
}

/** A tab of the site running the element of `release`. */
async function openTab(release: string, { outbox = false } = {}): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.title = `a tab of the ${release} release`;
  frame.src = `${SCOPE}release-page.html?release=${release}${outbox ? '&outbox' : ''}`;
  document.body.append(frame);
  const view = () => frame.contentWindow as (Window & { page?: ReleasePage }) | null;
  await waitUntil(() => view()?.page?.button.shadowRoot?.querySelector('button'), `the ${release} page never loaded`);
  return { frame, page: view()!.page!, controller: () => view()?.navigator.serviceWorker.controller?.scriptURL };
}

/** Presses a tab's button as its user would; resolves with the queued item's id. */
async function press({ page }: Tab): Promise<string> {
  const queued = new Promise<string>((resolve, reject) => {
    page.button.addEventListener('sync-notify-queued', (event) => resolve((event as CustomEvent<{ item: { id: string } }>).detail.item.id), { once: true });
    page.button.addEventListener('sync-notify-error', (event) => reject(new Error((event as CustomEvent<SyncNotifyErrorDetail>).detail.message)), { once: true });
  });
  page.button.shadowRoot!.querySelector('button')!.click();
  return queued;
}

const titles = (outbox: SyncNotifyOutbox) =>
  [...outbox.shadowRoot!.querySelectorAll('[part~="item"] [part="title"]')].map((title) => title.textContent!.trim());

/** How many times each item was delivered, by whoever delivered it: each delivery says so once. */
function countDeliveries(): { of: (id: string) => number; stop: () => void } {
  const { heard, stop } = listenToOutbox();
  const of = (id: string) => heard.filter((announcement: OutboxAnnouncement) => announcement.type === 'delivered' && announcement.id === id).length;
  return { of, stop };
}

/** Waits until `title` is on screen, then says how many of the site's notifications bear it. */
async function shownOnce(registration: ServiceWorkerRegistration, title: string): Promise<number> {
  const bearing = async () => (await shownNotifications(registration)).filter((notification) => notification.title === title).length;
  await waitUntil(async () => (await bearing()) > 0, `“${title}” was not shown`);
  return bearing();
}

const olderWorkerWarnings = ({ page }: Tab) => page.warnings.filter((warning) => warning.includes('worker file of an earlier release'));

/** Deletes a database once every connection let it go (each release closes on `versionchange`). */
const deleteDatabase = (name: string) => requested(indexedDB.deleteDatabase(name));

describe('releases side by side', () => {
  let tabs: Tab[] = [];
  const open = async (release: string, options?: { outbox?: boolean }) => {
    const tab = await openTab(release, options);
    tabs.push(tab);
    return tab;
  };
  let deliveries: ReturnType<typeof countDeliveries>;

  before(() => setPermissions('notifications', 'background-sync'));
  beforeEach(() => (deliveries = countDeliveries()));
  // Each test starts from a first visit: no worker, no outbox, no database of owners.
  afterEach(async () => {
    deliveries.stop();
    await setOffline(false);
    tabs.forEach(({ frame }) => frame.remove());
    tabs = [];
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      await closeNotifications(registration);
      await registration.unregister();
    }
    await closeOutbox();
    await deleteDatabase(OUTBOX_DATABASE);
    await deleteDatabase(OWNERS_DATABASE);
  });

  for (const [release, { workerAnswers }] of Object.entries(RELEASES)) {
    describe(`with the ${release} release`, () => {
      it(`a tab of the ${release} release queues offline, and this release's worker, activated at once, delivers it once`, async () => {
        await deploy(release);
        const earlierTab = await open(release);
        // The deploy: this release's worker waits for the tab, until told to skip waiting. A page
        // of this release, loaded meanwhile, is under the earlier worker until then.
        const registration = await deploy('current');
        expect(registration.waiting?.scriptURL, 'this release’s worker waits for the tab').to.include('release=current');
        const { page } = await open('current', { outbox: true });

        await setOffline(true);
        const id = await press(earlierTab);
        registration.waiting!.postMessage({ type: 'SKIP_WAITING' });
        await waitUntil(() => earlierTab.controller()?.includes('release=current'), 'this release’s worker never took over the tab');
        // This release's outbox lists what the earlier one queued.
        await waitUntil(() => titles(page.outbox!).includes(earlierTab.page.button.title), 'this release’s outbox never listed the earlier tab’s item');

        await setOffline(false);
        expect(await shownOnce(registration, earlierTab.page.button.title)).to.equal(1);
        await outboxEmptied();
        await waitUntil(() => earlierTab.page.button.state === 'sent', `the earlier tab's button says ${earlierTab.page.button.state}, not sent`);
        await waitUntil(() => titles(page.outbox!).length === 0, 'this release’s outbox still lists it');
        expect(deliveries.of(id), 'deliveries of the item').to.equal(1);
        expect([...earlierTab.page.errors, ...page.errors], 'errors either tab reported').to.deep.equal([]);
        expect(page.warnings, 'warnings in the page of this release').to.deep.equal([]);
      });

      it(`a page of this release, under the ${release} worker, is delivered at once online, and offline on reconnect, once each`, async () => {
        await deploy(release);
        const earlierTab = await open(release);
        // The deploy: this release's worker waits, for as long as the earlier tab stays open.
        const registration = await deploy('current');
        const tab = await open('current', { outbox: true });
        expect(tab.controller(), 'the page of this release is under the earlier worker').to.include(`release=${release}`);

        const online = await press(tab);
        expect(await shownOnce(registration, tab.page.button.title)).to.equal(1);
        await waitUntil(() => tab.page.button.state === 'sent', `the button says ${tab.page.button.state} online, not sent`);
        await closeNotifications(registration);

        // Offline, this page queues one and the earlier tab another; the person takes the earlier
        // one back in this release's outbox; only this page's is delivered on reconnect.
        await setOffline(true);
        const offline = await press(tab);
        const takenBack = await press(earlierTab);
        await waitUntil(() => titles(tab.page.outbox!).length === 2, 'this release’s outbox never listed both');
        tab.page.outbox!.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="Cancel: ${earlierTab.page.button.title}"]`)!.click();
        await waitUntil(async () => (await countItems()) === 1, 'the earlier tab’s item was not taken back');
        await setOffline(false);
        expect(await shownOnce(registration, tab.page.button.title)).to.equal(1);
        await outboxEmptied();
        await waitUntil(() => tab.page.button.state === 'sent', `the button says ${tab.page.button.state} on reconnect, not sent`);

        expect(registration.waiting?.scriptURL, 'this release’s worker still waits').to.include('release=current');
        expect([online, offline, takenBack].map(deliveries.of), 'deliveries of each item').to.deep.equal([1, 1, 0]);
        expect((await shownNotifications(registration)).map(({ title }) => title)).to.deep.equal([tab.page.button.title]);
        expect([...tab.page.errors, ...earlierTab.page.errors], 'errors either tab reported').to.deep.equal([]);
        // Said once, for two presses and a reconnect; by a worker that answers at all.
        expect(olderWorkerWarnings(tab), 'the console warning of an older worker').to.have.length(workerAnswers ? 1 : 0);
      });
    });
  }
});
