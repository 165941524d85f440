/**
 * The site's own service worker, as a host really runs it: replaced while items wait, slow to
 * activate, one per app under different scopes of one origin, or missing the library's line. The
 * host's lifecycle never waits on delivery, each app delivers only its own items, and a worker
 * without the line is named to the developer rather than reported as sending.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-api-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { countItems } from '../../src/page/outbox.js';
import { listItems } from '../../src/page/outbox-list.js';
import { storeNotification } from '../../src/page/queue.js';
import { FLUSH_REQUEST } from '../../src/shared/protocol.js';
import {
  closeNotifications,
  deliveriesOver,
  listenToOutbox,
  openHostPage,
  outboxEmptied,
  registerHostWorker,
  resetOrigin,
  setPermissions,
  shownItemIds,
  unregisterWorkers,
  useHostWorker,
  waitForNotifications,
} from '../support/browser.js';
import { clickAndWaitError, errorText, statusText } from '../support/element.js';

describe("the host's worker lifecycle", () => {
  before(() => setPermissions('notifications', 'background-sync'));
  afterEach(async () => {
    await resetOrigin();
    await unregisterWorkers();
  });

  it('activates a replacing worker at once while items wait, and then delivers every one', async () => {
    const first = await registerHostWorker('/test/fixtures/classic-sw.js');
    // Queued with nobody told, as by a page closed before the site's worker was updated.
    const items = [];
    for (let index = 1; index <= 3; index += 1) items.push(await storeNotification({ title: `Waiting ${index}`, body: 'b' }));

    const started = performance.now();
    const replaced = await navigator.serviceWorker.register('/test/fixtures/classic-sw.js?version=2', { scope: '/' });
    await waitUntil(() => replaced.active?.scriptURL.endsWith('version=2') && replaced.active.state === 'activated', 'the new worker never activated', {
      timeout: 15_000,
      interval: 20,
    });
    const activationMs = performance.now() - started;
    console.log(`worker replaced with 3 items waiting: activated in ${Math.round(activationMs)} ms`);
    // A show begun before activation would keep the worker `activating` in Chromium for about 5
    // minutes, every navigation waiting on it.
    expect(activationMs).to.be.below(2_500);

    const page = await openHostPage();
    page.remove();
    await waitForNotifications(first, 3);
    expect((await shownItemIds(first)).sort()).to.deep.equal(items.map((item) => item.id).sort());
    await outboxEmptied();
  });
  it("holds no other app's delivery while the host's own activate takes its time", async () => {
    const app2 = await registerHostWorker('/test/fixtures/classic-sw.js', '/app2/');
    const fromApp1 = await storeNotification({ title: 'App 1', body: 'b' }, undefined, { scope: new URL('/app1/', location.href).href });
    const fromApp2 = await storeNotification({ title: 'App 2', body: 'b' }, undefined, { scope: app2.scope });

    const lifecycle = new BroadcastChannel('slow-lifecycle');
    const activating = new Promise((resolve) => (lifecycle.onmessage = ({ data }) => data.activating?.endsWith('/app1/') && resolve(data)));
    const app1 = await navigator.serviceWorker.register('/test/fixtures/slow-lifecycle-sw.js?activate-ms=4000', { scope: '/app1/' });
    await waitUntil(() => app1.active?.state === 'activating', 'app1 never began to activate', { interval: 10 });
    // Said by the host's activate listener, after the library's start and any listener of its own:
    // a delivery app1's worker began by then would keep its show waiting for the activation in
    // Chromium, with the origin's delivery lock held, and app2's delivery behind it.
    await activating;
    lifecycle.close();
    const asked = performance.now();
    app2.active!.postMessage(FLUSH_REQUEST);
    await waitForNotifications(app2, 1);
    console.log(`app2's notification, while app1's activate takes 4 s: shown ${Math.round(performance.now() - asked)} ms after asking`);
    expect(app1.active!.state, "app2's notification waited for app1's activation").to.equal('activating');
    expect(await shownItemIds(app2)).to.deep.equal([fromApp2.id]);

    await waitUntil(() => app1.active?.state === 'activated', 'app1 never activated');
    await waitForNotifications(app1, 1);
    expect(await shownItemIds(app1)).to.deep.equal([fromApp1.id]);
    await outboxEmptied();
    await closeNotifications(app1);
    await closeNotifications(app2);
  });

  it('delivers what waited for a new app once its first worker is activated, with no other trigger', async () => {
    const scope = new URL('/app3/', location.href).href;
    const waiting = await storeNotification({ title: 'Before the worker', body: 'b' }, undefined, { scope });
    // Its install takes a second: the worker's start trigger comes while no worker of the app is active.
    const app3 = await navigator.serviceWorker.register('/test/fixtures/slow-lifecycle-sw.js?install-ms=1000&activate-ms=0', { scope });
    await waitUntil(() => app3.active?.state === 'activated', 'app3 never activated');
    // Firefox has no self.serviceWorker to wait on: a show at install would be refused (no active
    // worker), and the item kept until some page asked again.
    await waitForNotifications(app3, 1);
    expect(await shownItemIds(app3)).to.deep.equal([waiting.id]);
    await outboxEmptied();
    await closeNotifications(app3);
  });
});

describe('apps under different scopes of one origin', () => {
  before(() => setPermissions('notifications'));
  after(async () => {
    await resetOrigin();
    await setPermissions('notifications', 'background-sync');
    await unregisterWorkers();
  });

  it("has each app's worker deliver only the items its own pages queued", async () => {
    const app1 = await registerHostWorker('/test/fixtures/classic-sw.js', '/app1/');
    const app2 = await registerHostWorker('/test/fixtures/classic-sw.js', '/app2/');
    const fromApp1 = [
      await storeNotification({ title: 'App 1, first', body: 'b' }, undefined, { scope: app1.scope }),
      await storeNotification({ title: 'App 1, second', body: 'b' }, undefined, { scope: app1.scope }),
    ];
    const fromApp2 = await storeNotification({ title: 'App 2', body: 'b' }, undefined, { scope: app2.scope });

    const outbox = listenToOutbox();
    app1.active!.postMessage(FLUSH_REQUEST);
    await waitForNotifications(app1, 2);
    // Read under its lock, app1's two were shown by a flush now over: one that also took app2's item removed it from the outbox.
    await deliveriesOver();
    outbox.stop();
    expect(outbox.heard.filter(({ type }) => type === 'delivered').map(({ id }) => id)).to.not.include(fromApp2.id);
    expect((await shownItemIds(app1)).sort()).to.deep.equal(fromApp1.map((item) => item.id).sort());
    expect(await shownItemIds(app2)).to.deep.equal([]);
    // app1's worker shows only its own app's items: app2's waits for its own worker.
    expect((await listItems()).map((item) => item.id)).to.deep.equal([fromApp2.id]);

    app2.active!.postMessage(FLUSH_REQUEST);
    await waitForNotifications(app2, 1);
    expect(await shownItemIds(app2)).to.deep.equal([fromApp2.id]);
    await closeNotifications(app1);
    await closeNotifications(app2);
  });
});

describe("a host worker without the library's line", () => {
  useHostWorker({ script: '/test/fixtures/forgotten-sw.js' });

  it('stops saying "sending now", keeps the item, and tells the developer the missing line', async () => {
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="Forgotten" body="b"></sync-notify-button>`);
      const detail = await clickAndWaitError(element);
      expect(detail).to.deep.include({ reason: 'delivery-failed', problem: 'worker-silent' });
      await element.updateComplete;
      expect(statusText(element)).to.not.include('sending now');
      expect(errorText(element)).to.equal('The notification could not be shown yet. It stays queued.');
      expect(await countItems()).to.equal(1);
      expect(logged.flat().join(' ')).to.include("add importScripts('/sync-notify-sw.js')");
    } finally {
      console.error = consoleError;
    }
  });
});
