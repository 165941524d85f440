/**
 * A page whose Content-Security-Policy enforces Trusted Types: the element is defined where the
 * policy allows lit-html, and where it does not, the console names the directive to change.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';

describe('a page whose Content-Security-Policy enforces Trusted Types', () => {
  /** Loads `page` (the button's file; `trusted-types-outbox.html`, the outbox element's alone) under `policy`. */
  async function load(policy: string, page = 'trusted-types.html', tag = 'sync-notify-button') {
    const frame = document.createElement('iframe');
    frame.title = 'a page with Trusted Types';
    frame.src = `/test/fixtures/${page}?policy=${encodeURIComponent(policy)}`;
    document.body.append(frame);
    const frameWindow = frame.contentWindow as Window & { loaded?: boolean; consoleErrors: string[]; refusePolicy: (name: string) => boolean };
    await waitUntil(() => frameWindow.loaded, 'the page never loaded');
    // A violation of the page's own, made now: its event comes after that of any policy Lit was refused as it loaded
    // (the browser fires them in order), so the hint has been written by then, or never will be.
    // Short: a report's sample is the first 40 characters.
    const marker = 'test-marker';
    const markerReported = new Promise((resolve) =>
      frameWindow.addEventListener('securitypolicyviolation', (event) => event.sample === marker && resolve(event)),
    );
    expect(frameWindow.refusePolicy(marker), 'the page refused the marker policy').to.equal(true);
    await markerReported;
    const result = { defined: !!frameWindow.customElements.get(tag), errors: frameWindow.consoleErrors };
    frame.remove();
    return result;
  }

  it('defines the element when the policy allows lit-html', async function () {
    if (!('trustedTypes' in window)) this.skip();
    const { defined, errors } = await load('trusted-types lit-html');
    expect(defined).to.equal(true);
    expect(errors).to.deep.equal([]);
  });

  it('tells the developer in the console which directive to change when it does not', async function () {
    if (!('trustedTypes' in window)) this.skip();
    const { defined, errors } = await load('trusted-types other-policy');
    expect(defined).to.equal(false);
    expect(errors.filter((error) => error.includes('trusted-types directive'))).to.deep.equal([
      "sync-notify-button cannot start: add lit-html to the trusted-types directive of this page's Content-Security-Policy.",
    ]);
  });

  it('says it on a page that loads only the outbox element, whose file shares the hint with the button’s', async function () {
    if (!('trustedTypes' in window)) this.skip();
    const { defined, errors } = await load('trusted-types other-policy', 'trusted-types-outbox.html', 'sync-notify-outbox');
    expect(defined).to.equal(false);
    expect(errors.filter((error) => error.includes('trusted-types directive'))).to.have.length(1);
  });
});
