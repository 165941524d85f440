/**
 * Lit renders through a Trusted Types policy named `lit-html`. On a page whose Content Security
 * Policy enforces Trusted Types without allowing that name, Lit stops as it loads and the element
 * is never defined: this says why, in the console. Imported before Lit, so that it listens by then:
 * its isServer comes from lit-html's module of that name alone, since `lit` would load Lit first.
 * Every page file imports it first, so that it is the first module of the chunk they share, ahead
 * of Lit's (a chunk imported by only some of them would run after that one).
 */
import { isServer } from 'lit-html/is-server.js';

if (!isServer) {
  document.addEventListener('securitypolicyviolation', ({ effectiveDirective, sample }) => {
    if (effectiveDirective === 'trusted-types' && sample === 'lit-html') {
      console.error(
        "sync-notify-button cannot start: add lit-html to the trusted-types directive of this page's Content-Security-Policy.",
      );
    }
  });
}
