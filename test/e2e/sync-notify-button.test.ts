/** The element as a user and a host page meet it: rendering, attributes, states, events, a11y. */
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/sync-notify-button.js';
import { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { closeOutbox, countItems } from '../../src/page/outbox.js';
import { emulateForcedColors, hideAndShowPage, registerHostWorker, resetOrigin, setPermissions, unregisterWorkers } from '../support/browser.js';
import { buttonOf, clickAndWaitError, errorText, statusText } from '../support/element.js';

/** The denied guidance says where the setting is in the browser at hand. */
const DENIED_TEXT = `Notifications are blocked for this site. Allow them ${
  /Firefox\/|Chrome\//.test(navigator.userAgent) ? 'under the icon at the left of the address bar' : "in the browser's site settings"
}.`;

/**
 * Loads the built element into a same-origin frame whose environment `setUp` (a script run first)
 * changed, clicks it, and reports the error event and what is on screen.
 */
async function clickInFrame(setUp: string, attributes = 'title="t" body="b"', { sandboxed = false } = {}) {
  const frame = document.createElement('iframe');
  frame.title = 'page under test';
  if (sandboxed) frame.sandbox.add('allow-scripts');
  frame.srcdoc = `
    <html lang="en"><body>
      <sync-notify-button ${attributes}>Send</sync-notify-button>
      <script type="module">
        const logged = [];
        console.error = (...args) => logged.push(args.map(String).join(' '));
        ${setUp}
        // A file that fails to load says so, rather than leaving the test to time out.
        await import('${new URL('/dist/sync-notify-button.js', location.href).href}').catch((error) => {
          parent.postMessage({ loadError: String(error) }, '*');
          throw error;
        });
        const element = document.querySelector('sync-notify-button');
        await element.updateComplete;
        element.addEventListener('sync-notify-error', async ({ detail }) => {
          await element.updateComplete;
          const onScreen = element.shadowRoot.querySelector('[part="error"]').textContent.trim();
          parent.postMessage({ detail, onScreen, state: element.getAttribute('state'), logged }, '*');
        });
        element.shadowRoot.querySelector('button').click();
      </script>
    </body></html>`;
  const report = new Promise<{
    detail: { reason: string; message: string; problem?: unknown };
    onScreen: string;
    state: string;
    logged: string[];
  }>(
    (resolve, reject) => {
      const settle = ({ data }: MessageEvent) => {
        if (data?.loadError) reject(new Error(`the frame could not load the element: ${data.loadError}`));
        if (data?.detail || data?.loadError) removeEventListener('message', settle);
        if (data?.detail) resolve(data);
      };
      addEventListener('message', settle);
    },
  );
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

/**
 * An iPhone's Safari, as far as the element can tell: its user agent and touch points. No iOS
 * device drives tests here, so a real browser's frame is made to match before the element loads.
 */
const AS_AN_IPHONE = `
  Object.defineProperty(navigator, 'userAgent', { value: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1' });
  Object.defineProperty(navigator, 'maxTouchPoints', { value: 5 });`;

describe('<sync-notify-button>', () => {
  before(unregisterWorkers);
  beforeEach(resetOrigin);
  afterEach(() => setPermissions('notifications', 'background-sync'));

  describe('rendering', () => {
    it('is defined and labelled by its slot', async () => {
      const element = await fixture<SyncNotifyButton>(
        html`<sync-notify-button title="t" body="b">Send it</sync-notify-button>`,
      );
      expect(element).to.be.instanceOf(SyncNotifyButton);
      expect(buttonOf(element).assignedSlot).to.equal(null);
      const slot = element.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedNodes().map((node) => node.textContent).join('')).to.equal('Send it');
      expect(element.state).to.equal('idle');
      expect(element.getAttribute('state')).to.equal('idle');
    });

    it('falls back to a default label', async () => {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
      expect(buttonOf(element).textContent!.trim()).to.equal('Send notification');
    });

    it('exposes button, status and error parts with live regions', async () => {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
      const root = element.shadowRoot!;
      expect(root.querySelector('[part="button"]')!.tagName).to.equal('BUTTON');
      expect(root.querySelector('[part="status"]')!.getAttribute('role')).to.equal('status');
      expect(root.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
    });

    it('does not ask for permission on load', async () => {
      await setPermissions('background-sync');
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
      await aTimeout(50);
      expect(element.state).to.equal('idle');
      expect(errorText(element)).to.equal('');
    });
  });

  describe('attributes and properties', () => {
    it('reads every attribute into its property', async () => {
      const element = await fixture<SyncNotifyButton>(html`
        <sync-notify-button
          title="New message"
          body="Hello"
          icon="/icon.png"
          badge="/badge.png"
          tag="chat"
          url="/inbox"
          require-interaction
          silent
        ></sync-notify-button>
      `);
      expect(element.title).to.equal('New message');
      expect(element.body).to.equal('Hello');
      expect(element.icon).to.equal('/icon.png');
      expect(element.badge).to.equal('/badge.png');
      expect(element.tag).to.equal('chat');
      expect(element.url).to.equal('/inbox');
      expect(element.requireInteraction).to.equal(true);
      expect(element.silent).to.equal(true);
    });

    it('reflects every property to its attribute', async () => {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button></sync-notify-button>`);
      Object.assign(element, {
        title: 'T',
        body: 'B',
        icon: '/i.png',
        badge: '/b.png',
        tag: 'x',
        url: '/u',
        requireInteraction: true,
        silent: true,
        summary: true,
      });
      await element.updateComplete;
      expect(element.getAttribute('title')).to.equal('T');
      expect(element.getAttribute('body')).to.equal('B');
      expect(element.getAttribute('icon')).to.equal('/i.png');
      expect(element.getAttribute('badge')).to.equal('/b.png');
      expect(element.getAttribute('tag')).to.equal('x');
      expect(element.getAttribute('url')).to.equal('/u');
      expect(element.hasAttribute('require-interaction')).to.equal(true);
      expect(element.hasAttribute('silent')).to.equal(true);
      expect(element.hasAttribute('summary')).to.equal(true);
      element.silent = false;
      await element.updateComplete;
      expect(element.hasAttribute('silent')).to.equal(false);
    });
  });

  describe('invalid input', () => {
    it('refuses an empty title with an error on screen and an event, queuing nothing', async () => {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="  " body="b"></sync-notify-button>`);
      const detail = await clickAndWaitError(element);
      expect(detail.reason).to.equal('invalid-input');
      // A setup mistake: a neutral sentence on screen, the exact problem in the event and the console.
      expect(detail.message).to.equal('This button is not set up correctly, so nothing was queued.');
      expect(detail.problem).to.deep.equal({ kind: 'missing', field: 'title' });
      await element.updateComplete;
      expect(errorText(element)).to.equal(detail.message);
      expect(element.getAttribute('state')).to.equal('error');
      expect(element.getAttribute('reason')).to.equal('invalid-input');
      expect(await countItems()).to.equal(0);
    });

    it('refuses a missing body', async () => {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t"></sync-notify-button>`);
      expect((await clickAndWaitError(element)).problem).to.deep.equal({ kind: 'missing', field: 'body' });
    });

    it('refuses a url that is not http(s)', async () => {
      const element = await fixture<SyncNotifyButton>(
        html`<sync-notify-button title="t" body="b" url="javascript:alert(1)"></sync-notify-button>`,
      );
      const detail = await clickAndWaitError(element);
      expect(detail.reason).to.equal('invalid-input');
      expect(detail.problem).to.deep.equal({ kind: 'invalid-url', field: 'url', value: 'javascript:alert(1)' });
    });

    it('never puts markup from a refused attribute into the page', async () => {
      const markup = 'javascript:<img src=x onerror="window.injected=true">';
      const element = await fixture<SyncNotifyButton>(
        html`<sync-notify-button title="t" body="b" url=${markup}></sync-notify-button>`,
      );
      expect((await clickAndWaitError(element)).problem).to.deep.include({ value: markup });
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as { injected?: boolean }).injected).to.equal(undefined);
    });
  });

  describe('keyboard', () => {
    // Asserted on the denied path: once a notification is on screen, headless Firefox's alert
    // window holds window focus and swallows a synthetic Space.
    it('activates on Enter and on Space after Tab focuses the button', async () => {
      await setPermissions('background-sync');
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="Keys" body="b"></sync-notify-button>`);
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(buttonOf(element));

      const afterEnter = oneEvent(element, 'sync-notify-error');
      await sendKeys({ press: 'Enter' });
      expect((await afterEnter).detail.reason).to.equal('permission-denied');

      const afterSpace = oneEvent(element, 'sync-notify-error');
      await sendKeys({ press: ' ' });
      expect((await afterSpace).detail.reason).to.equal('permission-denied');
      await element.updateComplete;
      expect(errorText(element)).to.equal(DENIED_TEXT);
    });
  });

  describe('unsupported', () => {
    // A sandboxed frame without allow-same-origin has an opaque origin: a real browser context
    // with no service workers (and no usable storage), where the element must explain itself.
    it('says what is missing when the page cannot use service workers, asking nothing', async () => {
      const { detail, onScreen, state } = await clickInFrame('', undefined, { sandboxed: true });
      expect(detail.reason).to.equal('unsupported');
      expect(state).to.equal('unsupported');
      expect(onScreen).to.equal(detail.message);
      expect(onScreen).to.equal(
        'This browser cannot send notifications later.',
      );
    });

    it('refuses an endpoint where the page did not load API calls, and says which file does', async () => {
      const { detail, onScreen, logged } = await clickInFrame('', 'title="t" body="b" endpoint="/api/messages"');
      expect(detail).to.deep.include({ reason: 'invalid-input', problem: { kind: 'api-calls-off', value: '/api/messages' } });
      expect(onScreen).to.equal('This button is not set up correctly, so nothing was queued.');
      expect(logged.join('\n')).to.include('load sync-notify-api-button.js instead of sync-notify-button.js');
    });
  });

  describe('themes', () => {
    const partOf = (element: SyncNotifyButton, part: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part="${part}"]`)!;

    it("follows a dark page's color-scheme, its error still readable, axe-clean", async () => {
      document.documentElement.style.colorScheme = 'dark';
      document.body.style.cssText = 'background: #121212; color: #e5e5e5';
      try {
        await setPermissions('background-sync');
        const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
        await clickAndWaitError(element);
        await element.updateComplete;
        expect(getComputedStyle(partOf(element, 'error')).color).to.equal('rgb(252, 165, 165)');
        await expect(element).to.be.accessible();
      } finally {
        document.documentElement.style.colorScheme = '';
        document.body.style.cssText = '';
      }
    });

    it('keeps the button a button in forced colours (Windows high contrast)', async function () {
      if (!(await emulateForcedColors(true))) this.skip(); // no forced-colors emulation in this browser's driver
      try {
        const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b">Send</sync-notify-button>`);
        const style = getComputedStyle(partOf(element, 'button'));
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        expect([style.borderTopStyle, style.borderTopWidth]).to.deep.equal(['solid', '1px']);
        await expect(element).to.be.accessible();
      } finally {
        await emulateForcedColors(false);
      }
    });
  });

  describe('on an iPhone or iPad', () => {
    it('asks for the site on the Home Screen, where a tab has no notifications, asking nothing', async () => {
      const { detail, onScreen, state } = await clickInFrame(`${AS_AN_IPHONE} delete window.Notification;`);
      expect(detail.reason).to.equal('install-required');
      expect(state).to.equal('unsupported');
      expect(onScreen).to.equal('To get notifications here, add this site to your Home Screen: tap Share, then “Add to Home Screen”.');
      expect(detail.message).to.equal(onScreen);
    });

    it('says the browser lacks notifications elsewhere, where no Home Screen helps', async () => {
      const { detail } = await clickInFrame('delete window.Notification;');
      expect(detail).to.deep.include({ reason: 'unsupported', missing: ['notifications'] });
    });

    it('sends a denied Home Screen app to the Settings app', async () => {
      await setPermissions('background-sync');
      const { detail, onScreen } = await clickInFrame(`${AS_AN_IPHONE} Object.defineProperty(navigator, 'standalone', { value: true });`);
      expect(detail.reason).to.equal('permission-denied');
      expect(onScreen).to.equal('Notifications are blocked for this site. Allow them in the Settings app › Notifications.');
    });
  });

  describe('permission', () => {
    it('leaves denied as soon as notifications are allowed again, without a reload', async () => {
      await setPermissions('background-sync');
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
      await clickAndWaitError(element);
      expect(element.state).to.equal('denied');
      const seen: string[] = [];
      document.addEventListener('visibilitychange', () => seen.push(document.visibilityState));
      await setPermissions('notifications', 'background-sync');
      // WebKit tells no page of a permission change: the person comes back from the settings.
      if (await hideAndShowPage()) expect(seen).to.include('visible');
      await waitUntil(() => element.state === 'idle', 'the element stayed denied');
      await element.updateComplete;
      expect(errorText(element)).to.equal('');
    });

    it('shows guidance when notifications are denied', async () => {
      await setPermissions('background-sync');
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
      const detail = await clickAndWaitError(element);
      expect(detail).to.deep.equal({ reason: 'permission-denied', message: DENIED_TEXT });
      await element.updateComplete;
      expect(errorText(element)).to.equal(DENIED_TEXT);
      expect(element.getAttribute('state')).to.equal('denied');
      expect(await countItems()).to.equal(0);
      await expect(element).to.be.accessible();
    });

    it('says so when the page has no service worker, queuing nothing', async () => {
      await setPermissions('notifications', 'background-sync');
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
      const detail = await clickAndWaitError(element);
      expect(detail.reason).to.equal('no-service-worker');
      expect(await countItems()).to.equal(0);
    });
  });

  describe('with a service worker', () => {
    before(() => registerHostWorker());
    after(async () => {
      await resetOrigin();
      await unregisterWorkers();
    });

    it('obeys notifications blocked after a press at the next press, on the same page', async () => {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
      const queued = oneEvent(element, 'sync-notify-queued');
      buttonOf(element).click();
      await queued;
      // setPermissions waits until the page was told (Chromium and Firefox keep the status the
      // press reads current; WebKit's always says `prompt`, and the press reads the permission).
      await setPermissions('background-sync');
      const detail = await clickAndWaitError(element);
      expect(detail.reason).to.equal('permission-denied');
      expect(await countItems()).to.be.below(2);
    });

    it('fires sync-notify-queued with the stored item and announces it', async () => {
      const element = await fixture<SyncNotifyButton>(
        html`<sync-notify-button title=${'Hi <b>there</b>'} body="b" url="/inbox?x=1"></sync-notify-button>`,
      );
      const queued = oneEvent(element, 'sync-notify-queued');
      buttonOf(element).click();
      const { item } = (await queued).detail;
      expect(item.notification).to.deep.include({
        title: 'Hi <b>there</b>',
        body: 'b',
        url: new URL('/inbox?x=1', location.href).href,
      });
      await waitUntil(() => element.state === 'sent');
      expect(statusText(element)).to.equal('“Hi <b>there</b>” sent.');
      expect(element.shadowRoot!.querySelector('b')).to.equal(null);
    });

    it('says nothing was queued when the outbox cannot store the item', async function () {
      // Firefox lets the database below be created only 3-7 s after the host worker closed its
      // connection (measured: the worker closes it within 5 ms of the versionchange; after a
      // page's own close, it goes through at once), and later still on a loaded machine.
      this.timeout(60_000);
      // Another script of the origin made a database of this name, its `items` without a key path:
      // storing an item there fails.
      await closeOutbox();
      await new Promise<void>((resolve) => (indexedDB.deleteDatabase('sync-notify-outbox').onsuccess = () => resolve()));
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('sync-notify-outbox', 1);
        request.onupgradeneeded = () => ['items', 'failures'].forEach((store) => request.result.createObjectStore(store));
        request.onsuccess = () => (request.result.close(), resolve());
        request.onerror = () => reject(request.error);
      });
      try {
        const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
        const detail = await clickAndWaitError(element);
        expect(detail).to.deep.equal({
          reason: 'storage-failed',
          message: 'This device could not save the notification, so nothing was queued. Please try again.',
        });
        await element.updateComplete;
        expect(errorText(element)).to.equal(detail.message);
        expect(element.getAttribute('state')).to.equal('error');
      } finally {
        await closeOutbox();
        await new Promise((resolve) => {
          indexedDB.deleteDatabase('sync-notify-outbox').onsuccess = resolve;
        });
      }
    });

    it('marks the button busy while a click is handled, and queues one item for every press', async function () {
      // It counts, it does not time: Firefox delivering 50 notifications took over 10 s on a busy
      // 2-core machine. Speed is the benchmark's (npm run bench).
      this.timeout(60_000);
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
      const queued: string[] = [];
      element.addEventListener('sync-notify-queued', ({ detail }) => queued.push(detail.item.id));
      buttonOf(element).click();
      await element.updateComplete;
      expect(element.state).to.equal('working');
      expect(buttonOf(element).getAttribute('aria-busy')).to.equal('true');
      // A burst of presses, each while earlier ones are still being stored: a press swallowed while
      // busy would show here as fewer items than presses.
      for (let press = 1; press < 50; press += 1) buttonOf(element).click();
      await waitUntil(() => queued.length === 50, `${queued.length} of 50 presses queued`);
      expect(new Set(queued).size).to.equal(50);
      await waitUntil(() => element.state === 'sent', 'never sent');
      expect(buttonOf(element).getAttribute('aria-busy')).to.equal('false');
      await waitUntil(async () => (await countItems()) === 0, 'the burst was not delivered', { timeout: 30_000 });
    });

    it('is accessible while idle and after sending', async () => {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b">Send</sync-notify-button>`);
      await expect(element).to.be.accessible();
      buttonOf(element).click();
      await waitUntil(() => element.state === 'sent', 'never sent');
      await expect(element).to.be.accessible();
    });
  });

  it('takes its sentences from the messages property', async () => {
    await setPermissions('background-sync');
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b"></sync-notify-button>`);
    element.messages = { permissionDenied: () => 'Benachrichtigungen sind blockiert.' };
    expect((await clickAndWaitError(element)).message).to.equal('Benachrichtigungen sind blockiert.');
  });
});
