/**
 * A real private window: Chromium's incognito browser context, Firefox's private browsing. Its
 * outbox lives in the window's session and ends with it, so what was queued offline and not yet
 * sent is lost when the window closes. The element cannot tell a private window apart (browsers
 * hide it), but it can tell the host the outbox is not persistent, and it must still deliver
 * while the window stays open.
 */
import { expect } from '@open-wc/testing';
import { privateWindowKind, skipBecause } from '../support/browser.js';
import { openPrivateWindow, type PrivateWindow } from '../support/private-window.js';

describe('a private window', function () {
  // Firefox starts a browser of its own for each private session.
  this.timeout(60_000);
  let privateWindow: PrivateWindow | undefined;
  let kind: Awaited<ReturnType<typeof privateWindowKind>>;

  beforeEach(async function () {
    kind = await privateWindowKind();
    if (!kind) skipBecause(this, 'the WebKit driven here opens no private (ephemeral) session');
  });

  afterEach(async () => {
    await privateWindow?.close();
    privateWindow = undefined;
  });

  it('queues a click made offline, tells the host the outbox is not persistent, and delivers it on reconnect', async () => {
    privateWindow = await openPrivateWindow(['notifications', 'background-sync']);
    await privateWindow.offline(true);
    await privateWindow.press();
    const queued = await privateWindow.after('sync-notify-queued');
    const [event] = queued.heard;
    // Asked for persistence while queuing offline, the browser declined: the window's storage ends with it.
    expect(event).to.deep.include({ type: 'sync-notify-queued' });
    expect(event.detail.persistent).to.equal(false);
    expect(queued.state).to.equal('queued');
    expect(queued.status).to.match(/^“Written in private” queued — will be sent when you are back online\./);
    const waiting = await privateWindow.kept();
    expect(waiting).to.deep.include({ waiting: 1, persisted: false, shown: [] });
    // Chromium's incognito has Background Sync: the delivery waits as a sync, not only on this page.
    if (kind === 'incognito-context') expect(waiting.syncTags).to.deep.equal(['sync-notify-outbox']);

    await privateWindow.offline(false);
    const delivered = await privateWindow.after('sync-notify-delivered');
    expect(delivered.heard.map(({ type, detail }) => [type, detail.id])).to.deep.equal([
      ['sync-notify-queued', event.detail.id],
      ['sync-notify-delivered', event.detail.id],
    ]);
    expect(delivered.state).to.equal('sent');
    expect(delivered.status).to.equal('“Written in private” sent.');
    expect(await privateWindow.kept()).to.deep.include({ waiting: 0, shown: ['Written in private'] });
  });

  it('loses what still waits when it closes: the next private window finds no item and no worker', async () => {
    privateWindow = await openPrivateWindow(['notifications', 'background-sync']);
    await privateWindow.offline(true);
    await privateWindow.press();
    expect((await privateWindow.after('sync-notify-queued')).heard[0].detail.persistent).to.equal(false);
    expect((await privateWindow.kept()).waiting).to.equal(1);
    await privateWindow.close();

    // Chromium: a new incognito context of the same browser; Firefox: a new private session of the same profile.
    privateWindow = await openPrivateWindow(['notifications', 'background-sync']);
    expect(await privateWindow.kept()).to.deep.include({ waiting: 0, shown: [], foundWorker: false });
  });

  it('in Chromium, which refuses notifications off the record, queues nothing and says they are blocked', async function () {
    if (kind !== 'incognito-context') skipBecause(this, 'Firefox asks in a private window as in any other (a prompt a headless run cannot answer)');
    privateWindow = await openPrivateWindow();
    await privateWindow.press();
    // Chromium answers "denied" 1 to 2 s after the request, as a person would, so that sites cannot tell incognito.
    const refused = await privateWindow.after('sync-notify-error');
    expect(refused.heard.map(({ type, detail }) => [type, detail.reason])).to.deep.equal([['sync-notify-error', 'permission-denied']]);
    expect(refused.state).to.equal('denied');
    // Only this first sentence holds: Chromium's site settings offer no "Allow" for notifications off
    // the record (notification_permission_context.cc), so the advice after it cannot be followed.
    expect(refused.alert).to.match(/^Notifications are blocked for this site\./);
    expect((await privateWindow.kept()).waiting).to.equal(0);
  });
});
