/** <sync-notify-outbox>: what waits and what failed, as the person at the keyboard meets it. */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/sync-notify-outbox.js';
import type { SyncNotifyOutbox } from '../../src/sync-notify-outbox.js';
import { queueApiCall } from '../../src/page/api-calls.js';
import { countItems } from '../../src/page/outbox.js';
import { listFailures } from '../../src/page/outbox-list.js';
import { queueNotification } from '../../src/page/queue.js';
import { outboxEmptied, setOffline, useHostWorker, waitForNotifications } from '../support/browser.js';
import { messagesEndpoint } from '../support/messages-endpoint.js';

const rows = (element: SyncNotifyOutbox) =>
  [...element.shadowRoot!.querySelectorAll('[part~="item"]')].map((row) => ({
    title: row.querySelector('[part="title"]')!.textContent!.trim(),
    state: row.querySelector('[part="state"]')!.textContent!.trim(),
    buttons: [...row.querySelectorAll('button')].map((button) => button.textContent!.trim()),
  }));

const buttonNamed = (element: SyncNotifyOutbox, name: string) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;

const said = (element: SyncNotifyOutbox) => element.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

describe('<sync-notify-outbox>', () => {
  const host = useHostWorker({ script: '/test/fixtures/api-sw.js' });

  it('says in one line that nothing waits, axe-clean', async () => {
    const element = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox></sync-notify-outbox>`);
    await waitUntil(() => element.shadowRoot!.querySelector('[part="empty"]'));
    expect(element.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('Nothing is waiting to be sent.');
    await expect(element).to.be.accessible();
  });

  it('lists what waits, cancels from the keyboard, and follows the reconnect live', async () => {
    const element = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox></sync-notify-outbox>`);
    await setOffline(true);
    await queueNotification({ title: 'First', body: 'b' }, host.registration);
    await queueNotification({ title: 'Second', body: 'b' }, host.registration);
    await waitUntil(() => rows(element).length === 2, 'the list never showed both items');
    expect(rows(element)).to.deep.equal([
      { title: 'First', state: 'Waiting for a connection', buttons: ['Cancel'] },
      { title: 'Second', state: 'Waiting for a connection', buttons: ['Cancel'] },
    ]);
    await expect(element).to.be.accessible();

    element.shadowRoot!.querySelector<HTMLButtonElement>('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(element).length === 1, 'Cancel did not take the item back');
    expect(rows(element)[0].title).to.equal('Second');
    await waitUntil(() => said(element) === '“First” cancelled.', 'the cancel was not announced');
    expect(await countItems()).to.equal(1);

    await setOffline(false);
    await waitUntil(() => element.shadowRoot!.querySelector('[part="empty"]'), 'the list did not empty on delivery');
    await waitUntil(() => said(element) === '“Second” sent.', 'the delivery was not announced');
    const shown = await waitForNotifications(host.registration, 1);
    expect(shown.map(({ title }) => title)).to.deep.equal(['Second']);
  });

  it('offers Retry now where a retry can succeed, and Dismiss for every failure', async () => {
    const element = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox></sync-notify-outbox>`);
    await queueApiCall({ title: 'Conflict', body: 'b', endpoint: (await messagesEndpoint([409, 201])).endpoint }, host.registration);
    await queueApiCall({ title: 'Malformed', body: 'b', endpoint: (await messagesEndpoint([422])).endpoint }, host.registration);
    // Two rows are not enough: the one still waiting is a row too, until the element hears of its refusal.
    const refused = () => rows(element).filter(({ state }) => state.startsWith('Refused by the server'));
    await waitUntil(() => refused().length === 2, 'the refusals were not listed');
    expect(rows(element)).to.deep.include.members([
      { title: 'Conflict', state: 'Refused by the server (HTTP 409)', buttons: ['Retry now', 'Dismiss'] },
      { title: 'Malformed', state: 'Refused by the server (HTTP 422)', buttons: ['Dismiss'] },
    ]);
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Retry now: Conflict').click();
    await waitForNotifications(host.registration, 1);
    buttonNamed(element, 'Dismiss: Malformed').click();
    await waitUntil(() => element.shadowRoot!.querySelector('[part="empty"]'), 'the list did not empty');
    expect(await listFailures()).to.deep.equal([]);
    await outboxEmptied();
  });

  it('offers Retry now, named with its title, for a call the server asked to wait for', async () => {
    const element = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox></sync-notify-outbox>`);
    await queueApiCall({ title: 'Busy', body: 'b', endpoint: (await messagesEndpoint([503, 201])).endpoint }, host.registration);
    await waitUntil(() => rows(element)[0]?.buttons.length === 2, 'the wait was not listed');
    const [row] = rows(element);
    expect(row.state).to.match(/^The server asked to wait: trying again at /);
    expect(row.buttons).to.deep.equal(['Retry now', 'Cancel']);
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Retry now: Busy').click();
    await waitForNotifications(host.registration, 1);
    await outboxEmptied();
  });
});
