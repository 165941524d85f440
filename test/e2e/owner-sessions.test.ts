/**
 * The next person's cookies: a person's session can end on the server with no sign-out in this
 * browser, and the next person's sign-in then starts the site's worker (a navigation). The worker
 * must not send the last person's items with the new person's cookies: an owned item goes only
 * once a page of its app has said that owner is signed in since the worker started. In a file of
 * its own: the test page itself never says who is signed in, as no page of that person is open.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { listItems } from '../../src/page/outbox-list.js';
import { queueNotification } from '../../src/page/queue.js';
import { lastDeclaredOwner } from '../../src/page/outbox.js';
import { setOffline, shownNotifications, useHostWorker } from '../support/browser.js';
import { messagesEndpoint } from '../support/messages-endpoint.js';

/** What the site's page exposes to the test: its button, and the site's own script's queueApiCall. */
interface SitePage {
  button: SyncNotifyButton;
  queueApiCall: (input: Parameters<typeof queueApiCall>[0]) => ReturnType<typeof queueApiCall>;
}

/** A page of the site as it renders for `owner` (its button names them), in a frame: that person's tab. */
async function pageOf(owner: string): Promise<{ frame: HTMLIFrameElement; site: SitePage }> {
  const frame = document.createElement('iframe');
  frame.title = `the site as ${owner}`;
  frame.src = `/apps/site/?owner=${owner}`;
  document.body.append(frame);
  // contentDocument: null, not a throw, while the frame is between documents (Firefox).
  const site = () => (frame.contentDocument?.defaultView as unknown as { app?: SitePage } | undefined)?.app;
  await waitUntil(() => site()?.button.shadowRoot, `${owner}'s page never loaded`);
  return { frame, site: site()! };
}

/** Who the outbox says was declared last for the site's app (the root scope). */
const lastDeclared = () => lastDeclaredOwner(new URL('/', location.href).href);

const shown = (registration: ServiceWorkerRegistration, title: string) =>
  waitUntil(async () => (await shownNotifications(registration)).some((notification) => notification.title === title), `“${title}” was not shown`);

describe('the next person’s cookies', () => {
  useHostWorker({ script: '/test/fixtures/api-sw.js' });

  it('a worker that started after A’s page said so sends none of A’s items until a page says it again, whoever was declared last', async () => {
    const server = await messagesEndpoint();
    // A's tab says A is signed in; then the site's worker starts anew (for some other event:
    // here, its update), and hears nothing more from A's tab, which A closes once offline.
    const tabOfA = await pageOf('A');
    const started = await navigator.serviceWorker.register('/test/fixtures/api-sw.js?skip-waiting&started=again', { scope: '/' });
    await waitUntil(() => started.active?.scriptURL.endsWith('started=again') && started.active.state === 'activated', 'the worker never started again');
    await setOffline(true);
    await tabOfA.site.queueApiCall({ title: 'A’s message', body: 'b', owner: 'A', endpoint: server.endpoint });
    await queueNotification({ title: 'Anyone’s note', body: 'b' }, started);
    await waitUntil(async () => (await lastDeclared()) === 'A', 'A’s page never declared A');
    tabOfA.frame.remove();

    // A's session ends on the server, with no sign-out in this browser: A stays the one declared.
    // Back online, the worker delivers what is nobody's, and none of A's, whoever's cookies these are.
    await setOffline(false);
    await shown(started, 'Anyone’s note');
    expect(await server.received(), 'A’s message was not sent').to.deep.equal([]);
    expect((await listItems()).map(({ notification, owner }) => [notification.title, owner])).to.deep.equal([['A’s message', 'A']]);

    // B signs in, and B's page says B: still held. Then A signs in again, and A's page says A:
    // sent, saying whose it is for the server to check.
    (await pageOf('B')).frame.remove();
    await queueNotification({ title: 'Anyone’s second note', body: 'b' }, started);
    await shown(started, 'Anyone’s second note');
    expect(await server.received(), 'not under B either').to.deep.equal([]);
    await pageOf('A');
    await waitUntil(async () => (await server.received()).length === 1, 'A’s message was never sent once A’s page said A');
    expect((await server.received())[0].owner).to.equal('A');
  });
});
