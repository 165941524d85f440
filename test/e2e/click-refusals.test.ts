/**
 * Input refused at the click: nothing is queued, the person reads a neutral sentence and the
 * developer the problem, in the console; and a summary title's every {count} is replaced.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/sync-notify-api-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { countItems } from '../../src/page/outbox.js';
import { setOffline, useHostWorker, waitForNotifications } from '../support/browser.js';
import { clickAndWaitError, clickAndWaitQueued, errorText } from '../support/element.js';

describe('input refused at the click, with nothing queued', () => {
  useHostWorker();

  async function refusal(element: SyncNotifyButton) {
    const errors: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const detail = await clickAndWaitError(element);
      await element.updateComplete;
      return { detail, onScreen: errorText(element), console: errors };
    } finally {
      console.error = consoleError;
    }
  }

  const cases: [string, () => Promise<SyncNotifyButton>, object][] = [
    [
      'a title over 250 characters',
      () => fixture(html`<sync-notify-button title=${'x'.repeat(100_000)} body="b"></sync-notify-button>`),
      { kind: 'too-long', field: 'title', limit: 250 },
    ],
    [
      'a data attribute that is not JSON',
      () => fixture(html`<sync-notify-button title="t" body="b" endpoint="/api/messages" data="{room: general}"></sync-notify-button>`),
      { kind: 'invalid-data' },
    ],
    [
      'max-items that is not a number',
      () => fixture(html`<sync-notify-button title="t" body="b" max-items="many"></sync-notify-button>`),
      { kind: 'invalid-number', field: 'maxItems' },
    ],
    [
      'a negative max-age',
      () => fixture(html`<sync-notify-button title="t" body="b" max-age="-5"></sync-notify-button>`),
      { kind: 'invalid-number', field: 'maxAge', value: -5 },
    ],
    [
      'max-items of 0',
      () => fixture(html`<sync-notify-button title="t" body="b" max-items="0"></sync-notify-button>`),
      { kind: 'invalid-number', field: 'maxItems', value: 0 },
    ],
    [
      'a header value with a line break',
      () =>
        fixture(html`<sync-notify-button title="t" body="b" endpoint="/api/messages" .headers=${{ 'X-Note': 'a\r\nb' }}></sync-notify-button>`),
      { kind: 'invalid-header-value', value: 'X-Note' },
    ],
  ];

  for (const [name, make, problem] of cases) {
    it(`refuses ${name}`, async () => {
      const element = await make();
      const { detail, onScreen, console: logged } = await refusal(element);
      expect(detail.reason).to.equal('invalid-input');
      expect(detail.problem).to.deep.include(problem);
      // The person at the keyboard reads a neutral sentence; the developer reads the console.
      expect(onScreen).to.equal('This button is not set up correctly, so nothing was queued.');
      expect(logged).to.have.length(1);
      expect(logged[0][0]).to.equal('<sync-notify-button>:');
      expect(logged[0]).to.deep.include(detail.problem);
      expect(await countItems()).to.equal(0);
    });
  }

  it('replaces every {count} in a summary title', async () => {
    await setOffline(true);
    const element = await fixture<SyncNotifyButton>(html`<sync-notify-button title="t" body="b" summary></sync-notify-button>`);
    element.messages = { summaryTitle: '{count} sent: {count} in all' };
    await clickAndWaitQueued(element);
    await clickAndWaitQueued(element);
    await setOffline(false);
    const host = await navigator.serviceWorker.getRegistration();
    const [summary] = await waitForNotifications(host!, 1);
    expect(summary.title).to.equal('2 sent: 2 in all');
  });
});
