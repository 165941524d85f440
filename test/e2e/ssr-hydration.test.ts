/**
 * Server rendering's other half: markup rendered by Lit SSR (test/support/ssr-render.mjs) is
 * hydrated by the element in the browser: the server's button is kept, and it works.
 */
// First, before Lit loads: Lit hydrates only when its support is installed ahead of it.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect, oneEvent } from '@open-wc/testing';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import { setPermissions } from '../support/browser.js';
import { errorText } from '../support/element.js';

describe('server-rendered <sync-notify-button>', () => {
  after(() => setPermissions('notifications', 'background-sync'));

  it('hydrates: keeps the button the server rendered, and handles its click', async () => {
    const markup = await (await fetch('/test/ssr/button.html')).text();
    const container = document.createElement('div');
    // Parses the declarative shadow root, as a page loaded from the server would.
    container.setHTMLUnsafe(markup);
    document.body.append(container);
    const element = container.querySelector<SyncNotifyButton>('sync-notify-button')!;
    const serverButton = element.shadowRoot?.querySelector('button');
    expect(serverButton, 'the server rendered a shadow root with a button').to.be.instanceOf(HTMLButtonElement);
    expect(customElements.get('sync-notify-button')).to.equal(undefined);

    await import('../../src/index.js');
    await element.updateComplete;
    const buttons = element.shadowRoot!.querySelectorAll('button');
    expect(buttons).to.have.length(1);
    expect(buttons[0]).to.equal(serverButton);

    await setPermissions('background-sync');
    const error = oneEvent(element, 'sync-notify-error');
    serverButton!.click();
    expect((await error).detail.reason).to.equal('permission-denied');
    await element.updateComplete;
    expect(errorText(element)).to.match(/^Notifications are blocked for this site/);
    container.remove();
  });
});
